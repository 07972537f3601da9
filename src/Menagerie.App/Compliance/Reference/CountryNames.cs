using System.Text;

namespace Menagerie.App.Compliance.Reference;

/// <summary>
/// Country names to ISO codes, for the names a checklist writes in its notes ("The populations of Bhutan,
/// China, Mexico and Mongolia …") and in its Party column. A name matches whatever its case, its accents
/// and a leading "the"; "Bolivia" matches "Bolivia (Plurinational State of)".
/// </summary>
public sealed class CountryNames
{
    // Menagerie runs with invariant globalization, where string.Normalize does not decompose accents: the
    // letters of the Latin alphabets in country names are folded by hand.
    private const string Accented = "àáâãäåāăąçćčðďèéêëēėęěìíîïīįñńňòóôõöøōőùúûüūůűýÿšśžźżłřťşșț";
    private const string Plain = "aaaaaaaaacccddeeeeeeeeiiiiiinnnoooooooouuuuuuuyysszzzlrtsst";

    private readonly Dictionary<string, string> _codes = new(StringComparer.Ordinal);

    public CountryNames(IEnumerable<(string Code, string Name)> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        foreach (var (code, name) in names)
        {
            _codes.TryAdd(Key(code), code);
            _codes.TryAdd(Key(name), code);
            if (name.IndexOf(" (", StringComparison.Ordinal) is > 0 and var bracket)
                _codes.TryAdd(Key(name[..bracket]), code);
        }
    }

    /// <summary>The ISO code of a country named or coded so, or null.</summary>
    public string? Code(string nameOrCode) => _codes.GetValueOrDefault(Key(nameOrCode));

    private static string Key(string text)
    {
        var plain = new StringBuilder(text.Length);
        foreach (var c in text.Trim().Replace('\u2019', '\'').ToLowerInvariant())
            plain.Append(Accented.IndexOf(c, StringComparison.Ordinal) is >= 0 and var i ? Plain[i] : c);
        var key = string.Join(' ', plain.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return key.StartsWith("the ", StringComparison.Ordinal) ? key[4..] : key;
    }
}
