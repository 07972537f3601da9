
namespace Menagerie.Domain.Compliance.Rules;

/// <summary>§1.1: which Appendix each line is in, before every other CITES rule.</summary>
public static class ListingRules
{
    private const string ListingSource = "CITES Art. II; listing from the checklist (Species+ taxon_concepts/cites_legislation)";

    public static readonly ComplianceRule C01 = new("C-01", "Resolve the listing of each specimen", ListingSource, ResolveListing);
    public static readonly ComplianceRule C02 = new("C-02", "Split listings need the population of origin", "CITES Appendices (population listings); most-restrictive fallback is Menagerie policy", SplitListing);
    public static readonly ComplianceRule C03 = new("C-03", "Domesticated forms", "CITES Appendices annotation on domesticated forms (e.g. Bos mutus: 'excludes the domesticated form, referenced as Bos grunniens')", DomesticatedForms);

    private static IEnumerable<Requirement> ResolveListing(ComplianceContext context)
    {
        var stale = new List<int>();
        var oldest = DateOnly.MaxValue;
        foreach (var (line, listing) in context.Lines)
        {
            yield return listing.Outcome switch
            {
                ListingOutcome.NotInChecklist => Block(line, $"'{listing.Recorded}' is not a name in the checklist ({context.Checklist.Source}): record the accepted scientific name"),
                ListingOutcome.NotIdentified => Block(line, $"{line.Label} is identified only to {listing.Taxon}, under which species are listed in different Appendices or not at all: record each animal's species"),
                _ when listing.CoveredByGenus is { } genus => ComplianceContext.Condition("C-01", Severity.Warn, ListingSource, [line.Number], met: false,
                    $"{Describe(listing, context.Checklist)}. '{listing.Recorded}' is not a name in the checklist ({context.Checklist.Source}); the listing covering every species of {genus} is applied: check the spelling, or import a newer checklist that names it"),
                _ => Info(line, Describe(listing, context.Checklist)),
            };
            var asOf = listing.CurrentAsOf;
            if (listing.Outcome is ListingOutcome.Listed or ListingOutcome.NotListed && context.On.DayNumber - asOf.DayNumber > context.Settings.ListingMaxAgeDays)
            {
                stale.Add(line.Number);
                oldest = asOf < oldest ? asOf : oldest;
            }
        }
        if (stale.Count > 0)
        {
            yield return new Requirement
            {
                Rule = "C-01",
                Severity = Severity.Warn,
                Status = RequirementStatus.Expired,
                Lines = stale,
                Source = ListingSource,
                Message = $"The listings used date from as early as {oldest:yyyy-MM-dd}, more than {context.Settings.ListingMaxAgeDays} days before {context.On:yyyy-MM-dd}: the Appendices change at every CoP; confirm them against the current checklist or import it",
            };
        }

        static Requirement Block(ShipmentLine line, Wording message) => ComplianceContext.Condition("C-01", Severity.Block, ListingSource, [line.Number], met: false, message);

        static Requirement Info(ShipmentLine line, Wording message) => ComplianceContext.Condition("C-01", Severity.Info, ListingSource, [line.Number], met: true, message);
    }

    /// <summary>
    /// The listing a line resolved to, in one sentence put together from parts (each part its own wording, so a
    /// page can say every part in its reader's language).
    /// </summary>
    public static Wording Describe(ListingResolution listing, Checklist checklist)
    {
        ArgumentNullException.ThrowIfNull(listing);
        ArgumentNullException.ThrowIfNull(checklist);
        Wording from = $"(source: {checklist.Source}, as of {checklist.AsOf:yyyy-MM-dd})";
        switch (listing.Outcome)
        {
            case ListingOutcome.NotInChecklist:
                return $"{listing.Recorded}: not a name in the checklist {from}";
            case ListingOutcome.NotIdentified:
                return $"{listing.Recorded}: species not identified; listed species exist under {listing.Taxon} {from}";
            case ListingOutcome.Domesticated:
                var form = checklist.Domesticated(listing.Taxon ?? "");
                return $"{listing.Taxon}: domesticated form of {listing.WildTaxon}, not subject to the Convention (source: {form?.Source ?? checklist.Source})";
        }
        if (listing.Listing is not { } source)
            return $"{listing.Taxon}: not listed in the CITES Appendices {from}";
        Wording sourced = $"(source: {source.Source}, as of {listing.CurrentAsOf:yyyy-MM-dd})";
        if (listing.Outcome == ListingOutcome.NotListed)
        {
            return source.Appendix == Appendix.NotListed
                ? Wording.Of($"{listing.Taxon}: not listed in the CITES Appendices {sourced}")
                : $"{listing.Taxon}: not listed in the CITES Appendices, excluded from the listing of {source.Taxon} {sourced}";
        }
        var under = string.Equals(source.Taxon, listing.Taxon, StringComparison.OrdinalIgnoreCase) ? "" : Wording.Of($" under {source.Taxon}");
        var party = source.ListingParty is { } p ? Wording.Of($", listed by {p}") : "";
        var note = string.IsNullOrWhiteSpace(source.Annotation) ? "" : Wording.Of($"; {source.Annotation}");
        var split = listing.IsSplit
            ? Wording.Of($" (listed by population in {Alternatives(listing.Possible)}; population of origin not recorded, the most restrictive applies)")
            : "";
        return $"{listing.Taxon}: Appendix {listing.Appendix}{split}{under} since {source.EffectiveFrom:yyyy-MM-dd}{party}{note} {sourced}";
    }

    /// <summary>The Appendices a population may be in, as "I or II" (or "none").</summary>
    private static Wording Alternatives(IEnumerable<Appendix> possible) =>
        possible.Select(a => a == Appendix.NotListed ? "none" : Wording.FromString(a.ToString()))
            .Aggregate((said, next) => $"{said} or {next}");

    private static IEnumerable<Requirement> SplitListing(ComplianceContext context)
    {
        foreach (var (line, listing) in context.Lines)
        {
            if (listing.IsSplit)
            {
                var appendices = string.Join(", ", listing.Possible.Select(a => a == Appendix.NotListed ? "not listed" : "Appendix " + a));
                yield return ComplianceContext.Condition("C-02", Severity.Warn, C02.Source, [line.Number], met: false,
                    $"{listing.Taxon} is listed by population ({appendices}) and the population of origin of {line.Label} is not recorded: the most restrictive, Appendix {listing.Appendix}, is applied until the lineage is recorded");
            }
            else if (line.Population is { } population && listing.Listing?.IsPopulationSpecific == true)
            {
                yield return ComplianceContext.Condition("C-02", Severity.Warn, C02.Source, [line.Number], met: true,
                    $"Population of origin {population} recorded for {line.Label}: Appendix {listing.Appendix}");
            }
        }
    }

    private static IEnumerable<Requirement> DomesticatedForms(ComplianceContext context)
    {
        foreach (var (line, listing) in context.Lines.Where(x => x.Listing.Outcome == ListingOutcome.Domesticated))
        {
            yield return listing.WildNameForDomestic
                ? ComplianceContext.Condition("C-03", Severity.Warn, C03.Source, [line.Number], met: false,
                    $"{line.Label} is flagged domestic but recorded under the wild taxon {listing.Taxon}, which wrongly brings in the wild form's rules: record the domesticated form's name")
                : ComplianceContext.Condition("C-03", Severity.Info, C03.Source, [line.Number], met: true,
                    $"{listing.Taxon} is the domesticated form of {listing.WildTaxon}: not subject to the Convention, no CITES document is needed");
        }
    }
}
