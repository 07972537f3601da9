using Menagerie.App.Compliance.Reference;
using Microsoft.EntityFrameworkCore;

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
}
