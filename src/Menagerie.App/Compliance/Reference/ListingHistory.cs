using Menagerie.App.Files;
using Menagerie.Domain.Compliance;
using Menagerie.Domain.Institutions;
using Menagerie.Domain.Taxa;

namespace Menagerie.App.Compliance.Reference;

/// <summary>
/// Reads the listing history shipped over the checklist: <c>listing-changes.csv</c> (dated amendments to the
/// Appendices), <c>listing-synonyms.csv</c> (names listed under another since a taxonomic change) and
/// <c>listing-coverage.csv</c> (how far the changes are complete, per class and Appendix).
/// </summary>
internal static class ListingHistory
{
    public static List<ListingChange> ReadChanges(List<CsvRow> rows, List<InputProblem> problems)
    {
        var changes = new List<ListingChange>();
        foreach (var row in rows)
        {
            var before = problems.Count;
            var required = ReferenceTables.Required(row, problems, "taxon", "rank", "change", "effective_from", "as_of", "source");
            var rank = Enum.TryParse<TaxonRank>(row["rank"], ignoreCase: true, out var r) && Enum.IsDefined(r) ? r : (TaxonRank?)null;
            if (row["rank"] is not null && rank is null)
                problems.Add(row.Problem("rank", $"'{row["rank"]}' is not a rank (class, order, family, genus, species or subspecies)."));
            var kind = row["change"]?.ToUpperInvariant() switch
            {
                "ADDED" => ListingChangeKind.Added,
                "TRANSFERRED" => ListingChangeKind.Transferred,
                "DELETED" => ListingChangeKind.Deleted,
                "AMENDED" => ListingChangeKind.Amended,
                _ => (ListingChangeKind?)null,
            };
            if (row["change"] is not null && kind is null)
                problems.Add(row.Problem("change", $"'{row["change"]}' is not added, transferred, deleted or amended."));
            var from = Appendix(row, "from_appendix", problems);
            var to = Appendix(row, "to_appendix", problems);
            var (needsFrom, needsTo) = kind switch
            {
                ListingChangeKind.Added => (false, true),
                ListingChangeKind.Deleted => (true, false),
                _ => (true, true),
            };
            if (kind is not null && needsFrom && from is null && row["from_appendix"] is null)
                problems.Add(row.Problem("from_appendix", $"A change '{row["change"]}' needs the Appendix it leaves."));
            if (kind is not null && needsTo && to is null && row["to_appendix"] is null)
                problems.Add(row.Problem("to_appendix", $"A change '{row["change"]}' needs the Appendix it enters."));
            if (kind is ListingChangeKind.Added && from is not null)
                problems.Add(row.Problem("from_appendix", "An addition leaves no Appendix: leave from_appendix empty, or call it transferred."));
            if (kind is ListingChangeKind.Deleted && to is not null)
                problems.Add(row.Problem("to_appendix", "A deletion enters no Appendix: leave to_appendix empty, or call it transferred."));
            var party = row["listing_party"]?.ToUpperInvariant();
            if (party is not null && !Country.IsCode(party))
                problems.Add(row.Problem("listing_party", $"'{party}' is not an ISO 3166-1 alpha-2 code."));
            var populations = ReferenceTables.CountryCodes(row, "populations", problems);
            var excluded = ReferenceTables.CountryCodes(row, "excluded_populations", problems);
            var effective = row["effective_from"] is null ? default : ReferenceTables.Date(row, "effective_from", problems);
            var asOf = row["as_of"] is null ? default : ReferenceTables.Date(row, "as_of", problems);
            if (problems.Count > before)
                continue;
            changes.Add(new ListingChange
            {
                Taxon = required![0],
                Rank = rank!.Value,
                Parent = row["parent"],
                Kind = kind!.Value,
                From = from,
                To = to,
                ListingParty = party,
                Populations = populations,
                ExcludedPopulations = excluded,
                ExcludedTaxa = (row["excluded_taxa"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Annotation = row["annotation"] ?? "",
                EffectiveFrom = effective,
                Meeting = row["meeting"] ?? "",
                Source = required[5],
                AsOf = asOf,
            });
        }
        return changes;
    }

    public static List<ListingSynonym> ReadSynonyms(List<CsvRow> rows, List<InputProblem> problems)
    {
        var synonyms = new List<ListingSynonym>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            var before = problems.Count;
            var required = ReferenceTables.Required(row, problems, "name", "listed_as", "effective_from", "source");
            var effective = row["effective_from"] is null ? default : ReferenceTables.Date(row, "effective_from", problems);
            if (problems.Count > before)
                continue;
            if (string.Equals(required![0], required[1], StringComparison.OrdinalIgnoreCase))
                problems.Add(row.Problem("listed_as", $"{required[0]} is given as a synonym of itself."));
            else if (!seen.Add(required[0]))
                problems.Add(row.Problem("name", $"{required[0]} is in the file twice."));
            else
                synonyms.Add(new ListingSynonym(required[0], required[1], effective, required[3]));
        }
        return synonyms;
    }

    public static List<ListingCoverage> ReadCoverage(List<CsvRow> rows, List<InputProblem> problems)
    {
        var coverage = new List<ListingCoverage>();
        foreach (var row in rows)
        {
            var before = problems.Count;
            var required = ReferenceTables.Required(row, problems, "taxon", "appendices", "complete_to", "note");
            var appendices = new List<Appendix>();
            foreach (var text in (row["appendices"] ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (ReferenceText.TryParseAppendix(text, out var appendix) && appendix != Domain.Compliance.Appendix.NotListed)
                    appendices.Add(appendix);
                else
                    problems.Add(row.Problem("appendices", $"'{text}' is not I, II or III."));
            }
            var completeTo = row["complete_to"] is null ? default : ReferenceTables.Date(row, "complete_to", problems);
            if (problems.Count == before)
                coverage.Add(new ListingCoverage(required![0], appendices, completeTo, required[3]));
        }
        return coverage;
    }

    private static Appendix? Appendix(CsvRow row, string column, List<InputProblem> problems)
    {
        if (row[column] is null)
            return null;
        if (ReferenceText.TryParseAppendix(row[column], out var appendix) && appendix != Domain.Compliance.Appendix.NotListed)
            return appendix;
        problems.Add(row.Problem(column, $"'{row[column]}' is not I, II or III."));
        return null;
    }
}
