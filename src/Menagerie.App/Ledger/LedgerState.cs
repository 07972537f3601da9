using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Menagerie.Domain.Compliance;
using Menagerie.Domain.Documents;

namespace Menagerie.App.Ledger;

/// <summary>
/// The state of the records as the ledger's entries describe it: for every row, the entry that last touched it and
/// a digest of what that entry says the row became (none when it deleted the row). Built while the chain is walked,
/// so each entry is read once; a digest rather than the snapshot keeps a large ledger small in memory.
/// </summary>
internal sealed class LedgerState
{
    private readonly Dictionary<string, Dictionary<string, Expected>> _types = new(StringComparer.Ordinal);

    /// <summary>What the ledger last said of a row: the entry, and the digest of its after-state, or none when it deleted the row.</summary>
    public readonly record struct Expected(long Sequence, UInt128? Digest);

    public void Add(LedgerEntry entry)
    {
        if (!_types.TryGetValue(entry.EntityType, out var rows))
            _types[entry.EntityType] = rows = new(StringComparer.Ordinal);
        rows[entry.EntityId] = new(entry.Sequence, entry.After is null ? null : Digest(entry.EntityType, entry.After));
    }

    /// <summary>The rows of one type, taken out of the state: what is left over once the records are read is missing from them.</summary>
    public Dictionary<string, Expected> Take(string entityType) =>
        _types.Remove(entityType, out var rows) ? rows : new(StringComparer.Ordinal);

    /// <summary>A digest of a snapshot's values as the database gives them back, whichever provider and however they were written.</summary>
    public static UInt128 Digest(string entityType, string snapshot)
    {
        var text = new StringBuilder();
        foreach (var (field, value) in Fields(entityType, snapshot))
            text.Append(field).Append('\u0001').Append(value).Append('\u0002');
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return new UInt128(BitConverter.ToUInt64(hash, 0), BitConverter.ToUInt64(hash, 8));
    }

    /// <summary>
    /// A snapshot's fields, each value normalised: a number by its value (PostgreSQL gives 126.400 back for 126.4), an
    /// instant to the microsecond both providers keep, in UTC. A text that merely looks like an instant is treated
    /// alike on both sides, so it compares as it should.
    /// </summary>
    public static SortedDictionary<string, string?> Fields(string entityType, string snapshot)
    {
        var fields = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(snapshot);
        foreach (var property in document.RootElement.EnumerateObject())
            fields[property.Name] = AsNowStored(entityType, property.Name, Normalized(property.Value));
        return fields;
    }

    /// <summary>
    /// A value as it is stored now, where an earlier version stored the same value otherwise: a document's type was
    /// its enum name (<c>CitesExportPermit</c>) until it took the name shipment files give it (<c>export-permit</c>).
    /// An entry stays as it was written; it is read as describing the row it did.
    /// </summary>
    private static string? AsNowStored(string entityType, string field, string? value) =>
        entityType == nameof(TransferDocument) && field == nameof(TransferDocument.Type)
            && value is ['s', var first, ..] && char.IsAsciiLetterUpper(first) && Enum.TryParse<DocumentType>(value[1..], out var type) && Enum.IsDefined(type)
            ? "s" + DocumentNames.Name(type)
            : value;

    private static string? Normalized(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.Number when value.TryGetDecimal(out var d) => "n" + d.ToString("G29", CultureInfo.InvariantCulture),
        JsonValueKind.String when value.GetString() is { Length: >= 19 } s && s[10] == 'T'
            && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) =>
            "t" + (instant.UtcTicks - (instant.UtcTicks % 10)).ToString(CultureInfo.InvariantCulture),
        JsonValueKind.String => "s" + value.GetString(),
        _ => "j" + value.GetRawText(),
    };
}
