using Menagerie.App.Compliance;
using Microsoft.Extensions.Configuration;

namespace Menagerie.App.Tests.Compliance;

public sealed class CompliancePolicyTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void The_ages_that_draw_warnings_come_from_the_configuration_or_the_defaults()
    {
        var configured = CompliancePolicy.From(Settings(("Menagerie:Compliance:ListingMaxAgeDays", "730"), ("Menagerie:Compliance:PartyStatusMaxAgeDays", "30")));
        var defaults = CompliancePolicy.From(null);

        Assert.Equal((730, 30), (configured.ListingMaxAgeDays, configured.PartyStatusMaxAgeDays));
        Assert.Equal((365, 90), (defaults.ListingMaxAgeDays, defaults.PartyStatusMaxAgeDays));
        var wrong = Assert.Throws<InvalidOperationException>(() => CompliancePolicy.From(Settings(("Menagerie:Compliance:ListingMaxAgeDays", "a year"))));
        Assert.Contains("ListingMaxAgeDays", wrong.Message, StringComparison.Ordinal);
    }
}
