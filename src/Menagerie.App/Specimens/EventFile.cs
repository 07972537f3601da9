using System.Text.Json;
using Menagerie.App.Files;
using Menagerie.Domain;

namespace Menagerie.App.Specimens;

/// <summary>One event of a batch: the file line it came from, the specimen it names (global id or any identifier), and the event.</summary>
public sealed record EventRow(int Line, string? Specimen, EventInput Input);

/// <summary>What a batch recorded: how many events, for how many specimens, and each event in the order of its row.</summary>
public sealed record ImportedEvents(int Recorded, int Specimens, IReadOnlyList<RecordedEvent> Events);

/// <summary>How an import of an events file ended.</summary>
public abstract record EventImportResult
{
    private EventImportResult() { }

    public sealed record Imported(ImportedEvents Events) : EventImportResult;

    /// <summary>The file is not a CSV of events (empty, not text, an unterminated quote, a column missing or unknown); no row was checked.</summary>
    public sealed record Unreadable(IReadOnlyList<InputProblem> Problems) : EventImportResult;

    /// <summary>Every problem of every row, by line and column; nothing was recorded.</summary>
    public sealed record Rejected(IReadOnlyList<InputProblem> Problems) : EventImportResult;

    /// <summary>Another writer changed one of the animals between this import's read and its save; nothing was recorded.</summary>
    public sealed record Conflict(string Message) : EventImportResult;
}

/// <summary>
/// The events CSV: a day's weighings, or any events, for many animals, one event a row. Columns are found by
/// header name in any case; <c>specimen</c>, <c>type</c> and <c>date</c> are required, the others are the fields
/// of <see cref="EventInput"/> in snake case, and any other column is refused.
/// </summary>
public static class EventFile
{
    public static readonly IReadOnlyList<string> Required = ["specimen", "type", "date"];

    public static readonly IReadOnlyList<string> Columns =
    [
        .. Required, "estimated", "at", "institution", "from", "from_name", "to", "to_name", "owner", "counts", "sire", "dam",
        "scheme", "value", "weight_kg", "length_cm", "elbow_height_cm", "width_cm", "height_cm", "text", "supersedes", "reason",
    ];

    /// <summary>
    /// The rows of the file, and the problems of their cells (a number, flag, instant or event id that cannot be
    /// read); or, where the file as a whole cannot be read, only the problems that say why.
    /// </summary>
    internal static async Task<(List<EventRow> Rows, List<InputProblem> CellProblems, List<InputProblem> FileProblems)> ReadAsync(
        Stream content, string file, CancellationToken ct)
    {
        using var text = CsvTable.OpenText(content);
        var (rows, fileProblems) = await CsvTable.ReadAsync(text, file, [.. Required], ct, Columns);
        if (fileProblems.Count == 0 && rows.Count == 0)
            fileProblems.Add(new(file, 0, "file", "The file has a header but no events below it."));
        if (fileProblems.Count > 0)
            return ([], [], fileProblems);
        var problems = new List<InputProblem>();
        return ([.. rows.Select(row => Row(row, problems))], problems, []);
    }

    /// <summary>Where in the file a rule was broken: the line of the row a field such as <c>rows[3].weightKg</c> belongs to, and its column.</summary>
    public static InputProblem Problem(string file, IReadOnlyList<EventRow> rows, RuleViolation violation)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(violation);
        return RowField(violation.Field) is var (index, field) && index < rows.Count
            ? new(file, rows[index].Line, ColumnOf(field), violation.Message)
            : new(file, 0, violation.Field, violation.Message);
    }

    /// <summary>The column, or option, a field of <see cref="EventInput"/> comes from: <c>weightKg</c> is <c>weight_kg</c>; any other field stays as it is.</summary>
    public static string ColumnOf(string field)
    {
        var column = JsonNamingPolicy.SnakeCaseLower.ConvertName(field);
        return Columns.Contains(column, StringComparer.Ordinal) ? column : field;
    }

    /// <summary>The position and the field of a batch's row field such as <c>rows[3].weightKg</c>; null for any other.</summary>
    public static (int Index, string Field)? RowField(string field)
    {
        const string Prefix = "rows[";
        var close = field.IndexOf(']', StringComparison.Ordinal);
        if (!field.StartsWith(Prefix, StringComparison.Ordinal) || close < 0
            || !int.TryParse(field.AsSpan(Prefix.Length, close - Prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
            return null;
        return (index, field[(close + 1)..].TrimStart('.'));
    }

    private static EventRow Row(CsvRow row, List<InputProblem> problems)
    {
        if (row.ExtraCells > 0)
            problems.Add(row.Problem("row", $"The row has {row.ExtraCells} more cell{(row.ExtraCells == 1 ? "" : "s")} than the header has columns: quote a cell that holds a comma, and write decimals with a point."));
        return new EventRow(row.Line, row["specimen"], Input(row, problems));
    }

    /// <summary>The event of a row whose columns are named as in this file (the sample collection's <c>events.csv</c> is one), and the problems of cells it cannot read.</summary>
    internal static EventInput Input(CsvRow row, List<InputProblem> problems)
    {
        bool estimated = false;
        if (row["estimated"] is { } flag && !InvariantText.TryParseFlag(flag, out estimated))
            problems.Add(row.Problem("estimated", $"'{flag}' is not true or false."));
        DateTime? at = null;
        if (row["at"] is { } instant)
        {
            if (InvariantText.TryParseInstant(instant, out var utc))
                at = utc;
            else
                problems.Add(row.Problem("at", $"'{instant}' is not a date and time (UTC unless an offset is given, e.g. 2026-12-01T09:30:00Z)."));
        }
        Guid? supersedes = null;
        if (row["supersedes"] is { } id)
        {
            if (Guid.TryParse(id, out var guid))
                supersedes = guid;
            else
                problems.Add(row.Problem("supersedes", $"'{id}' is not an event id (as 'menagerie specimen show --format json' gives it)."));
        }
        decimal? Number(string column, string unit)
        {
            if (row[column] is not { } number)
                return null;
            if (InvariantText.TryParseDecimal(number, out var value))
                return value;
            problems.Add(row.Problem(column, $"'{number}' is not a number of {unit} (with a point for decimals, e.g. 12.5)."));
            return null;
        }

        return new EventInput
        {
            Type = row["type"],
            Date = row["date"],
            Estimated = estimated,
            At = at,
            Institution = row["institution"],
            From = row["from"],
            FromName = row["from_name"],
            To = row["to"],
            ToName = row["to_name"],
            Owner = row["owner"],
            Counts = row["counts"],
            Sire = row["sire"],
            Dam = row["dam"],
            Scheme = row["scheme"],
            Value = row["value"],
            WeightKg = Number("weight_kg", "kilograms"),
            LengthCm = Number("length_cm", "centimetres"),
            ElbowHeightCm = Number("elbow_height_cm", "centimetres"),
            WidthCm = Number("width_cm", "centimetres"),
            HeightCm = Number("height_cm", "centimetres"),
            Text = row["text"],
            Supersedes = supersedes,
            Reason = row["reason"],
        };
    }
}
