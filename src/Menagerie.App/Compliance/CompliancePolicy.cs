using System.Globalization;
using Menagerie.Domain.Compliance;
using Microsoft.Extensions.Configuration;

namespace Menagerie.App.Compliance;

/// <summary>
/// The installation's compliance policy: how old listings (<c>Menagerie:Compliance:ListingMaxAgeDays</c>, 365)
/// and Party status (<c>Menagerie:Compliance:PartyStatusMaxAgeDays</c>, 90) may be before they draw a warning.
/// </summary>
public static class CompliancePolicy
{
    public const string ListingMaxAgeSetting = "Menagerie:Compliance:ListingMaxAgeDays";
    public const string PartyStatusMaxAgeSetting = "Menagerie:Compliance:PartyStatusMaxAgeDays";

    public static ComplianceSettings From(IConfiguration? configuration)
    {
        var defaults = new ComplianceSettings();
        return new ComplianceSettings
        {
            ListingMaxAgeDays = Days(configuration?[ListingMaxAgeSetting], ListingMaxAgeSetting) ?? defaults.ListingMaxAgeDays,
            PartyStatusMaxAgeDays = Days(configuration?[PartyStatusMaxAgeSetting], PartyStatusMaxAgeSetting) ?? defaults.PartyStatusMaxAgeDays,
        };
    }

    private static int? Days(string? text, string setting) =>
        string.IsNullOrWhiteSpace(text) ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days) ? days
        : throw new InvalidOperationException($"{setting} is '{text}': a number of days is expected.");
}
