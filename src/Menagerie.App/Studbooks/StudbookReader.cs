using Menagerie.Genetics.Pedigrees;
using Sylvan.Data.Csv;

namespace Menagerie.App.Studbooks;

/// <summary>The rows of a studbook file as read, the date its data were extracted when a column gives it, and every problem the reader itself found.</summary>
public sealed record StudbookFile(PedigreeInput Input, DateOnly? AsOf, IReadOnlyList<StudbookProblem> Problems)
{
    public bool HasErrors => Problems.Any(p => p.IsError);
}

/// <summary>
/// Reads a studbook CSV (columns found by name, see <see cref="StudbookColumns"/>) or a PMx/SPARKS
/// exchange.csv into the genetics engine's <see cref="PedigreeInput"/>. Reading goes on after a bad
/// field so that every problem of the file is reported at once.
/// </summary>
public sealed class StudbookReader
{
    private readonly string _file;
    private readonly int[] _columns;
    private readonly List<StudbookProblem> _problems = [];
    private readonly PedigreeInput _input = new();
    private DateOnly? _asOf;

    // Sex codes repeat on every row; the few distinct ones are kept instead of allocating one per row.
    private readonly List<string> _sexCodes = [];

    // Rows go to the pedigree a batch at a time, on another thread, in file order: finding each id among those
    // already read waits on memory, and meanwhile the next batch's fields are parsed.
    private RowBatch _filling = new(), _spare = new();
    private Task _adding = Task.CompletedTask;

    private StudbookReader(string file, int[] columns)
    {
        _file = file;
        _columns = columns;
    }

    public static async Task<StudbookFile> ReadAsync(TextReader text, string file, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        // The delimiter is detected from the header: spreadsheets in many locales export ';' or tab.
        // No comment character: studbook ids may begin with '#', which Sylvan would otherwise skip as a comment line.
        var options = new CsvDataReaderOptions { HasHeaders = true, Comment = '\0' };
        await using var csv = await CsvDataReader.CreateAsync(text, options, ct);
        var headers = Enumerable.Range(0, csv.FieldCount).Select(csv.GetName).ToList();
        var reader = new StudbookReader(file, StudbookColumns.Locate(headers));
        if (reader.CheckHeader())
        {
            while (await csv.ReadAsync(ct))
            {
                reader.ReadRow(csv);
                if (reader._filling.IsFull)
                    await reader.HandOverAsync();
            }
            await reader.HandOverAsync();
            await reader._adding;
        }
        return new StudbookFile(reader._input, reader._asOf, reader._problems);
    }

    private bool CheckHeader()
    {
        foreach (var required in (ReadOnlySpan<StudbookColumn>)[StudbookColumn.Id, StudbookColumn.Sire, StudbookColumn.Dam])
        {
            if (_columns[(int)required] < 0)
            {
                var name = StudbookColumns.Name(required);
                var aliases = string.Join(", ", StudbookColumns.AliasesOf(required));
                Error(1, name, null, $"No {name} column was found in the header; it may be named {aliases} (ignoring case, spaces, dots and underscores).");
            }
        }
        return _problems.Count == 0;
    }

    private void ReadRow(CsvDataReader csv)
    {
        // RowNumber counts data rows (blank ones too) from 1 under the header's line 1; exact unless a quoted field spans lines.
        var line = csv.RowNumber + 1;
        if (IsBlank(csv))
            return;
        var id = Field(csv, StudbookColumn.Id);
        var (birthDate, birthYear) = ReadBirth(csv, line, id);
        var death = ReadLaterDate(csv, StudbookColumn.Death, "died", line, id, birthDate);
        var departure = ReadLaterDate(csv, StudbookColumn.Departure, "left", line, id, birthDate);
        ReadAsOf(csv, line, id);
        // The ids go in as written: the input makes no string of them until one is asked for.
        _filling.Add(id, Field(csv, StudbookColumn.Sire), Field(csv, StudbookColumn.Dam), new PedigreeRow
        {
            Id = string.Empty,
            Sex = SexCode(Field(csv, StudbookColumn.Sex)),
            Line = line,
            BirthDate = birthDate,
            BirthYear = birthYear,
            Death = death,
            Departure = departure,
            Alive = ReadAlive(csv, line, id),
            Reference = ReadFlag(csv, StudbookColumn.Reference, line, id),
        });
    }

    private (DateOnly? Date, int? Year) ReadBirth(CsvDataReader csv, int line, ReadOnlySpan<char> id)
    {
        var text = Field(csv, StudbookColumn.BirthDate);
        if (!StudbookFields.TryParseDate(text, out var date, out var year))
            Error(line, "birth_date", id, $"'{text}' is not a date (yyyy-mm-dd, or a year) for '{id}'.");
        var yearText = Field(csv, StudbookColumn.BirthYear);
        if (!StudbookFields.TryParseYear(yearText, out var yearOnly))
            Error(line, "birth_year", id, $"'{yearText}' is not a year for '{id}'.");
        return (date, year ?? yearOnly);
    }

    private DateOnly? ReadLaterDate(CsvDataReader csv, StudbookColumn column, string verb, int line, ReadOnlySpan<char> id, DateOnly? birth)
    {
        var text = Field(csv, column);
        if (!StudbookFields.TryParseDate(text, out var date, out var year))
        {
            Error(line, StudbookColumns.Name(column), id, $"'{text}' is not a date (yyyy-mm-dd, or a year) for '{id}'.");
            return null;
        }
        if (date < birth)
        {
            var message = $"'{id}' {verb} on {date:yyyy-MM-dd}, before its birth on {birth:yyyy-MM-dd}.";
            _problems.Add(new(PedigreeIssueSeverity.Warning, _file, line, StudbookColumns.Name(column), id.ToString(), message));
        }
        return date ?? (year is { } y ? new DateOnly(y, 7, 1) : null);
    }

    // The date the data were extracted, when the file carries it as a column: one date for the whole file.
    private void ReadAsOf(CsvDataReader csv, int line, ReadOnlySpan<char> id)
    {
        var text = Field(csv, StudbookColumn.AsOf);
        if (text.IsEmpty)
            return;
        if (!StudbookFields.TryParseDate(text, out var date, out _) || date is null)
            Error(line, StudbookColumns.Name(StudbookColumn.AsOf), id, $"'{text}' is not a date (yyyy-mm-dd) for the date the data were extracted.");
        else if (_asOf is null)
            _asOf = date;
        else if (_asOf != date)
            Error(line, StudbookColumns.Name(StudbookColumn.AsOf), id, $"The data were extracted on one date; this row says {date:yyyy-MM-dd} where an earlier one says {_asOf:yyyy-MM-dd}.");
    }

    private bool? ReadAlive(CsvDataReader csv, int line, ReadOnlySpan<char> id)
    {
        if (_columns[(int)StudbookColumn.Alive] >= 0)
            return ReadFlag(csv, StudbookColumn.Alive, line, id);
        return !ReadFlag(csv, StudbookColumn.Dead, line, id);
    }

    private bool? ReadFlag(CsvDataReader csv, StudbookColumn column, int line, ReadOnlySpan<char> id)
    {
        var text = Field(csv, column);
        if (StudbookFields.TryParseFlag(text, out var flag))
            return flag;
        var name = StudbookColumns.Name(column);
        Error(line, name, id, $"'{text}' is not a yes/no value (1/0, true/false, yes/no) for '{id}'.");
        return null;
    }

    private ReadOnlySpan<char> Field(CsvDataReader csv, StudbookColumn column)
    {
        var c = _columns[(int)column];
        return c >= 0 && c < csv.RowFieldCount ? csv.GetFieldSpan(c).Trim() : default;
    }

    private static bool IsBlank(CsvDataReader csv)
    {
        for (var i = 0; i < csv.RowFieldCount; i++)
        {
            if (!csv.GetFieldSpan(i).IsWhiteSpace())
                return false;
        }
        return true;
    }

    private string? SexCode(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
            return null;
        foreach (var code in _sexCodes)
        {
            if (value.SequenceEqual(code))
                return code;
        }
        var text = value.ToString();
        // A file of mistyped codes must not make this list long: beyond a handful, stop keeping them.
        if (_sexCodes.Count < 16)
            _sexCodes.Add(text);
        return text;
    }

    /// <summary>Waits for the batch before to be added, then has this one added while the next is read.</summary>
    private async Task HandOverAsync()
    {
        await _adding;
        (_filling, _spare) = (_spare, _filling);
        var batch = _spare;
        _adding = batch.Count == 0 ? Task.CompletedTask : Task.Run(() => batch.AddTo(_input));
    }

    private void Error(int line, string field, ReadOnlySpan<char> id, string message) =>
        _problems.Add(new(PedigreeIssueSeverity.Error, _file, line, field, id.IsEmpty ? null : id.ToString(), message));

    /// <summary>Rows as read, their id, sire and dam kept as written until the pedigree takes them.</summary>
    private sealed class RowBatch
    {
        private const int Size = 8192;
        private readonly int[] _ends = new int[Size * 3];
        private readonly PedigreeRow[] _rows = new PedigreeRow[Size];
        private char[] _text = new char[Size * 32];

        public int Count { get; private set; }

        public bool IsFull => Count == Size;

        public void Add(ReadOnlySpan<char> id, ReadOnlySpan<char> sire, ReadOnlySpan<char> dam, in PedigreeRow row)
        {
            var at = Count == 0 ? 0 : _ends[(Count * 3) - 1];
            if (at + id.Length + sire.Length + dam.Length > _text.Length)
                Array.Resize(ref _text, Math.Max(_text.Length * 2, at + id.Length + sire.Length + dam.Length));
            at = Keep(id, at, 0);
            at = Keep(sire, at, 1);
            Keep(dam, at, 2);
            _rows[Count++] = row;
        }

        public void AddTo(PedigreeInput input)
        {
            var start = 0;
            for (var r = 0; r < Count; r++)
            {
                var (idEnd, sireEnd, damEnd) = (_ends[r * 3], _ends[(r * 3) + 1], _ends[(r * 3) + 2]);
                input.Add(_text.AsSpan(start, idEnd - start), _text.AsSpan(idEnd, sireEnd - idEnd), _text.AsSpan(sireEnd, damEnd - sireEnd), _rows[r]);
                start = damEnd;
            }
            Count = 0;
        }

        private int Keep(ReadOnlySpan<char> text, int at, int field)
        {
            text.CopyTo(_text.AsSpan(at));
            return _ends[(Count * 3) + field] = at + text.Length;
        }
    }
}
