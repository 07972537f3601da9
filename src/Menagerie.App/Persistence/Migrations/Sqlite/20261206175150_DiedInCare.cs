using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Menagerie.App.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DiedInCare : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "DiedAtId",
                table: "Specimens",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Specimens_DiedAtId",
                table: "Specimens",
                column: "DiedAtId");

            migrationBuilder.AddForeignKey(
                name: "FK_Specimens_Institutions_DiedAtId",
                table: "Specimens",
                column: "DiedAtId",
                principalTable: "Institutions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            // The animals that died before: where they died is where their last holding period was.
            migrationBuilder.Sql("""
                UPDATE "Specimens" SET "DiedAtId" = (
                    SELECT h."HolderId" FROM "HoldingPeriods" h WHERE h."SpecimenId" = "Specimens"."Id" ORDER BY h."Index" DESC LIMIT 1)
                WHERE "Status" = 'Dead';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Specimens_Institutions_DiedAtId",
                table: "Specimens");

            migrationBuilder.DropIndex(
                name: "IX_Specimens_DiedAtId",
                table: "Specimens");

            migrationBuilder.DropColumn(
                name: "DiedAtId",
                table: "Specimens");
        }
    }
}
