using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Menagerie.App.Ledger;

internal sealed record Change(string EntityType, string EntityId, string Action, string? Before, string? After);

/// <summary>Turns the tracked changes of a save into ledger content: full snapshots before and after, as stored.</summary>
internal static class LedgerCapture
{
    public static List<Change> Capture(ChangeTracker tracker)
    {
        var changes = new List<Change>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.Entity is LedgerEntry or LedgerHead || IsRecordedByItsWhole(entry.Entity))
                continue;
            var action = entry.State switch
            {
                EntityState.Added => "added",
                EntityState.Modified => "modified",
                EntityState.Deleted => "deleted",
                _ => null,
            };
            if (action is null)
                continue;
            var before = entry.State == EntityState.Added ? null : Snapshot(entry, original: true);
            var after = entry.State == EntityState.Deleted ? null : Snapshot(entry, original: false);
            changes.Add(new(entry.Metadata.ClrType.Name, Key(entry), action, before, after));
        }
        return changes;
    }

    /// <summary>
    /// Rows that are entered as part of a whole, which the ledger records as one entry: the names and listings
    /// of an imported checklist, some 20,000 rows of reference data, are recorded as its edition, which carries
    /// their counts and digest and what it replaced; a studbook's individual ids are read from its file, which
    /// the studbook's entry identifies by SHA-256.
    /// </summary>
    private static bool IsRecordedByItsWhole(object entity) =>
        entity is Studbooks.StudbookIndividual or Compliance.Reference.ChecklistName or Compliance.Reference.ChecklistListingRecord;

    private static string Key(EntityEntry entry) =>
        string.Join('/', entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Stored(p, entry.Property(p.Name).CurrentValue)));

    /// <summary>Credentials never enter the ledger, which many people may read: only that they changed.</summary>
    private static readonly HashSet<string> Secrets = new(StringComparer.Ordinal)
    {
        "User.PasswordHash", "User.SecurityStamp", "User.ConcurrencyStamp", "ApiToken.Hash", "IdentityUserToken`1.Value",
        "InstallationKey.PrivateKey",
    };

    private static string Snapshot(EntityEntry entry, bool original)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            var value = original ? property.OriginalValue : property.CurrentValue;
            var name = $"{entry.Metadata.ClrType.Name}.{property.Metadata.Name}";
            values[property.Metadata.Name] = Secrets.Contains(name)
                ? (value is null ? null : "(secret)")
                : value is byte[] file && Files.Contains(name) ? Digest(file) : Stored(property.Metadata, value);
        }
        return JsonSerializer.Serialize(values);
    }

    /// <summary>Attached files, which enter the ledger by their SHA-256 and size: enough to tell whether one was changed.</summary>
    private static readonly HashSet<string> Files = new(StringComparer.Ordinal) { "TransferDocument.File", "Studbook.Content" };

    private static string Digest(byte[] file) =>
        $"sha256:{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file))} ({file.Length} bytes)";

    /// <summary>The value as the database stores it (an id as its Guid, counts as 1.2.0).</summary>
    private static object? Stored(Microsoft.EntityFrameworkCore.Metadata.IReadOnlyProperty property, object? value) =>
        value is null ? null : property.GetTypeMapping().Converter?.ConvertToProvider(value) ?? value;
}
