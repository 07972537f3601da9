using System.Globalization;

namespace Menagerie.App.Studbooks;

/// <summary>Reads the dates, years and yes/no flags of studbook files, whatever program wrote them.</summary>
public static class StudbookFields
{
    // ISO first; then the compact and slashed forms and the month-name forms of PMx/SPARKS exports.
    // Day-first and month-first numeric dates (03/04/2001) are ambiguous and refused rather than guessed.
    private static readonly string[] DateFormats =
        ["yyyy-MM-dd", "yyyyMMdd", "yyyy/MM/dd", "d-MMM-yyyy", "d MMM yyyy", "d/MMM/yyyy"];

    /// <summary>Blank or one of the "not recorded" words: NA, UNK, UNKNOWN, ?.</summary>
    public static bool IsMissing(ReadOnlySpan<char> value)
    {
        var v = value.Trim();
        return v.IsEmpty || v.Equals("NA", StringComparison.OrdinalIgnoreCase) || v.Equals("UNK", StringComparison.OrdinalIgnoreCase)
            || v.Equals("UNKNOWN", StringComparison.OrdinalIgnoreCase) || v is "?";
    }

    /// <summary>A full date, or a year alone (some studbooks know only the year); false when unreadable.</summary>
    public static bool TryParseDate(ReadOnlySpan<char> value, out DateOnly? date, out int? year)
    {
        date = null;
        year = null;
        var v = value.Trim();
        if (IsMissing(v))
            return true;
        if (v.Length == 4)
            return TryParseYear(v, out year);
        if (DateOnly.TryParseExact(v, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) && parsed.Year >= 1000)
        {
            date = parsed;
            year = parsed.Year;
            return true;
        }
        return false;
    }

    /// <summary>A four-digit year; false when unreadable.</summary>
    public static bool TryParseYear(ReadOnlySpan<char> value, out int? year)
    {
        year = null;
        var v = value.Trim();
        if (IsMissing(v))
            return true;
        if (v.Length == 4 && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            year = parsed;
            return true;
        }
        return false;
    }

    /// <summary>1/0, true/false, t/f, yes/no, y/n in any case; blank or NA is "not recorded".</summary>
    public static bool TryParseFlag(ReadOnlySpan<char> value, out bool? flag)
    {
        flag = null;
        var v = value.Trim();
        if (IsMissing(v))
            return true;
        if (IsAny(v, "1", "TRUE", "T", "YES", "Y"))
            flag = true;
        else if (IsAny(v, "0", "FALSE", "F", "NO", "N"))
            flag = false;
        return flag.HasValue;
    }

    private static bool IsAny(ReadOnlySpan<char> value, params ReadOnlySpan<string> words)
    {
        foreach (var word in words)
        {
            if (value.Equals(word, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }
}
