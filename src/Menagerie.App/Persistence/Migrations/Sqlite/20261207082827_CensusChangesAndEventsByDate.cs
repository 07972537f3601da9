using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Menagerie.App.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CensusChangesAndEventsByDate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CensusChanges",
                columns: table => new
                {
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TaxonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Specimens = table.Column<int>(type: "INTEGER", nullable: false),
                    Males = table.Column<int>(type: "INTEGER", nullable: false),
                    Females = table.Column<int>(type: "INTEGER", nullable: false),
                    UnknownSex = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CensusChanges", x => new { x.InstitutionId, x.TaxonId, x.Kind, x.Day });
                });

            migrationBuilder.CreateIndex(
                name: "IX_SpecimenEvents_SpecimenId_Date_At",
                table: "SpecimenEvents",
                columns: new[] { "SpecimenId", "Date", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CensusChanges");

            migrationBuilder.DropIndex(
                name: "IX_SpecimenEvents_SpecimenId_Date_At",
                table: "SpecimenEvents");
        }
    }
}
