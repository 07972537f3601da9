using Menagerie.Domain.Institutions;

namespace Menagerie.Domain.Tests.Institutions;

public sealed class InstitutionTests
{
    [Theory]
    [InlineData("Europe/Moscow")]
    [InlineData("Asia/Pyongyang")]
    [InlineData("Europe/Berlin")]
    [InlineData("Europe/Prague")]
    [InlineData("UTC")]
    public void An_iana_time_zone_is_accepted(string zone)
    {
        var created = Institution.Create(InstitutionId.New(), "ZOO", "A zoo", "RU", zone);

        Assert.True(created.IsValid);
        Assert.Equal(zone, created.Value.TimeZone);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Moscow")]
    [InlineData("Europe/Atlantis")]
    [InlineData("Russian Standard Time")]
    public void Anything_else_is_refused_with_the_other_problems_at_once(string zone)
    {
        var created = Institution.Create(InstitutionId.New(), "not a code!", "", "RU", zone);

        Assert.Equal(["code", "name", "timeZone"], created.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_correction_with_a_bad_zone_changes_nothing()
    {
        var moscow = Institution.Create(InstitutionId.New(), "MOSCOW", "Moscow Zoo", "RU", "Europe/Moscow").Value;

        var refused = moscow.Correct("Moscow Zoo (Moskovsky Zoopark)", "RU", "Europe/Atlantis");

        Assert.Equal("institution.time-zone", Assert.Single(refused).Code);
        Assert.Equal(("Moscow Zoo", "Europe/Moscow"), (moscow.Name, moscow.TimeZone));
    }
}
