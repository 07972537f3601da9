using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Menagerie.App.Persistence.Migrations.Postgres
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
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    TaxonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Specimens = table.Column<int>(type: "integer", nullable: false),
                    Males = table.Column<int>(type: "integer", nullable: false),
                    Females = table.Column<int>(type: "integer", nullable: false),
                    UnknownSex = table.Column<int>(type: "integer", nullable: false)
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
                    SELECT h."HolderId" AS "InstitutionId", s."TaxonId" AS "TaxonId", s."Kind" AS "Kind", (h."From" AT TIME ZONE 'UTC')::date AS "Day",
                        1 AS n, h."Males" AS m, h."Females" AS f, h."UnknownSex" AS u
                    FROM "HoldingPeriods" h JOIN "Specimens" s ON s."Id" = h."SpecimenId"
                    WHERE h."HolderId" IS NOT NULL AND (h."To" IS NULL OR (h."To" AT TIME ZONE 'UTC')::date <> (h."From" AT TIME ZONE 'UTC')::date)
                    UNION ALL
                    SELECT h."HolderId", s."TaxonId", s."Kind", (h."To" AT TIME ZONE 'UTC')::date, -1, -h."Males", -h."Females", -h."UnknownSex"
                    FROM "HoldingPeriods" h JOIN "Specimens" s ON s."Id" = h."SpecimenId"
                    WHERE h."HolderId" IS NOT NULL AND h."To" IS NOT NULL AND (h."To" AT TIME ZONE 'UTC')::date <> (h."From" AT TIME ZONE 'UTC')::date
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
