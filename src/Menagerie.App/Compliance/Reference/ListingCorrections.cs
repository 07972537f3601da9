using Menagerie.App.Files;
using Menagerie.Domain.Compliance;
using Menagerie.Domain.Institutions;

namespace Menagerie.App.Compliance.Reference;

/// <summary>Reads <c>listing-corrections.csv</c>: one row per listing, the rows of one taxon together making its correction.</summary>
internal static class ListingCorrections
{
    public static List<ListingCorrection> Read(List<CsvRow> rows, List<InputProblem> problems)
    {
        var byTaxon = new Dictionary<string, (CsvRow First, List<CitesListing> Listings)>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        foreach (var row in rows)
        {
            if (Listing(row, problems) is not { } listing)
                continue;
            if (!byTaxon.TryGetValue(listing.Taxon, out var correction))
            {
                byTaxon[listing.Taxon] = correction = (row, []);
                order.Add(listing.Taxon);
            }
            correction.Listings.Add(listing);
        }
        foreach (var (first, listings) in byTaxon.Values)
        {
            if (listings.Count > 1 && listings.Any(l => l.Appendix == Appendix.NotListed))
                problems.Add(first.Problem("appendix", $"{first["taxon"]} is corrected to 'none' and to an Appendix at once."));
        }
        return order.Select(t => new ListingCorrection(t, byTaxon[t].Listings)).ToList();
    }

    private static CitesListing? Listing(CsvRow row, List<InputProblem> problems)
    {
        var before = problems.Count;
        var required = ReferenceTables.Required(row, problems, "taxon", "source");
        if (!ReferenceText.TryParseAppendix(row["appendix"], out var appendix))
            problems.Add(row.Problem("appendix", $"'{row["appendix"]}' is not I, II, III or none."));
        var asOf = ReferenceTables.Date(row, "as_of", problems);
        // "none" has no date of its own: the taxon is known not to be listed as of the row's date.
        var effective = appendix == Appendix.NotListed && row["effective_from"] is null ? asOf : ReferenceTables.Date(row, "effective_from", problems);
        var party = row["listing_party"]?.ToUpperInvariant();
        if (party is not null && !Country.IsCode(party))
            problems.Add(row.Problem("listing_party", $"'{party}' is not an ISO 3166-1 alpha-2 code."));
        else if (party is not null && appendix != Appendix.III)
            problems.Add(row.Problem("listing_party", "Only an Appendix III listing has a listing Party."));
        var populations = ReferenceTables.CountryCodes(row, "populations", problems);
        var excludedPopulations = ReferenceTables.CountryCodes(row, "excluded_populations", problems);
        var excludesDomesticated = ReferenceTables.Flag(row, "excludes_domesticated", problems);
        if (problems.Count > before)
            return null;
        return new CitesListing
        {
            Taxon = required![0],
            Appendix = appendix,
            EffectiveFrom = effective,
            ListingParty = party,
            Populations = populations,
            ExcludedPopulations = excludedPopulations,
            ExcludedTaxa = (row["excluded_taxa"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            ExcludesDomesticated = excludesDomesticated,
            Annotation = row["annotation"] ?? "",
            Source = required[1],
            AsOf = asOf,
        };
    }
}
