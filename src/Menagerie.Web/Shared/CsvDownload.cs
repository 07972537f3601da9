using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Mvc;

namespace Menagerie.Web.Shared;

/// <summary>
/// A list as a CSV file for a spreadsheet: UTF-8 with a byte order mark (so that Cyrillic and Hangul open
/// correctly), invariant numbers and ISO dates, and cells that a spreadsheet would run as a formula
/// (=, +, -, @, tab, carriage return) escaped with a leading apostrophe.
/// </summary>
public static class CsvDownload
{
    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape, WriteByteOrderMark = true };

    public static FileContentResult File(string fileName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var bytes = new MemoryStream();
        using (var csv = CsvWriter.Create(bytes, Options, leaveOpen: true))
        {
            foreach (var name in header)
                csv.WriteField(name);
            csv.EndRecord();
            foreach (var row in rows)
            {
                foreach (var cell in row)
                    csv.WriteField(cell ?? "");
                csv.EndRecord();
            }
        }
        return new FileContentResult(bytes.ToArray(), "text/csv; charset=utf-8") { FileDownloadName = fileName };
    }

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An instant as ISO 8601 in UTC, as a spreadsheet and a script both read it.</summary>
    public static string Instant(DateTime? utc) => utc?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";
}
