using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Menagerie.App.Persistence.Migrations.Postgres
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
                    Number = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Taxon = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Quota = table.Column<decimal>(type: "numeric", nullable: false),
                    Unit = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Published = table.Column<DateOnly>(type: "date", nullable: true),
                    Notes = table.Column<string>(type: "text", nullable: false),
                    Url = table.Column<string>(type: "text", nullable: true),
                    File = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Line = table.Column<int>(type: "integer", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExportQuotas", x => x.Number);
                });

            migrationBuilder.CreateTable(
                name: "TradeSuspensions",
                columns: table => new
                {
                    Number = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Taxon = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Start = table.Column<DateOnly>(type: "date", nullable: false),
                    StartNotification = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    End = table.Column<DateOnly>(type: "date", nullable: true),
                    EndNotification = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Valid = table.Column<bool>(type: "boolean", nullable: false),
                    Notes = table.Column<string>(type: "text", nullable: false),
                    File = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Line = table.Column<int>(type: "integer", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "date", nullable: false)
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
