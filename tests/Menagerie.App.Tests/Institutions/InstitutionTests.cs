using Menagerie.App.Institutions;
using Menagerie.App.Persistence;
using Menagerie.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Menagerie.App.Tests.Given;

namespace Menagerie.App.Tests.Institutions;

public sealed class InstitutionTests
{
    [Fact]
    public async Task A_new_institution_needs_an_iana_time_zone_and_every_problem_is_named_at_once()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await TwoZoosAndALionAsync(database);
        await using var services = database.Services();
        await using var scope = services.Scope(actor: "admin");
        var institutions = scope.ServiceProvider.GetRequiredService<InstitutionCommands>();
        var before = await database.LedgerEntriesAsync();

        var windowsId = await institutions.CreateAsync(new("TULA", "", "RU", "Russian Standard Time"), Ct);
        var unknown = await institutions.CreateAsync(new("TULA", "Tula Zoo", "RU", "Europe/Atlantis"), Ct);
        var missing = await institutions.CreateAsync(new("TULA", "Tula Zoo", "RU", " "), Ct);

        Assert.Equal(["name", "timeZone"], Assert.IsType<Outcome<InstitutionView>.Invalid>(windowsId).Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
        Assert.Equal("institution.time-zone", Assert.Single(Assert.IsType<Outcome<InstitutionView>.Invalid>(unknown).Violations).Code);
        Assert.Equal("institution.time-zone", Assert.Single(Assert.IsType<Outcome<InstitutionView>.Invalid>(missing).Violations).Code);
        Assert.Equal(before, await database.LedgerEntriesAsync());
        Assert.Equal("Europe/Moscow", Ok(await institutions.CreateAsync(new("TULA", "Tula Zoo", "RU", " Europe/Moscow "), Ct)).TimeZone);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task An_update_without_a_time_zone_keeps_the_one_the_institution_has(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TwoZoosAndALionAsync(database);
        await using var services = database.Services();
        await using var scope = services.Scope(actor: "admin");
        var institutions = scope.ServiceProvider.GetRequiredService<InstitutionCommands>();

        var renamed = Ok(await institutions.UpdateAsync("MOSCOW", "Moscow Zoo (Moskovsky Zoopark)", "RU", null, null, Ct));
        var moved = Ok(await institutions.UpdateAsync("MOSCOW", "Moscow Zoo (Moskovsky Zoopark)", "RU", "Europe/Samara", renamed.Version, Ct));
        var refused = await institutions.UpdateAsync("MOSCOW", "Moscow Zoo", "RU", "Moscow", moved.Version, Ct);

        Assert.Equal("Europe/Moscow", renamed.TimeZone);
        Assert.Equal("Europe/Samara", moved.TimeZone);
        Assert.Equal("timeZone", Assert.Single(Assert.IsType<Outcome<InstitutionView>.Invalid>(refused).Violations).Field);
        Assert.Equal(("Moscow Zoo (Moskovsky Zoopark)", "Europe/Samara"), (Ok(await institutions.GetAsync("MOSCOW", Ct)).Name, Ok(await institutions.GetAsync("MOSCOW", Ct)).TimeZone));
    }
}
