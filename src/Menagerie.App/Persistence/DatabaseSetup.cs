using Microsoft.EntityFrameworkCore;

namespace Menagerie.App.Persistence;

public static class DatabaseSetup
{
    /// <summary>Creates the database if needed and applies every migration not yet applied.</summary>
    public static async Task MigrateAsync(MenagerieDbContext db, CancellationToken ct)
    {
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            // Readers then never wait for the writer; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }
}
