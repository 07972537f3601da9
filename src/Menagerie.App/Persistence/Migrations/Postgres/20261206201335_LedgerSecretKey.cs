using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Menagerie.App.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LedgerSecretKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "SecretKey",
                table: "LedgerHeads",
                type: "bytea",
                nullable: true);

            migrationBuilder.UpdateData(
                table: "LedgerHeads",
                keyColumn: "Id",
                keyValue: 1,
                column: "SecretKey",
                value: null);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SecretKey",
                table: "LedgerHeads");
        }
    }
}
