using System.Globalization;
using System.Text.RegularExpressions;
using Menagerie.App.Files;

namespace Menagerie.App.Compliance.Reference;

/// <summary>
/// The "CITES Suspensions" and "CITES Quotas" downloads of Species+ (speciesplus.net, Downloads), comma- or
/// semicolon-separated, in the columns the site writes: the taxon's classification, then the measure's own.
/// States are named in English ("Benin"), dates day first (23/03/2023); a suspension with no taxon covers every
/// CITES-listed species. Species+ data may not be redistributed, so a zoo imports its own download.
/// </summary>
public static partial class SpeciesPlusDownload
{
    /// <summary>The longest name, notification, unit or file name kept.</summary>
    public const int MaxNameLength = 300;

    public static readonly string[] SuspensionColumns = ["Full Name", "Rank", "start_date", "start_notification", "end_date", "end_notification", "party", "notes", "valid"];
    public static readonly string[] QuotaColumns = ["Full Name", "Rank", "year", "party", "quota", "unit", "publication_date", "notes", "url"];

    public static Task<ReadResult<IReadOnlyList<TradeSuspensionRecord>>> ReadSuspensionsAsync(
        TextReader text, string file, DateOnly asOf, CountryNames countries, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(countries);
        return ReadAsync(text, file, SuspensionColumns, (row, number, problems) => Suspension(row, number, file, asOf, countries, problems), ct);
    }

    public static Task<ReadResult<IReadOnlyList<ExportQuotaRecord>>> ReadQuotasAsync(
        TextReader text, string file, DateOnly asOf, CountryNames countries, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(countries);
        return ReadAsync(text, file, QuotaColumns, (row, number, problems) => Quota(row, number, file, asOf, countries, problems), ct);
    }

    /// <summary>Every row read, numbered from 1, or every problem of the file: a row with a problem is not made.</summary>
    private static async Task<ReadResult<IReadOnlyList<T>>> ReadAsync<T>(
        TextReader text, string file, string[] columns, Func<CsvRow, int, List<InputProblem>, T> read, CancellationToken ct)
    {
        var (rows, problems) = await CsvTable.ReadAsync(text, file, columns, ct);
        var records = new List<T>();
        foreach (var row in problems.Count == 0 ? rows : [])
        {
            var before = problems.Count;
            var record = read(row, records.Count + 1, problems);
            if (problems.Count == before)
                records.Add(record);
        }
        return problems.Count > 0 ? new ReadResult<IReadOnlyList<T>>.Rejected(problems) : new ReadResult<IReadOnlyList<T>>.Read(records);
    }

    /// <summary>The row's suspension; when a problem is added, what is returned is not used.</summary>
    private static TradeSuspensionRecord Suspension(CsvRow row, int number, string file, DateOnly asOf, CountryNames countries, List<InputProblem> problems)
    {
        var state = State(row, countries, problems);
        var taxon = Taxon(row, problems, required: false);
        var start = Day(row, "start_date", problems, required: true);
        var end = Day(row, "end_date", problems, required: false);
        TooLong(row, problems, "Full Name", "start_notification", "end_notification");
        var notification = row["start_notification"];
        if (notification is null)
            problems.Add(row.Problem("start_notification", "The start_notification is missing: the CITES Notification that recommended the suspension."));
        var valid = row["valid"]?.ToUpperInvariant() switch
        {
            "TRUE" => true,
            "FALSE" => false,
            var other => Refused(row, "valid", other is null ? "The valid column is missing: true while the suspension stands, false once withdrawn." : $"'{row["valid"]}' is not true or false.", problems),
        };
        if (start is { } s && end is { } e && e < s)
            problems.Add(row.Problem("end_date", $"The suspension ends on {e:yyyy-MM-dd}, before it starts on {s:yyyy-MM-dd}."));
        if (start is { } begun && begun > asOf)
            problems.Add(row.Problem("start_date", $"The suspension starts on {begun:yyyy-MM-dd}, after the day the file was downloaded ({asOf:yyyy-MM-dd}): is the download date right?"));
        return TradeSuspensionRecord.Create(
            number, state ?? "", taxon, start ?? default, notification ?? "", end, row["end_notification"], valid, row["notes"] ?? "", file, row.Line, asOf);
    }

    /// <summary>The row's quota; when a problem is added, what is returned is not used.</summary>
    private static ExportQuotaRecord Quota(CsvRow row, int number, string file, DateOnly asOf, CountryNames countries, List<InputProblem> problems)
    {
        var state = State(row, countries, problems);
        var taxon = Taxon(row, problems, required: true);
        TooLong(row, problems, "Full Name", "unit");
        int? year = int.TryParse(row["year"], NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1975 and <= 2100 ? y : null;
        if (year is null)
            problems.Add(row.Problem("year", row["year"] is null ? "The year is missing: the calendar year the quota is for." : $"'{row["year"]}' is not a year."));
        decimal? quota = decimal.TryParse(row["quota"], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var q) && q >= -1 ? q : null;
        if (quota is null)
            problems.Add(row.Problem("quota", row["quota"] is null ? "The quota is missing." : $"'{row["quota"]}' is not a quota: a number of 0 or more (-1 when not yet communicated)."));
        DateOnly? published = null;
        if (row["publication_date"] is { } text10)
        {
            if (ReferenceText.TryParseIsoDate(text10.Length > 10 ? text10[..10] : text10, out var day) || ReferenceText.TryParseDayFirstDate(text10, out day))
                published = day;
            else
                problems.Add(row.Problem("publication_date", $"'{text10}' is not a date."));
        }
        return ExportQuotaRecord.Create(
            number, state ?? "", taxon ?? "", year ?? 0, quota ?? 0, row["unit"] ?? "", published, row["notes"] ?? "", row["url"], file, row.Line, asOf);
    }

    /// <summary>
    /// The day of the data's latest update, from the name Species+ gives a download
    /// (citessuspensions_06122026-101500_comma_separated.csv), or null: the download is current at least to then.
    /// </summary>
    public static DateOnly? UpdatedOn(string fileName)
    {
        var match = DownloadName().Match(Path.GetFileName(fileName));
        return match.Success && DateOnly.TryParseExact(match.Groups["day"].Value, "ddMMyyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
    }

    private static string? State(CsvRow row, CountryNames countries, List<InputProblem> problems)
    {
        if (row["party"] is not { } name)
        {
            problems.Add(row.Problem("party", "The party is missing: the state the measure concerns."));
            return null;
        }
        if (countries.Code(name) is { } code)
            return code;
        problems.Add(row.Problem("party", $"'{name}' is not a state Menagerie knows by name (the CITES Parties and the checklist's countries)."));
        return null;
    }

    private static string? Taxon(CsvRow row, List<InputProblem> problems, bool required)
    {
        if (row["Full Name"] is { } name)
            return name;
        if (required || row["Rank"] is not null)
            problems.Add(row.Problem("Full Name", "The Full Name is missing: the scientific name of the taxon the measure concerns."));
        return null;
    }

    private static DateOnly? Day(CsvRow row, string column, List<InputProblem> problems, bool required)
    {
        if (row[column] is not { } text)
        {
            if (required)
                problems.Add(row.Problem(column, $"The {column} is missing."));
            return null;
        }
        if (ReferenceText.TryParseDayFirstDate(text, out var day) || ReferenceText.TryParseIsoDate(text, out day))
            return day;
        problems.Add(row.Problem(column, $"'{text}' is not a date (dd/mm/yyyy, as Species+ writes it)."));
        return null;
    }

    private static void TooLong(CsvRow row, List<InputProblem> problems, params string[] columns)
    {
        foreach (var column in columns.Where(c => row[c] is { Length: > MaxNameLength }))
            problems.Add(row.Problem(column, $"The {column} is {row[column]!.Length} characters long; at most {MaxNameLength} are kept."));
    }

    private static bool Refused(CsvRow row, string column, string message, List<InputProblem> problems)
    {
        problems.Add(row.Problem(column, message));
        return false;
    }

    [GeneratedRegex(@"_(?<day>\d{8})-\d{6}_", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DownloadName();
}
