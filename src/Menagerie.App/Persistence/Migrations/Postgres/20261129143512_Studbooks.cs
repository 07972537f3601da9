using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Menagerie.App.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Studbooks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Studbooks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TaxonId = table.Column<Guid>(type: "uuid", nullable: true),
                    Scheme = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    KeeperId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Rows = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Studbooks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Studbooks_Taxa_TaxonId",
                        column: x => x.TaxonId,
                        principalTable: "Taxa",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Studbooks_Users_KeeperId",
                        column: x => x.KeeperId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StudbookIndividuals",
                columns: table => new
                {
                    StudbookId = table.Column<Guid>(type: "uuid", nullable: false),
                    IndividualId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudbookIndividuals", x => new { x.StudbookId, x.IndividualId });
                    table.ForeignKey(
                        name: "FK_StudbookIndividuals_Studbooks_StudbookId",
                        column: x => x.StudbookId,
                        principalTable: "Studbooks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StudbookIndividuals_IndividualId",
                table: "StudbookIndividuals",
                column: "IndividualId");

            migrationBuilder.CreateIndex(
                name: "IX_Studbooks_KeeperId",
                table: "Studbooks",
                column: "KeeperId");

            migrationBuilder.CreateIndex(
                name: "IX_Studbooks_TaxonId",
                table: "Studbooks",
                column: "TaxonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StudbookIndividuals");

            migrationBuilder.DropTable(
                name: "Studbooks");
        }
    }
}
