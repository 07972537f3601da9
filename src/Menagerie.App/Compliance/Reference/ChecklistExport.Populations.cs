using Menagerie.App.Files;
using Menagerie.Domain.Compliance;

namespace Menagerie.App.Compliance.Reference;

/// <summary>Which populations each Appendix of a row covers: named ones, or all the others.</summary>
internal static class Populations
{
    /// <returns>For each Appendix of the row, the populations it covers and those it leaves out; null after reporting a split that cannot be resolved.</returns>
    public static Dictionary<Appendix, (List<string> Included, List<string> Excluded)>? Split(
        CsvRow row, List<Appendix> appendices, string note, CountryNames countries, List<InputProblem> problems)
    {
        var before = problems.Count;
        var named = row["Populations"] is { } column ? FromColumn(row, column, appendices, countries, problems) : null;
        if (problems.Count > before)
            return null;
        if (named is null && appendices.Count > 1)
        {
            var (fromNote, _, unknown) = PopulationNotes.Read(note, countries);
            foreach (var name in unknown)
                problems.Add(row.Problem(row["Full note"] is null ? "Annotation" : "Full note", $"'{name}' is not a country Menagerie knows."));
            if (unknown.Count > 0)
                return null;
            named = fromNote.Where(n => appendices.Contains(n.Key)).ToDictionary(n => n.Key, n => n.Value);
        }
        named ??= [];
        var others = appendices.Where(a => !named.ContainsKey(a)).ToList();
        if (others.Count > 1)
        {
            problems.Add(row.Problem("Listing",
                $"{row["Listing"]} is split between populations, but neither the Populations column nor the note says which populations are in " +
                $"{string.Join(" and ", others.Select(Word))}: give them in the Populations column, e.g. '{Word(others[0])}: BT,CN'."));
            return null;
        }
        var all = named.Values.SelectMany(c => c).Distinct(StringComparer.Ordinal).ToList();
        return appendices.ToDictionary(a => a, a => named.TryGetValue(a, out var codes) ? (codes, new List<string>()) : (new List<string>(), all));
    }

    /// <summary>"I: BT,CN,MN,MX; II: MX" or, for the first Appendix of the listing, just "BT,CN,MN,MX"; a country by ISO code or name.</summary>
    private static Dictionary<Appendix, List<string>>? FromColumn(
        CsvRow row, string column, List<Appendix> appendices, CountryNames countries, List<InputProblem> problems)
    {
        var named = new Dictionary<Appendix, List<string>>();
        var groups = column.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var before = problems.Count;
        foreach (var group in groups)
        {
            var colon = group.IndexOf(':', StringComparison.Ordinal);
            Appendix appendix;
            if (colon < 0 && groups.Length == 1 && appendices.Count > 0)
                appendix = appendices[0];
            else if (colon < 0 || !TryWord(group[..colon].Trim(), out appendix) || !appendices.Contains(appendix))
            {
                problems.Add(row.Problem("Populations", $"'{group}' does not say which Appendix of {row["Listing"]} it is for (write e.g. 'I: BT,CN')."));
                continue;
            }
            var codes = new List<string>();
            foreach (var item in group[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (countries.Code(item) is { } code)
                    codes.Add(code);
                else
                    problems.Add(row.Problem("Populations", $"'{item}' is not a country Menagerie knows, by ISO code or name."));
            }
            named[appendix] = codes;
        }
        return problems.Count > before ? null : named;
    }

    private static string Word(Appendix appendix) => appendix == Appendix.NotListed ? "NC" : appendix.ToString();

    private static bool TryWord(string word, out Appendix appendix)
    {
        if (string.Equals(word, "NC", StringComparison.OrdinalIgnoreCase))
        {
            appendix = Appendix.NotListed;
            return true;
        }
        return ReferenceText.TryParseAppendix(word, out appendix) && appendix != Appendix.NotListed;
    }
}
