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

            // The census changes of the holding periods already recorded: each period adds its animals on the day it
            // begins and takes them away on the day it ends; one that begins and ends on a day, or in transit, counts nowhere.
            migrationBuilder.Sql("""
                INSERT INTO "CensusChanges" ("InstitutionId", "TaxonId", "Kind", "Day", "Specimens", "Males", "Females", "UnknownSex")
                SELECT c."InstitutionId", c."TaxonId", c."Kind", c."Day", SUM(c.n), SUM(c.m), SUM(c.f), SUM(c.u)
                FROM (
                    SELECT h."HolderId" AS "InstitutionId", s."TaxonId" AS "TaxonId", s."Kind" AS "Kind", date(h."From") AS "Day",
                        1 AS n, h."Males" AS m, h."Females" AS f, h."UnknownSex" AS u
                    FROM "HoldingPeriods" h JOIN "Specimens" s ON s."Id" = h."SpecimenId"
                    WHERE h."HolderId" IS NOT NULL AND (h."To" IS NULL OR date(h."To") <> date(h."From"))
                    UNION ALL
                    SELECT h."HolderId", s."TaxonId", s."Kind", date(h."To"), -1, -h."Males", -h."Females", -h."UnknownSex"
                    FROM "HoldingPeriods" h JOIN "Specimens" s ON s."Id" = h."SpecimenId"
                    WHERE h."HolderId" IS NOT NULL AND h."To" IS NOT NULL AND date(h."To") <> date(h."From")
                ) c
                GROUP BY c."InstitutionId", c."TaxonId", c."Kind", c."Day"
                HAVING SUM(c.n) <> 0 OR SUM(c.m) <> 0 OR SUM(c.f) <> 0 OR SUM(c.u) <> 0
                """);
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
