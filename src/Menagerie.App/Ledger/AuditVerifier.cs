using Menagerie.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Menagerie.App.Ledger;

public sealed record AuditReport(bool Intact, long EntriesChecked, long HeadSequence, string? Problem, long? BrokenAt);

/// <summary>Walks the ledger's hash chain from the first entry to the head, and names the first entry that is missing or altered.</summary>
public sealed class AuditVerifier(MenagerieDbContext db)
{
    private const int BatchSize = 5000;

    public async Task<AuditReport> VerifyAsync(CancellationToken ct)
    {
        var head = await db.LedgerHeads.AsNoTracking().SingleOrDefaultAsync(ct);
        if (head is null)
            return new(false, 0, 0, "The ledger's chain head is missing.", null);

        long expected = 1;
        var previousHash = LedgerEntry.GenesisHash;
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
        return new(true, last, head.Sequence, null, null);

        AuditReport Broken(long at, string problem) => new(false, expected - 1, head.Sequence, problem, at);
    }
}
