using System.Globalization;
using System.Text;
using Menagerie.Genetics.Pedigrees;

namespace Menagerie.Genetics.Tests.Support;

/// <summary>
/// A small CSV reader for the test fixtures only (the product's reader, on a CSV library, lives in
/// Menagerie.App). Columns are found by name with the aliases of the shared pedigree README.
/// </summary>
internal static class PedigreeCsv
{
    private static readonly Dictionary<string, string[]> Aliases = new(StringComparer.Ordinal)
    {
        ["id"] = ["id", "egoid", "indiv", "individual", "animal", "studid"],
        ["sire"] = ["sire", "sireid", "father"],
        ["dam"] = ["dam", "damid", "mother"],
        ["sex"] = ["sex"],
        ["birthdate"] = ["birthdate", "birth", "born", "bdate"],
        ["birthyear"] = ["birthyear"],
        ["alive"] = ["alive"],
        ["ref"] = ["ref"],
    };

    public static PedigreeInput Read(string path)
    {
        var input = new PedigreeInput();
        using var reader = new StreamReader(path, Encoding.UTF8);
        var header = Split(reader.ReadLine() ?? string.Empty);
        var columns = Locate(header);
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }

            var f = Split(text);
            string? Field(string name) => columns.TryGetValue(name, out var c) && c < f.Count && f[c].Length > 0 ? f[c] : null;
            var (date, year) = ParseBirth(Field("birthdate"), Field("birthyear"));
            input.Add(new PedigreeRow
            {
                Id = Field("id") ?? string.Empty,
                Sire = Field("sire"),
                Dam = Field("dam"),
                Sex = Field("sex"),
                Line = line,
                BirthDate = date,
                BirthYear = year,
                Alive = ParseFlag(Field("alive")),
                Reference = ParseFlag(Field("ref")),
            });
        }

        return input;
    }

    public static List<List<string>> ReadTable(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var rows = new List<List<string>>();
        while (reader.ReadLine() is { } text)
        {
            if (text.Length > 0)
            {
                rows.Add(Split(text));
            }
        }

        return rows;
    }

    public static double Number(string text) =>
        text is "NA" or "" ? double.NaN : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static Dictionary<string, int> Locate(List<string> header)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < header.Count; c++)
        {
            var key = new string([.. header[c].ToLowerInvariant().Where(ch => ch is not (' ' or '.' or '_'))]);
            foreach (var (name, aliases) in Aliases)
            {
                if (aliases.Contains(key, StringComparer.Ordinal) && !columns.ContainsKey(name))
                {
                    columns[name] = c;
                }
            }
        }

        return columns;
    }

    private static (DateOnly? Date, int? Year) ParseBirth(string? date, string? year)
    {
        DateOnly? d = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;
        int? y = int.TryParse(year ?? (date is { Length: 4 } ? date : null), NumberStyles.Integer, CultureInfo.InvariantCulture, out var py) ? py : null;
        return (d, y);
    }

    private static bool? ParseFlag(string? value) => value switch
    {
        "1" or "TRUE" or "true" => true,
        "0" or "FALSE" or "false" => false,
        _ => null,
    };

    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(ch);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
