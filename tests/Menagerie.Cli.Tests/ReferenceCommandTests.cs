using System.Text.Json;
using Menagerie.App.Persistence;
using Menagerie.Testing;
using Microsoft.EntityFrameworkCore;

namespace Menagerie.Cli.Tests;

public sealed class ReferenceCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Fixture(params string[] path) => Path.Combine([AppContext.BaseDirectory, "TestData", "Checklist", .. path]);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Import_checklist_replaces_the_listings_and_show_prints_them_with_source_and_date(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await CliRun.RunAsync(database.Options, "user", "add", "admin@MOSCOW", "--role", "administrator");
        var before = await LedgerAsync(database);

        var import = await CliRun.RunAsync(database.Options, "reference", "import-checklist", Fixture("export", "checklist-export.csv"), "--as-of", "2026-11-01", "--as", "admin@MOSCOW");
        var show = await CliRun.RunAsync(database.Options, "reference", "show", "Ursus arctos", "--format", "json");
        var table = await CliRun.RunAsync(database.Options, "reference", "show", "Melopsittacus undulatus");

        Assert.Equal((0, ""), (import.Exit, import.Error));
        Assert.StartsWith("Imported CITES checklist edition 2: ", import.Output, StringComparison.Ordinal);
        Assert.Contains("listings, as of 2026-11-01 (checklist-export.csv); 0 listing corrections applied. It replaces edition 1: CITES Checklist snapshot", import.Output, StringComparison.Ordinal);
        var after = await LedgerAsync(database);
        Assert.Equal(before.Count + 1, after.Count);
        Assert.Equal(("ChecklistEdition", "admin@MOSCOW"), (after[^1].EntityType, after[^1].Actor));

        Assert.Equal(0, show.Exit);
        var json = JsonDocument.Parse(show.Output).RootElement;
        Assert.Equal(("checklist-export.csv", "2026-11-01"), (json.GetProperty("checklistSource").GetString(), json.GetProperty("checklistAsOf").GetString()));
        var rows = json.GetProperty("listings").EnumerateArray().ToList();
        Assert.Equal(["i", "ii"], rows.Select(r => r.GetProperty("appendix").GetString()));
        Assert.Equal(["BT", "CN", "MX", "MN"], rows[0].GetProperty("populations").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(["BT", "CN", "MX", "MN"], rows[1].GetProperty("excludedPopulations").EnumerateArray().Select(p => p.GetString()));
        Assert.All(rows, r => Assert.Equal(("checklist-export.csv", "2026-11-01"), (r.GetProperty("source").GetString(), r.GetProperty("asOf").GetString())));

        Assert.Equal(0, table.Exit);
        Assert.Contains("Listed in its own name.", table.Output, StringComparison.Ordinal);
        Assert.Contains("│ not listed │", table.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_on_a_day_gives_the_listing_in_force_then_and_status_says_what_is_in_use()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var in2016 = await CliRun.RunAsync(database.Options, "reference", "show", "Psittacus erithacus", "--on", "2016-06-01", "--format", "json");
        var in2024 = await CliRun.RunAsync(database.Options, "reference", "show", "Psittacus erithacus", "--on", "2024-06-01");
        var synonym = await CliRun.RunAsync(database.Options, "reference", "show", "Copsychus malabaricus", "--on", "2024-06-01", "--format", "json");
        var badDay = await CliRun.RunAsync(database.Options, "reference", "show", "Psittacus erithacus", "--on", "2016-13-01");
        var status = await CliRun.RunAsync(database.Options, "reference", "status");
        var statusJson = await CliRun.RunAsync(database.Options, "reference", "status", "--format", "json");

        Assert.Equal(0, in2016.Exit);
        var json = JsonDocument.Parse(in2016.Output).RootElement;
        Assert.Equal(("Psittaciformes", "2016-06-01"), (json.GetProperty("listedUnder").GetString(), json.GetProperty("on").GetString()));
        Assert.Equal(["ii"], json.GetProperty("listings").EnumerateArray().Select(r => r.GetProperty("appendix").GetString()));
        var change = Assert.Single(json.GetProperty("history").EnumerateArray(), c => c.GetProperty("taxon").GetString() == "Psittacus erithacus");
        Assert.Equal(("transferred", "ii", "i", "2017-01-02", "CoP17 Prop. 19"),
            (change.GetProperty("change").GetString(), change.GetProperty("from").GetString(), change.GetProperty("to").GetString(),
             change.GetProperty("effectiveFrom").GetString(), change.GetProperty("meeting").GetString()));

        Assert.Equal(0, in2024.Exit);
        Assert.Contains("Listed in its own name; first listed 2017-01-02.", in2024.Output, StringComparison.Ordinal);
        Assert.Contains("listings in force on 2024-06-01.", in2024.Output, StringComparison.Ordinal);
        Assert.Contains("│ I ", in2024.Output, StringComparison.Ordinal);
        Assert.Contains("II → I", in2024.Output, StringComparison.Ordinal);

        var shama = JsonDocument.Parse(synonym.Output).RootElement;
        Assert.Equal(("Kittacincla malabarica", "Kittacincla malabarica"), (shama.GetProperty("acceptedName").GetString(), shama.GetProperty("listedUnder").GetString()));

        Assert.Equal(2, badDay.Exit);

        Assert.Equal(0, status.Exit);
        Assert.Contains("Checklist: edition 1, CITES Checklist snapshot (UNEP-WCMC SAPI seed files, BSD-3), as of 2013-11-30.", status.Output, StringComparison.Ordinal);
        Assert.Matches(@"Listing changes over it: \d+, and \d+ synonyms\.", status.Output);
        Assert.Contains("Complete to 2026-12-06 for Mammalia, Appendices I and II:", status.Output, StringComparison.Ordinal);
        Assert.Contains("the list as of 2025-11-24", status.Output, StringComparison.Ordinal);
        var view = JsonDocument.Parse(statusJson.Output).RootElement;
        Assert.True(view.GetProperty("listingChanges").GetInt32() > 150);
        Assert.Equal(["Mammalia", "Aves"], view.GetProperty("coverage").EnumerateArray().Select(c => c.GetProperty("taxon").GetString()));
        Assert.Equal(189, view.GetProperty("parties").GetInt32());
    }

    [Fact]
    public async Task Import_checklist_of_bad_input_lists_every_problem_exits_2_and_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var before = await LedgerAsync(database);

        var bad = await CliRun.RunAsync(database.Options, "reference", "import-checklist", Fixture("export", "bad-checklist-export.csv"), "--as-of", "2026-11-01");
        var undated = await CliRun.RunAsync(database.Options, "reference", "import-checklist", Fixture("export", "checklist-export.csv"));

        Assert.Equal(2, bad.Exit);
        var lines = bad.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("7 problems; nothing was imported.", lines[^1]);
        Assert.Contains("bad-checklist-export.csv:3: Listing: 'IV' is not a listing: I, II, III, a split such as I/II, or NC.", lines);
        Assert.Contains("bad-checklist-export.csv:7: Scientific Name: Ursus arctos is also on line 2.", lines);
        Assert.Equal(2, undated.Exit);
        Assert.Contains("checklist-export.csv: --as-of: A checklist export needs the date", undated.Error, StringComparison.Ordinal);
        Assert.Equal(before.Count, (await LedgerAsync(database)).Count);
        await using var db = TestDatabase.Open(database.Options);
        Assert.Equal(1, await db.ChecklistEditions.CountAsync(Ct));
    }

    [Fact]
    public async Task Import_checklist_reads_a_folder_in_the_snapshot_layout()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var import = await CliRun.RunAsync(database.Options, "reference", "import-checklist", Fixture("snapshot"), "--format", "json");
        var bear = await CliRun.RunAsync(database.Options, "reference", "show", "Selenarctos thibetanus");

        Assert.Equal(0, import.Exit);
        var edition = JsonDocument.Parse(import.Output).RootElement;
        Assert.Equal(("snapshot (UNEP-WCMC SAPI seed file layout)", "2013-11-30", 2), (edition.GetProperty("source").GetString(), edition.GetProperty("asOf").GetString(), edition.GetProperty("number").GetInt32()));
        Assert.Equal(0, bear.Exit);
        Assert.Contains("Selenarctos thibetanus (Species, a synonym of Ursus thibetanus)", bear.Output, StringComparison.Ordinal);
        Assert.Contains("│ I        │ 1975-07-01 │", bear.Output, StringComparison.Ordinal);
    }

    private static async Task<List<Menagerie.App.Ledger.LedgerEntry>> LedgerAsync(TestDatabase database)
    {
        await using var db = TestDatabase.Open(database.Options);
        return await db.LedgerEntries.OrderBy(e => e.Sequence).ToListAsync(Ct);
    }
}
