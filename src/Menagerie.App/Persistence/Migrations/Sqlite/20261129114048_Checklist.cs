using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Menagerie.App.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Checklist : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChecklistEditions",
                columns: table => new
                {
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Names = table.Column<int>(type: "INTEGER", nullable: false),
                    Listings = table.Column<int>(type: "INTEGER", nullable: false),
                    Corrections = table.Column<int>(type: "INTEGER", nullable: false),
                    Replaced = table.Column<string>(type: "TEXT", maxLength: 1500, nullable: true),
                    Digest = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChecklistEditions", x => x.Number);
                });

            migrationBuilder.CreateTable(
                name: "ChecklistListings",
                columns: table => new
                {
                    Edition = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Taxon = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Appendix = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ListingParty = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    Populations = table.Column<string>(type: "TEXT", nullable: false),
                    ExcludedPopulations = table.Column<string>(type: "TEXT", nullable: false),
                    ExcludedTaxa = table.Column<string>(type: "TEXT", nullable: false),
                    ExcludesDomesticated = table.Column<bool>(type: "INTEGER", nullable: false),
                    Annotation = table.Column<string>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChecklistListings", x => new { x.Edition, x.Sequence });
                    table.ForeignKey(
                        name: "FK_ChecklistListings_ChecklistEditions_Edition",
                        column: x => x.Edition,
                        principalTable: "ChecklistEditions",
                        principalColumn: "Number",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ChecklistNames",
                columns: table => new
                {
                    Edition = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Rank = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Parent = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    AcceptedName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    FirstListed = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChecklistNames", x => new { x.Edition, x.Name });
                    table.ForeignKey(
                        name: "FK_ChecklistNames_ChecklistEditions_Edition",
                        column: x => x.Edition,
                        principalTable: "ChecklistEditions",
                        principalColumn: "Number",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChecklistListings_Edition_Taxon",
                table: "ChecklistListings",
                columns: new[] { "Edition", "Taxon" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChecklistListings");

            migrationBuilder.DropTable(
                name: "ChecklistNames");

            migrationBuilder.DropTable(
                name: "ChecklistEditions");
        }
    }
}
