using Menagerie.App.Accounts;
using Menagerie.App.Persistence;
using Menagerie.App.Specimens;
using Menagerie.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Menagerie.App.Tests.Given;

namespace Menagerie.App.Tests.Specimens;

public sealed class AvailabilityTests
{
    private const string Note = "surplus female, breeding recommendation EEP 2026";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_curator_of_the_holder_marks_an_animal_available_and_the_list_finds_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TwoZoosAndALionAsync(database);
        await using var services = database.Services();
        await using var scope = await AsAsync(database, services, "curator@MOSCOW", Role.Curator, "MOSCOW");
        var commands = scope.ServiceProvider.GetRequiredService<SpecimenCommands>();
        var queries = scope.ServiceProvider.GetRequiredService<SpecimenQueries>();

        var marked = Ok(await commands.MarkAvailabilityAsync("MOS-1", new(true, $"  {Note} "), null, Ct));
        var available = Ok(await queries.ListAsync(new SpecimenFilter(Holder: "MOSCOW", Available: true), Ct));
        var notAvailable = Ok(await queries.ListAsync(new SpecimenFilter(Holder: "MOSCOW", Available: false), Ct));
        var withdrawn = Ok(await commands.MarkAvailabilityAsync("MOS-1", new(false, null), marked.Version, Ct));
        var afterwards = Ok(await queries.ListAsync(new SpecimenFilter(Holder: "MOSCOW", Available: true), Ct));

        Assert.Equal((true, Note), (marked.AvailableForTransfer, marked.AvailabilityNote));
        Assert.Equal(["Laska"], available.Items.Select(s => s.Name));
        Assert.Empty(notAvailable.Items);
        Assert.Equal((false, null, marked.Version + 1), (withdrawn.AvailableForTransfer, withdrawn.AvailabilityNote, withdrawn.Version));
        Assert.Equal(0, afterwards.Total);
        await using var db = TestDatabase.Open(database.Options);
        var entries = await db.LedgerEntries.OrderByDescending(e => e.Sequence).Take(2).Select(e => new { e.Actor, e.EntityType, e.Reason }).ToListAsync(Ct);
        Assert.Equal(
            [("curator@MOSCOW", "Specimen", "availability for transfer withdrawn"), ("curator@MOSCOW", "Specimen", $"available for transfer: {Note}")],
            entries.Select(e => (e.Actor, e.EntityType, e.Reason)));
    }

    [Fact]
    public async Task Only_a_curator_of_the_holder_marks_it_and_others_do_not_see_it()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await TwoZoosAndALionAsync(database);
        await using var services = database.Services();
        var before = await database.LedgerEntriesAsync();

        await using var registrar = await AsAsync(database, services, "registrar@MOSCOW", Role.Registrar, "MOSCOW");
        var byRegistrar = await registrar.ServiceProvider.GetRequiredService<SpecimenCommands>().MarkAvailabilityAsync("MOS-1", new(true, Note), null, Ct);
        await using var curator = await AsAsync(database, services, "curator@PYONGYANG", Role.Curator, "PYONGYANG");
        var byOtherCurator = await curator.ServiceProvider.GetRequiredService<SpecimenCommands>().MarkAvailabilityAsync("MOS-1", new(true, Note), null, Ct);

        Assert.IsType<Outcome<SpecimenView>.Forbidden>(byRegistrar);
        Assert.IsType<Outcome<SpecimenView>.NotFound>(byOtherCurator);
        Assert.Equal(before, await database.LedgerEntriesAsync());
    }

    [Fact]
    public async Task A_dead_animal_cannot_be_marked_and_every_problem_is_named_at_once()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await TwoZoosAndALionAsync(database);
        await using var services = database.Services();
        await using var scope = services.Scope();
        var commands = scope.ServiceProvider.GetRequiredService<SpecimenCommands>();
        var stale = await commands.MarkAvailabilityAsync("MOS-1", new(true, Note), 99, Ct);
        var unsaid = await commands.MarkAvailabilityAsync("MOS-1", new(null, Note), null, Ct);
        Ok(await commands.RecordEventAsync("MOS-1", new EventInput { Type = "death", Date = "2026-11-20", Text = "old age" }, null, Ct));
        var before = await database.LedgerEntriesAsync();

        var dead = await commands.MarkAvailabilityAsync("MOS-1", new(true, new string('x', 501)), null, Ct);

        Assert.IsType<Outcome<SpecimenView>.Stale>(stale);
        Assert.Equal("available", Assert.Single(Assert.IsType<Outcome<SpecimenView>.Invalid>(unsaid).Violations).Field);
        Assert.Equal(["specimen.availability", "specimen.availability-note"],
            Assert.IsType<Outcome<SpecimenView>.Invalid>(dead).Violations.Select(v => v.Code).Order(StringComparer.Ordinal));
        Assert.Equal(before, await database.LedgerEntriesAsync());
    }

    [Fact]
    public async Task An_animal_in_transit_cannot_be_marked()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var services = database.Services();
        await using var scope = services.Scope();
        var loan = Ok(await scope.ServiceProvider.GetRequiredService<App.Transfers.TransferQueries>().GetAsync(
            await TransferAsync(scope.ServiceProvider, Domain.Transfers.TransferStatus.Dispatched, "BERLIN"), Ct));

        var outcome = await scope.ServiceProvider.GetRequiredService<SpecimenCommands>().MarkAvailabilityAsync(loan.Lines.Single().Specimen.ToString(), new(true, null), null, Ct);

        var violation = Assert.Single(Assert.IsType<Outcome<SpecimenView>.Invalid>(outcome).Violations);
        Assert.Contains("in transit", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_mark_ends_when_the_animal_leaves_its_holder()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await TwoZoosAndALionAsync(database);
        await using var services = database.Services();
        await using var scope = services.Scope();
        var commands = scope.ServiceProvider.GetRequiredService<SpecimenCommands>();
        Ok(await commands.MarkAvailabilityAsync("MOS-1", new(true, Note), null, Ct));

        Ok(await commands.RecordEventAsync("MOS-1", new EventInput { Type = "disposition", Date = "2026-11-20", To = "PYONGYANG" }, null, Ct));

        var moved = Ok(await scope.ServiceProvider.GetRequiredService<SpecimenQueries>().GetAsync("MOS-1", Ct));
        Assert.Equal(("PYONGYANG", false, null), (moved.Holder?.Code, moved.AvailableForTransfer, moved.AvailabilityNote));
    }

    /// <summary>A scope acting as a person with one role at one institution, as the web app sets it up for a request.</summary>
    private static async Task<AsyncServiceScope> AsAsync(TestDatabase database, ServiceProvider services, string name, Role role, string institution)
    {
        await using var db = TestDatabase.Open(database.Options);
        var id = (await db.Institutions.SingleAsync(i => i.Code == institution, Ct)).Id;
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Actor>().Name = name;
        scope.ServiceProvider.GetRequiredService<Access>().ActAs([Membership.AtInstitution(Guid.NewGuid(), role, id)]);
        return scope;
    }
}
