namespace Menagerie.App.Studbooks;

/// <summary>The columns a studbook file may have.</summary>
public enum StudbookColumn
{
    Id,
    Sire,
    Dam,
    Sex,
    BirthDate,
    BirthYear,
    Death,
    Departure,
    Alive,
    Dead,
    Reference,

    /// <summary>The date the data were extracted from the studbook, the same on every row.</summary>
    AsOf,
}

/// <summary>
/// Finds the studbook columns in a header by name: case-insensitive, ignoring spaces, dots and
/// underscores, with the aliases seen in real studbooks and PMx/SPARKS exchange files.
/// </summary>
public static class StudbookColumns
{
    // Keys are normalised (lower case, no ' ', '.', '_'); e.g. "Ego Id", "ego_id" and "egoid" all give "egoid".
    private static readonly Dictionary<string, StudbookColumn> Aliases = new(StringComparer.Ordinal)
    {
        ["id"] = StudbookColumn.Id,
        ["egoid"] = StudbookColumn.Id,
        ["indiv"] = StudbookColumn.Id,
        ["individual"] = StudbookColumn.Id,
        ["animal"] = StudbookColumn.Id,
        ["studid"] = StudbookColumn.Id,
        ["sire"] = StudbookColumn.Sire,
        ["sireid"] = StudbookColumn.Sire,
        ["father"] = StudbookColumn.Sire,
        ["dam"] = StudbookColumn.Dam,
        ["damid"] = StudbookColumn.Dam,
        ["mother"] = StudbookColumn.Dam,
        ["sex"] = StudbookColumn.Sex,
        ["birthdate"] = StudbookColumn.BirthDate,
        ["birth"] = StudbookColumn.BirthDate,
        ["born"] = StudbookColumn.BirthDate,
        ["bdate"] = StudbookColumn.BirthDate,
        ["birthyear"] = StudbookColumn.BirthYear,
        ["death"] = StudbookColumn.Death,
        ["deathdate"] = StudbookColumn.Death,
        ["departure"] = StudbookColumn.Departure,
        ["exit"] = StudbookColumn.Departure,
        ["alive"] = StudbookColumn.Alive,
        ["dead"] = StudbookColumn.Dead,
        ["ref"] = StudbookColumn.Reference,
        ["reference"] = StudbookColumn.Reference,
        ["asof"] = StudbookColumn.AsOf,
        ["extracted"] = StudbookColumn.AsOf,
        ["extractdate"] = StudbookColumn.AsOf,
    };

    /// <summary>The header name as it is matched: lower case, without spaces, dots and underscores.</summary>
    public static string Normalize(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return string.Create(CountKept(header), header, static (span, source) =>
        {
            var k = 0;
            foreach (var c in source)
            {
                if (!IsIgnored(c))
                    span[k++] = char.ToLowerInvariant(c);
            }
        });
    }

    /// <summary>Which column a header names, if any.</summary>
    public static StudbookColumn? Find(string header) =>
        Aliases.TryGetValue(Normalize(header), out var column) ? column : null;

    /// <summary>The position of each known column in a header (the first of duplicates wins); -1 where absent.</summary>
    public static int[] Locate(IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var positions = new int[Enum.GetValues<StudbookColumn>().Length];
        Array.Fill(positions, -1);
        for (var i = 0; i < headers.Count; i++)
        {
            if (Find(headers[i]) is { } column && positions[(int)column] < 0)
                positions[(int)column] = i;
        }
        return positions;
    }

    /// <summary>The header names that mean a column, as matched (normalised).</summary>
    public static IEnumerable<string> AliasesOf(StudbookColumn column) =>
        Aliases.Where(a => a.Value == column).Select(a => a.Key);

    /// <summary>The usual name of a column, used in messages.</summary>
    public static string Name(StudbookColumn column) => column switch
    {
        StudbookColumn.BirthDate => "birth_date",
        StudbookColumn.BirthYear => "birth_year",
        StudbookColumn.Reference => "ref",
        StudbookColumn.AsOf => "as_of",
        _ => column.ToString().ToLowerInvariant(),
    };

    private static bool IsIgnored(char c) => c is ' ' or '.' or '_' or '\uFEFF';

    private static int CountKept(string header)
    {
        var count = 0;
        foreach (var c in header)
            count += IsIgnored(c) ? 0 : 1;
        return count;
    }
}
