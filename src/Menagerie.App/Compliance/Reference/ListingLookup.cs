using Menagerie.App.Persistence;
using Menagerie.Domain.Compliance;
using Menagerie.Domain.Taxa;
using Microsoft.EntityFrameworkCore;

namespace Menagerie.App.Compliance.Reference;

public sealed record ListingRowView(
    string Taxon, Appendix Appendix, DateOnly EffectiveFrom, string? ListingParty, IReadOnlyList<string> Populations,
    IReadOnlyList<string> ExcludedPopulations, IReadOnlyList<string> ExcludedTaxa, bool ExcludesDomesticated, string Annotation,
    string Source, DateOnly AsOf)
{
    public static ListingRowView Of(CitesListing l) => new(
        l.Taxon, l.Appendix, l.EffectiveFrom, l.ListingParty, l.Populations, l.ExcludedPopulations, l.ExcludedTaxa, l.ExcludesDomesticated,
        l.Annotation, l.Source, l.AsOf);
}

public sealed record DomesticatedView(string WildTaxon, string Source);

/// <summary>One dated change to a taxon's listing, as <c>listing-changes.csv</c> records it.</summary>
public sealed record ListingChangeView(
    string Taxon, ListingChangeKind Change, Appendix? From, Appendix? To, string? ListingParty, IReadOnlyList<string> Populations,
    IReadOnlyList<string> ExcludedPopulations, string Annotation, DateOnly EffectiveFrom, string Meeting, string Source, DateOnly AsOf)
{
    public static ListingChangeView Of(ListingChange c) => new(
        c.Taxon, c.Kind, c.From, c.To, c.ListingParty, c.Populations, c.ExcludedPopulations, c.Annotation, c.EffectiveFrom, c.Meeting, c.Source, c.AsOf);
}

public sealed record ListingCoverageView(string Taxon, IReadOnlyList<Appendix> Appendices, DateOnly CompleteTo, string Note);

/// <summary>
/// The reference data the compliance rules read, as they stand: the checklist edition, the listing changes
/// recorded over it (how many, the newest in force today and the next to come into force, how far complete), the
/// Party list's date and size, and how many states' status is older than the list (P-01 judges each by its own date).
/// </summary>
public sealed record ReferenceStatusView(
    ChecklistEditionView? Edition, string ChecklistSource, DateOnly ChecklistAsOf, int ListingChanges, ListingChangeView? NewestChange,
    int Synonyms, IReadOnlyList<ListingCoverageView> Coverage, int Parties, int States, DateOnly PartiesAsOf, int OlderStatuses,
    TradeMeasureListView? Suspensions, TradeMeasureListView? Quotas, ListingChangeView? NextChange);

/// <summary>
/// A taxon's listing on a day as the checklist in the records resolves it: the listings in force of the
/// nearest taxon in its lineage that has any (<see cref="ListedUnder"/>), unless a higher taxon's listing
/// leaves it out (<see cref="ExcludedBy"/>) or it is a domesticated form outside the Convention; and the
/// dated changes to the listings of its lineage recorded over the checklist (<see cref="History"/>). A species the
/// checklist does not name resolves through its genus where a listing covers the whole genus (<see cref="CoveredByGenus"/>).
/// </summary>
public sealed record TaxonListingView(
    string Name, string? AcceptedName, TaxonRank? Rank, IReadOnlyList<string> Lineage, DomesticatedView? DomesticatedFormOf,
    string? ListedUnder, string? ExcludedBy, DateOnly? FirstListed, string ChecklistSource, DateOnly ChecklistAsOf,
    DateOnly On, IReadOnlyList<ListingRowView> Listings, IReadOnlyList<ListingChangeView> History, string? CoveredByGenus = null);

public sealed class ListingLookup(MenagerieDbContext db, TimeProvider clock)
{
    /// <summary>The checklist edition in use: the last one imported (the shipped one until another replaces it).</summary>
    public async Task<ChecklistEditionView?> EditionAsync(CancellationToken ct)
    {
        var edition = await db.ChecklistEditions.AsNoTracking().OrderByDescending(e => e.Number).FirstOrDefaultAsync(ct);
        return edition is null ? null : ChecklistEditionView.Of(edition);
    }

    public async Task<ReferenceStatusView> StatusAsync(CancellationToken ct)
    {
        var edition = await EditionAsync(ct);
        var checklist = await ReferenceData.LoadAsync(db, ct);
        var parties = checklist.Parties;
        var listed = parties.Count == 0 ? checklist.AsOf : parties.Max(p => p.AsOf);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var (suspensions, quotas) = await TradeMeasureImport.ListsAsync(db, checklist, today, ct);
        return new ReferenceStatusView(
            edition,
            checklist.Source,
            checklist.AsOf,
            checklist.ChangeCount,
            checklist.NewestChangeOn(today) is { } newest ? ListingChangeView.Of(newest) : null,
            checklist.SynonymCount,
            checklist.Coverage.Select(c => new ListingCoverageView(c.Taxon, c.Appendices, c.CompleteTo, c.Note)).ToList(),
            parties.Count(p => p.IsParty),
            parties.Count,
            listed,
            parties.Count(p => p.AsOf < listed),
            suspensions,
            quotas,
            checklist.NextChangeAfter(today) is { } next ? ListingChangeView.Of(next) : null);
    }

    /// <param name="name">A scientific name, a synonym or a domesticated form's name.</param>
    /// <param name="on">The day whose listings are wanted: today when null.</param>
    /// <param name="ct">Cancels the lookup.</param>
    public async Task<Outcome<TaxonListingView>> ShowAsync(string name, DateOnly? on, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(name);
        var day = on ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var checklist = await ReferenceData.LoadAsync(db, ct);
        var taxon = checklist.Taxon(name.Trim());
        var domesticated = checklist.Domesticated(name.Trim());
        var genus = taxon is null && domesticated is null ? checklist.GenusCovering(name.Trim()) : null;
        var notFound = new Outcome<TaxonListingView>.NotFound($"{name} is not a name in the checklist ({checklist.Source}, as of {checklist.AsOf:yyyy-MM-dd}).");
        if (taxon is null && domesticated is null && genus is null)
            return notFound;

        var accepted = taxon?.AcceptedName ?? taxon?.Name ?? domesticated?.Name ?? name.Trim();
        List<string> lineage = genus is null ? [.. checklist.Lineage(accepted)] : [accepted, .. checklist.Lineage(genus.Name)];
        string? listedUnder = null, excludedBy = null;
        IReadOnlyList<CitesListing> listings = [];
        for (var i = 0; domesticated is null && i < lineage.Count; i++)
        {
            var found = checklist.ListingsOf(lineage[i], day);
            if (found.Count == 0)
                continue;
            if (found.Any(l => l.ExcludedTaxa.Intersect(lineage.Take(i), StringComparer.OrdinalIgnoreCase).Any()))
                excludedBy = lineage[i];
            else
                (listedUnder, listings) = (lineage[i], found);
            break;
        }
        // A name the checklist lacks is known only through a listing that covers its genus on the day.
        if (genus is not null && listedUnder is null)
            return notFound;
        return new Outcome<TaxonListingView>.Ok(new TaxonListingView(
            taxon?.Name ?? domesticated?.Name ?? accepted,
            taxon?.AcceptedName,
            taxon?.Rank,
            lineage,
            domesticated is null ? null : new DomesticatedView(domesticated.WildTaxon, domesticated.Source),
            listedUnder,
            excludedBy,
            checklist.FirstListed(accepted),
            checklist.Source,
            checklist.AsOf,
            day,
            listings.Select(ListingRowView.Of).ToList(),
            lineage.SelectMany(checklist.ChangesOf).OrderBy(c => c.EffectiveFrom).Select(ListingChangeView.Of).ToList(),
            genus?.Name));
    }
}
