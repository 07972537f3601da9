using System.Globalization;
using Menagerie.App.Compliance.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Menagerie.App.Persistence;

public static class DatabaseSetup
{
    /// <summary>
    /// Creates the database if needed, applies every migration not yet applied, and gives a database without
    /// a CITES checklist the one Menagerie ships (a ledger entry by the context's actor).
    /// </summary>
    public static async Task MigrateAsync(MenagerieDbContext db, CancellationToken ct)
    {
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            // Readers then never wait for the writer; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        await ChecklistImport.SeedAsync(db, ct);
    }

    /// <summary>
    /// True when the database exists and every migration of this build has been applied to it. The history table is read by plain
    /// statements: EF Core's own <c>GetPendingMigrationsAsync</c> builds a second model for that table and compiles a
    /// query over it, a sixth of the time of a short command at the command line (bench/RESULTS.md); and on PostgreSQL
    /// its check that the table exists answered yes for a database without one.
    /// </summary>
    public static async Task<bool> IsUpToDateAsync(MenagerieDbContext db, CancellationToken ct)
    {
        if (!await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(ct))
            return false;
        const string History = HistoryRepository.DefaultTableName;
        var exists = db.Database.IsSqlite()
            ? $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{History}'"
            : $"SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = '{History}'";
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = exists;
            if (Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) == 0)
                return false;
            command.CommandText = $"SELECT \"MigrationId\" FROM \"{History}\"";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                applied.Add(reader.GetString(0));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return db.Database.GetMigrations().All(applied.Contains);
    }
}
