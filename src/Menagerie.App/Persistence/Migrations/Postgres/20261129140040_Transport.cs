using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Menagerie.App.Persistence.Migrations.Postgres
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
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Attendant",
                table: "SpecimenEvents",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "ElbowHeightCm",
                table: "SpecimenEvents",
                type: "numeric(8,1)",
                precision: 8,
                scale: 1,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Fed",
                table: "SpecimenEvents",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "HeightCm",
                table: "SpecimenEvents",
                type: "numeric(8,1)",
                precision: 8,
                scale: 1,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "LengthCm",
                table: "SpecimenEvents",
                type: "numeric(8,1)",
                precision: 8,
                scale: 1,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sedation",
                table: "SpecimenEvents",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "TemperatureC",
                table: "SpecimenEvents",
                type: "numeric(5,1)",
                precision: 5,
                scale: 1,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Watered",
                table: "SpecimenEvents",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "WidthCm",
                table: "SpecimenEvents",
                type: "numeric(8,1)",
                precision: 8,
                scale: 1,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "TransferJourneys",
                columns: table => new
                {
                    TransferId = table.Column<Guid>(type: "uuid", nullable: false),
                    Document = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
