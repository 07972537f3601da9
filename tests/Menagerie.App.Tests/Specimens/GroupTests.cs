using Menagerie.App.Ledger;
using Menagerie.App.Persistence;
using Menagerie.App.Specimens;
using Menagerie.Domain.Specimens;
using Menagerie.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Menagerie.App.Tests.Given;

namespace Menagerie.App.Tests.Specimens;

public sealed class GroupTests
{
    private static readonly DateTime Noon = new(2026, 11, 2, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_split_and_a_merge_keep_the_institutions_total_and_name_each_other()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await TwoZoosAndALionAsync(database);
        await using var services = database.Services();
        await using var scope = services.Scope();
        var commands = scope.ServiceProvider.GetRequiredService<SpecimenCommands>();
        foreach (var (local, counts) in new[] { ("POND-1", "10.10.0"), ("POND-2", "2.3.0") })
        {
            Ok(await commands.CreateAsync(new SpecimenInput
            {
                Kind = "group",
                Taxon = "Aix galericulata",
                Identifiers = [new("local", local)],
                First = new EventInput { Type = "acquisition", Date = "2020-04-01", Institution = "MOSCOW", FromName = "private breeder", Counts = counts },
            }, Ct));
        }

        var split = Ok(await commands.SplitAsync("POND-1", new GroupSplitInput("3.4.0", Noon, "moved to the winter house"), null, Ct));
        var merged = Ok(await commands.MergeAsync(split.Id.ToString(), new GroupMergeInput("POND-2", Noon.AddHours(1), "one flock in the winter house"), null, Ct));

        Assert.Equal("5.7.0", merged.Counts);
        var queries = scope.ServiceProvider.GetRequiredService<SpecimenQueries>();
        Assert.Equal("7.6.0", Ok(await queries.GetAsync("POND-1", Ct)).Counts);
        var child = Ok(await queries.HistoryAsync(split.Id.ToString(), Ct));
        Assert.Equal(SpecimenStatus.Merged, child.Specimen.Status);
        Assert.Equal([EventType.SplitFrom, EventType.MergedInto], child.Events.Select(e => e.Type));
        Assert.Equal(merged.Id, child.Events[1].Related);
        var census = Ok(await scope.ServiceProvider.GetRequiredService<Census>().OnAsync("MOSCOW", new DateOnly(2026, 11, 2), Ct));
        Assert.Equal(25, census.Taxa.Single(t => t.Taxon.ScientificName == "Aix galericulata").Total);
        Assert.True((await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(Ct)).Intact);

        var invalid = Assert.IsType<Outcome<SpecimenView>.Invalid>(await commands.MergeAsync("POND-2", new GroupMergeInput("MOS-1", Noon.AddHours(2), null), null, Ct));
        Assert.Contains(invalid.Violations, v => v.Code == "merge.taxon");
        Assert.IsType<Outcome<SpecimenView>.Invalid>(await commands.SplitAsync("POND-2", new GroupSplitInput("5.7.0", Noon.AddHours(2), null), null, Ct));
    }
}
