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

/// <summary>
/// A taxon's listing as the checklist in the records resolves it: the listings of the nearest taxon in its
/// lineage that has any (<see cref="ListedUnder"/>), unless a higher taxon's listing leaves it out
/// (<see cref="ExcludedBy"/>) or it is a domesticated form outside the Convention.
/// </summary>
public sealed record TaxonListingView(
    string Name, string? AcceptedName, TaxonRank? Rank, IReadOnlyList<string> Lineage, DomesticatedView? DomesticatedFormOf,
    string? ListedUnder, string? ExcludedBy, DateOnly? FirstListed, string ChecklistSource, DateOnly ChecklistAsOf,
    IReadOnlyList<ListingRowView> Listings);

public sealed class ListingLookup(MenagerieDbContext db)
{
    /// <summary>The checklist edition in use: the last one imported (the shipped one until another replaces it).</summary>
    public async Task<ChecklistEditionView?> EditionAsync(CancellationToken ct)
    {
        var edition = await db.ChecklistEditions.AsNoTracking().OrderByDescending(e => e.Number).FirstOrDefaultAsync(ct);
        return edition is null ? null : ChecklistEditionView.Of(edition);
    }

    public async Task<Outcome<TaxonListingView>> ShowAsync(string name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(name);
        var checklist = await ReferenceData.LoadAsync(db, ct);
        var taxon = checklist.Taxon(name.Trim());
        var domesticated = checklist.Domesticated(name.Trim());
        if (taxon is null && domesticated is null)
            return new Outcome<TaxonListingView>.NotFound($"{name} is not a name in the checklist ({checklist.Source}, as of {checklist.AsOf:yyyy-MM-dd}).");

        var accepted = taxon?.AcceptedName ?? taxon?.Name ?? domesticated!.Name;
        var lineage = checklist.Lineage(accepted).ToList();
        string? listedUnder = null, excludedBy = null;
        IReadOnlyList<CitesListing> listings = [];
        for (var i = 0; domesticated is null && i < lineage.Count; i++)
        {
            var found = checklist.ListingsOf(lineage[i]);
            if (found.Count == 0)
                continue;
            if (found.Any(l => l.ExcludedTaxa.Intersect(lineage.Take(i), StringComparer.OrdinalIgnoreCase).Any()))
                excludedBy = lineage[i];
            else
                (listedUnder, listings) = (lineage[i], found);
            break;
        }
        return new Outcome<TaxonListingView>.Ok(new TaxonListingView(
            taxon?.Name ?? domesticated!.Name,
            taxon?.AcceptedName,
            taxon?.Rank,
            lineage,
            domesticated is null ? null : new DomesticatedView(domesticated.WildTaxon, domesticated.Source),
            listedUnder,
            excludedBy,
            checklist.FirstListed(accepted),
            checklist.Source,
            checklist.AsOf,
            listings.Select(ListingRowView.Of).ToList()));
    }
}
