using Menagerie.App.Accounts;
using Menagerie.App.Persistence;
using Menagerie.App.Specimens;
using Menagerie.App.Transfers;
using Menagerie.App.Transport;
using Menagerie.Domain.Specimens;
using Menagerie.Domain.Transfers;
using Menagerie.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Menagerie.App.Tests.Given;

namespace Menagerie.App.Tests.Transport;

/// <summary>A transfer's crates and loading plan from the records, the journey its coordinator records, and the welfare log.</summary>
public sealed class TransportPlanUseCaseTests
{
    private static async Task<string> JourneyDocumentAsync(TestDatabase database, Guid transfer)
    {
        await using var db = TestDatabase.Open(database.Options);
        return (await db.TransferJourneys.SingleAsync(j => j.TransferId == new Domain.TransferId(transfer), Ct)).Document;
    }

    [Fact]
    public async Task The_sample_November_shipment_gets_a_complete_plan_with_warnings_not_blocks()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var services = database.Services();
        await using var scope = services.Scope();
        var november = await TransferAsync(scope.ServiceProvider, TransferStatus.Accepted);

        var plan = Ok(await scope.ServiceProvider.GetRequiredService<TransportPlans>().PlanAsync(november, null, Ct));

        Assert.Equal("warnings", plan.Verdict);
        Assert.DoesNotContain(plan.Findings, f => f.Severity == "block");
        Assert.Empty(plan.MissingMeasurements);
        var crates = plan.Crates.GroupBy(c => c.Animals.Single().Taxon).ToDictionary(g => g.Key, g => g.Select(c => c.Animals.Single().Count).ToList());
        Assert.Equal([1], crates["Panthera leo"]);
        Assert.Equal([1, 1], crates["Ursus arctos"]);
        Assert.Equal([1, 1], crates["Bos grunniens"]);
        Assert.Equal([1, 1, 1, 1, 1], crates["Cacatua alba"]);
        Assert.Equal([5, 5, 5, 5, 5], crates["Phasianidae"]);
        Assert.Equal([10, 10, 10, 10], crates["Aix galericulata"]);
        Assert.Equal(75, plan.Crates.Sum(c => c.Animals.Sum(a => a.Count)));
        var unconfirmed = plan.Findings.Where(f => f.Rule == "T-00").ToList();
        Assert.All(unconfirmed, f => Assert.Equal("warn", f.Severity));
        Assert.Equal(["bears", "big-cats", "bovids", "waterfowl"], plan.Crates.Where(c => !c.ContainerRequirementConfirmed).Select(c => c.Group).Distinct().Order());
        Assert.Equal("CR11", plan.Crates.First(c => c.Group == "parrots").ContainerRequirement);
        var loading = plan.Loading!;
        Assert.True(loading.Feasible);
        Assert.Equal("Il-76MD cargo hold", loading.Hold);
        Assert.Equal(19, loading.Placements.Count);
        Assert.Single(loading.ScreensAtCm);
        var cockatoos = plan.Crates.Where(c => c.Group == "parrots").Select(c => c.Crate).ToHashSet();
        Assert.All(loading.Placements.Where(p => cockatoos.Contains(p.Crate)), p => Assert.True(p.Heated));
        Assert.All(loading.Placements.Where(p => !cockatoos.Contains(p.Crate)), p => Assert.False(p.Heated));
        Assert.Equal(14.5, plan.Journey.ExpectedHours);
        Assert.Equal(plan.Crates.Sum(c => c.GrossKg), loading.LoadKg);
    }

    [Fact]
    public async Task Animals_never_measured_are_asked_for_by_name_and_a_journey_without_a_hold_has_no_loading_plan()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var services = database.Services();
        await using var scope = services.Scope();
        var april = await TransferAsync(scope.ServiceProvider, TransferStatus.Received);

        var plan = Ok(await scope.ServiceProvider.GetRequiredService<TransportPlans>().PlanAsync(april, null, Ct));

        Assert.Equal("blocked", plan.Verdict);
        Assert.Equal(8, plan.MissingMeasurements.Count);
        Assert.Equal(2, plan.MissingMeasurements.Count(m => m.Animal.Contains("(Aquila chrysaetos)", StringComparison.Ordinal)));
        Assert.All(plan.MissingMeasurements, m => Assert.Contains("body length", m.Measurements));
        Assert.Null(plan.Loading);
        Assert.Contains(plan.Findings, f => f.Rule == "T-17" && f.Severity == "block");
        Assert.Contains(plan.Findings, f => f.Rule == "T-01" && f.Message.ToString().Contains("MOS-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_later_measurement_replaces_only_the_fields_it_gives()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var services = database.Services();
        await using var scope = services.Scope();
        var november = await TransferAsync(scope.ServiceProvider, TransferStatus.Accepted);
        Ok(await scope.ServiceProvider.GetRequiredService<SpecimenCommands>().RecordEventAsync("MOS-00037",
            new EventInput { Type = "measurement", Date = "2024-11-12", LengthCm = 175, WeightKg = 131 }, null, Ct));

        var plan = Ok(await scope.ServiceProvider.GetRequiredService<TransportPlans>().PlanAsync(november, null, Ct));

        var lion = plan.Crates.Single(c => c.Animals.Single().Specimen == "MOS-00037");
        Assert.Equal((175 + 26 + 20, 96, 115), (lion.InnerCm.Length, lion.InnerCm.Width, lion.InnerCm.Height));
        Assert.Equal(131m, lion.AnimalKg);
    }

    [Fact]
    public async Task A_licensed_container_table_replaces_the_shipped_rows_it_names_and_a_bad_one_is_reported_whole()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        var folder = Directory.CreateTempSubdirectory("menagerie-lar-").FullName;
        var licensed = Path.Combine(folder, "lar-51.csv");
        await File.WriteAllTextAsync(licensed, """
            group,applies_to,container_requirement,edition,formula,sharing,max_per_crate,source
            big-cats,Panthera,CR72,LAR 51st edition (2025),large-carnivore,alone,1,licensed LAR 51st edition
            """, Ct);
        var broken = Path.Combine(folder, "broken.csv");
        await File.WriteAllTextAsync(broken, """
            group,applies_to,container_requirement,edition,formula,sharing,max_per_crate,source
            big-cats,Panthera,CR72,LAR 51st,cube,alone,1,licensed
            bears,,CR73,LAR 51st,large-carnivore,sometimes,two,
            """, Ct);
        await using var services = database.Services();
        await using var scope = services.Scope();
        var plans = scope.ServiceProvider.GetRequiredService<TransportPlans>();
        var november = await TransferAsync(scope.ServiceProvider, TransferStatus.Accepted);

        var plan = Ok(await plans.PlanAsync(november, licensed, Ct));
        var rejected = Assert.IsType<Outcome<TransportPlanView>.Invalid>(await plans.PlanAsync(november, broken, Ct));

        var lion = plan.Crates.Single(c => c.Group == "big-cats");
        Assert.Equal(("CR72", true), (lion.ContainerRequirement, lion.ContainerRequirementConfirmed));
        Assert.DoesNotContain(plan.Findings, f => f.Rule == "T-00" && f.Crates.Contains(lion.Crate));
        Assert.Equal(
            ["broken.csv:2:formula", "broken.csv:3:applies_to", "broken.csv:3:sharing", "broken.csv:3:max_per_crate", "broken.csv:3:source"],
            rejected.Violations.Select(v => v.Field));
    }

    [Fact]
    public async Task A_journey_with_problems_is_reported_whole_and_changes_nothing_and_a_viewer_cannot_record_one()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var services = database.Services();
        await using var scope = services.Scope();
        var plans = scope.ServiceProvider.GetRequiredService<TransportPlans>();
        var november = await TransferAsync(scope.ServiceProvider, TransferStatus.Accepted);
        var before = Ok(await plans.JourneyAsync(november, Ct));
        var stored = await JourneyDocumentAsync(database, november);
        await using var db = TestDatabase.Open(database.Options);
        var entries = await db.LedgerEntries.CountAsync(Ct);
        var at = new DateTime(2024, 11, 20, 1, 0, 0, DateTimeKind.Utc);
        var bad = new JourneyInput
        {
            Legs =
            [
                new LegInput("Moscow", "Pyongyang", null, at, "hovercraft", null, null),
                new LegInput("Pyongyang", "Zoo", at, at.AddHours(-2), "road", null, null),
            ],
            Hold = new HoldInput { Name = "hold", LengthCm = 1000, WidthCm = 300, MaxLoadKg = 0, HeatedZone = new HeatedZoneInput(0, 400, null) },
            Temperatures = [new LineTemperatureInput(99, 0, 20), new LineTemperatureInput(1, 20, 10), new LineTemperatureInput(2, 0, 20), new LineTemperatureInput(2, 5, 20)],
        };

        var rejected = Assert.IsType<Outcome<JourneyInput>.Invalid>(await plans.RecordJourneyAsync(november, bad, Ct));

        Assert.Equal(
            [
                "legs[0].departs", "legs[0].mode", "legs[1].arrives", "hold.heatedZone.temperature", "temperatures[0].line", "temperatures[1]",
                "temperatures[3].line", "hold.heightCm", "hold.maxLoadKg",
            ],
            rejected.Violations.Select(v => v.Field));
        Assert.Equal(stored, await JourneyDocumentAsync(database, november));
        Assert.Equal(entries, await db.LedgerEntries.CountAsync(Ct));

        await using var viewerScope = services.CreateAsyncScope();
        var moscow = await db.Institutions.SingleAsync(i => i.Code == "MOSCOW", Ct);
        viewerScope.ServiceProvider.GetRequiredService<Access>().ActAs([Membership.AtInstitution(Guid.NewGuid(), Role.Viewer, moscow.Id)]);
        var viewer = viewerScope.ServiceProvider.GetRequiredService<TransportPlans>();
        Assert.IsType<Outcome<JourneyInput>.Forbidden>(await viewer.RecordJourneyAsync(november, before, Ct));
        Ok(await viewer.PlanAsync(november, null, Ct));
    }

    [Fact]
    public async Task A_welfare_check_is_recorded_on_every_animal_in_the_crates_checked_once_the_journey_has_begun()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var services = database.Services();
        await using var scope = services.Scope("attendant Weber");
        var plans = scope.ServiceProvider.GetRequiredService<TransportPlans>();
        var november = await TransferAsync(scope.ServiceProvider, TransferStatus.Accepted);
        var loan = await TransferAsync(scope.ServiceProvider, TransferStatus.Dispatched, "BERLIN");
        var at = new DateTime(2026, 11, 24, 11, 0, 0, DateTimeKind.Utc);
        var lion = Assert.Single(Ok(await plans.PlanAsync(loan, null, Ct)).Crates);

        var checkedLion = Ok(await plans.RecordWelfareCheckAsync(loan, new WelfareCheckInput(at, [lion.Crate], 18m, "alert, drank", false, true, "none", "Dr Weber"), Ct));
        var notYet = await plans.RecordWelfareCheckAsync(november, new WelfareCheckInput(at, ["C02"], 11.5m, "calm", false, true, null, "Dr Petrova"), Ct);
        var wrong = await plans.RecordWelfareCheckAsync(loan, new WelfareCheckInput(at, ["C99"], null, " ", null, null, null, null), Ct);
        var log = Ok(await plans.WelfareLogAsync(loan, Ct));

        var entry = Assert.Single(checkedLion);
        Assert.Equal(lion.Animals.Single().Specimen, entry.Specimen);
        Assert.Equal("welfare.not-dispatched", Assert.Single(Assert.IsType<Outcome<IReadOnlyList<WelfareCheckView>>.Invalid>(notYet).Violations).Code);
        Assert.Equal(["crates", "condition", "attendant"], Assert.IsType<Outcome<IReadOnlyList<WelfareCheckView>>.Invalid>(wrong).Violations.Select(v => v.Field));
        var logged = Assert.Single(log);
        Assert.Equal((18m, "alert, drank", true, "Dr Weber", "attendant Weber"), (logged.TemperatureC!.Value, logged.Condition!, logged.Watered!.Value, logged.Attendant!, logged.RecordedBy));
        var history = Ok(await scope.ServiceProvider.GetRequiredService<SpecimenQueries>().HistoryAsync(entry.Specimen, Ct));
        var check = history.Events.Single(e => e.Type == EventType.WelfareCheck);
        Assert.Equal((loan, "Dr Weber"), (check.Transfer!.Value, check.Welfare!.Attendant!));
    }

    [Fact]
    public async Task A_group_split_off_for_the_journey_is_checked_as_the_group_that_travels_and_named_as_the_group_it_came_from()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await TwoZoosAndALionAsync(database);
        await using var services = database.Services();
        await using var scope = services.Scope("attendant Petrova");
        Ok(await scope.ServiceProvider.GetRequiredService<SpecimenCommands>().CreateAsync(new SpecimenInput
        {
            Kind = "group",
            Taxon = "Aix galericulata",
            First = new EventInput { Type = "acquisition", Date = "2020-04-01", Institution = "MOSCOW", FromName = "private breeder", Counts = "6.6.0" },
            Identifiers = [new("local", "MOS-DUCKS")],
        }, Ct));
        var transfers = scope.ServiceProvider.GetRequiredService<TransferCommands>();
        var created = Ok(await transfers.CreateAsync(new TransferInput
        {
            Sender = "MOSCOW",
            Receiver = "PYONGYANG",
            Terms = "gift",
            Submit = true,
            Lines = [new TransferLineInput("MOS-DUCKS", "2.2.0")],
        }, Ct));
        Ok(await transfers.AcceptAsync(created.Id, null, Ct));
        await PapersAsync(services, created.Id, "RU", "KP", new DateOnly(2026, 11, 28));
        Ok(await transfers.ClearAsync(created.Id, "papers in order", null, Ct));
        Ok(await transfers.DispatchAsync(created.Id, new DispatchInput(database.Time.GetUtcNow().UtcDateTime.AddHours(-2)), null, null, Ct));
        var plans = scope.ServiceProvider.GetRequiredService<TransportPlans>();
        var at = database.Time.GetUtcNow().UtcDateTime.AddHours(-1);

        var recorded = Ok(await plans.RecordWelfareCheckAsync(created.Id, new WelfareCheckInput(at, null, 15m, "calm", true, true, null, "Dr Petrova"), Ct));
        var log = Ok(await plans.WelfareLogAsync(created.Id, Ct));
        var travelling = Ok(await scope.ServiceProvider.GetRequiredService<TransferQueries>().GetAsync(created.Id, Ct)).Lines.Single();

        Assert.Equal(("MOS-DUCKS", "MOS-DUCKS"), (Assert.Single(recorded).Specimen, Assert.Single(log).Specimen));
        var travelled = Ok(await scope.ServiceProvider.GetRequiredService<SpecimenQueries>().HistoryAsync(travelling.Shipped!.Value.ToString(), Ct));
        Assert.Single(travelled.Events, e => e.Type == EventType.WelfareCheck);
        var left = Ok(await scope.ServiceProvider.GetRequiredService<SpecimenQueries>().HistoryAsync("MOS-DUCKS", Ct));
        Assert.DoesNotContain(left.Events, e => e.Type == EventType.WelfareCheck);
    }
}
