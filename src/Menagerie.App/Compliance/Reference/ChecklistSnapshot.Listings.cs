using System.Text.RegularExpressions;
using Menagerie.App.Files;
using Menagerie.Domain.Compliance;
using Menagerie.Domain.Institutions;

namespace Menagerie.App.Compliance.Reference;

public static partial class ChecklistSnapshot
{
    /// <summary>
    /// The current listings and first-listing dates from the listing history. Only rows of exactly I, II or III
    /// are listings: reservations (I/r), their withdrawals (II/w) and deletions (DELII) are not. A row of
    /// a record missing from the taxa file is passed over: the 2013 files hold one (SPECIES:17870).
    /// </summary>
    private static (List<CitesListing> Listings, Dictionary<string, DateOnly> FirstListed) Listings(
        List<CsvRow> rows, SnapshotTree tree, string source, DateOnly asOf, List<InputProblem> problems)
    {
        var listings = new List<CitesListing>();
        var firstListed = new Dictionary<string, DateOnly>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            var before = problems.Count;
            var rank = SnapshotTree.ParseRank(row, "rank_name", problems);
            var id = SnapshotTree.ParseId(row, "rec_id", problems);
            var listing = ListingWord().Match(row["listing"] ?? "");
            if (!listing.Success)
                problems.Add(row.Problem("listing", $"'{row["listing"]}' is not a listing: I, II or III, with /r (reservation) or /w (withdrawal), or DELI, DELII, DELIII."));
            var isListing = listing.Success && !listing.Groups["del"].Success && !listing.Groups["mark"].Success;
            DateOnly effective = default;
            if ((row["effective_from"] is not null || isListing) && !ReferenceText.TryParseDayFirstDate(row["effective_from"], out effective))
                problems.Add(row.Problem("effective_from", $"'{row["effective_from"]}' is not a date (dd/MM/yyyy)."));
            if (row["is_current"] is not (null or "0" or "1"))
                problems.Add(row.Problem("is_current", $"'{row["is_current"]}' is not 0 or 1."));
            var populations = CountryCodes(row, "populations_iso2", problems);
            var excludedPopulations = CountryCodes(row, "EXCLUDEDpopulations_iso", problems);
            var excludedTaxa = ExcludedTaxa(row, tree, problems);
            if (problems.Count > before || !isListing)
                continue;

            var key = new SnapshotKey(rank!, id!.Value);
            if (tree.Name(key) is not { } name)
                continue;
            // Menagerie keeps no subfamilies: a subfamily's listing (Lutrinae) is carried by each of its genera.
            var taxa = key.Rank == "SUBFAMILY" ? tree.Genera(key).Select(tree.Name).OfType<string>().ToList() : [name];
            foreach (var taxon in taxa)
            {
                if (!firstListed.TryGetValue(taxon, out var first) || effective < first)
                    firstListed[taxon] = effective;
            }
            if (row["is_current"] != "1")
                continue;
            var appendix = Enum.Parse<Appendix>(listing.Groups["appendix"].Value.ToUpperInvariant());
            var note = ReferenceText.PlainNote(row["full_note_en"] ?? row["short_note_en"]);
            if (key.Rank == "SUBFAMILY")
                note = $"Listed under {name} spp. {note}".Trim();
            foreach (var taxon in taxa)
            {
                listings.Add(new CitesListing
                {
                    Taxon = taxon,
                    Appendix = appendix,
                    EffectiveFrom = effective,
                    ListingParty = appendix == Appendix.III ? row["party_iso2"]?.ToUpperInvariant() : null,
                    Populations = populations,
                    ExcludedPopulations = excludedPopulations,
                    ExcludedTaxa = excludedTaxa,
                    ExcludesDomesticated = ReferenceText.ExcludesDomesticated($"{row["short_note_en"]} {row["full_note_en"]}"),
                    Annotation = note,
                    Source = source,
                    AsOf = asOf,
                });
            }
        }
        return (listings, firstListed);
    }

    private static List<string> CountryCodes(CsvRow row, string column, List<InputProblem> problems)
    {
        var codes = ReferenceText.Codes(row[column]);
        foreach (var code in codes.Where(c => !Country.IsCode(c)))
            problems.Add(row.Problem(column, $"'{code}' is not an ISO 3166-1 alpha-2 code."));
        return codes;
    }

    /// <summary>The lower taxa a higher-taxon listing leaves out, written "SPECIES:25972,SPECIES:26157, SPECIES: 18624".</summary>
    private static List<string> ExcludedTaxa(CsvRow row, SnapshotTree tree, List<InputProblem> problems)
    {
        var names = new List<string>();
        foreach (var item in (row["excluded_rec_ids"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = ExcludedRecord().Match(item);
            var rank = match.Groups["rank"].Value.ToUpperInvariant();
            if (!match.Success || !SnapshotTree.Ranks.Contains(rank, StringComparer.Ordinal))
                problems.Add(row.Problem("excluded_rec_ids", $"'{item}' is not a record written RANK:id (e.g. SPECIES:25972)."));
            else if (tree.Name(new(rank, int.Parse(match.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture))) is { } name)
                names.Add(name);
        }
        return names;
    }

    [GeneratedRegex(@"^(?<del>DEL)?(?<appendix>III|II|I)(?<mark>/[RW])?$", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ListingWord();

    [GeneratedRegex(@"^(?<rank>[A-Za-z]+)\s*:\s*(?<id>\d{1,9})$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ExcludedRecord();
}
