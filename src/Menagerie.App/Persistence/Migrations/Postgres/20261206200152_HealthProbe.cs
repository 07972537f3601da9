using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Menagerie.App.Persistence.Migrations.Postgres
{
    /// <summary>
    /// One row that the health check rewrites, to learn whether the database can still write (a full disk, a
    /// read-only server). It is no record: not in the model, not in the ledger.
    /// </summary>
    public partial class HealthProbe : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""CREATE TABLE "HealthProbes" ("Id" integer NOT NULL PRIMARY KEY, "CheckedAt" timestamp with time zone NOT NULL);""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TABLE "HealthProbes";""");
        }
    }
}
