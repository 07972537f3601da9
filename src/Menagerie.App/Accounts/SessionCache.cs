using System.Data.Common;
using Menagerie.App.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Npgsql;

namespace Menagerie.App.Accounts;

/// <summary>
/// One row that takes a new value whenever someone's access changes (<see cref="TouchIfAccessChanges"/>), in the same
/// transaction, whichever process writes it: the web app, another web process on the same PostgreSQL, the command line on the
/// same SQLite file. Sessions read while it had one value are reused while it keeps it (<see cref="SessionCache"/>).
/// </summary>
public sealed class AccessStamp
{
    public const int Row = 1;

    public int Id { get; private set; } = Row;

    /// <summary>Random, not counted: two processes changing access at once need not read it to change it.</summary>
    public long Value { get; private set; }

    /// <summary>
    /// Gives the stamp a new value in the save about to be made, when it changes anyone's access: a membership or a
    /// token, or a user's name, security stamp or being disabled. A wrong password (the count of failed attempts)
    /// changes no session, and so does not make every signed-in request read its user again.
    /// </summary>
    internal static void TouchIfAccessChanges(MenagerieDbContext db)
    {
        if (!db.ChangeTracker.Entries().Any(ChangesAccess))
            return;
        var stamp = db.ChangeTracker.Entries<AccessStamp>().FirstOrDefault() ?? db.Attach(new AccessStamp());
        stamp.Property(s => s.Value).CurrentValue = Random.Shared.NextInt64();
    }

    private static bool ChangesAccess(EntityEntry entry) => entry switch
    {
        { State: EntityState.Unchanged or EntityState.Detached } => false,
        { Entity: Membership or ApiToken } => true,
        { Entity: User, State: EntityState.Modified } => SessionFields.Any(f => entry.Property(f).IsModified),
        { Entity: User } => true,
        _ => false,
    };

    private static readonly string[] SessionFields =
        [nameof(User.UserName), nameof(User.NormalizedUserName), nameof(User.SecurityStamp), nameof(User.Disabled)];

    /// <summary>
    /// The stamp's value and the ledger's head now, whose hash names the exact state of the records (a database
    /// restored from a backup has another): one small query on each signed-in request. It is read on a connection of
    /// its own from the provider's pool, not through EF Core, so that a request answered from the caches never
    /// sets up a context's services; a connection PostgreSQL dropped is retried as EF Core would retry it.
    /// </summary>
    internal static async Task<Stamps> ReadAsync(DatabaseOptions database, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ReadOnceAsync(database, ct);
            }
            catch (NpgsqlException e) when (e.IsTransient && attempt < MaxAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), ct);
            }
        }
    }

    private const int MaxAttempts = 6;

    // The tables and columns of the migrations; every signed-in request in the tests goes through this query.
    private static readonly string StampsQuery =
        $"""SELECT s."Value", h."Hash" FROM "AccessStamps" AS s, "LedgerHeads" AS h WHERE s."Id" = {Row} AND h."Id" = {Ledger.LedgerHead.SingletonId}""";

    private static async Task<Stamps> ReadOnceAsync(DatabaseOptions database, CancellationToken ct)
    {
        await using DbConnection connection = database.Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(database.ConnectionString)
            : new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = StampsQuery;
        // Npgsql keeps a prepared statement with the pooled connection, so PostgreSQL plans this query once per connection.
        if (connection is NpgsqlConnection)
            await command.PrepareAsync(ct);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
            throw new InvalidOperationException("The access stamp or the ledger's head is missing: the database is not migrated.");
        return new Stamps(reader.GetInt64(0), Convert.ToInt64(reader.GetString(1)[..16], 16));
    }

    /// <param name="Access">The access stamp.</param>
    /// <param name="Ledger">The first 64 bits of the ledger head's hash.</param>
    internal sealed record Stamps(long Access, long Ledger);
}

/// <summary>Who is behind a token or a sign-in cookie, with their memberships, under the <see cref="AccessStamp"/>.</summary>
public sealed class SessionCache(TimeProvider time) : StampedCache<SignedInUser>(time, capacity: 10_000);

