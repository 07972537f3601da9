using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Menagerie.App.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Menagerie.App.Ledger;

internal sealed record Change(string EntityType, string EntityId, string Action, string? Before, string? After);

/// <summary>Turns the tracked changes of a save into ledger content: full snapshots before and after, as stored.</summary>
internal static class LedgerCapture
{
    /// <summary>True when the save changes any row the ledger records one by one.</summary>
    public static bool HasChanges(ChangeTracker tracker) =>
        tracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsLedgered(e.Metadata.ClrType));

    /// <summary>True when the save changes a row that holds a credential: the ledger then needs its key for keyed hashes.</summary>
    public static bool HasSecrets(ChangeTracker tracker) =>
        tracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && LedgerSecrets.HasSecrets(e.Metadata.ClrType.Name));

    /// <param name="tracker">The context's changes, about to be saved.</param>
    /// <param name="secretKey">The chain head's key for credentials; needed when <see cref="HasSecrets"/>.</param>
    public static List<Change> Capture(ChangeTracker tracker, byte[]? secretKey)
    {
        var changes = new List<Change>();
        foreach (var entry in tracker.Entries())
        {
            if (!IsLedgered(entry.Metadata.ClrType))
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
            var before = entry.State == EntityState.Added ? null : Snapshot(entry, original: true, secretKey);
            var after = entry.State == EntityState.Deleted ? null : Snapshot(entry, original: false, secretKey);
            changes.Add(new(entry.Metadata.ClrType.Name, Key(entry), action, before, after));
        }
        return changes;
    }

    /// <summary>
    /// True for the rows the ledger records one by one: all but its own, the access stamp, the census changes (derived
    /// from the holding periods, which it records, and checked against them by <c>audit verify</c>) and those recorded by their whole.
    /// </summary>
    public static bool IsLedgered(Type type) =>
        type != typeof(LedgerEntry) && type != typeof(LedgerHead) && type != typeof(Accounts.AccessStamp) && type != typeof(Specimens.CensusChange)
        && !IsRecordedByItsWhole(type);

    /// <summary>
    /// Rows that are entered as part of a whole, which the ledger records as one entry: the names and listings
    /// of an imported checklist, some 20,000 rows of reference data, are recorded as its edition, which carries
    /// their counts and digest and what it replaced; a studbook's individual ids are read from its file, which
    /// the studbook's entry identifies by SHA-256. <c>audit verify</c> recomputes both from their whole.
    /// </summary>
    public static bool IsRecordedByItsWhole(Type type) =>
        type == typeof(Studbooks.StudbookIndividual) || type == typeof(Compliance.Reference.ChecklistName) || type == typeof(Compliance.Reference.ChecklistListingRecord);

    /// <summary>The row's primary key as an entry names it: its parts as stored, joined by '/'.</summary>
    public static string Key(EntityEntry entry) =>
        string.Join('/', entry.Metadata.FindPrimaryKey()!.Properties.Select(p => p.GetTypeMapping().AsStored(entry.Property(p.Name).CurrentValue)));

    /// <summary>
    /// The row as an entry records it: every column as stored, credentials as keyed hashes, files as their digest; a JSON
    /// object of its fields in ordinal order, written as the serializer writes a sorted dictionary of them (which is how
    /// entries were first written, and what their hashes cover).
    /// </summary>
    public static string Snapshot(EntityEntry entry, bool original, byte[]? secretKey)
    {
        var type = entry.Metadata.ClrType.Name;
        var values = original ? entry.OriginalValues : entry.CurrentValues;
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var field in FieldsOf(entry.Metadata))
            {
                writer.WritePropertyName(field.Name);
                var value = values[field.Property];
                WriteValue(writer, value is null ? null
                    : field.Secret ? LedgerSecrets.Hash(secretKey ?? throw new InvalidOperationException("A credential is ledgered without the chain head's key."), type, field.Name, field.Mapping.AsStored(value)!)
                    : field.File && value is byte[] file ? Digest(file) : field.Mapping.AsStored(value));
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The common stored types as the serializer's own converters write them; any other by the serializer.</summary>
    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string text: writer.WriteStringValue(text); break;
            case Guid id: writer.WriteStringValue(id); break;
            case DateTime instant: writer.WriteStringValue(instant); break;
            case int number: writer.WriteNumberValue(number); break;
            case long number: writer.WriteNumberValue(number); break;
            case decimal number: writer.WriteNumberValue(number); break;
            case bool flag: writer.WriteBooleanValue(flag); break;
            default: JsonSerializer.Serialize(writer, value, value.GetType()); break;
        }
    }

    private sealed record Field(IProperty Property, CoreTypeMapping Mapping, string Name, bool Secret, bool File);

    private static readonly ConditionalWeakTable<IEntityType, Field[]> Fields = [];

    /// <summary>A row's fields in the order entries list them: ordinal, as a sorted dictionary kept them.</summary>
    private static Field[] FieldsOf(IEntityType type) => Fields.GetValue(type, static t =>
        [.. t.GetProperties()
            .Select(p => new Field(p, p.GetTypeMapping(), p.Name, LedgerSecrets.IsSecret(t.ClrType.Name, p.Name), Files.Contains($"{t.ClrType.Name}.{p.Name}")))
            .OrderBy(f => f.Name, StringComparer.Ordinal)]);

    /// <summary>Attached files, which enter the ledger by their SHA-256 and size: enough to tell whether one was changed.</summary>
    private static readonly HashSet<string> Files = new(StringComparer.Ordinal) { "TransferDocument.File", "Studbook.Content" };

    private static string Digest(byte[] file) =>
        $"sha256:{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file))} ({file.Length} bytes)";
}
