using System.Runtime.CompilerServices;
using Menagerie.App.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Menagerie.App.Accounts;

/// <summary>
/// One row that takes a new value whenever a user, a membership or an API token changes, in the same transaction,
/// whichever process writes it: the web app, another web process on the same PostgreSQL, the command line on the
/// same SQLite file. Sessions read while it had one value are reused while it keeps it (<see cref="SessionCache"/>).
/// </summary>
public sealed class AccessStamp
{
    public const int Row = 1;

    public int Id { get; private set; } = Row;

    /// <summary>Random, not counted: two processes changing access at once need not read it to change it.</summary>
    public long Value { get; private set; }

    /// <summary>Gives the stamp a new value in the save about to be made, when it changes anyone's access.</summary>
    internal static void TouchIfAccessChanges(MenagerieDbContext db)
    {
        if (!db.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && e.Entity is User or Membership or ApiToken))
            return;
        var stamp = db.ChangeTracker.Entries<AccessStamp>().FirstOrDefault() ?? db.Attach(new AccessStamp());
        stamp.Property(s => s.Value).CurrentValue = Random.Shared.NextInt64();
    }

    /// <summary>
    /// The stamp's value and the ledger's last sequence number now, which moves with every change to the records:
    /// one small query, compiled once for each provider's model, on each signed-in request.
    /// </summary>
    internal static Task<Stamps> ReadAsync(MenagerieDbContext db, CancellationToken ct) =>
        Read.GetValue(db.Model, static _ => EF.CompileAsyncQuery((MenagerieDbContext db, CancellationToken ct) =>
            db.AccessStamps.Where(s => s.Id == Row)
                .Select(s => new Stamps(s.Value, db.LedgerHeads.Where(h => h.Id == Ledger.LedgerHead.SingletonId).Select(h => h.Sequence).First()))
                .First()))(db, ct);

    private static readonly ConditionalWeakTable<IModel, Func<MenagerieDbContext, CancellationToken, Task<Stamps>>> Read = [];

    internal sealed record Stamps(long Access, long Ledger);
}

/// <summary>Who is behind a token or a sign-in cookie, with their memberships, under the <see cref="AccessStamp"/>.</summary>
public sealed class SessionCache(TimeProvider time) : StampedCache<SignedInUser>(time, capacity: 10_000);

