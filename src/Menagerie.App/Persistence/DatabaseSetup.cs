using System.Globalization;
using Menagerie.App.Compliance.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

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
    /// True when the database exists and every migration of this build has been applied to it. The history table is
    /// read by plain statements: EF Core's own <c>GetPendingMigrationsAsync</c> builds a second model for that table and
    /// compiles a query over it, a sixth of the time of a short command at the command line (bench/RESULTS.md). On
    /// PostgreSQL its check that the table exists still answered yes, in a test, once the table had been dropped, and
    /// its check that the database exists opens a second connection.
    /// </summary>
    public static async Task<bool> IsUpToDateAsync(MenagerieDbContext db, CancellationToken ct)
    {
        const string History = HistoryRepository.DefaultTableName;
        var sqlite = db.Database.IsSqlite();
        if (sqlite && !await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(ct))
            return false;
        try
        {
            await db.Database.OpenConnectionAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            return false;
        }
        var applied = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            // Found as the read below finds it: on PostgreSQL by the search path, not in one schema.
            command.CommandText = sqlite
                ? $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{History}'"
                : $"SELECT count(to_regclass('\"{History}\"'))";
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
