using System.Reflection;
using Menagerie.App.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Menagerie.App.Ledger;

/// <summary>
/// A row of the records that is not as the ledger describes it: changed, added or removed outside the ledger (or,
/// for a derived row, out of step with what it is derived from). <see cref="Entry"/> is the ledger entry that last
/// described the row, when there is one; <see cref="Field"/> the first column that differs, when it is one column.
/// </summary>
public sealed record RowDifference(string EntityType, string EntityId, string? Field, long? Entry, string Problem);

/// <summary>What comparing the records with the ledger found: how many rows were read, how many differ, and the first.</summary>
public sealed record RecordsVerdict(long RowsChecked, int Differences, RowDifference? FirstDifference);

/// <summary>
/// Compares every row the ledger records one by one with the state its entries describe, table by table in the
/// order of their names and rows in the order of their keys, reading the records in batches; then what is derived
/// from other rows (<see cref="DerivedRecords"/>). A snapshot of a row is made exactly as the ledger makes one.
/// </summary>
internal sealed class RecordsCheck(MenagerieDbContext db, LedgerState state, byte[] secretKey)
{
    private const int BatchSize = 2000;

    private static readonly MethodInfo CompareTypeMethod =
        typeof(RecordsCheck).GetMethod(nameof(CompareTypeAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private long _rows;
    private int _differences;
    private RowDifference? _first;

    public async Task<RecordsVerdict> RunAsync(CancellationToken ct)
    {
        var types = db.Model.GetEntityTypes()
            .Where(t => t.BaseType is null && !t.IsOwned() && !t.HasSharedClrType && LedgerCapture.IsLedgered(t.ClrType))
            .OrderBy(t => t.ClrType.Name, StringComparer.Ordinal);
        foreach (var type in types)
            await (Task)CompareTypeMethod.MakeGenericMethod(type.ClrType).Invoke(this, [type, ct])!;
        await foreach (var derived in new DerivedRecords(db).CheckAsync(ct))
        {
            if (derived.Difference is { } difference)
                Differ(difference);
            _rows += derived.Rows;
        }
        return new(_rows, _differences, _first);
    }

    private async Task CompareTypeAsync<T>(IEntityType type, CancellationToken ct)
        where T : class
    {
        var name = type.ClrType.Name;
        var expected = state.Take(name);
        var key = type.FindPrimaryKey()!.Properties;
        var ordered = db.Set<T>().IgnoreQueryFilters().OrderBy(e => EF.Property<object>(e, key[0].Name));
        foreach (var part in key.Skip(1))
            ordered = ordered.ThenBy(e => EF.Property<object>(e, part.Name));
        for (var skip = 0; ; skip += BatchSize)
        {
            // Tracked, so that every column, shadow ones included, is read as the ledger reads it; then let go.
            var batch = await ordered.Skip(skip).Take(BatchSize).ToListAsync(ct);
            foreach (var row in batch)
                await CompareRowAsync(db.Entry(row), name, expected, ct);
            db.ChangeTracker.Clear();
            _rows += batch.Count;
            if (batch.Count < BatchSize)
                break;
        }
        foreach (var (id, left) in expected.Where(e => e.Value.Digest is not null).OrderBy(e => e.Value.Sequence))
            Differ(new(name, id, null, left.Sequence, $"{name} {id} is missing from the records: the ledger's entry {left.Sequence} says it exists, and no entry removed it."));
    }

    private async Task CompareRowAsync(EntityEntry row, string type, Dictionary<string, LedgerState.Expected> expected, CancellationToken ct)
    {
        var id = LedgerCapture.Key(row);
        if (!expected.Remove(id, out var described))
        {
            Differ(new(type, id, null, null, $"{type} {id} is in the records but in no ledger entry: it was added outside the ledger."));
            return;
        }
        if (described.Digest is not { } digest)
        {
            Differ(new(type, id, null, described.Sequence, $"{type} {id} is in the records, but the ledger's entry {described.Sequence} removed it."));
            return;
        }
        var snapshot = LedgerCapture.Snapshot(row, original: false, secretKey);
        if (LedgerState.Digest(type, snapshot) == digest)
            return;
        // Rare: a real difference, or an entry from before keyed hashes, which says of a credential only "(secret)".
        var entry = await db.LedgerEntries.AsNoTracking().SingleAsync(e => e.Sequence == described.Sequence, ct);
        if (FirstField(type, LedgerState.Fields(type, entry.After!), LedgerState.Fields(type, snapshot)) is { } field)
            Differ(new(type, id, field.Name, described.Sequence, field.Problem(type, id, described.Sequence)));
    }

    private sealed record FieldDifference(string Name, string? Ledger, string? Records, bool Secret)
    {
        public string Problem(string type, string id, long entry) => Secret
            ? $"{type} {id}: {Name} is not the value whose keyed hash the ledger's entry {entry} holds: it was changed outside the ledger."
            : $"{type} {id}: {Name} is {Shown(Records)} in the records, but the ledger's entry {entry} says {Shown(Ledger)}: it was changed outside the ledger.";

        // Normalised values carry a one-letter kind; an instant is shown as ticks, which is still enough to see it differs.
        private static string Shown(string? value) => value is null ? "empty" : value.Length > 81 ? $"'{value[1..81]}…'" : $"'{value[1..]}'";
    }

    private static FieldDifference? FirstField(string type, SortedDictionary<string, string?> ledger, SortedDictionary<string, string?> records)
    {
        foreach (var name in ledger.Keys.Union(records.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var was = ledger.GetValueOrDefault(name);
            var now = records.GetValueOrDefault(name);
            if (string.Equals(was, now, StringComparison.Ordinal))
                continue;
            var secret = LedgerSecrets.IsSecret(type, name);
            // An entry written before keyed hashes says only that there was a credential: as much is checked.
            if (secret && was == "s" + LedgerEntryView.SecretMark && now is not null)
                continue;
            return new(name, was, now, secret);
        }
        return null;
    }

    private void Differ(RowDifference difference)
    {
        _differences++;
        _first ??= difference;
    }
}
