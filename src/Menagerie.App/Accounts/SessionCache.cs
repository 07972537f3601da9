using System.Runtime.CompilerServices;
using Menagerie.App.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

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
    /// restored from a backup has another): one small query, compiled once for each provider's model, on each
    /// signed-in request.
    /// </summary>
    internal static async Task<Stamps> ReadAsync(MenagerieDbContext db, CancellationToken ct)
    {
        var read = await Read.GetValue(db.Model, static _ => EF.CompileAsyncQuery((MenagerieDbContext db, CancellationToken ct) =>
            db.AccessStamps.Where(s => s.Id == Row)
                .Select(s => new StampRow(s.Value, db.LedgerHeads.Where(h => h.Id == Ledger.LedgerHead.SingletonId).Select(h => h.Hash).First()))
                .First()))(db, ct);
        return new Stamps(read.Access, Convert.ToInt64(read.LedgerHash[..16], 16));
    }

    private static readonly ConditionalWeakTable<IModel, Func<MenagerieDbContext, CancellationToken, Task<StampRow>>> Read = [];

    private sealed record StampRow(long Access, string LedgerHash);

    /// <param name="Access">The access stamp.</param>
    /// <param name="Ledger">The first 64 bits of the ledger head's hash.</param>
    internal sealed record Stamps(long Access, long Ledger);
}

/// <summary>Who is behind a token or a sign-in cookie, with their memberships, under the <see cref="AccessStamp"/>.</summary>
public sealed class SessionCache(TimeProvider time) : StampedCache<SignedInUser>(time, capacity: 10_000);

