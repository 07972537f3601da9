using Menagerie.App.Installations;
using Menagerie.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Menagerie.App.Ledger;

/// <summary>What <c>audit verify --checkpoint</c> found of one checkpoint: whether the ledger still holds the entry it anchors.</summary>
public sealed record CheckpointVerdict(long Sequence, string Hash, DateTime WrittenAt, string Installation, bool Holds, string? Problem);

/// <summary>Writes checkpoints of the ledger's head, signed with the installation's key (made on first use, as for transfer packages).</summary>
public sealed class LedgerCheckpoints(MenagerieDbContext db, InstallationCommands installation, AuditVerifier verifier)
{
    /// <summary>
    /// Verifies the ledger, then signs the last entry verified. A ledger found broken is not anchored: a checkpoint
    /// of it would vouch for the tampering.
    /// </summary>
    public async Task<Outcome<LedgerCheckpoint>> WriteAsync(CancellationToken ct)
    {
        if (await installation.KeyAsync(ct) is not { } key)
            return new Outcome<LedgerCheckpoint>.Forbidden("Ledger checkpoints are signed by an administrator.");
        if (!key.IsValid)
            return key.Violations.ToList();
        var report = await verifier.VerifyAsync(ct);
        if (!report.Intact)
            return new List<Domain.RuleViolation> { new("ledger.broken", "ledger", $"The ledger does not verify, so it is not anchored: {report.Problem}") };
        var hash = report.HeadSequence == 0
            ? LedgerEntry.GenesisHash
            : await db.LedgerEntries.AsNoTracking().Where(e => e.Sequence == report.HeadSequence).Select(e => e.Hash).SingleAsync(ct);
        return new Outcome<LedgerCheckpoint>.Ok(LedgerCheckpoint.Sign(key.Value, report.HeadSequence, hash, db.UtcNow));
    }

    /// <summary>
    /// Whether the checkpoint is this installation's and its signature holds. The key it is checked against is the one
    /// in the database: a forger who replaced that key cannot sign as the old one, so older checkpoints then fail here.
    /// </summary>
    internal static async Task<string?> SignatureProblemAsync(MenagerieDbContext db, LedgerCheckpoint checkpoint, CancellationToken ct)
    {
        var key = await db.InstallationKeys.AsNoTracking().FirstOrDefaultAsync(ct);
        if (key is null)
            return $"The checkpoint is signed by installation '{checkpoint.Installation}', but these records have no installation key: it was not written here, or the key has been removed.";
        var fingerprint = PublicKeys.Fingerprint(key.PublicKey);
        if (!string.Equals(fingerprint, checkpoint.Fingerprint, StringComparison.Ordinal))
            return $"The checkpoint is signed with the key {checkpoint.Fingerprint}, not this installation's key {fingerprint}: it was written by another installation, or this installation's key has been replaced.";
        if (!checkpoint.IsSignedBy(key.PublicKey))
            return $"The checkpoint's signature does not verify against this installation's key {fingerprint}: the file was changed after it was written, or forged.";
        return null;
    }

    /// <summary>Compares the checkpoint with the ledger: the entry it anchors must still be there, with the same hash.</summary>
    internal static CheckpointVerdict Compare(LedgerCheckpoint checkpoint, long lastEntry, string? hashAtCheckpoint, string? signatureProblem)
    {
        var written = $"{checkpoint.WrittenAt.ToUniversalTime():yyyy-MM-dd HH:mm:ss} UTC";
        var problem = signatureProblem
            ?? (checkpoint.Sequence > lastEntry
                ? $"The ledger has been cut short: the checkpoint of {written} anchors entry {checkpoint.Sequence}, but the ledger ends at entry {lastEntry}."
                : !string.Equals(hashAtCheckpoint, checkpoint.Hash, StringComparison.Ordinal)
                    ? $"The ledger has been rewritten: entry {checkpoint.Sequence} is not the one the checkpoint of {written} anchors (hash {hashAtCheckpoint}, the checkpoint says {checkpoint.Hash})."
                    : null);
        return new(checkpoint.Sequence, checkpoint.Hash, checkpoint.WrittenAt, checkpoint.Installation, problem is null, problem);
    }
}
