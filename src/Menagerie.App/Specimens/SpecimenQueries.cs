using System.Text.Json;
using Menagerie.App.Institutions;
using Menagerie.App.Persistence;
using Menagerie.Domain;
using Menagerie.Domain.Specimens;
using Microsoft.EntityFrameworkCore;

namespace Menagerie.App.Specimens;

/// <summary>
/// Which specimens a list shows: held by (or owned by) an institution, of a taxon, in a status, of a sex
/// (individuals), with <see cref="OnLoan"/> only those whose holder is not their owner, and with
/// <see cref="Available"/> those marked available for transfer (true) or not (false).
/// </summary>
public sealed record SpecimenFilter(
    string? Holder = null, string? Taxon = null, SpecimenStatus? Status = null, int Offset = 0, int Limit = 100,
    Sex? Sex = null, string? Owner = null, bool OnLoan = false, bool? Available = null);

public sealed record SpecimenPage(int Total, int Offset, int Limit, IReadOnlyList<SpecimenView> Items);

public sealed class SpecimenQueries(MenagerieDbContext db, Accounts.Access access, CachedReads reads)
{
    public const int MaxPageSize = 1000;

    public Task<Outcome<SpecimenView>> GetAsync(string reference, CancellationToken ct) =>
        reads.GetAsync<Outcome<SpecimenView>>("specimen " + reference, async () => await SpecimenLookup.FindAsync(db, reference, ct, visible: access.CanRead) switch
        {
            SpecimenLookup.Found f => new Outcome<SpecimenView>.Ok((await NamesForAsync([f.Specimen], ct)).Specimen(f.Specimen)),
            SpecimenLookup.Ambiguous a => new Outcome<SpecimenView>.Invalid([new("specimen.ambiguous", "id", a.Message)]),
            _ => new Outcome<SpecimenView>.NotFound($"No specimen with id or identifier '{reference}'."),
        });

    public async Task<Outcome<HistoryView>> HistoryAsync(string reference, CancellationToken ct)
    {
        switch (await SpecimenLookup.FindAsync(db, reference, ct, SpecimenLookup.Reading.HistoryShown, visible: access.CanRead))
        {
            case SpecimenLookup.Found { Specimen: var specimen }:
                var names = await NamesForAsync([specimen], ct);
                return new Outcome<HistoryView>.Ok(new HistoryView(names.Specimen(specimen), names.Events(specimen)));
            case SpecimenLookup.Ambiguous a:
                return new Outcome<HistoryView>.Invalid([new("specimen.ambiguous", "id", a.Message)]);
            default:
                return new Outcome<HistoryView>.NotFound($"No specimen with id or identifier '{reference}'.");
        }
    }

    public Task<Outcome<SpecimenPage>> ListAsync(SpecimenFilter filter, CancellationToken ct) =>
        reads.GetAsync("specimens " + JsonSerializer.Serialize(filter), () => ReadListAsync(filter, ct), page => page is Outcome<SpecimenPage>.Ok ok ? ok.Value.Items.Count + 1 : 1);

    private async Task<Outcome<SpecimenPage>> ReadListAsync(SpecimenFilter filter, CancellationToken ct)
    {
        var problems = new List<RuleViolation>();
        if (filter.Limit is < 1 or > MaxPageSize)
            problems.Add(new("page.limit", "limit", $"The limit must be between 1 and {MaxPageSize}."));
        if (filter.Offset < 0)
            problems.Add(new("page.offset", "offset", "The offset cannot be negative."));
        IQueryable<Specimen> query = db.Specimens.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Holder))
        {
            var holder = await InstitutionCommands.FindAsync(db, filter.Holder, ct);
            if (holder is null)
                problems.Add(new("institution.unknown", "holder", $"There is no institution '{filter.Holder}' in these records."));
            else if (!access.IsMemberOf(holder.Id) && !access.IsAdministrator)
                return new Outcome<SpecimenPage>.Forbidden($"Only the people of {holder.Code} list what it holds.");
            else
                query = query.Where(s => s.HolderId == holder.Id);
        }
        if (!string.IsNullOrWhiteSpace(filter.Owner))
        {
            var owner = await InstitutionCommands.FindAsync(db, filter.Owner, ct);
            if (owner is null)
                problems.Add(new("institution.unknown", "owner", $"There is no institution '{filter.Owner}' in these records."));
            else if (!access.IsMemberOf(owner.Id) && !access.IsAdministrator)
                return new Outcome<SpecimenPage>.Forbidden($"Only the people of {owner.Code} list what it owns.");
            else
                query = query.Where(s => s.OwnerId == owner.Id);
        }
        if (!string.IsNullOrWhiteSpace(filter.Taxon))
        {
            var taxon = await Taxa.TaxonCommands.FindAsync(db, filter.Taxon, ct);
            if (taxon is null)
                problems.Add(new("taxon.unknown", "taxon", $"There is no taxon '{filter.Taxon}' in these records."));
            else
                query = query.Where(s => s.TaxonId == taxon.Id);
        }
        query = access.Readable(query);
        if (filter.Status is { } status)
            query = query.Where(s => s.Status == status);
        if (filter.Sex is { } sex)
            query = query.Where(s => s.Kind == SpecimenKind.Individual && s.Sex == sex);
        if (filter.OnLoan)
            query = query.Where(s => s.OwnerId != null && s.HolderId != null && s.OwnerId != s.HolderId);
        if (filter.Available is { } available)
            query = query.Where(s => s.AvailableForTransfer == available);
        if (problems.Count > 0)
            return problems;

        var total = await query.CountAsync(ct);
        var page = await query.Include(s => s.Identifiers).OrderBy(s => s.Id).Skip(filter.Offset).Take(filter.Limit).ToListAsync(ct);
        var names = await NamesForAsync(page, ct);
        return new Outcome<SpecimenPage>.Ok(new SpecimenPage(total, filter.Offset, filter.Limit, page.Select(names.Specimen).ToList()));
    }

    /// <summary>Every holder the specimen had during that day (two on the day it moved).</summary>
    public async Task<Outcome<HolderOnDateView>> HolderOnAsync(string reference, DateOnly date, CancellationToken ct)
    {
        if (await SpecimenLookup.FindAsync(db, reference, ct, visible: access.CanRead) is not SpecimenLookup.Found { Specimen: var specimen })
            return new Outcome<HolderOnDateView>.NotFound($"No specimen with id or identifier '{reference}'.");
        var start = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = start.AddDays(1);
        var periods = await db.HoldingPeriods.AsNoTracking()
            .Where(h => h.SpecimenId == specimen.Id && h.From < end && (h.To == null || h.To > start))
            .OrderBy(h => h.From).ToListAsync(ct);
        var names = await NamesAsync(ct);
        var holders = new List<HoldingView>();
        foreach (var p in periods)
        {
            // Consecutive periods of one holder differ only in a group's counts: one holding for this answer.
            if (holders.Count > 0 && holders[^1].Holder?.Id == p.HolderId?.Value && holders[^1].Transfer == p.TransferId?.Value)
                holders[^1] = holders[^1] with { To = p.To, Counts = p.Counts.ToString() };
            else
                holders.Add(new HoldingView(names.Institution(p.HolderId), p.TransferId?.Value, p.From, p.To, p.Counts.ToString()));
        }
        return new Outcome<HolderOnDateView>.Ok(new HolderOnDateView(specimen.Id.Value, date, holders));
    }

    public SpecimenPermissions PermissionsFor(SpecimenView specimen)
    {
        InstitutionId? holder = specimen.Holder is { } h ? new InstitutionId(h.Id) : null;
        return new SpecimenPermissions(access.CanRecordEventsAt(holder), access.CanDescribeAt(holder), holder is { } at && access.Has(at, Accounts.Role.Curator),
            access.CanMeasureAt(holder));
    }

    internal async Task<Names> NamesAsync(CancellationToken ct)
    {
        var institutions = await db.Institutions.AsNoTracking().ToDictionaryAsync(i => i.Id, i => new InstitutionRef(i.Id.Value, i.Code, i.Name), ct);
        var taxa = await db.Taxa.AsNoTracking().ToDictionaryAsync(t => t.Id, ct);
        return new Names(institutions, taxa);
    }

    /// <summary>Names only what these specimens mention: a read of one animal should not read every institution.</summary>
    internal async Task<Names> NamesForAsync(IReadOnlyCollection<Specimen> specimens, CancellationToken ct)
    {
        var institutionIds = specimens.SelectMany(Mentions).Distinct().ToList();
        var taxonIds = specimens.Select(s => s.TaxonId).Distinct().ToList();
        var institutions = await db.Institutions.AsNoTracking().Where(i => institutionIds.Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, i => new InstitutionRef(i.Id.Value, i.Code, i.Name), ct);
        var taxa = await db.Taxa.AsNoTracking().Where(t => taxonIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        return new Names(institutions, taxa);

        static IEnumerable<InstitutionId> Mentions(Specimen s) =>
            new[] { s.HolderId, s.OwnerId }
                .Concat(s.Identifiers.Select(i => i.AssignedBy))
                .Concat(s.Events.SelectMany(e => new[] { e.InstitutionId, e.CounterpartyId, e.OwnerId }))
                .Where(id => id is not null).Select(id => id!.Value);
    }
}
