using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Menagerie.App.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccountsTimeZonesAvailability : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Disabled",
                table: "Users",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "AvailabilityNote",
                table: "Specimens",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "AvailableForTransfer",
                table: "Specimens",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Institutions recorded before time zones keep their days in UTC until an administrator sets their zone.
            migrationBuilder.AddColumn<string>(
                name: "TimeZone",
                table: "Institutions",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "UTC");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Disabled",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "AvailabilityNote",
                table: "Specimens");

            migrationBuilder.DropColumn(
                name: "AvailableForTransfer",
                table: "Specimens");

            migrationBuilder.DropColumn(
                name: "TimeZone",
                table: "Institutions");
        }
    }
}
