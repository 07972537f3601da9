using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace Menagerie.App.Ledger;

/// <summary>
/// One committed change: who, when (UTC), which entity, before and after, and why. Each entry carries
/// the SHA-256 of the one before it, so that editing or removing any entry breaks the chain.
/// </summary>
public sealed class LedgerEntry
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    private LedgerEntry() { Actor = EntityType = EntityId = Action = PreviousHash = Hash = ""; }

    public long Sequence { get; private set; }
    public DateTime RecordedAt { get; private set; }
    public string Actor { get; private set; }
    public string EntityType { get; private set; }
    public string EntityId { get; private set; }

    /// <summary>added, modified or deleted.</summary>
    public string Action { get; private set; }

    public string? Before { get; private set; }
    public string? After { get; private set; }
    public string? Reason { get; private set; }
    public string PreviousHash { get; private set; }
    public string Hash { get; private set; }

    internal static LedgerEntry Create(
        long sequence, DateTime recordedAt, string actor, string entityType, string entityId, string action,
        string? before, string? after, string? reason, string previousHash)
    {
        var entry = new LedgerEntry
        {
            Sequence = sequence,
            RecordedAt = recordedAt,
            Actor = actor,
            EntityType = entityType,
            EntityId = entityId,
            Action = action,
            Before = before,
            After = after,
            Reason = reason,
            PreviousHash = previousHash,
        };
        entry.Hash = entry.ComputeHash();
        return entry;
    }

    /// <summary>The hash of this entry's content and its predecessor's hash, as hex.</summary>
    public string ComputeHash()
    {
        // A JSON array is an unambiguous encoding: no field can run into the next. Written as the serializer writes an
        // array of these values, which is what every hash in the chain covers.
        var canonical = new ArrayBufferWriter<byte>(2048);
        using (var writer = new Utf8JsonWriter(canonical))
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(Sequence);
            writer.WriteStringValue(RecordedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            // A null field is written as JSON null, as the serializer wrote it.
            foreach (var text in (ReadOnlySpan<string?>)[Actor, EntityType, EntityId, Action, Before, After, Reason, PreviousHash])
                writer.WriteStringValue(text);
            writer.WriteEndArray();
        }
        return Convert.ToHexStringLower(SHA256.HashData(canonical.WrittenSpan));
    }
}

/// <summary>The end of the chain: the last sequence number and hash. Appends lock this row, so concurrent writers cannot fork the chain.</summary>
public sealed class LedgerHead
{
    public const int SingletonId = 1;

    private LedgerHead() { Hash = LedgerEntry.GenesisHash; }

    public int Id { get; private set; } = SingletonId;
    public long Sequence { get; private set; }
    public string Hash { get; private set; }

    /// <summary>
    /// The key of the keyed hashes that stand for credentials in entries (<see cref="LedgerSecrets"/>): 32 random
    /// bytes, made by the first save that ledgers a credential. Kept here rather than derived from the installation's
    /// signing key, which is made only when a partner or a checkpoint first needs it, under the name chosen by then.
    /// </summary>
    public byte[]? SecretKey { get; private set; }

    internal void Advance(LedgerEntry entry) => (Sequence, Hash) = (entry.Sequence, entry.Hash);

    internal byte[] EnsureSecretKey() => SecretKey ??= LedgerSecrets.NewKey();

    internal static LedgerHead Genesis() => new();
}
