using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Menagerie.App.Persistence;

/// <summary>
/// Failures of the database rather than of the request: it restarts, is busy past the wait, refuses writes or has
/// no room. Nothing was saved, and the same request can succeed later, so callers answer "unavailable, retry"
/// rather than "error".
/// </summary>
public static class DatabaseFailures
{
    /// <summary>How long a client should wait before retrying, in seconds: about a PostgreSQL restart.</summary>
    public const int RetryAfterSeconds = 5;

    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is RetryLimitExceededException || Classify(e))
                return true;
        }
        return false;
    }

    private static bool Classify(Exception e) => e switch
    {
        SqliteException s => s.SqliteErrorCode is Busy or Locked or ReadOnly or IoError or Full or CannotOpen,
        PostgresException p => p.SqlState.StartsWith("08", StringComparison.Ordinal) // connection lost
            || p.SqlState.StartsWith("53", StringComparison.Ordinal) // disk full, out of memory, too many connections
            || p.SqlState.StartsWith("57P", StringComparison.Ordinal) // shutting down, starting up
            || p.SqlState is PostgresErrorCodes.ReadOnlySqlTransaction or "58030", // read-only database, I/O error
        NpgsqlException n => n.IsTransient,
        TimeoutException => true,
        _ => false,
    };

    private const int Busy = 5, Locked = 6, ReadOnly = 8, IoError = 10, Full = 13, CannotOpen = 14;

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction under the provider's execution strategy, so that a
    /// transient failure retries the whole of it. Each attempt must start from nothing: the context is cleared first.
    /// Inside a transaction already begun, it is simply part of that one.
    /// </summary>
    public static async Task<T> InTransactionAsync<T>(this MenagerieDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(work);
        if (db.Database.CurrentTransaction is not null)
            return await work(ct);
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async attempt =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(attempt);
            var result = await work(attempt);
            await transaction.CommitAsync(attempt);
            return result;
        }, ct);
    }
}
