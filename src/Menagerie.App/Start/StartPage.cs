using Menagerie.App.Accounts;
using Menagerie.App.Persistence;
using Menagerie.App.Specimens;
using Menagerie.App.Transfers;
using Menagerie.Domain;
using Menagerie.Domain.Documents;
using Menagerie.Domain.Specimens;
using Menagerie.Domain.Transfers;
using Microsoft.EntityFrameworkCore;

namespace Menagerie.App.Start;

/// <summary>A permit or certificate of an open transfer that runs out soon.</summary>
public sealed record ExpiringDocument(Guid Transfer, string Sender, string Receiver, DocumentType Type, string Number, DateOnly ValidUntil);

/// <summary>An animal whose last weight is more than a year old, or that was never weighed.</summary>
public sealed record UnweighedAnimal(Guid Specimen, string Holder, TaxonRef Taxon, string? Name, string? Identifier, DateOnly? LastWeighed);

/// <summary>
/// What waits for the person signed in: transfers at a step of their role, open discrepancies, documents
/// that run out within <see cref="StartPage.DocumentHorizonDays"/> days, animals not weighed for a year.
/// Each list is cut at <see cref="StartPage.ListLimit"/>; the counts are whole.
/// </summary>
public sealed record StartPageView(
    DateOnly Today,
    IReadOnlyList<TransferSummary> NeedMyAction,
    IReadOnlyList<TransferSummary> OpenDiscrepancies,
    int ExpiringDocumentCount,
    IReadOnlyList<ExpiringDocument> ExpiringDocuments,
    int UnweighedCount,
    IReadOnlyList<UnweighedAnimal> Unweighed);

public sealed class StartPage(MenagerieDbContext db, TransferQueries transfers, Access access, TimeProvider time)
{
    public const int DocumentHorizonDays = 30;
    public const int WeighingIntervalDays = 365;
    public const int ListLimit = 20;

    public async Task<StartPageView> ForMeAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var needing = Listed(await transfers.ListAsync(new TransferFilter(TransferListView.NeedsMyAction), ct));
        var open = Listed(await transfers.ListAsync(new TransferFilter(OpenOnly: true), ct));
        var mine = access.Memberships.Where(m => m.InstitutionId is not null).Select(m => m.InstitutionId!.Value).Distinct().ToList();
        var codes = await db.Institutions.AsNoTracking().ToDictionaryAsync(i => i.Id, i => i.Code, ct);
        var (documentCount, documents) = await ExpiringAsync(mine, codes, today, ct);
        var (unweighedCount, unweighed) = await UnweighedAsync(mine, codes, today, ct);
        return new StartPageView(
            today, needing, open.Where(t => t.OpenDiscrepancy).ToList(), documentCount, documents, unweighedCount, unweighed);

        static IReadOnlyList<TransferSummary> Listed(Outcome<IReadOnlyList<TransferSummary>> outcome) =>
            outcome is Outcome<IReadOnlyList<TransferSummary>>.Ok ok ? ok.Value : [];
    }

    /// <summary>Documents of transfers that have not left yet, where the person works at one of the parties.</summary>
    private async Task<(int Count, IReadOnlyList<ExpiringDocument> Documents)> ExpiringAsync(
        List<InstitutionId> mine, Dictionary<InstitutionId, string> codes, DateOnly today, CancellationToken ct)
    {
        var horizon = today.AddDays(DocumentHorizonDays);
        var waiting = new[] { TransferStatus.Draft, TransferStatus.Proposed, TransferStatus.Accepted, TransferStatus.Cleared };
        var query = db.TransferDocuments.AsNoTracking()
            .Where(d => d.ValidUntil != null && d.ValidUntil >= today && d.ValidUntil <= horizon)
            .Join(db.Transfers.AsNoTracking().Where(t => waiting.Contains(t.Status) && (mine.Contains(t.SenderId) || mine.Contains(t.ReceiverId))),
                d => d.TransferId, t => t.Id, (d, t) => new { d.Type, d.Number, d.ValidUntil, t.Id, t.SenderId, t.ReceiverId });
        var count = await query.CountAsync(ct);
        var rows = await query.OrderBy(r => r.ValidUntil).Take(ListLimit).ToListAsync(ct);
        return (count, rows.Select(r => new ExpiringDocument(r.Id.Value, codes[r.SenderId], codes[r.ReceiverId], r.Type, r.Number, r.ValidUntil!.Value)).ToList());
    }

    /// <summary>Living individuals held where the person works, more than a year old, with no weight recorded in the last year.</summary>
    private async Task<(int Count, IReadOnlyList<UnweighedAnimal> Animals)> UnweighedAsync(
        List<InstitutionId> mine, Dictionary<InstitutionId, string> codes, DateOnly today, CancellationToken ct)
    {
        var cutoff = today.AddDays(-WeighingIntervalDays);
        var weighedLately = db.SpecimenEvents.Where(e => e.Type == EventType.Weight && e.Date > cutoff).Select(e => e.SpecimenId);
        var query = db.Specimens.AsNoTracking()
            .Where(s => s.Kind == SpecimenKind.Individual && s.Status == SpecimenStatus.Held && s.HolderId != null && mine.Contains(s.HolderId.Value)
                && (s.BirthDate == null || s.BirthDate <= cutoff) && !weighedLately.Contains(s.Id));
        var count = await query.CountAsync(ct);
        var animals = await query.Include(s => s.Identifiers).OrderBy(s => s.Id).Take(ListLimit).ToListAsync(ct);
        var ids = animals.Select(a => a.Id).ToList();
        var lastWeighed = await db.SpecimenEvents.AsNoTracking().Where(e => ids.Contains(e.SpecimenId) && e.Type == EventType.Weight)
            .GroupBy(e => e.SpecimenId).Select(g => new { g.Key, Last = g.Max(e => e.Date) }).ToDictionaryAsync(x => x.Key, x => x.Last, ct);
        var taxonIds = animals.Select(a => a.TaxonId).Distinct().ToList();
        var taxa = await db.Taxa.AsNoTracking().Where(t => taxonIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        return (count, animals.Select(a => new UnweighedAnimal(
            a.Id.Value, codes[a.HolderId!.Value], new TaxonRef(a.TaxonId.Value, taxa[a.TaxonId].ScientificName, taxa[a.TaxonId].CommonName),
            a.Name, a.Identifiers.Select(i => i.Value).FirstOrDefault(), lastWeighed.TryGetValue(a.Id, out var last) ? last : null)).ToList());
    }
}
