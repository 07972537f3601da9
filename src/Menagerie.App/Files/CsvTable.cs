using Sylvan.Data.Csv;

namespace Menagerie.App.Files;

/// <summary>A problem with input a person supplied: which file, which line, which field, and what is wrong.</summary>
public sealed record InputProblem(string File, int Line, string Field, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Field}: {Message}" : $"{File}: {Field}: {Message}";
}

/// <summary>One row of a CSV file, with its line number, read by header name.</summary>
public sealed class CsvRow(string file, int line, IReadOnlyDictionary<string, string> values)
{
    public string File => file;
    public int Line => line;

    /// <summary>The trimmed value, or null where the column is absent or the cell empty.</summary>
    public string? this[string column] => values.TryGetValue(column, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    public InputProblem Problem(string field, string message) => new(file, line, field, message);
}

public static class CsvTable
{
    /// <summary>Reads every row; a missing required column is reported once, for the header line.</summary>
    public static async Task<(List<CsvRow> Rows, List<InputProblem> Problems)> ReadAsync(
        TextReader text, string file, IReadOnlyList<string> required, CancellationToken ct)
    {
        var rows = new List<CsvRow>();
        var problems = new List<InputProblem>();
        await using var csv = await CsvDataReader.CreateAsync(text, new CsvDataReaderOptions { HeaderComparer = StringComparer.OrdinalIgnoreCase }, ct);
        var columns = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetName(i).Trim()).ToList();
        foreach (var name in required.Where(r => !columns.Contains(r, StringComparer.OrdinalIgnoreCase)))
            problems.Add(new(file, 1, name, $"The column '{name}' is missing from the header."));
        var line = 1;
        while (await csv.ReadAsync(ct))
        {
            line++;
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < Math.Min(columns.Count, csv.RowFieldCount); i++)
                values[columns[i]] = csv.GetString(i);
            rows.Add(new CsvRow(file, line, values));
        }
        return (rows, problems);
    }
}
