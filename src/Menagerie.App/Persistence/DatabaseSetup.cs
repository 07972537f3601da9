using Menagerie.App.Compliance.Reference;
using Microsoft.EntityFrameworkCore;

namespace Menagerie.App.Persistence;

public static class DatabaseSetup
{
    private const string CensusChangesMigration = "CensusChangesAndEventsByDate";

    /// <summary>
    /// Creates the database if needed, applies every migration not yet applied, and gives a database without
    /// a CITES checklist the one Menagerie ships (a ledger entry by the context's actor).
    /// </summary>
    public static async Task MigrateAsync(MenagerieDbContext db, CancellationToken ct)
    {
        var pending = await db.Database.GetPendingMigrationsAsync(ct);
        await db.Database.MigrateAsync(ct);
        // The census changes are derived from the holding periods: counted once when their table is made, kept in step since.
        if (pending.Any(m => m.EndsWith("_" + CensusChangesMigration, StringComparison.Ordinal)))
            await Specimens.PeriodCensus.RebuildAsync(db, ct);
        if (db.Database.IsSqlite())
        {
            // Readers then never wait for the writer; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        await ChecklistImport.SeedAsync(db, ct);
    }
}
