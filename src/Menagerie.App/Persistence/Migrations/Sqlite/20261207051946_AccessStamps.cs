using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Menagerie.App.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccessStamps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AccessStamps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessStamps", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "AccessStamps",
                columns: new[] { "Id", "Value" },
                values: new object[] { 1, 0L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccessStamps");
        }
    }
}
