using Menagerie.App.Persistence;
using Menagerie.App.Specimens;
using Menagerie.Domain.Specimens;
using Menagerie.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Menagerie.App.Tests.Given;

namespace Menagerie.App.Tests.Specimens;

public sealed class SpecimenUseCaseTests
{
    [Fact]
    public async Task A_specimen_is_found_by_any_identifier_it_carries()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await TwoZoosAndALionAsync(database);
        await using var services = database.Services();
        await using var scope = services.Scope();
        var queries = scope.ServiceProvider.GetRequiredService<SpecimenQueries>();

        var byLocal = Ok(await queries.GetAsync("MOS-1", Ct));
        var byTransponder = Ok(await queries.GetAsync("643000000000001", Ct));
        var byName = Ok(await queries.GetAsync("Laska", Ct));
        var byId = Ok(await queries.GetAsync(byLocal.Id.ToString(), Ct));

        Assert.All(new[] { byTransponder, byName, byId }, s => Assert.Equal(byLocal.Id, s.Id));
        Assert.Equal("MOSCOW", byLocal.Holder?.Code);
        Assert.Equal(["local", "transponder"], byLocal.Identifiers.Select(i => i.Scheme));
    }

    [Fact]
    public async Task A_specimen_acquired_at_a_known_time_is_entered_with_its_identifiers()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await TwoZoosAndALionAsync(database);
        await using var services = database.Services();
        await using var scope = services.Scope();

        var created = Ok(await scope.ServiceProvider.GetRequiredService<SpecimenCommands>().CreateAsync(new SpecimenInput
        {
            Taxon = "Panthera leo",
            Sex = "male",
            First = new EventInput { Type = "acquisition", Date = "2024-03-02", At = new DateTime(2024, 3, 2, 15, 30, 0, DateTimeKind.Utc), Institution = "MOSCOW", FromName = "confiscation" },
            Identifiers = [new("local", "MOS-2")],
        }, Ct));

        Assert.Equal("MOS-2", Assert.Single(created.Identifiers).Value);
    }

    [Fact]
    public async Task Creating_a_specimen_reports_every_problem_at_once_and_writes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await TwoZoosAndALionAsync(database);
        await using var services = database.Services();
        await using var scope = services.Scope();
        var ledgerBefore = await LedgerCountAsync(database);

        var outcome = await scope.ServiceProvider.GetRequiredService<SpecimenCommands>().CreateAsync(new SpecimenInput
        {
            Kind = "herd",
            Taxon = "Panthera tigris",
            Sex = "both",
            First = new EventInput { Type = "arrival", Date = "2024-02-30", Institution = "NOWHERE", Counts = "1-2-0", Sire = "MOS-404" },
            Identifiers = [new("", "x")],
        }, Ct);

        var invalid = Assert.IsType<Outcome<SpecimenView>.Invalid>(outcome);
        Assert.Equal(
            ["first.counts", "first.date", "first.institution", "first.sire", "first.type", "identifiers[0].scheme", "kind", "sex", "taxon"],
            invalid.Violations.Select(v => v.Field).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(ledgerBefore, await LedgerCountAsync(database));
    }

    [Fact]
    public async Task A_correction_keeps_the_original_visible_and_moves_the_holding()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await TwoZoosAndALionAsync(database);
        await using var services = database.Services();
        await using var scope = services.Scope();
        var commands = scope.ServiceProvider.GetRequiredService<SpecimenCommands>();
        var queries = scope.ServiceProvider.GetRequiredService<SpecimenQueries>();

        var moved = Ok(await commands.RecordEventAsync("MOS-1", new EventInput { Type = "disposition", Date = "2024-11-18", To = "PYONGYANG" }, null, Ct));
        Ok(await commands.RecordEventAsync("MOS-1", new EventInput
        {
            Type = "disposition",
            Date = "2024-11-20",
            At = new DateTime(2024, 11, 20, 6, 30, 0, DateTimeKind.Utc),
            To = "PYONGYANG",
            Supersedes = moved.Event.Id,
            Reason = "the flight left two days later",
        }, null, Ct));

        var history = Ok(await queries.HistoryAsync("MOS-1", Ct));
        var original = history.Events.Single(e => e.Id == moved.Event.Id);
        Assert.False(original.Effective);
        Assert.NotNull(original.SupersededBy);
        Assert.Equal("Moscow Zoo", Assert.Single(Ok(await queries.HolderOnAsync("MOS-1", new DateOnly(2024, 11, 19), Ct)).Holders).Holder!.Name);
        Assert.Equal(["MOSCOW", "PYONGYANG"], Ok(await queries.HolderOnAsync("MOS-1", new DateOnly(2024, 11, 20), Ct)).Holders.Select(h => h.Holder!.Code));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_stale_version_is_refused_and_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TwoZoosAndALionAsync(database);
        await using var services = database.Services();
        await using var scope = services.Scope();
        var commands = scope.ServiceProvider.GetRequiredService<SpecimenCommands>();
        var version = Ok(await scope.ServiceProvider.GetRequiredService<SpecimenQueries>().GetAsync("MOS-1", Ct)).Version;

        Ok(await commands.RecordEventAsync("MOS-1", new EventInput { Type = "weight", Date = "2024-10-02", WeightKg = 126.5m }, version, Ct));
        var stale = await commands.RecordEventAsync("MOS-1", new EventInput { Type = "weight", Date = "2024-10-03", WeightKg = 127m }, version, Ct);

        Assert.Equal(version + 1, Assert.IsType<Outcome<RecordedEvent>.Stale>(stale).CurrentVersion);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Of_two_writers_who_read_the_same_version_one_succeeds_and_one_conflicts(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TwoZoosAndALionAsync(database);
        await using var first = TestDatabase.Open(database.Options, database.Time);
        await using var second = TestDatabase.Open(database.Options, database.Time);
        var a = await LoadAsync(first);
        var b = await LoadAsync(second);
        Assert.Empty(a.Record(Domain.EventId.New(), Weight(120), first.UtcNow, "vet A"));
        Assert.Empty(b.Record(Domain.EventId.New(), Weight(121), second.UtcNow, "vet B"));

        await first.SaveChangesAsync("weighed", Ct);
        var lost = await Assert.ThrowsAnyAsync<DbUpdateException>(() => second.SaveChangesAsync("weighed", Ct));
        Assert.True(Saving.IsWriteConflict(lost), lost.InnerException?.Message);

        await using var check = TestDatabase.Open(database.Options);
        Assert.Equal(1, await check.SpecimenEvents.CountAsync(e => e.Type == EventType.Weight, Ct));
        var report = await new App.Ledger.AuditVerifier(check).VerifyAsync(Ct);
        Assert.True(report.Intact, report.Problem);

        static Task<Specimen> LoadAsync(MenagerieDbContext db) =>
            db.Specimens.Include(s => s.Events).Include(s => s.Holdings).Include(s => s.Identifiers).SingleAsync(Ct);

        static EventDetails Weight(decimal kg) => new() { Type = EventType.Weight, Date = new(new DateOnly(2024, 10, 2), false), WeightKg = kg };
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Concurrent_event_recording_loses_nothing_silently(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TwoZoosAndALionAsync(database);
        await using var services = database.Services();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            await using var scope = services.Scope(actor: $"keeper {i}");
            return await scope.ServiceProvider.GetRequiredService<SpecimenCommands>()
                .RecordEventAsync("MOS-1", new EventInput { Type = "note", Date = "2024-10-02", Text = $"note {i}" }, null, Ct);
        }));

        Assert.All(outcomes, o => Assert.True(o is Outcome<RecordedEvent>.Created or Outcome<RecordedEvent>.Conflict, o.ToString()));
        await using var check = TestDatabase.Open(database.Options);
        Assert.Equal(outcomes.Count(o => o is Outcome<RecordedEvent>.Created), await check.SpecimenEvents.CountAsync(e => e.Type == EventType.Note, Ct));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Census_counts_individuals_by_sex_and_groups_by_their_counts_on_a_date(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TwoZoosAndALionAsync(database);
        await using var services = database.Services();
        await using var scope = services.Scope();
        var commands = scope.ServiceProvider.GetRequiredService<SpecimenCommands>();
        Ok(await commands.CreateAsync(new SpecimenInput
        {
            Kind = "group",
            Taxon = "Aix galericulata",
            Name = "pond 1",
            First = new EventInput { Type = "acquisition", Date = "2021-05-20", Institution = "MOSCOW", FromName = "breeding centre", Counts = "10.10.0" },
            Identifiers = [new("local", "MOS-G1")],
        }, Ct));
        Ok(await commands.RecordEventAsync("MOS-G1", new EventInput { Type = "hatch", Date = "2022-06-03", Institution = "MOSCOW", Counts = "6.7.2" }, null, Ct));
        Ok(await commands.RecordEventAsync("MOS-G1", new EventInput { Type = "death", Date = "2022-11-08", Counts = "0.0.2" }, null, Ct));
        Ok(await commands.RecordEventAsync("MOS-1", new EventInput { Type = "disposition", Date = "2024-11-20", To = "PYONGYANG" }, null, Ct));
        var census = scope.ServiceProvider.GetRequiredService<Census>();

        var before = Ok(await census.OnAsync("moscow", new DateOnly(2022, 6, 3), Ct));
        var after = Ok(await census.OnAsync("MOSCOW", new DateOnly(2024, 11, 20), Ct));
        var there = Ok(await census.OnAsync("PYONGYANG", new DateOnly(2024, 11, 20), Ct));

        Assert.Equal([("Aix galericulata", "16.17.2"), ("Panthera leo", "0.1.0")], before.Taxa.Select(t => (t.Taxon.ScientificName, t.TotalBySex)));
        Assert.Equal(36, before.Total);
        Assert.Equal([("Aix galericulata", "16.17.0")], after.Taxa.Select(t => (t.Taxon.ScientificName, t.TotalBySex)));
        Assert.Equal(1, Assert.Single(there.Taxa).Individuals);
    }

    private static async Task<int> LedgerCountAsync(TestDatabase database)
    {
        await using var db = TestDatabase.Open(database.Options);
        return await db.LedgerEntries.CountAsync(Ct);
    }
}
