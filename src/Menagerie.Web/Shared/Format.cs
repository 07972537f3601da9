using System.Globalization;
using Microsoft.AspNetCore.Html;

namespace Menagerie.Web.Shared;

/// <summary>Dates, times and numbers as the viewer's culture writes them; machine-readable values stay in attributes.</summary>
public static class Format
{
    public static string Date(DateOnly date) => date.ToString("d", CultureInfo.CurrentCulture);

    public static string? Date(DateOnly? date) => date is { } d ? Date(d) : null;

    /// <summary>An instant in the viewer's time zone, with the UTC time on hover and in the datetime attribute.</summary>
    public static IHtmlContent Instant(DateTime utc, TimeZoneInfo zone)
    {
        var instant = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        var local = TimeZoneInfo.ConvertTimeFromUtc(instant, zone);
        var offset = zone.GetUtcOffset(instant);
        var shown = $"{local.ToString("g", CultureInfo.CurrentCulture)} {Offset(offset)}";
        var iso = instant.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var title = instant.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
        var html = new HtmlContentBuilder();
        html.AppendHtml("<time datetime=\"").Append(iso).AppendHtml("\" title=\"").Append(title).AppendHtml("\">").Append(shown).AppendHtml("</time>");
        return html;
    }

    /// <summary>A time zone as a form names it beside a time: its IANA id and its offset from UTC at that instant.</summary>
    public static string Zone(TimeZoneInfo zone, DateTime utc)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var offset = Offset(zone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));
        return zone.Equals(TimeZoneInfo.Utc) || zone.Id == "UTC" ? offset : $"{zone.Id}, {offset}";
    }

    /// <summary>A date and a time as the form fields of <paramref name="zone"/>'s clock hold them (yyyy-MM-dd, HH:mm).</summary>
    public static (string Date, string Time) Fields(DateTime utc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        return (local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), local.ToString("HH:mm", CultureInfo.InvariantCulture));
    }

    public static string Number(decimal value) => value.ToString("#,0.###", CultureInfo.CurrentCulture);

    public static string Number(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>A date as a form field holds it (yyyy-MM-dd, what a date input sends whatever the language).</summary>
    public static string Field(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Offset(TimeSpan offset) =>
        offset == TimeSpan.Zero ? "UTC" : "UTC" + (offset < TimeSpan.Zero ? "−" : "+") + offset.Duration().ToString(offset.Minutes == 0 ? "%h" : @"h\:mm", CultureInfo.InvariantCulture);
}
