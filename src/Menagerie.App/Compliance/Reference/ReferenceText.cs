using System.Globalization;
using System.Text.RegularExpressions;
using Menagerie.Domain.Compliance;

namespace Menagerie.App.Compliance.Reference;

/// <summary>The small parsers every reference file shares: dates, ISO code lists, names, notes.</summary>
internal static partial class ReferenceText
{
    public static bool TryParseIsoDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>The snapshot's dates: dd/MM/yyyy.</summary>
    public static bool TryParseDayFirstDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, ["dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>ISO codes written "BT,CN, MN" or "BT CN MN" or "BT;CN": upper case, in order, each once.</summary>
    public static List<string> Codes(string? text) =>
        (text ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>"PSITTACIFORMES" → "Psittaciformes": names above the species are capitalised, not upper case.</summary>
    public static string Capitalised(string name) =>
        name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..].ToLowerInvariant();

    /// <summary>A note as plain text: without the &lt;i&gt; tags of the snapshot, with ordinary spaces.</summary>
    public static string PlainNote(string? note) =>
        note is null ? "" : Spaces().Replace(Tags().Replace(note, ""), " ").Trim();

    /// <summary>Whether a note says the domesticated form is outside the Convention ("Excludes the domesticated form …").</summary>
    public static bool ExcludesDomesticated(string note) =>
        note.Contains("domesticated form", StringComparison.OrdinalIgnoreCase) || note.Contains("domestic form", StringComparison.OrdinalIgnoreCase);

    public static bool TryParseAppendix(string? text, out Appendix appendix)
    {
        (var ok, appendix) = text?.Trim().ToUpperInvariant() switch
        {
            "I" => (true, Appendix.I),
            "II" => (true, Appendix.II),
            "III" => (true, Appendix.III),
            "NONE" => (true, Appendix.NotListed),
            _ => (false, Appendix.NotListed),
        };
        return ok;
    }

    [GeneratedRegex("<[^>]*>", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Spaces();
}
