using Menagerie.Domain.Taxa;

namespace Menagerie.Domain.Compliance;

public enum ListingOutcome
{
    /// <summary>In Appendix I, II or III.</summary>
    Listed,

    /// <summary>Not in the Appendices (or excluded from a higher-taxon listing).</summary>
    NotListed,

    /// <summary>A domesticated form the Convention does not apply to.</summary>
    Domesticated,

    /// <summary>Recorded only as a genus, family or order under which listed species exist.</summary>
    NotIdentified,

    /// <summary>The name is not in the checklist.</summary>
    NotInChecklist,
}

/// <summary>
/// How a line's taxon resolves against the checklist (rule C-01): the accepted name, the Appendix that
/// applies, the listing it comes from, and — where the listing is split by population and the population
/// of origin is not recorded — every Appendix it could be in, the most restrictive applied (C-02).
/// </summary>
public sealed record ListingResolution
{
    public required int Line { get; init; }
    public required string Recorded { get; init; }
    public string? Taxon { get; init; }
    public required ListingOutcome Outcome { get; init; }
    public Appendix Appendix { get; init; } = Appendix.NotListed;
    public CitesListing? Listing { get; init; }

    /// <summary>Every Appendix the line could be in; more than one when a split listing meets an unknown population.</summary>
    public IReadOnlyList<Appendix> Possible { get; init; } = [];

    /// <summary>For a domesticated form, the wild taxon whose listing excludes it.</summary>
    public string? WildTaxon { get; init; }

    /// <summary>Domestic animals recorded under the wild taxon's name.</summary>
    public bool WildNameForDomestic { get; init; }

    /// <summary>
    /// For a species the checklist does not name, the genus whose listing covers it as a whole (see
    /// <see cref="Checklist.GenusCovering"/>); null for a name the checklist has.
    /// </summary>
    public string? CoveredByGenus { get; init; }

    /// <summary>
    /// The day the listing applied is known to be current as of: its source's date, or the day the listing
    /// changes are complete to for its class and Appendix when that is later.
    /// </summary>
    public DateOnly CurrentAsOf { get; init; }

    /// <summary>The taxon and those above it, nearest first (class, order and family decide some rules).</summary>
    public IReadOnlyList<string> Lineage { get; init; } = [];

    public bool IsSplit => Possible.Count > 1;
    public bool NeedsCitesDocuments => Outcome == ListingOutcome.Listed && Appendix != Appendix.NotListed;
    public bool InLineage(string taxon) => Lineage.Contains(taxon, StringComparer.OrdinalIgnoreCase);

    /// <summary>Resolves a recorded name, population of origin and domestic flag against the listings in force on a day.</summary>
    public static ListingResolution Resolve(Checklist checklist, ShipmentLine line, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(checklist);
        ArgumentNullException.ThrowIfNull(line);
        var recorded = string.Join(' ', line.Taxon.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (checklist.Domesticated(recorded) is { } form)
        {
            return new()
            {
                Line = line.Number,
                Recorded = recorded,
                Taxon = form.Name,
                Outcome = ListingOutcome.Domesticated,
                WildTaxon = form.WildTaxon,
                Possible = [Appendix.NotListed],
                Lineage = [.. checklist.Lineage(form.WildTaxon)],
            };
        }
        var taxon = checklist.Taxon(recorded);
        // A subspecies the checklist does not name is covered by its species' listing.
        if (taxon is null && recorded.Split(' ') is { Length: 3 } trinomial)
            taxon = checklist.Taxon($"{trinomial[0]} {trinomial[1]}");
        if (taxon?.AcceptedName is { } accepted)
            taxon = checklist.Taxon(accepted);
        // A species the checklist does not name is resolved by the listing that covers its whole genus, if any.
        var genus = taxon is null ? checklist.GenusCovering(recorded) : null;
        var notInChecklist = new ListingResolution { Line = line.Number, Recorded = recorded, Outcome = ListingOutcome.NotInChecklist };
        if (taxon is null && genus is null)
            return notInChecklist;

        var name = taxon?.Name ?? recorded;
        List<string> lineage = genus is null ? [.. checklist.Lineage(name)] : [recorded, .. checklist.Lineage(genus.Name)];
        if (taxon is not null && taxon.Rank is not (TaxonRank.Species or TaxonRank.Subspecies))
        {
            var listedAround = checklist.HasListingBelow(taxon.Name) || lineage.Any(t => checklist.ListingsOf(t, on).Count > 0);
            return new()
            {
                Line = line.Number,
                Recorded = recorded,
                Taxon = taxon.Name,
                Lineage = lineage,
                Outcome = listedAround ? ListingOutcome.NotIdentified : ListingOutcome.NotListed,
                Possible = listedAround ? [] : [Appendix.NotListed],
            };
        }

        var candidates = Candidates(checklist, lineage, 0, line.Population, on);
        var applied = candidates.OrderBy(c => c.Appendix).First();
        var possible = candidates.Select(c => c.Appendix).Distinct().Order().ToList();
        // Nothing covering the genus on the day: the name is not known, and may be a misspelling of a listed species.
        if (genus is not null && applied.Appendix == Appendix.NotListed)
            return notInChecklist;
        if (line.Domestic && candidates.Any(c => c.Listing?.ExcludesDomesticated == true))
        {
            return new()
            {
                Line = line.Number,
                Recorded = recorded,
                Taxon = name,
                Outcome = ListingOutcome.Domesticated,
                Lineage = lineage,
                Possible = [Appendix.NotListed],
                WildTaxon = name,
                WildNameForDomestic = true,
                Listing = applied.Listing,
            };
        }
        return new()
        {
            Line = line.Number,
            Recorded = recorded,
            Taxon = name,
            Lineage = lineage,
            Possible = possible,
            Outcome = applied.Appendix == Appendix.NotListed ? ListingOutcome.NotListed : ListingOutcome.Listed,
            Appendix = applied.Appendix,
            Listing = applied.Listing,
            CoveredByGenus = genus?.Name,
            CurrentAsOf = checklist.CurrentAsOf(lineage, applied.Appendix, applied.Listing?.AsOf ?? checklist.AsOf),
        };
    }

    /// <summary>
    /// The listings that could apply, walking up from the taxon: the nearest level with a listing that does
    /// not exclude the line decides; a population-specific listing that does not cover every population
    /// leaves the rest to the level above.
    /// </summary>
    private static List<(Appendix Appendix, CitesListing? Listing)> Candidates(Checklist checklist, List<string> lineage, int level, string? population, DateOnly on)
    {
        for (var i = level; i < lineage.Count; i++)
        {
            var listings = checklist.ListingsOf(lineage[i], on);
            if (listings.Count == 0)
                continue;
            var below = lineage.Take(i);
            var applicable = listings.Where(l => !l.ExcludedTaxa.Any(x => below.Contains(x, StringComparer.OrdinalIgnoreCase))).ToList();
            if (applicable.Count == 0 || applicable.Any(l => l.Appendix == Appendix.NotListed))
                return [(Appendix.NotListed, applicable.FirstOrDefault(l => l.Appendix == Appendix.NotListed) ?? listings[0])];
            var covering = applicable.Where(l => l.Covers(population)).ToList();
            if (covering.Count == 0)
                continue;
            var result = covering.Select(l => (l.Appendix, (CitesListing?)l)).ToList();
            var coversEveryPopulation = applicable.Any(l => l.Populations.Count == 0);
            if (population is null && !coversEveryPopulation)
                result.AddRange(Candidates(checklist, lineage, i + 1, population, on));
            return result;
        }
        return [(Appendix.NotListed, null)];
    }
}
