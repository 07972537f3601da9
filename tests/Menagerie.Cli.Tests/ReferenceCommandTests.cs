using System.Globalization;
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
        var synonymTable = await CliRun.RunAsync(database.Options, "reference", "show", "Copsychus malabaricus", "--on", "2024-06-01");
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
        Assert.Contains("Listed in its own name.", in2024.Output, StringComparison.Ordinal);
        Assert.Contains("listings in force on 2024-06-01.", in2024.Output, StringComparison.Ordinal);
        Assert.Contains("│ I ", in2024.Output, StringComparison.Ordinal);
        Assert.Contains("II → I", in2024.Output, StringComparison.Ordinal);

        var shama = JsonDocument.Parse(synonym.Output).RootElement;
        Assert.Equal(("Kittacincla malabarica", "Kittacincla malabarica"), (shama.GetProperty("acceptedName").GetString(), shama.GetProperty("listedUnder").GetString()));
        Assert.Contains("Listed under its accepted name, Kittacincla malabarica", synonymTable.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("in its own name", synonymTable.Output, StringComparison.Ordinal);

        Assert.Equal(2, badDay.Exit);

        Assert.Equal(0, status.Exit);
        Assert.Contains("Checklist: edition 1, CITES Checklist snapshot (UNEP-WCMC SAPI seed files, BSD-3), as of 2013-11-30.", status.Output, StringComparison.Ordinal);
        Assert.Matches(@"Listing changes over it: \d+, and \d+ synonyms\.", status.Output);
        Assert.Contains("Complete to 2026-12-06 for Mammalia, Appendices I and II:", status.Output, StringComparison.Ordinal);
        Assert.Contains("the list as of 2025-11-24", status.Output, StringComparison.Ordinal);
        Assert.Matches(@"Newest change in force: \S.*, since \d{4}-\d{2}-\d{2} \(CoP\d+", status.Output);
        var view = JsonDocument.Parse(statusJson.Output).RootElement;
        // The newest change is one in force today; one adopted and still to come is the next, apart.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.True(DateOnly.Parse(view.GetProperty("newestChange").GetProperty("effectiveFrom").GetString()!, CultureInfo.InvariantCulture) <= today);
        if (view.TryGetProperty("nextChange", out var next) && next.ValueKind == JsonValueKind.Object)
        {
            Assert.True(DateOnly.Parse(next.GetProperty("effectiveFrom").GetString()!, CultureInfo.InvariantCulture) > today);
            Assert.Contains("Next change: ", status.Output, StringComparison.Ordinal);
        }

        Assert.True(view.GetProperty("listingChanges").GetInt32() > 150);
        Assert.Equal(["Mammalia", "Aves"], view.GetProperty("coverage").EnumerateArray().Select(c => c.GetProperty("taxon").GetString()));
        Assert.Equal(189, view.GetProperty("parties").GetInt32());
    }

    [Fact]
    public async Task Show_of_a_species_the_checklist_does_not_name_gives_the_listing_covering_its_genus_or_says_it_is_unknown()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var newt = await CliRun.RunAsync(database.Options, "reference", "show", "Tylototriton anguliceps", "--on", "2024-06-01", "--format", "json");
        var table = await CliRun.RunAsync(database.Options, "reference", "show", "Tylototriton anguliceps", "--on", "2024-06-01");
        var unknown = await CliRun.RunAsync(database.Options, "reference", "show", "Panthera fantasia");
        var beforeCoP18 = await CliRun.RunAsync(database.Options, "reference", "show", "Tylototriton anguliceps", "--on", "2018-06-01");

        Assert.Equal(0, newt.Exit);
        var json = JsonDocument.Parse(newt.Output).RootElement;
        Assert.Equal(("Tylototriton", "Tylototriton"), (json.GetProperty("listedUnder").GetString(), json.GetProperty("coveredByGenus").GetString()));
        Assert.Equal(["ii"], json.GetProperty("listings").EnumerateArray().Select(r => r.GetProperty("appendix").GetString()));
        Assert.Contains("Not a name in the checklist: the listing that covers every species of Tylototriton applies.", table.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, unknown.Exit);
        Assert.Contains("Panthera fantasia is not a name in the checklist", unknown.Output + unknown.Error, StringComparison.Ordinal);
        Assert.NotEqual(0, beforeCoP18.Exit);
        Assert.Contains("Tylototriton anguliceps is not a name in the checklist", beforeCoP18.Output + beforeCoP18.Error, StringComparison.Ordinal);
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

    [Fact]
    public async Task Import_suspensions_and_quotas_takes_the_date_from_a_species_plus_file_name_and_status_names_them()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await CliRun.RunAsync(database.Options, "user", "add", "admin@MOSCOW", "--role", "administrator");
        var suspensions = Fixture("species-plus", "citessuspensions_01122026-093000_comma_separated.csv");

        var imported = await CliRun.RunAsync(database.Options, "reference", "import-suspensions", suspensions, "--as", "admin@MOSCOW");
        var undated = await CliRun.RunAsync(database.Options, "reference", "import-quotas", Fixture("species-plus", "quotas.csv"), "--as", "admin@MOSCOW");
        var quotas = await CliRun.RunAsync(database.Options, "reference", "import-quotas", Fixture("species-plus", "quotas.csv"), "--as-of", "2026-12-02", "--as", "admin@MOSCOW", "--format", "json");
        var status = await CliRun.RunAsync(database.Options, "reference", "status");

        Assert.Equal((0, ""), (imported.Exit, imported.Error));
        Assert.StartsWith("Trade suspensions: 8 from citessuspensions_01122026-093000_comma_separated.csv, current to 2026-12-01; 8 in force today.", imported.Output, StringComparison.Ordinal);
        Assert.Contains("They replace 0 rows.", imported.Output, StringComparison.Ordinal);
        Assert.Equal(2, undated.Exit);
        Assert.Contains("quotas.csv: asOf: Give the day the download was made", undated.Error, StringComparison.Ordinal);
        Assert.Equal(0, quotas.Exit);
        var list = JsonDocument.Parse(quotas.Output).RootElement;
        Assert.Equal(("quotas", 3, "2026-12-02"), (list.GetProperty("kind").GetString(), list.GetProperty("rows").GetInt32(), list.GetProperty("asOf").GetString()));
        Assert.Contains("Trade suspensions: 8 from citessuspensions_01122026-093000_comma_separated.csv", status.Output, StringComparison.Ordinal);
        Assert.Contains("Export quotas: 3 from quotas.csv, current to 2026-12-02", status.Output, StringComparison.Ordinal);
        await using var db = TestDatabase.Open(database.Options);
        Assert.Equal((8, 3), (await db.TradeSuspensions.CountAsync(Ct), await db.ExportQuotas.CountAsync(Ct)));
    }

    [Fact]
    public async Task Compliance_check_applies_a_suspensions_download_named_on_the_command_line_and_refuses_a_bad_one()
    {
        var folder = Directory.CreateTempSubdirectory("menagerie-suspensions-");
        try
        {
            var good = Path.Combine(folder.FullName, "citessuspensions_01122026-093000_comma_separated.csv");
            var bad = Path.Combine(folder.FullName, "bad.csv");
            var header = File.ReadLines(Fixture("species-plus", "citessuspensions_01122026-093000_comma_separated.csv")).First();
            // Made up for the test: a recommendation to suspend all trade with the importing state of the sample shipment.
            await File.WriteAllTextAsync(good, header + "\n,,,,,,,,,,,01/06/2024,CITES Notif. No. 2024/999,,,Democratic People's Republic of Korea,All trade.,true\n", Ct);
            await File.WriteAllTextAsync(bad, header + "\n,,,,,,,,,,,01/06/2024,CITES Notif. No. 2024/999,,,Atlantis,All trade.,maybe\n", Ct);
            var shipment = Path.Combine(AppContext.BaseDirectory, "shipments", "2024-11-moscow-pyongyang.json");

            var check = await CliRun.RunAsync(null, "compliance", "check", shipment, "--suspensions", good);
            var refused = await CliRun.RunAsync(null, "compliance", "check", shipment, "--suspensions", bad, "--quotas", Path.Combine(folder.FullName, "none.csv"));

            Assert.Equal(1, check.Exit);
            Assert.Contains("C-23", check.Output, StringComparison.Ordinal);
            Assert.Contains("CITES Notif. No. 2024/999", check.Output, StringComparison.Ordinal);
            Assert.Equal(2, refused.Exit);
            var lines = refused.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Contains("bad.csv:2: party: 'Atlantis' is not a state Menagerie knows by name (the CITES Parties and the checklist's countries).", lines);
            Assert.Contains("bad.csv:2: valid: 'maybe' is not true or false.", lines);
            Assert.Contains(lines, l => l.StartsWith("none.csv: --quotas: There is no file", StringComparison.Ordinal));
            Assert.Equal("3 problems; nothing was checked.", lines[^1]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<List<Menagerie.App.Ledger.LedgerEntry>> LedgerAsync(TestDatabase database)
    {
        await using var db = TestDatabase.Open(database.Options);
        return await db.LedgerEntries.OrderBy(e => e.Sequence).ToListAsync(Ct);
    }
}
