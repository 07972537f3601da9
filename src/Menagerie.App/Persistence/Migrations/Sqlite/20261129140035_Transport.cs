using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Menagerie.App.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Transport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Family",
                table: "Taxa",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Attendant",
                table: "SpecimenEvents",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "ElbowHeightCm",
                table: "SpecimenEvents",
                type: "TEXT",
                precision: 8,
                scale: 1,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Fed",
                table: "SpecimenEvents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "HeightCm",
                table: "SpecimenEvents",
                type: "TEXT",
                precision: 8,
                scale: 1,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "LengthCm",
                table: "SpecimenEvents",
                type: "TEXT",
                precision: 8,
                scale: 1,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sedation",
                table: "SpecimenEvents",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "TemperatureC",
                table: "SpecimenEvents",
                type: "TEXT",
                precision: 5,
                scale: 1,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Watered",
                table: "SpecimenEvents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "WidthCm",
                table: "SpecimenEvents",
                type: "TEXT",
                precision: 8,
                scale: 1,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "TransferJourneys",
                columns: table => new
                {
                    TransferId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Document = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TransferJourneys", x => x.TransferId);
                    table.ForeignKey(
                        name: "FK_TransferJourneys_Transfers_TransferId",
                        column: x => x.TransferId,
                        principalTable: "Transfers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TransferJourneys");

            migrationBuilder.DropColumn(
                name: "Family",
                table: "Taxa");

            migrationBuilder.DropColumn(
                name: "Attendant",
                table: "SpecimenEvents");

            migrationBuilder.DropColumn(
                name: "ElbowHeightCm",
                table: "SpecimenEvents");

            migrationBuilder.DropColumn(
                name: "Fed",
                table: "SpecimenEvents");

            migrationBuilder.DropColumn(
                name: "HeightCm",
                table: "SpecimenEvents");

            migrationBuilder.DropColumn(
                name: "LengthCm",
                table: "SpecimenEvents");

            migrationBuilder.DropColumn(
                name: "Sedation",
                table: "SpecimenEvents");

            migrationBuilder.DropColumn(
                name: "TemperatureC",
                table: "SpecimenEvents");

            migrationBuilder.DropColumn(
                name: "Watered",
                table: "SpecimenEvents");

            migrationBuilder.DropColumn(
                name: "WidthCm",
                table: "SpecimenEvents");
        }
    }
}
