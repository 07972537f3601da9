using Microsoft.EntityFrameworkCore;

namespace Menagerie.App.Persistence;

internal static class Saving
{
    /// <summary>Saves an update; a concurrent writer that got there first turns it into a conflict rather than a lost update.</summary>
    public static async Task<Outcome<T>> SaveAsync<T>(MenagerieDbContext db, string reason, Func<T> view, CancellationToken ct, bool created = false)
    {
        try
        {
            await db.SaveChangesAsync(reason, ct);
        }
        catch (DbUpdateException e) when (IsWriteConflict(e))
        {
            db.ChangeTracker.Clear();
            return new Outcome<T>.Conflict("Another change to this record was saved first; read it again and retry.");
        }
        return created ? new Outcome<T>.Created(view()) : new Outcome<T>.Ok(view());
    }

    /// <summary>
    /// True when the save lost a race: the version it read was no longer current, or a concurrent writer
    /// took the same event sequence number (the database's unique index catches that before the version check).
    /// </summary>
    public static bool IsWriteConflict(DbUpdateException e) =>
        e is DbUpdateConcurrencyException
        || e.InnerException is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 }
        || e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation };
}
