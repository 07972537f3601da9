using CsCheck;
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
/// The census of any date, added up from the day-by-day census changes that every save keeps, is what the holding
/// periods say was held at the end of that day — whatever histories registrars enter: births into groups, deaths,
/// moves between zoos, departures, back-dated events, corrections and retractions.
/// </summary>
public sealed class CensusProperties
{
    private static readonly string[] Zoos = ["MOSCOW", "PYONGYANG"];
    private static readonly DateOnly Start = new(2020, 1, 1);

    private sealed record Step(int Kind, int Animal, int Days, int Zoo, int Count, int Hour);

    private static readonly Gen<Step> StepGen = Gen.Select(Gen.Int[0, 9], Gen.Int[0, 5], Gen.Int[0, 300], Gen.Int[0, 1], Gen.Int[1, 3], Gen.Int[-1, 23],
        (kind, animal, days, zoo, count, hour) => new Step(kind, animal, days, zoo, count, hour));

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task The_census_of_any_date_is_what_the_holding_periods_held_at_its_end(DatabaseProvider provider)
    {
        // A few random collections a run, each a database of its own: a different few each run.
        await StepGen.Array[10, 40].SampleAsync(steps => CheckAsync(provider, steps), iter: provider == DatabaseProvider.Sqlite ? 6 : 3, threads: 1);
    }

    private static async Task CheckAsync(DatabaseProvider provider, Step[] steps)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TwoZoosAndALionAsync(database);
        await using var services = database.Services();
        var recorded = new List<(string Animal, Guid Event)>();
        for (var i = 0; i < steps.Length; i++)
        {
            await using var scope = services.Scope();
            var commands = scope.ServiceProvider.GetRequiredService<SpecimenCommands>();
            var step = steps[i];
            var animal = step.Animal < 3 ? $"DUCKS-{step.Animal}" : step.Animal == 3 ? "MOS-1" : $"CUB-{step.Animal}";
            var date = Start.AddDays(step.Days * 3);
            var at = step.Hour < 0 ? (DateTime?)null : date.ToDateTime(new TimeOnly(step.Hour, 0), DateTimeKind.Utc);
            var zoo = Zoos[step.Zoo];
            var counts = $"{step.Count}.{step.Count - 1}.{step.Count % 2}";
            var group = animal.StartsWith("DUCKS", StringComparison.Ordinal);
            Outcome<RecordedEvent>? outcome = null;
            switch (step.Kind)
            {
                case 0:
                    await commands.CreateAsync(new SpecimenInput
                    {
                        Kind = group ? "group" : "individual",
                        Taxon = group ? "Aix galericulata" : "Panthera leo",
                        Sex = group ? null : step.Count % 2 == 0 ? "male" : "female",
                        First = new EventInput { Type = group ? "acquisition" : "birth", Date = $"{date:yyyy-MM-dd}", At = at, Institution = zoo, FromName = group ? "breeder" : null, Counts = group ? counts : null },
                        Identifiers = [new("local", animal)],
                    }, Ct);
                    continue;
                case 1:
                    outcome = await commands.RecordEventAsync(animal, new EventInput { Type = "disposition", Date = $"{date:yyyy-MM-dd}", At = at, To = zoo }, null, Ct);
                    break;
                case 2:
                    outcome = await commands.RecordEventAsync(animal, new EventInput { Type = "acquisition", Date = $"{date:yyyy-MM-dd}", At = at, Institution = zoo, From = Zoos[1 - step.Zoo] }, null, Ct);
                    break;
                case 3:
                    outcome = await commands.RecordEventAsync(animal, new EventInput { Type = "death", Date = $"{date:yyyy-MM-dd}", At = at, Counts = group ? counts : null }, null, Ct);
                    break;
                case 4:
                    outcome = await commands.RecordEventAsync(animal, new EventInput { Type = "birth", Date = $"{date:yyyy-MM-dd}", At = at, Institution = zoo, Counts = group ? counts : null }, null, Ct);
                    break;
                case 5:
                    outcome = await commands.RecordEventAsync(animal, new EventInput { Type = "disposition", Date = $"{date:yyyy-MM-dd}", At = at, ToName = "a private keeper", Counts = group ? counts : null }, null, Ct);
                    break;
                case 6:
                    outcome = await commands.RecordEventAsync(animal, new EventInput { Type = "weight", Date = $"{date:yyyy-MM-dd}", At = at, WeightKg = 3m }, null, Ct);
                    break;
                case 7 or 8 when recorded.Count > 0:
                    // A correction of an earlier event's date, or its retraction.
                    var (of, earlier) = recorded[step.Days % recorded.Count];
                    var history = Ok(await scope.ServiceProvider.GetRequiredService<SpecimenQueries>().HistoryAsync(of, Ct));
                    var target = history.Events.FirstOrDefault(e => e.Id == earlier);
                    if (target is null || target.SupersededBy is not null)
                        continue;
                    outcome = await commands.RecordEventAsync(of, step.Kind == 7
                        ? new EventInput { Type = "retraction", Date = $"{date:yyyy-MM-dd}", Supersedes = earlier, Reason = "recorded in error" }
                        : Corrected(target, date), null, Ct);
                    break;
            }
            if (outcome is Outcome<RecordedEvent>.Created created)
                recorded.Add((created.Value.Specimen.ToString(), created.Value.Event.Id));
        }

        await using var check = TestDatabase.Open(database.Options);
        var periods = await check.HoldingPeriods.AsNoTracking()
            .Join(check.Specimens.AsNoTracking(), h => h.SpecimenId, s => s.Id, (h, s) => new { h.HolderId, s.TaxonId, s.Kind, h.From, h.To, h.Males, h.Females, h.UnknownSex })
            .ToListAsync(Ct);
        var days = periods.SelectMany(p => new[] { p.From, p.To ?? p.From }).Select(DateOnly.FromDateTime)
            .SelectMany(d => new[] { d.AddDays(-1), d, d.AddDays(1) }).Distinct().Order().ToList();
        await using var scopeForCensus = services.Scope();
        var census = scopeForCensus.ServiceProvider.GetRequiredService<Census>();
        foreach (var zoo in Zoos)
        {
            var institution = await check.Institutions.SingleAsync(i => i.Code == zoo, Ct);
            foreach (var day in days)
            {
                var endOfDay = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                var held = periods.Where(p => p.HolderId == institution.Id && p.From < endOfDay && (p.To == null || p.To >= endOfDay))
                    .GroupBy(p => p.TaxonId)
                    .Select(g => (g.Key.Value, Individuals: g.Count(p => p.Kind == SpecimenKind.Individual), Groups: g.Count(p => p.Kind == SpecimenKind.Group),
                        Total: $"{g.Sum(p => p.Males)}.{g.Sum(p => p.Females)}.{g.Sum(p => p.UnknownSex)}"))
                    .OrderBy(t => t.Value).ToList();
                var counted = Ok(await census.OnAsync(zoo, day, Ct)).Taxa
                    .Select(t => (t.Taxon.Id, t.Individuals, t.Groups, Total: t.TotalBySex)).OrderBy(t => t.Id).ToList();
                Assert.True(held.SequenceEqual(counted), $"{zoo} on {day:yyyy-MM-dd}: the periods held {string.Join("; ", held)}, the census counts {string.Join("; ", counted)}");
            }
        }
        Assert.True((await new AuditVerifier(check).VerifyAsync(Ct)).Intact);
    }

    private static EventInput Corrected(EventView target, DateOnly date) => new()
    {
        Type = target.Type.ToString().ToLowerInvariant(),
        Date = $"{date:yyyy-MM-dd}",
        Institution = target.Institution?.Code,
        From = target.Type == EventType.Acquisition ? target.Counterparty?.Code : null,
        To = target.Type == EventType.Disposition ? target.Counterparty?.Code : null,
        ToName = target.Type == EventType.Disposition && target.Counterparty is null ? target.CounterpartyName : null,
        FromName = target.Type == EventType.Acquisition && target.Counterparty is null ? target.CounterpartyName : null,
        Counts = target.Counts,
        WeightKg = target.WeightKg,
        Supersedes = target.Id,
        Reason = "wrong date",
    };
}
