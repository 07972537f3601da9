using Menagerie.App.Accounts;
using Menagerie.App.Persistence;
using Menagerie.App.Specimens;
using Menagerie.Domain;
using Menagerie.Domain.Transfers;
using Microsoft.EntityFrameworkCore;

namespace Menagerie.App.Transfers;

/// <summary>Which transfers a list shows, seen from the caller's institutions.</summary>
public enum TransferListView
{
    All,
    Incoming,
    Outgoing,
    InTransit,
    NeedsMyAction,
}

public sealed record TransferFilter(TransferListView View = TransferListView.All, TransferStatus? Status = null, bool OpenOnly = false);

/// <summary>
/// Reads transfers. Only the two parties see a transfer, and the authorities of the two countries,
/// read-only; to anyone else it does not exist.
/// </summary>
public sealed class TransferQueries(MenagerieDbContext db, Access access, CachedReads reads)
{
    public Task<Outcome<TransferView>> GetAsync(Guid id, CancellationToken ct) => reads.GetAsync<Outcome<TransferView>>("transfer " + id, async () =>
    {
        var transfer = await Whole(db.Transfers.AsNoTracking()).FirstOrDefaultAsync(t => t.Id == new TransferId(id), ct);
        if (transfer is null || !await CanReadAsync(transfer, ct))
            return new Outcome<TransferView>.NotFound($"No transfer {id}.");
        return new Outcome<TransferView>.Ok(await ViewAsync(transfer, ct));
    }, view => view is Outcome<TransferView>.Ok ok ? ok.Value.Lines.Count + 1 : 1);

    /// <summary>The transfer and what the person may do to it now, for its page.</summary>
    public async Task<Outcome<TransferPage>> PageAsync(Guid id, CancellationToken ct)
    {
        var transfer = await Whole(db.Transfers.AsNoTracking()).FirstOrDefaultAsync(t => t.Id == new TransferId(id), ct);
        if (transfer is null || !await CanReadAsync(transfer, ct))
            return new Outcome<TransferPage>.NotFound($"No transfer {id}.");
        var may = TransferRoles.For(transfer, access);
        if (transfer.Status is TransferStatus.Draft or TransferStatus.Proposed or TransferStatus.Accepted or TransferStatus.Cleared)
            may = may with { SignOffFor = TransferSignOffs.SideOf(access, await TransferSignOffs.CountriesAsync(db, transfer, ct)) };
        return new Outcome<TransferPage>.Ok(new TransferPage(await ViewAsync(transfer, ct), may));
    }

    public async Task<Outcome<IReadOnlyList<TransferStepView>>> TimelineAsync(Guid id, CancellationToken ct) =>
        await GetAsync(id, ct) switch
        {
            Outcome<TransferView>.Ok ok => new Outcome<IReadOnlyList<TransferStepView>>.Ok(ok.Value.Timeline),
            _ => new Outcome<IReadOnlyList<TransferStepView>>.NotFound($"No transfer {id}."),
        };

    public async Task<Outcome<IReadOnlyList<TransferSummary>>> ListAsync(TransferFilter filter, CancellationToken ct)
    {
        IQueryable<Transfer> query = db.Transfers.AsNoTracking().Include(t => t.Lines);
        var mine = access.ReadableInstitutions();
        if (mine is not null)
        {
            var countries = access.AuthorityCountries();
            var overseen = countries.Count == 0
                ? []
                : await db.Institutions.AsNoTracking().Where(i => countries.Contains(i.CountryCode)).Select(i => i.Id).ToListAsync(ct);
            var visible = mine.Concat(overseen).ToList();
            query = query.Where(t => visible.Contains(t.SenderId) || visible.Contains(t.ReceiverId));
        }
        if (filter.Status is { } status)
            query = query.Where(t => t.Status == status);
        if (filter.View == TransferListView.Incoming && mine is not null)
            query = query.Where(t => mine.Contains(t.ReceiverId));
        if (filter.View == TransferListView.Outgoing && mine is not null)
            query = query.Where(t => mine.Contains(t.SenderId));
        if (filter.View == TransferListView.InTransit)
            query = query.Where(t => t.Status == TransferStatus.Dispatched);

        var transfers = await query.OrderByDescending(t => t.Id).ToListAsync(ct);
        if (filter.View == TransferListView.NeedsMyAction)
            transfers.RemoveAll(t => TransferRoles.Next(t) is not { } next || !access.Has(t.Institution(next.Party), next.Roles));
        if (filter.OpenOnly)
            transfers.RemoveAll(t => !t.IsOpen);
        var codes = await db.Institutions.AsNoTracking().ToDictionaryAsync(i => i.Id, i => i.Code, ct);
        return new Outcome<IReadOnlyList<TransferSummary>>.Ok(transfers.Select(t => Summary(t, codes)).ToList());
    }

    /// <summary>Transfers with their lines and timeline, as a view or a step needs them.</summary>
    internal static IQueryable<Transfer> Whole(IQueryable<Transfer> transfers) =>
        transfers.Include(t => t.Lines).Include(t => t.Steps).AsSplitQuery();

    internal async Task<bool> CanReadAsync(Transfer t, CancellationToken ct)
    {
        if (access.IsAdministrator || access.IsMemberOf(t.SenderId) || access.IsMemberOf(t.ReceiverId))
            return true;
        var countries = access.AuthorityCountries();
        return countries.Count > 0 && await db.Institutions.AsNoTracking()
            .AnyAsync(i => (i.Id == t.SenderId || i.Id == t.ReceiverId) && countries.Contains(i.CountryCode), ct);
    }

    internal async Task<TransferView> ViewAsync(Transfer t, CancellationToken ct)
    {
        var institutions = await db.Institutions.AsNoTracking().Where(i => i.Id == t.SenderId || i.Id == t.ReceiverId)
            .ToDictionaryAsync(i => i.Id, ct);
        var specimenIds = t.Lines.Select(l => l.SpecimenId).ToList();
        var specimens = await db.Specimens.AsNoTracking().Include(s => s.Identifiers).Where(s => specimenIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var taxonIds = t.Lines.Select(l => l.TaxonId).Distinct().ToList();
        var taxa = await db.Taxa.AsNoTracking().Where(x => taxonIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
        var codes = institutions.ToDictionary(i => i.Key, i => i.Value.Code);
        var summary = Summary(t, codes);

        var lines = t.Lines.OrderBy(l => l.Number).Select(l =>
        {
            var s = specimens[l.SpecimenId];
            var taxon = taxa[l.TaxonId];
            // Until the sender accepts a request, the requester sees of an animal it may not read only what the list of
            // available animals shows: asking for an animal does not open its records.
            var whole = t.SenderAgreed || access.CanRead(s);
            return new TransferLineView(
                l.Number, l.SpecimenId.Value, l.Kind, new TaxonRef(taxon.Id.Value, taxon.ScientificName, taxon.CommonName), s.Sex, whole ? s.Name : null,
                whole ? s.Identifiers.Select(i => $"{i.Scheme}:{i.Value}").ToList() : [], l.Counts.ToString(), l.ShippedId?.Value,
                l.Arrived?.ToString(), l.DeadOnArrival?.ToString(), l.Missing?.ToString(), l.MissingId?.Value, l.Resolution, l.ResolutionReason);
        }).ToList();
        var steps = t.Steps.OrderBy(s => s.Number)
            .Select(s => new TransferStepView(s.Number, s.Action, s.Party, s.By, s.RecordedAt, s.At, s.Reason)).ToList();
        return new TransferView(
            t.Id.Value, t.Status, summary.Sender, institutions[t.SenderId].Name, summary.Receiver, institutions[t.ReceiverId].Name,
            t.Terms, t.ReturnDue, t.PlannedDeparture, t.InitiatedBy, summary.Animals, summary.Counts, summary.Taxa, t.DispatchedAt, t.ReceivedAt,
            summary.OpenDiscrepancy, summary.NextStep, lines, steps, await TransferDocuments.ViewsAsync(db, t.Id, ct), t.Version);
    }

    private static TransferSummary Summary(Transfer t, Dictionary<InstitutionId, string> codes)
    {
        NextStepView? next = TransferRoles.Next(t) is { } n ? new(n.Action, n.Party, codes[t.Institution(n.Party)], n.Roles) : null;
        var animals = t.Animals;
        return new TransferSummary(
            t.Id.Value, t.Status, codes[t.SenderId], codes[t.ReceiverId], t.Terms, t.ReturnDue, t.PlannedDeparture, t.InitiatedBy, animals.Total, animals.ToString(),
            t.Lines.Select(l => l.TaxonId).Distinct().Count(), t.DispatchedAt, t.ReceivedAt, t.HasOpenDiscrepancy, next, t.Version);
    }
}
