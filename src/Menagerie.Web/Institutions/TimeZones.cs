namespace Menagerie.Web.Institutions;

/// <summary>
/// The IANA time zones an institution may keep its days in, as this machine's zone database knows them, grouped
/// by region (Africa, America, Asia, Europe …) for the form's list.
/// </summary>
public static class TimeZones
{
    private static readonly string[] All = TimeZoneInfo.GetSystemTimeZones()
        .Where(z => z.HasIanaId).Select(z => z.Id).Append(Domain.Institutions.Institution.DefaultTimeZone)
        .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The zones by region, with the one chosen kept even where this machine does not list it.</summary>
    public static IEnumerable<IGrouping<string, string>> ByRegion(string? chosen) =>
        (string.IsNullOrWhiteSpace(chosen) || All.Contains(chosen, StringComparer.Ordinal) ? (IEnumerable<string>)All : All.Append(chosen).Order(StringComparer.Ordinal))
            .GroupBy(id => id.Contains('/', StringComparison.Ordinal) ? id[..id.IndexOf('/', StringComparison.Ordinal)] : "", StringComparer.Ordinal);
}
