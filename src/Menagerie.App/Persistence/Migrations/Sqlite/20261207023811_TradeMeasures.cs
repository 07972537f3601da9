using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Menagerie.App.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TradeMeasures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ExportQuotas",
                columns: table => new
                {
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Taxon = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Quota = table.Column<decimal>(type: "TEXT", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Published = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", nullable: false),
                    Url = table.Column<string>(type: "TEXT", nullable: true),
                    File = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Line = table.Column<int>(type: "INTEGER", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExportQuotas", x => x.Number);
                });

            migrationBuilder.CreateTable(
                name: "TradeSuspensions",
                columns: table => new
                {
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Taxon = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartNotification = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    End = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndNotification = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Valid = table.Column<bool>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", nullable: false),
                    File = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Line = table.Column<int>(type: "INTEGER", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TradeSuspensions", x => x.Number);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExportQuotas");

            migrationBuilder.DropTable(
                name: "TradeSuspensions");
        }
    }
}
