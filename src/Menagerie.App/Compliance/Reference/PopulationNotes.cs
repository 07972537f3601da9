using System.Text.RegularExpressions;
using Menagerie.Domain.Compliance;

namespace Menagerie.App.Compliance.Reference;

/// <summary>
/// Which populations a split listing puts in which Appendix, as the Checklist's notes say it: "The populations
/// of Bhutan, China, Mexico and Mongolia are included in Appendix I. All other populations are included in
/// Appendix II." Countries are named in full and matched against the countries table.
/// </summary>
internal static partial class PopulationNotes
{
    /// <param name="note">The Full note, as plain text.</param>
    /// <param name="countries">The names the note may use.</param>
    /// <returns>
    /// The populations named for each Appendix (<see cref="Appendix.NotListed"/> for "not included in the
    /// Appendices"), the Appendix "all other populations" are in, and the names no country matched.
    /// </returns>
    public static (Dictionary<Appendix, List<string>> Named, Appendix? Others, List<string> Unknown) Read(string note, CountryNames countries)
    {
        var named = new Dictionary<Appendix, List<string>>();
        var unknown = new List<string>();
        Appendix? others = null;
        foreach (Match match in Named().Matches(note))
        {
            var appendix = AppendixOf(match);
            if (!named.TryGetValue(appendix, out var codes))
                named[appendix] = codes = [];
            foreach (var name in Names(match.Groups["names"].Value, countries))
            {
                if (countries.Code(name) is { } code)
                    codes.Add(code);
                else
                    unknown.Add(name);
            }
        }
        if (Others().Match(note) is { Success: true } rest)
            others = AppendixOf(rest);
        return (named, others, unknown);
    }

    private static Appendix AppendixOf(Match match) =>
        match.Groups["app"].Success ? Enum.Parse<Appendix>(match.Groups["app"].Value) : Appendix.NotListed;

    /// <summary>"Bhutan, China, Mexico and Mongolia" → four names; "Bosnia and Herzegovina" stays one because a country is so named.</summary>
    private static IEnumerable<string> Names(string list, CountryNames countries)
    {
        foreach (var part in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var item = part.StartsWith("and ", StringComparison.Ordinal) ? part[4..] : part;
            if (countries.Code(item) is not null || !item.Contains(" and ", StringComparison.Ordinal))
                yield return item;
            else
            {
                foreach (var name in item.Split(" and ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    yield return name;
            }
        }
    }

    [GeneratedRegex(
        @"populations?\s+of\s+(?<names>[^.;]+?)\s+(?:is|are)\s+(?:(?:included\s+)?in\s+Appendix\s+(?<app>III|II|I)\b|not\s+included\s+in\s+the\s+Appendices)",
        RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Named();

    [GeneratedRegex(
        @"all\s+other\s+populations\s+(?:are\s+)?(?:(?:included\s+)?in\s+Appendix\s+(?<app>III|II|I)\b|not\s+included\s+in\s+the\s+Appendices)",
        RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Others();
}
