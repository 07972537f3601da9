using System.Globalization;
using System.Text.Json;

namespace Menagerie.App.Ledger;

/// <summary>
/// One field of a ledger entry, as stored before and after the change (null where the entry has no such side);
/// a value that is the id of an institution or a taxon has its code or scientific name beside it.
/// </summary>
public sealed record LedgerFieldChange(string Field, string? Before, string? After, string? BeforeName = null, string? AfterName = null);

/// <summary>
/// A ledger entry as a person reads it: who, when, what and why, and the fields that changed. Secrets are
/// shown as the ledger stores them, masked (<see cref="LedgerEntryView.SecretMark"/>).
/// </summary>
public sealed record LedgerEntryView(
    long Sequence, DateTime RecordedAt, string Actor, string EntityType, string EntityId, string Action, string? Reason,
    IReadOnlyList<LedgerFieldChange> Changes)
{
    /// <summary>What a reader is shown in place of a credential: only that there is one (and what entries written before keyed hashes hold).</summary>
    public const string SecretMark = "(secret)";

    public static LedgerEntryView Of(LedgerEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var changes = Diff(e.Before, e.After)
            .Select(c => LedgerSecrets.IsSecret(e.EntityType, c.Field) ? c with { Before = Masked(c.Before), After = Masked(c.After) } : c).ToList();
        return new(e.Sequence, e.RecordedAt, e.Actor, e.EntityType, e.EntityId, e.Action, e.Reason, changes);
    }

    /// <summary>A credential's keyed hash is not shown either: readers learn only that there is one, and when it changed.</summary>
    private static string? Masked(string? value) => value is null ? null : SecretMark;

    /// <summary>
    /// The fields an entry changed: every field an addition set or a deletion cleared, and for a modification
    /// those whose stored value differs. The version counter, which every change bumps, is left out.
    /// </summary>
    public static IReadOnlyList<LedgerFieldChange> Diff(string? before, string? after)
    {
        var old = Fields(before);
        var @new = Fields(after);
        var changes = new List<LedgerFieldChange>();
        foreach (var field in old.Keys.Union(@new.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (string.Equals(field, "Version", StringComparison.Ordinal))
                continue;
            var was = old.GetValueOrDefault(field);
            var now = @new.GetValueOrDefault(field);
            if (before is not null && after is not null && string.Equals(was, now, StringComparison.Ordinal))
                continue;
            if (was is null && now is null)
                continue;
            changes.Add(new(field, before is null ? null : was, after is null ? null : now));
        }
        return changes;
    }

    private static Dictionary<string, string?> Fields(string? snapshot)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(snapshot))
            return fields;
        using var document = JsonDocument.Parse(snapshot);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
            return fields;
        foreach (var property in document.RootElement.EnumerateObject())
            fields[property.Name] = Text(property.Value);
        return fields;
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.TryGetDecimal(out var d) ? d.ToString(CultureInfo.InvariantCulture) : value.GetRawText(),
        _ => value.GetRawText(),
    };
}

/// <summary>A page of an entity's ledger entries, newest first; <see cref="OlderBefore"/> asks for the next page when there is one.</summary>
public sealed record LedgerPage(IReadOnlyList<LedgerEntryView> Entries, long? OlderBefore);

/// <summary>The verdict of <c>audit verify</c> and the record it concerns: the one the broken entry records, when that entry is there, or the first row that differs from the ledger.</summary>
public sealed record LedgerVerdict(AuditReport Report, string? BrokenEntityType, string? BrokenEntityId);
