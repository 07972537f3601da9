using Menagerie.App.Persistence;
using Menagerie.Domain;
using Menagerie.Domain.Specimens;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Menagerie.App.Specimens;

/// <summary>
/// How an institution's holdings of one taxon changed on a day: how many more individuals (or groups, by
/// <see cref="Kind"/>) it held at the end of the day than at the end of the day before, and how many more animals
/// of each sex; negative when fewer. Derived from the holding periods and kept in step with them by every save,
/// so that the census of any date adds up these rows rather than reading the periods of every animal.
/// </summary>
public sealed class CensusChange
{
    private CensusChange() { }

    public InstitutionId InstitutionId { get; private set; }
    public TaxonId TaxonId { get; private set; }
    public SpecimenKind Kind { get; private set; }
    public DateOnly Day { get; private set; }
    public int Specimens { get; private set; }
    public int Males { get; private set; }
    public int Females { get; private set; }
    public int UnknownSex { get; private set; }

    internal CensusKey Key => new(InstitutionId, TaxonId, Kind, Day);

    internal CensusTally Tally => new(Specimens, Males, Females, UnknownSex);

    internal bool IsNone => Tally == default;

    internal static CensusChange Create(CensusKey key, CensusTally tally) => new()
    {
        InstitutionId = key.Institution,
        TaxonId = key.Taxon,
        Kind = key.Kind,
        Day = key.Day,
        Specimens = tally.Specimens,
        Males = tally.Males,
        Females = tally.Females,
        UnknownSex = tally.Unknown,
    };

    internal void Add(CensusTally tally) =>
        (Specimens, Males, Females, UnknownSex) = (Specimens + tally.Specimens, Males + tally.Males, Females + tally.Females, UnknownSex + tally.Unknown);
}

internal readonly record struct CensusKey(InstitutionId Institution, TaxonId Taxon, SpecimenKind Kind, DateOnly Day);

internal readonly record struct CensusTally(int Specimens, int Males, int Females, int Unknown)
{
    public static CensusTally operator +(CensusTally a, CensusTally b) =>
        new(a.Specimens + b.Specimens, a.Males + b.Males, a.Females + b.Females, a.Unknown + b.Unknown);

    public static CensusTally operator -(CensusTally a) => new(-a.Specimens, -a.Males, -a.Females, -a.Unknown);
}

/// <summary>
/// The census changes that holding periods make. A period counts at the end of every day from the day it begins
/// to the day before it ends (a census counts what was held at the end of its day): it adds its animals on its
/// first day and takes them away on the day it ends; a period that begins and ends on one day, or in transit, counts nowhere.
/// </summary>
internal sealed class PeriodCensus
{
    private readonly Dictionary<CensusKey, CensusTally> _changes = [];

    public IReadOnlyDictionary<CensusKey, CensusTally> ByDay => _changes;

    public void Add(InstitutionId? holder, TaxonId taxon, SpecimenKind kind, DateTime from, DateTime? to, int males, int females, int unknown, int sign)
    {
        if (holder is not { } institution)
            return;
        var first = DateOnly.FromDateTime(from);
        var end = to is { } until ? DateOnly.FromDateTime(until) : (DateOnly?)null;
        if (first == end)
            return;
        var tally = new CensusTally(sign, sign * males, sign * females, sign * unknown);
        Change(new(institution, taxon, kind, first), tally);
        if (end is { } last)
            Change(new(institution, taxon, kind, last), -tally);
    }

    /// <summary>Adds the census changes of the specimen's holding periods as they are.</summary>
    public void AddPeriodsOf(Specimen specimen)
    {
        foreach (var h in specimen.Holdings)
            Add(h.HolderId, specimen.TaxonId, specimen.Kind, h.From, h.To, h.Males, h.Females, h.UnknownSex, +1);
    }

    /// <summary>Adds another set of changes to these.</summary>
    public void Include(PeriodCensus other)
    {
        foreach (var (key, tally) in other._changes)
            Change(key, tally);
    }

    private void Change(CensusKey key, CensusTally tally)
    {
        var sum = _changes.GetValueOrDefault(key) + tally;
        if (sum == default)
            _changes.Remove(key);
        else
            _changes[key] = sum;
    }

    /// <summary>What the holding periods added, changed or removed in the change tracker do to the census.</summary>
    public static async Task<PeriodCensus> OfTrackedAsync(MenagerieDbContext db, CancellationToken ct)
    {
        var changes = new PeriodCensus();
        var periods = db.ChangeTracker.Entries<HoldingPeriod>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        if (periods.Count == 0)
            return changes;
        var specimens = db.ChangeTracker.Entries<Specimen>().ToDictionary(e => e.Entity.Id, e => (e.Entity.TaxonId, e.Entity.Kind));
        foreach (var period in periods)
        {
            var id = period.Entity.SpecimenId;
            if (!specimens.TryGetValue(id, out var specimen))
            {
                // A period is changed through its specimen, which is tracked with it; read it when it is not.
                var read = await db.Specimens.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.TaxonId, s.Kind }).SingleAsync(ct);
                specimens[id] = specimen = (read.TaxonId, read.Kind);
            }
            if (period.State is EntityState.Modified or EntityState.Deleted)
                changes.Add(period.OriginalValues, specimen, -1);
            if (period.State is EntityState.Added or EntityState.Modified)
                changes.Add(period.CurrentValues, specimen, +1);
        }
        return changes;
    }

    private void Add(PropertyValues values, (TaxonId Taxon, SpecimenKind Kind) specimen, int sign) => Add(
        values.GetValue<InstitutionId?>(nameof(HoldingPeriod.HolderId)), specimen.Taxon, specimen.Kind,
        values.GetValue<DateTime>(nameof(HoldingPeriod.From)), values.GetValue<DateTime?>(nameof(HoldingPeriod.To)),
        values.GetValue<int>(nameof(HoldingPeriod.Males)), values.GetValue<int>(nameof(HoldingPeriod.Females)), values.GetValue<int>(nameof(HoldingPeriod.UnknownSex)), sign);

    /// <summary>
    /// Adds these changes to the stored rows, tracked for the caller's save: inside the transaction that holds the
    /// ledger's chain head, so that no other writer changes the same rows in between.
    /// </summary>
    public async Task ApplyAsync(MenagerieDbContext db, CancellationToken ct)
    {
        foreach (var atInstitution in _changes.GroupBy(c => c.Key.Institution))
        {
            var institution = atInstitution.Key;
            var (first, last) = (atInstitution.Min(c => c.Key.Day), atInstitution.Max(c => c.Key.Day));
            var stored = await db.CensusChanges.Where(c => c.InstitutionId == institution && c.Day >= first && c.Day <= last).ToDictionaryAsync(c => c.Key, ct);
            foreach (var (key, tally) in atInstitution)
            {
                if (!stored.TryGetValue(key, out var row))
                {
                    db.CensusChanges.Add(CensusChange.Create(key, tally));
                    continue;
                }
                row.Add(tally);
                if (row.IsNone)
                    db.CensusChanges.Remove(row);
            }
        }
    }
}
