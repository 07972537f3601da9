using System.Text.Json;
using Menagerie.App.Ledger;
using Menagerie.App.Persistence;
using Menagerie.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using static Menagerie.App.Tests.Given;

namespace Menagerie.App.Tests.Ledger;

/// <summary>
/// A snapshot is part of what each entry's hash covers, and <c>audit verify</c> compares the records with the snapshots
/// written years before: the way it is written must not change. Every ledgered row of the sample (names in Russian and
/// Korean, dates, counts, identifiers, transfers and their steps) is written as the serializer wrote a sorted dictionary
/// of its stored values when the ledger began; and each entry's hash covers the same encoding of its fields as then.
/// </summary>
public sealed class LedgerSnapshotTests
{
    [Fact]
    public async Task A_snapshot_is_written_as_a_sorted_dictionary_of_the_stored_values_was()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var db = TestDatabase.Open(database.Options);
        await db.Countries.LoadAsync(Ct);
        await db.Institutions.LoadAsync(Ct);
        await db.Taxa.LoadAsync(Ct);
        await db.Specimens.LoadAsync(Ct);
        await db.SpecimenEvents.LoadAsync(Ct);
        await db.HoldingPeriods.LoadAsync(Ct);
        await db.SpecimenIdentifiers.LoadAsync(Ct);
        await db.Transfers.LoadAsync(Ct);
        await db.TransferLines.LoadAsync(Ct);
        await db.TransferSteps.LoadAsync(Ct);

        var entries = db.ChangeTracker.Entries().Where(e => LedgerCapture.IsLedgered(e.Metadata.ClrType)).ToList();

        Assert.True(entries.Count > 5_000);
        Assert.Equal(10, entries.Select(e => e.Metadata).Distinct().Count());
        Assert.All(entries, e => Assert.Equal(AsWrittenBefore(e), LedgerCapture.Snapshot(e, original: false, secretKey: null)));
    }

    [Fact]
    public async Task An_entry_is_hashed_as_the_serializer_wrote_an_array_of_its_fields_when_the_ledger_began()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using (var renaming = TestDatabase.Open(database.Options))
        {
            // A change, so that entries with a row before and after are hashed too.
            var moscow = await renaming.Institutions.SingleAsync(i => i.Code == "MOSCOW", Ct);
            renaming.Entry(moscow).Property(i => i.Name).CurrentValue = "Московский зоопарк «Moscow Zoo»";
            await renaming.SaveChangesAsync("renamed", Ct);
        }
        await using var db = TestDatabase.Open(database.Options);
        var entries = await db.LedgerEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(Ct);

        Assert.True(entries.Count > 5_000);
        Assert.Contains(entries, e => e.Before is not null);
        Assert.All(entries, e => Assert.Equal(HashedBefore(e), e.Hash));
    }

    private static string HashedBefore(LedgerEntry e)
    {
        var canonical = JsonSerializer.Serialize(new object?[]
        {
            e.Sequence, e.RecordedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture), e.Actor, e.EntityType, e.EntityId,
            e.Action, e.Before, e.After, e.Reason, e.PreviousHash,
        });
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonical)));
    }

    private static string AsWrittenBefore(EntityEntry entry)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            var value = property.CurrentValue;
            values[property.Metadata.Name] = value is null ? null : property.Metadata.GetTypeMapping().Converter?.ConvertToProvider(value) ?? value;
        }
        return JsonSerializer.Serialize(values);
    }
}
