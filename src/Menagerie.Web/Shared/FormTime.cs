using System.Globalization;

namespace Menagerie.Web.Shared;

/// <summary>A date input (yyyy-MM-dd) and a time input (hh:mm), as every browser sends them whatever its language, read as UTC.</summary>
public static class FormTime
{
    private static readonly string[] TimeFormats = ["HH:mm", "HH:mm:ss"];

    /// <summary>The instant, or null when the date or the time is not one.</summary>
    public static DateTime? Utc(string? date, string? time) =>
        DateOnly.TryParseExact(date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && IsTime(time, out var clock)
            ? day.ToDateTime(clock, DateTimeKind.Utc)
            : null;

    public static bool IsTime(string? time, out TimeOnly clock) =>
        TimeOnly.TryParseExact(time?.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out clock);
}
