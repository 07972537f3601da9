using Menagerie.App.Ledger;
using Menagerie.App.Persistence;
using Menagerie.App.Specimens;
using Menagerie.Domain.Specimens;
using Menagerie.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Menagerie.App.Tests.Given;

namespace Menagerie.App.Tests.Specimens;

/// <summary>
/// An event that comes after the whole history is checked without reading the history; one dated before its latest
/// event is still checked against all of it. Either way the records stay as the history replays them.
/// </summary>
public sealed class LatestEventTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task The_latest_event_reads_no_history_and_an_earlier_one_is_checked_against_all_of_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TwoZoosAndALionAsync(database);
        await using var services = database.Services();
        for (var day = 1; day <= 20; day++)
            await RecordAsync(services, new EventInput { Type = "weight", Date = $"2024-01-{day:00}", WeightKg = 120m + day });

        // The next weighing: only the one new event is read or written.
        await using (var scope = services.Scope())
        {
            Ok(await scope.ServiceProvider.GetRequiredService<SpecimenCommands>()
                .RecordEventAsync("MOS-1", new EventInput { Type = "weight", Date = "2024-01-21", At = new DateTime(2024, 1, 21, 9, 30, 0, DateTimeKind.Utc), WeightKg = 141m }, null, Ct));
            Assert.Single(scope.ServiceProvider.GetRequiredService<MenagerieDbContext>().ChangeTracker.Entries<SpecimenEvent>());
        }

        // A death dated before weighings already recorded is refused, as a replay of the whole history shows;
        var early = await RecordAsync(services, new EventInput { Type = "death", Date = "2024-01-10" });
        Assert.Contains(Problems(early), p => p.StartsWith("history.after-death", StringComparison.Ordinal));
        // an untimed event on the day of a timed one comes before it, so it too is checked against the whole history;
        Ok(await RecordAsync(services, new EventInput { Type = "note", Date = "2024-01-21", Text = "weighed again in the afternoon" }));
        // a death after them all is recorded, and nothing but a note or an identifier may follow it,
        Ok(await RecordAsync(services, new EventInput { Type = "death", Date = "2024-02-01" }));
        Assert.Contains(Problems(await RecordAsync(services, new EventInput { Type = "weight", Date = "2024-02-02", WeightKg = 140m })),
            p => p.StartsWith("history.after-death", StringComparison.Ordinal));
        // while a weighing before the death still may be.
        Ok(await RecordAsync(services, new EventInput { Type = "weight", Date = "2024-01-25", WeightKg = 139m }));

        await using var check = TestDatabase.Open(database.Options);
        var lion = await check.Specimens.Include(s => s.Events).Include(s => s.Holdings).Include(s => s.Identifiers).SingleAsync(Ct);
        Assert.Equal((SpecimenStatus.Dead, 3 + 20 + 4), (lion.Status, lion.Events.Count));
        Assert.Equal(Enumerable.Range(1, lion.Events.Count), lion.Events.Select(e => e.Sequence).Order());
        Assert.Empty(lion.FieldsOutOfStepWithHistory());
        Assert.True((await new AuditVerifier(check).VerifyAsync(Ct)).Intact);
    }

    private static async Task<Outcome<RecordedEvent>> RecordAsync(ServiceProvider services, EventInput input)
    {
        await using var scope = services.Scope();
        return await scope.ServiceProvider.GetRequiredService<SpecimenCommands>().RecordEventAsync("MOS-1", input, null, Ct);
    }

    private static IEnumerable<string> Problems(Outcome<RecordedEvent> outcome) =>
        Assert.IsType<Outcome<RecordedEvent>.Invalid>(outcome).Violations.Select(v => $"{v.Code}: {v.Message}");
}
