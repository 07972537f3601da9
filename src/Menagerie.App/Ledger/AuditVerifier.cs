using Menagerie.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Menagerie.App.Ledger;

/// <summary>
/// The verdict of <c>audit verify</c>. <see cref="Problem"/> is the first thing found wrong, in the order checked: the
/// hash chain (<see cref="BrokenAt"/> the first broken or missing entry), the checkpoint when one was given, then the
/// records (<see cref="Records"/>, compared only with a chain that holds).
/// </summary>
public sealed record AuditReport(bool Intact, long EntriesChecked, long HeadSequence, string? Problem, long? BrokenAt)
{
    public CheckpointVerdict? Checkpoint { get; init; }
    public RecordsVerdict? Records { get; init; }
}

/// <summary>
/// Walks the ledger's hash chain from the first entry to the head and names the first entry that is missing or
/// altered; holds the chain against a signed checkpoint, which finds entries removed from the end together with the
/// head rewound; and compares the records with the state the entries describe, which finds a row changed, added or
/// removed without the ledger. It reads one snapshot of the database, so writers at work meanwhile are not mistaken
/// for tampering.
/// </summary>
public sealed class AuditVerifier(MenagerieDbContext db)
{
    private const int BatchSize = 5000;

    public Task<AuditReport> VerifyAsync(CancellationToken ct) => VerifyAsync(null, ct);

    /// <summary>
    /// The whole verification reads one snapshot, so it runs as one unit of the execution strategy: a dropped
    /// connection starts it again from the beginning rather than mixing two instants.
    /// </summary>
    public Task<AuditReport> VerifyAsync(LedgerCheckpoint? checkpoint, CancellationToken ct) =>
        db.Database.CurrentTransaction is not null
            ? VerifyInSnapshotAsync(checkpoint, ct)
            : db.Database.CreateExecutionStrategy().ExecuteAsync(attempt => VerifyInSnapshotAsync(checkpoint, attempt), ct);

    private async Task<AuditReport> VerifyInSnapshotAsync(LedgerCheckpoint? checkpoint, CancellationToken ct)
    {
        await using var snapshot = await db.BeginSnapshotAsync(ct);
        var head = await db.LedgerHeads.AsNoTracking().SingleOrDefaultAsync(ct);
        if (head is null)
            return new(false, 0, 0, "The ledger's chain head is missing.", null);

        var state = new LedgerState();
        long expected = 1;
        var previousHash = LedgerEntry.GenesisHash;
        var hashAtCheckpoint = checkpoint?.Sequence == 0 ? LedgerEntry.GenesisHash : null;
        while (true)
        {
            var batch = await db.LedgerEntries.AsNoTracking().Where(e => e.Sequence >= expected)
                .OrderBy(e => e.Sequence).Take(BatchSize).ToListAsync(ct);
            foreach (var entry in batch)
            {
                if (entry.Sequence != expected)
                    return Broken(expected, $"Entry {expected} is missing: the chain jumps from {expected - 1} to {entry.Sequence}.");
                if (!string.Equals(entry.PreviousHash, previousHash, StringComparison.Ordinal))
                    return Broken(expected, $"Entry {expected} does not follow entry {expected - 1}: its previous-hash does not match.");
                if (!string.Equals(entry.ComputeHash(), entry.Hash, StringComparison.Ordinal))
                    return Broken(expected, $"Entry {expected} has been altered: its content does not match its hash.");
                state.Add(entry);
                if (entry.Sequence == checkpoint?.Sequence)
                    hashAtCheckpoint = entry.Hash;
                previousHash = entry.Hash;
                expected++;
            }
            if (batch.Count < BatchSize)
                break;
        }

        var last = expected - 1;
        if (last != head.Sequence)
        {
            return last < head.Sequence
                ? Broken(last + 1, $"Entry {last + 1} is missing: the chain head says {head.Sequence} entries, the ledger ends at {last}.")
                : Broken(head.Sequence + 1, $"Entries after {head.Sequence} are not part of the chain: the head says {head.Sequence}.");
        }
        if (!string.Equals(head.Hash, previousHash, StringComparison.Ordinal))
            return Broken(last, $"Entry {last} does not match the chain head's hash.");

        CheckpointVerdict? anchored = null;
        long? cutAt = null;
        if (checkpoint is not null)
        {
            var signature = await LedgerCheckpoints.SignatureProblemAsync(db, checkpoint, ct);
            anchored = LedgerCheckpoints.Compare(checkpoint, last, hashAtCheckpoint, signature);
            if (signature is null && !anchored.Holds)
                cutAt = Math.Min(checkpoint.Sequence, last + 1);
        }
        // Without a key no keyed hash can match: a ledger that holds some then reports the credentials, as it should.
        var records = await new RecordsCheck(db, state, head.SecretKey ?? LedgerSecrets.NewKey()).RunAsync(ct);
        var report = new AuditReport(true, last, head.Sequence, null, null) { Checkpoint = anchored, Records = records };
        if (anchored is { Holds: false })
            return report with { Intact = false, Problem = anchored.Problem, BrokenAt = cutAt };
        if (records.FirstDifference is { } difference)
            return report with { Intact = false, Problem = difference.Problem };
        return report;

        AuditReport Broken(long at, string problem) => new(false, expected - 1, head.Sequence, problem, at);
    }
}
