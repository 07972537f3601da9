using Menagerie.Domain.Taxa;

namespace Menagerie.Domain.Compliance;

/// <summary>What an amendment to the Appendices did to a taxon's listing.</summary>
public enum ListingChangeKind
{
    /// <summary>Newly included in an Appendix (<see cref="ListingChange.To"/>).</summary>
    Added,

    /// <summary>Moved from one Appendix to another, for all its populations or the ones named.</summary>
    Transferred,

    /// <summary>Taken out of an Appendix (<see cref="ListingChange.From"/>): no longer listed in its own name.</summary>
    Deleted,

    /// <summary>The same Appendix with another annotation or population split.</summary>
    Amended,
}

/// <summary>
/// One dated amendment to the Appendices for one taxon, as adopted at a CoP (Appendices I and II, in force
/// 90 days after the meeting) or notified by a Party (Appendix III), with its source. Listing changes are
/// applied over a checklist edition, so that a name resolves to the listing in force on the day of a check.
/// </summary>
public sealed record ListingChange
{
    public required string Taxon { get; init; }
    public required TaxonRank Rank { get; init; }

    /// <summary>The taxon above it, for a taxon first listed after the checklist was made (it hangs there).</summary>
    public string? Parent { get; init; }

    public required ListingChangeKind Kind { get; init; }
    public Appendix? From { get; init; }
    public Appendix? To { get; init; }

    /// <summary>Appendix III: the Party (ISO code) that listed it.</summary>
    public string? ListingParty { get; init; }

    /// <summary>When not empty, the change concerns only the populations of these states.</summary>
    public IReadOnlyList<string> Populations { get; init; } = [];

    /// <summary>Populations the new listing leaves out.</summary>
    public IReadOnlyList<string> ExcludedPopulations { get; init; } = [];

    /// <summary>Taxa below it that the new listing leaves out ("except the species native to Japan", named).</summary>
    public IReadOnlyList<string> ExcludedTaxa { get; init; } = [];

    public string Annotation { get; init; } = "";
    public required DateOnly EffectiveFrom { get; init; }

    /// <summary>Where it was adopted: "CoP17 Prop. 19", or the Appendix III notification.</summary>
    public string Meeting { get; init; } = "";

    public required string Source { get; init; }

    /// <summary>The day the row was last checked against its source.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>
    /// The taxon's listings once this change is in force: a deletion or transfer takes the taxon (or the named
    /// populations) out of the Appendix it leaves; an addition or transfer lists it in the new one; an
    /// amendment rewrites the listing it concerns (for the populations named, if any). A taxon left with no
    /// listing of its own is recorded as not listed, so that a higher taxon's listing does not bring it back in.
    /// </summary>
    public IReadOnlyList<CitesListing> ApplyTo(IReadOnlyList<CitesListing> listings)
    {
        ArgumentNullException.ThrowIfNull(listings);
        var kept = listings.Where(l => l.Appendix != Appendix.NotListed || Kind == ListingChangeKind.Deleted).ToList();
        if (Kind != ListingChangeKind.Added && (From ?? To) is { } leaves)
            kept = kept.SelectMany(l => Leaving(l, leaves)).ToList();
        if (Kind != ListingChangeKind.Deleted && To is { } to)
            kept.Add(Listing(to));
        return kept.Count > 0 ? kept : [Listing(Appendix.NotListed)];
    }

    /// <summary>What remains of a listing in the Appendix the taxon leaves (or whose listing is rewritten), population by population.</summary>
    private IEnumerable<CitesListing> Leaving(CitesListing listing, Appendix leaves)
    {
        if (listing.Appendix != leaves)
        {
            yield return listing;
            yield break;
        }
        if (Populations.Count == 0)
            yield break;
        if (listing.Populations.Count > 0)
        {
            var left = listing.Populations.Except(Populations, StringComparer.OrdinalIgnoreCase).ToList();
            if (left.Count > 0)
                yield return listing with { Populations = left };
        }
        else
            yield return listing with { ExcludedPopulations = listing.ExcludedPopulations.Union(Populations, StringComparer.OrdinalIgnoreCase).ToList() };
    }

    private CitesListing Listing(Appendix appendix) => new()
    {
        Taxon = Taxon,
        Appendix = appendix,
        EffectiveFrom = EffectiveFrom,
        ListingParty = appendix == Appendix.III ? ListingParty : null,
        Populations = appendix == Appendix.NotListed ? [] : Populations,
        ExcludedPopulations = appendix == Appendix.NotListed ? [] : ExcludedPopulations,
        ExcludedTaxa = appendix == Appendix.NotListed ? [] : ExcludedTaxa,
        Annotation = Annotation,
        Source = Meeting.Length == 0 ? Source : $"{Meeting}: {Source}",

        // Known to be so from the day it came into force; how long after that depends on how complete the changes are.
        AsOf = EffectiveFrom,
    };
}

/// <summary>
/// How far the listing history is complete for a taxon (a class, usually) and the Appendices named: a listing
/// of it resolved on a day is known to be current as of <see cref="CompleteTo"/>.
/// </summary>
public sealed record ListingCoverage(string Taxon, IReadOnlyList<Appendix> Appendices, DateOnly CompleteTo, string Note);

/// <summary>A name the Appendices list under another since a taxonomic change ("Copsychus malabaricus" → "Kittacincla malabarica").</summary>
public sealed record ListingSynonym(string Name, string ListedAs, DateOnly EffectiveFrom, string Source);
