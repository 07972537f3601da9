using System.Globalization;

namespace Menagerie.Web.Shared;

/// <summary>A date input (yyyy-MM-dd) and a time input (hh:mm), as every browser sends them whatever its language, read as UTC or on a zone's clock.</summary>
public static class FormTime
{
    private static readonly string[] TimeFormats = ["HH:mm", "HH:mm:ss"];

    /// <summary>The instant, or null when the date or the time is not one.</summary>
    public static DateTime? Utc(string? date, string? time) =>
        Date(date?.Trim()) is { } day && IsTime(time, out var clock)
            ? day.ToDateTime(clock, DateTimeKind.Utc)
            : null;

    /// <summary>The day a date input or a query's <c>on</c> names (yyyy-MM-dd), or null when it names none.</summary>
    public static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>
    /// The instant a date and time read on a clock of <paramref name="zone"/> mean, or null when they are not one,
    /// or name a time that clock skips when it goes forward.
    /// </summary>
    public static DateTime? InZone(string? date, string? time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (Utc(date, time) is not { } read)
            return null;
        var wall = DateTime.SpecifyKind(read, DateTimeKind.Unspecified);
        return zone.IsInvalidTime(wall) ? null : TimeZoneInfo.ConvertTimeToUtc(wall, zone);
    }

    public static bool IsTime(string? time, out TimeOnly clock) =>
        TimeOnly.TryParseExact(time?.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out clock);
}
