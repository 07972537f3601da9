using Menagerie.Domain.Compliance;
using Menagerie.Domain.Taxa;

namespace Menagerie.App.Compliance.Reference;

/// <summary>
/// The listings of one taxon as now understood, from Menagerie's <c>listing-corrections.csv</c>. It replaces
/// every current listing of the taxon in a checklist as old as the correction or older; a newer checklist
/// is taken to know better. A single listing of <see cref="Appendix.NotListed"/> says the taxon is not
/// listed, whatever a higher taxon's listing says.
/// </summary>
public sealed record ListingCorrection(string Taxon, IReadOnlyList<CitesListing> Listings)
{
    /// <summary>The oldest as-of date of its listings: the correction is as recent as its least recent part.</summary>
    public DateOnly AsOf => Listings.Min(l => l.AsOf);

    /// <summary>Applies the corrections that are not older than the checklist; returns the checklist and how many were applied.</summary>
    public static (ChecklistContents Contents, int Applied) Apply(ChecklistContents checklist, IReadOnlyList<ListingCorrection> corrections)
    {
        ArgumentNullException.ThrowIfNull(checklist);
        ArgumentNullException.ThrowIfNull(corrections);
        var applying = corrections.Where(c => c.AsOf >= checklist.AsOf).ToList();
        if (applying.Count == 0)
            return (checklist, 0);
        var corrected = applying.Select(c => c.Taxon).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var listings = checklist.Listings.Where(l => !corrected.Contains(l.Taxon)).Concat(applying.SelectMany(c => c.Listings)).ToList();

        var names = checklist.Taxa.Select(t => t.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var taxa = checklist.Taxa.ToList();
        foreach (var correction in applying.Where(c => !names.Contains(c.Taxon)))
        {
            // A taxon the checklist does not name (listed after it was made) hangs from its genus when that is known.
            var words = correction.Taxon.Split(' ');
            var parent = words.Length > 1 && names.Contains(string.Join(' ', words[..^1])) ? string.Join(' ', words[..^1]) : null;
            var rank = words.Length switch { 1 => TaxonRank.Genus, 2 => TaxonRank.Species, _ => TaxonRank.Subspecies };
            taxa.Add(new ChecklistTaxon(correction.Taxon, rank, parent));
        }

        var firstListed = new Dictionary<string, DateOnly>(checklist.FirstListed, StringComparer.OrdinalIgnoreCase);
        foreach (var listing in applying.SelectMany(c => c.Listings).Where(l => l.Appendix != Appendix.NotListed))
        {
            if (!firstListed.TryGetValue(listing.Taxon, out var first) || listing.EffectiveFrom < first)
                firstListed[listing.Taxon] = listing.EffectiveFrom;
        }
        return (checklist with { Taxa = taxa, Listings = listings, FirstListed = firstListed }, applying.Count);
    }
}
