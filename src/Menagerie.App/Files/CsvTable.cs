using System.Text;
using Sylvan.Data.Csv;

namespace Menagerie.App.Files;

/// <summary>A problem with input a person supplied: which file, which line, which field, and what is wrong.</summary>
public sealed record InputProblem(string File, int Line, string Field, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Field}: {Message}" : $"{File}: {Field}: {Message}";
}

/// <summary>One row of a CSV file, with its line number, read by header name.</summary>
/// <remarks>
/// The row keeps its cells in an array, trimmed and with blanks as null, and looks a name up in the header's
/// positions, shared by every row of the file: a file of 300,000 rows is then some 100 MB in memory, not a gigabyte.
/// </remarks>
public sealed class CsvRow
{
    private readonly IReadOnlyDictionary<string, int> _columns;
    private readonly string?[] _cells;

    /// <param name="file">The file's name, as problems name it.</param>
    /// <param name="line">The line where the row starts.</param>
    /// <param name="columns">Each column's position in <paramref name="cells"/>, by header name.</param>
    /// <param name="cells">The row's cells, trimmed, null where empty.</param>
    /// <param name="extraCells">Cells with a value beyond the header's last column.</param>
    public CsvRow(string file, int line, IReadOnlyDictionary<string, int> columns, string?[] cells, int extraCells = 0)
    {
        File = file;
        Line = line;
        _columns = columns;
        _cells = cells;
        ExtraCells = extraCells;
    }

    public string File { get; }

    public int Line { get; }

    /// <summary>Cells with a value beyond the header's last column: most often a decimal comma or a comma in an unquoted cell.</summary>
    public int ExtraCells { get; }

    /// <summary>The trimmed value, or null where the column is absent or the cell empty.</summary>
    public string? this[string column] => _columns.TryGetValue(column, out var i) && i < _cells.Length ? _cells[i] : null;

    public InputProblem Problem(string field, string message) => new(File, Line, field, message);
}

public static class CsvTable
{
    /// <summary>
    /// Reads every row; a missing required column (or, given <paramref name="allowed"/>, an unknown one) is reported
    /// once, for the header line. A file that is not CSV text — empty, with no header, with an unterminated quote,
    /// or holding NUL bytes — is reported as a problem too, never thrown. Blank lines are skipped, and a row's line
    /// is the file's line where it starts, counting the line breaks inside quoted cells.
    /// </summary>
    public static async Task<(List<CsvRow> Rows, List<InputProblem> Problems)> ReadAsync(
        TextReader text, string file, IReadOnlyList<string> required, CancellationToken ct, IReadOnlyCollection<string>? allowed = null)
    {
        ArgumentNullException.ThrowIfNull(required);
        var rows = new List<CsvRow>();
        var problems = new List<InputProblem>();
        var line = 1; // where the record being read starts
        try
        {
            await using var csv = await CsvDataReader.CreateAsync(text, new CsvDataReaderOptions { HeaderComparer = StringComparer.OrdinalIgnoreCase }, ct);
            var columns = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetName(i).Trim()).ToList();
            if (columns.Any(c => c.Contains('\0', StringComparison.Ordinal)))
                return (rows, [NotText(file, line)]);
            foreach (var name in required.Where(r => !columns.Contains(r, StringComparer.OrdinalIgnoreCase)))
                problems.Add(new(file, 1, name, $"The column '{name}' is missing from the header."));
            if (allowed is not null)
                problems.AddRange(HeaderProblems(file, columns, allowed));
            // The header is taken to be one line: a line break inside a quoted column name is not worth counting.
            line = 2;
            // A column named twice is read from its last place.
            var positions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < columns.Count; i++)
                positions[columns[i]] = i;
            var shared = new CellPool();
            while (await csv.ReadAsync(ct))
            {
                var start = line;
                line += LineBreaks(csv.GetRawRecordSpan());
                var cells = new string?[Math.Min(columns.Count, csv.RowFieldCount)];
                var blank = true;
                for (var i = 0; i < cells.Length; i++)
                {
                    var value = csv.GetString(i);
                    if (value.Contains('\0', StringComparison.Ordinal))
                        return (rows, [NotText(file, start)]);
                    blank &= string.IsNullOrWhiteSpace(value);
                    cells[i] = shared.Cell(value);
                }
                var extra = 0;
                for (var i = columns.Count; i < csv.RowFieldCount; i++)
                {
                    if (!string.IsNullOrWhiteSpace(csv.GetString(i)))
                        extra++;
                }
                if (!blank || extra > 0)
                    rows.Add(new CsvRow(file, start, positions, cells, extra));
            }
        }
        catch (CsvMissingHeadersException)
        {
            problems.Add(Empty(file, required));
        }
        catch (CsvFormatException e)
        {
            problems.Add(NotCsv(file, line, e));
        }
        catch (DecoderFallbackException)
        {
            problems.Add(NotText(file, line));
        }
        return (rows, problems);
    }

    /// <summary>A file with nothing in it, not even the header line the columns are named on (line 1).</summary>
    public static InputProblem Empty(string file, IReadOnlyList<string> columns) =>
        new(file, 1, "file", $"The file is empty; it needs a header line naming its columns ({string.Join(',', columns)} …).");

    /// <summary>CSV that stops being CSV at a line: most often a quote that is never closed.</summary>
    public static InputProblem NotCsv(string file, int line, CsvFormatException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(file, line, "file", $"The file is not readable CSV from here on: {e.Message}");
    }

    /// <summary>
    /// A reader for a file a person supplied, which refuses bytes that are not UTF-8 (or, after a byte-order mark,
    /// UTF-16) rather than turning them into replacement characters: a spreadsheet or an image given by mistake
    /// is then reported as such instead of as a header of odd column names. The stream stays open: it is the caller's.
    /// </summary>
    public static StreamReader OpenText(Stream content) =>
        new(content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, bufferSize: -1, leaveOpen: true);

    private static IEnumerable<InputProblem> HeaderProblems(string file, List<string> columns, IReadOnlyCollection<string> allowed)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in columns.Where(c => c.Length > 0))
        {
            if (!allowed.Contains(name, StringComparer.OrdinalIgnoreCase))
                yield return new(file, 1, name, $"The column '{name}' is not one this file may have: {string.Join(", ", allowed)}.");
            else if (!seen.Add(name))
                yield return new(file, 1, name, $"The column '{name}' appears twice.");
        }
    }

    /// <summary>
    /// Cells as rows keep them: trimmed, blank as null, and a short value met before (a date, an event type, an
    /// institution's code) as the one string already kept for it.
    /// </summary>
    private sealed class CellPool
    {
        private const int Short = 16;
        private const int MaxPooled = 100_000;
        private readonly Dictionary<string, string> _seen = new(StringComparer.Ordinal);

        public string? Cell(string value)
        {
            if (string.IsNullOrWhiteSpace(value))
                return null;
            var trimmed = value.Trim();
            if (trimmed.Length > Short)
                return trimmed;
            if (_seen.TryGetValue(trimmed, out var kept))
                return kept;
            if (_seen.Count < MaxPooled)
                _seen[trimmed] = trimmed;
            return trimmed;
        }
    }

    /// <summary>Bytes that are not text: a spreadsheet, an image or another binary file given in place of CSV.</summary>
    public static InputProblem NotText(string file, int line) =>
        new(file, line, "file", "The file is not CSV text: it holds bytes that are not UTF-8 text (is it a spreadsheet or another binary file? Save it as CSV UTF-8).");

    /// <summary>The line breaks in a record as read, its own closing one included (CR LF, LF or a lone CR each count once).</summary>
    private static int LineBreaks(ReadOnlySpan<char> record)
    {
        var count = 0;
        for (var i = 0; i < record.Length; i++)
        {
            if (record[i] == '\n' || (record[i] == '\r' && (i + 1 == record.Length || record[i + 1] != '\n')))
                count++;
        }
        return count;
    }
}
