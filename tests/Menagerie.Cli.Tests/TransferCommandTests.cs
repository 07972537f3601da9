using System.Globalization;
using System.Text.Json;
using Menagerie.App.Persistence;
using Menagerie.Testing;

namespace Menagerie.Cli.Tests;

public sealed class TransferCommandTests
{
    /// <summary>
    /// Held by PRAGUE and on no sample transfer: brown bears PRG-00033 (line 1, male), PRG-00037 (line 2, female),
    /// PRG-00038 (line 3, male), and 2.3.1 of the golden pheasants PRG-G0001 (line 4).
    /// </summary>
    private static readonly string[] Animals = ["--animal", "PRG-00033", "--animal", "PRG-00037", "--animal", "PRG-00038", "--animal", "PRG-G0001=2.3.1"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task List_as_json_gives_each_transfer_its_id_status_parties_terms_and_animals()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);

        var json = await CliRun.RunAsync(database.Options, "transfer", "list", "--format", "json");
        var table = await CliRun.RunAsync(database.Options, "transfer", "list");
        var inTransit = await CliRun.RunAsync(database.Options, "transfer", "list", "--view", "in-transit", "--format", "json");
        var unknown = await CliRun.RunAsync(database.Options, "transfer", "show", Guid.NewGuid().ToString());

        Assert.Equal((0, 0, 0, 2), (json.Exit, table.Exit, inTransit.Exit, unknown.Exit));
        var transfers = JsonDocument.Parse(json.Output).RootElement.EnumerateArray().ToList();
        foreach (var key in new[] { "id", "status", "sender", "receiver", "terms", "animals" })
            Assert.All(transfers, t => Assert.True(t.TryGetProperty(key, out _), $"no '{key}' in {t}"));
        Assert.Equal(["accepted", "dispatched", "received"], transfers.Select(t => t.GetProperty("status").GetString()).Order(StringComparer.Ordinal));
        var november = transfers.Single(t => t.GetProperty("status").GetString() == "accepted");
        Assert.Equal(("MOSCOW", "PYONGYANG", "gift"), (november.GetProperty("sender").GetString(), november.GetProperty("receiver").GetString(), november.GetProperty("terms").GetString()));
        Assert.True(november.GetProperty("animals").GetInt32() > 70);
        Assert.All(transfers, t => Assert.Contains(t.GetProperty("id").GetString()!, table.Output, StringComparison.Ordinal));
        var moving = Assert.Single(JsonDocument.Parse(inTransit.Output).RootElement.EnumerateArray());
        Assert.Equal("BERLIN", moving.GetProperty("sender").GetString());
        Assert.Contains("No transfer", unknown.Error, StringComparison.Ordinal);

        var april = transfers.Single(t => t.GetProperty("status").GetString() == "received").GetProperty("id").GetString()!;
        var shown = await CliRun.RunAsync(database.Options, "transfer", "show", april);
        Assert.Equal(0, shown.Exit);
        Assert.Contains("RU-2024-EX-00417", shown.Output, StringComparison.Ordinal);
        Assert.Contains("KP-CD-2024-031", shown.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_transfer_goes_from_proposal_to_receipt_and_its_animals_to_the_receiver()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);

        var id = await ProposeAsync(database);
        var accept = await RunAsync(database, "accept", id);
        var blocked = await RunAsync(database, "clear", id, "--reason", "before the permits");
        await PapersAsync(database, id);
        var clear = await RunAsync(database, "clear", id, "--reason", "CITES export permit CZ/2026/114; veterinary health certificate");
        var dispatch = await RunAsync(database, "dispatch", id, "--at", HoursAgo(3));
        var receive = await RunAsync(database, "receive", id, "--at", HoursAgo(1), "--identifier", "1=local:BER-B1");
        var show = await RunAsync(database, "show", id);
        var transfer = await ShowAsync(database, id);
        var bear = await CliRun.RunAsync(database.Options, "specimen", "show", "BER-B1", "--format", "json");

        Assert.Equal((0, 0, 0, 0, 0, 0), (accept.Exit, clear.Exit, dispatch.Exit, receive.Exit, show.Exit, bear.Exit));
        Assert.Equal(1, blocked.Exit);
        Assert.Contains("V-01 blocks the clearance", blocked.Error, StringComparison.Ordinal);
        Assert.Contains($"Transfer {id} (PRAGUE to BERLIN, 9 animals) is received. Waiting for: nothing.", receive.Output, StringComparison.Ordinal);
        Assert.Equal("received", transfer.GetProperty("status").GetString());
        Assert.Equal(["drafted", "proposed", "accepted", "cleared", "dispatched", "received"],
            transfer.GetProperty("timeline").EnumerateArray().Select(s => s.GetProperty("action").GetString()));
        Assert.All(transfer.GetProperty("lines").EnumerateArray(), l => Assert.Equal(l.GetProperty("counts").GetString(), l.GetProperty("arrived").GetString()));
        Assert.Equal("BERLIN", JsonDocument.Parse(bear.Output).RootElement.GetProperty("specimen").GetProperty("holder").GetProperty("code").GetString());
        foreach (var text in new[] { "Lines", "Timeline", "local:PRG-00033", "local:PRG-G0001", "cleared", "BER-B1" })
            Assert.Contains(text, show.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receive_from_options_records_the_dead_and_the_missing_and_the_rest_arrives()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        var id = await DispatchedAsync(database);

        var receive = await RunAsync(database, "receive", id, "--at", HoursAgo(1), "--dead", "2", "--missing", "3", "--dead", "4=1.0.0", "--missing", "4=0.1.0");

        Assert.Equal(0, receive.Exit);
        Assert.Contains("animals missing on line 3, 4", receive.Output, StringComparison.Ordinal);
        var transfer = await ShowAsync(database, id);
        Assert.Equal(
            [("1.0.0", "0.0.0", "0.0.0"), ("0.0.0", "0.1.0", "0.0.0"), ("0.0.0", "0.0.0", "1.0.0"), ("1.2.1", "1.0.0", "0.1.0")],
            Outcomes(transfer));
        Assert.True(transfer.GetProperty("openDiscrepancy").GetBoolean());
        Assert.Equal("resolve", transfer.GetProperty("nextStep").GetProperty("action").GetString());
    }

    [Fact]
    public async Task Resolve_declares_a_missing_animal_lost_and_closes_the_discrepancy()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        var id = await DispatchedAsync(database);
        Assert.Equal(0, (await RunAsync(database, "receive", id, "--at", HoursAgo(2), "--missing", "3")).Exit);

        var nothingMissing = await RunAsync(database, "resolve", id, "--line", "1", "--found", "--reason", "In the crate after all");
        var lost = await RunAsync(database, "resolve", id, "--line", "3", "--lost", "--reason", "Crate found open at a rest stop; not recovered", "--at", HoursAgo(1));
        var open = await CliRun.RunAsync(database.Options, "transfer", "list", "--open", "--format", "json");

        Assert.Equal((1, 0, 0), (nothingMissing.Exit, lost.Exit, open.Exit));
        Assert.Contains("--line: Line 1 has no missing animals", nothingMissing.Error, StringComparison.Ordinal);
        var transfer = await ShowAsync(database, id);
        Assert.False(transfer.GetProperty("openDiscrepancy").GetBoolean());
        Assert.Equal("lost", transfer.GetProperty("lines")[2].GetProperty("resolution").GetString());
        Assert.Equal("missingLost", transfer.GetProperty("timeline").EnumerateArray().Last().GetProperty("action").GetString());
        Assert.DoesNotContain(id, open.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receive_from_a_csv_file_reconciles_each_line_as_its_row_says()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        var id = await DispatchedAsync(database);
        var folder = Directory.CreateTempSubdirectory("menagerie-receipt-").FullName;
        try
        {
            var file = Path.Combine(folder, "receipt.csv");
            await File.WriteAllTextAsync(file, """
                line,outcome,arrived,dead_on_arrival,missing,identifiers
                1,arrived,,,,local:BER-B1;transponder:276098100012345
                2,dead,,,,
                3,missing,,,,
                4,,1.2.1,1.0.0,0.1.0,local:BER-G7
                """, Ct);

            var receive = await RunAsync(database, "receive", id, "--at", HoursAgo(1), "--file", file);
            var bear = await CliRun.RunAsync(database.Options, "specimen", "show", "276098100012345", "--format", "json");

            Assert.True(receive.Exit == 0, receive.Error);
            Assert.Equal(0, bear.Exit);
            Assert.Equal(
                [("1.0.0", "0.0.0", "0.0.0"), ("0.0.0", "0.1.0", "0.0.0"), ("0.0.0", "0.0.0", "1.0.0"), ("1.2.1", "1.0.0", "0.1.0")],
                Outcomes(await ShowAsync(database, id)));
            Assert.Equal("BERLIN", JsonDocument.Parse(bear.Output).RootElement.GetProperty("specimen").GetProperty("holder").GetProperty("code").GetString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_receipt_file_with_problems_names_each_by_file_line_and_column_and_receives_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        var id = await DispatchedAsync(database);
        var folder = Directory.CreateTempSubdirectory("menagerie-receipt-").FullName;
        try
        {
            var badRows = Path.Combine(folder, "bad-rows.csv");
            await File.WriteAllTextAsync(badRows, """
                line,outcome,arrived,dead_on_arrival,missing,identifiers
                1,arrived,,,,local:BER-B1;no-scheme-here:
                2,escaped,,,,
                3,arrived,,,,
                4,,two,0.1.0,,
                9,arrived,,,,
                """, Ct);
            // Out of order, a line twice and two left out: each problem still points at its own row.
            var unbalanced = Path.Combine(folder, "unbalanced.csv");
            await File.WriteAllTextAsync(unbalanced, """
                line,outcome,arrived,dead_on_arrival,missing,identifiers
                4,,2.2.1,1.0.0,,
                1,arrived,,,,
                1,dead,,,,
                """, Ct);
            var noColumns = Path.Combine(folder, "no-columns.csv");
            await File.WriteAllTextAsync(noColumns, "line,outcome\n1,arrived\n", Ct);

            var rows = await RunAsync(database, "receive", id, "--at", HoursAgo(1), "--file", badRows);
            var sums = await RunAsync(database, "receive", id, "--at", HoursAgo(1), "--file", unbalanced);
            var header = await RunAsync(database, "receive", id, "--at", HoursAgo(1), "--file", noColumns);
            var absent = await RunAsync(database, "receive", id, "--at", HoursAgo(1), "--file", Path.Combine(folder, "absent.csv"));

            Assert.Equal((1, 1, 2, 2), (rows.Exit, sums.Exit, header.Exit, absent.Exit));
            foreach (var problem in new[] { ":2: identifiers:", ":3: outcome: 'escaped'", ":5: arrived: 'two'", ":6: line: The transfer has no line 9." })
                Assert.Contains(badRows + problem, rows.Error, StringComparison.Ordinal);
            foreach (var problem in new[] { ":2: line: Line 4 dispatched 2.3.1", ":4: line: Line 1 is reconciled twice", ": line: Line 2 (0.1.0) is not accounted for", ": line: Line 3 (1.0.0) is not accounted for" })
                Assert.Contains(unbalanced + problem, sums.Error, StringComparison.Ordinal);
            Assert.Contains(noColumns + ":1: dead_on_arrival: The column 'dead_on_arrival' is missing", header.Error, StringComparison.Ordinal);
            Assert.Contains("absent.csv", absent.Error, StringComparison.Ordinal);
            Assert.All(new[] { rows, sums, header }, run => Assert.Contains("nothing was received", run.Error, StringComparison.Ordinal));
            var transfer = await ShowAsync(database, id);
            Assert.Equal("dispatched", transfer.GetProperty("status").GetString());
            Assert.All(transfer.GetProperty("lines").EnumerateArray(), l => Assert.Equal(JsonValueKind.Null, l.GetProperty("arrived").ValueKind));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Decline_without_a_reason_is_a_usage_error_and_leaves_the_transfer_proposed()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        var id = await ProposeAsync(database);

        var bare = await RunAsync(database, "decline", id);
        var proposed = (await ShowAsync(database, id)).GetProperty("status").GetString();
        var declined = await RunAsync(database, "decline", id, "--reason", "No space in the bear enclosure until spring");
        var again = await ProposeAsync(database);

        Assert.Equal((2, "proposed", 0), (bare.Exit, proposed, declined.Exit));
        Assert.Contains("--reason", bare.Error, StringComparison.Ordinal);
        Assert.Contains("is declined", declined.Output, StringComparison.Ordinal);
        Assert.NotEqual(id, again);
    }

    [Fact]
    public async Task Propose_names_each_animal_the_sender_does_not_hold_by_the_option_given()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);

        var run = await CliRun.RunAsync(database.Options,
            "transfer", "propose", "--from", "PRAGUE", "--to", "BERLIN", "--terms", "gift", "--animal", "PRG-00033", "--animal", "NO-SUCH-BEAR", "--animal", "MOS-00037");
        var listed = await CliRun.RunAsync(database.Options, "transfer", "list", "--format", "json");

        Assert.Equal(1, run.Exit);
        Assert.True(run.Error.Contains("--animal NO-SUCH-BEAR: PRAGUE holds no specimen 'NO-SUCH-BEAR'.", StringComparison.Ordinal), run.Error);
        Assert.Contains("--animal MOS-00037: PRAGUE holds no specimen 'MOS-00037'.", run.Error, StringComparison.Ordinal);
        Assert.Equal(3, JsonDocument.Parse(listed.Output).RootElement.GetArrayLength());
    }

    [Theory]
    [InlineData("transfer", "propose", "--from", "PRAGUE", "--terms", "gift")]
    [InlineData("transfer", "propose", "01a2268c-78e1-7b57-be76-bc526c919f6c", "--to", "BERLIN")]
    [InlineData("transfer", "propose", "--from", "PRAGUE", "--to", "BERLIN", "--terms", "gift", "--animal", "PRG-G0001=lots")]
    [InlineData("transfer", "dispatch", "01a2268c-78e1-7b57-be76-bc526c919f6c")]
    [InlineData("transfer", "receive", "01a2268c-78e1-7b57-be76-bc526c919f6c", "--at", "2026-11-20T06:30:00Z", "--dead", "two")]
    [InlineData("transfer", "resolve", "01a2268c-78e1-7b57-be76-bc526c919f6c", "--line", "1", "--reason", "found and lost")]
    public async Task Malformed_commands_exit_2_before_the_records_are_opened(params string[] args)
    {
        var run = await CliRun.RunAsync(null, [.. args, "--database", Path.Combine(Path.GetTempPath(), $"menagerie-absent-{Guid.NewGuid():N}.db")]);

        Assert.Equal(2, run.Exit);
        Assert.Contains("Run 'menagerie --help' for usage.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_November_transfer_is_blocked_and_a_curator_confirms_a_warning_from_the_command_line()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        var list = await RunAsync(database, "list", "--status", "accepted", "--format", "json");
        var id = JsonDocument.Parse(list.Output).RootElement[0].GetProperty("id").GetString()!;

        var requirements = await RunAsync(database, "requirements", id, "--on", "2024-11-20", "--format", "json");
        var temperature = JsonDocument.Parse(requirements.Output).RootElement.GetProperty("requirements").EnumerateArray().Single(r => r.GetProperty("rule").GetString() == "W-01");
        var lines = string.Join(",", temperature.GetProperty("lines").EnumerateArray().Select(l => l.GetInt32()));
        var confirmed = await RunAsync(database, "override", id, "--rule", "W-01", "--lines", lines, "--reason", "Heated hold agreed with the crew");
        var block = await RunAsync(database, "override", id, "--rule", "C-61", "--lines", "1", "--reason", "we trust them");
        var table = await RunAsync(database, "requirements", id, "--on", "2024-11-20");
        var origin = await CliRun.RunAsync(database.Options, "specimen", "origin", "MOS-00037", "--source", "C", "--population", "ZA");
        var lionAfter = await RunAsync(database, "requirements", id, "--on", "2024-11-20", "--format", "json");

        Assert.Equal(1, requirements.Exit);
        Assert.Equal("blocked", JsonDocument.Parse(requirements.Output).RootElement.GetProperty("verdict").GetString());
        Assert.True(confirmed.Exit == 0, confirmed.Error);
        Assert.Equal(1, block.Exit);
        Assert.Contains("is a block", block.Error, StringComparison.Ordinal);
        Assert.Equal(1, table.Exit);
        Assert.Contains("Heated hold agreed with the crew", table.Output, StringComparison.Ordinal);
        Assert.True(origin.Exit == 0, origin.Error);
        Assert.Contains("population of origin ZA", origin.Output, StringComparison.Ordinal);
        var lion = JsonDocument.Parse(lionAfter.Output).RootElement.GetProperty("listings").EnumerateArray().Single(l => l.GetProperty("recorded").GetString() == "Panthera leo");
        Assert.Equal("II", lion.GetProperty("appendix").GetString());
    }

    [Fact]
    public async Task The_authority_signs_off_with_the_exit_codes_of_the_other_steps()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        var transfers = JsonDocument.Parse((await RunAsync(database, "list", "--format", "json")).Output).RootElement.EnumerateArray().ToList();
        string Id(string status) => transfers.Single(t => t.GetProperty("status").GetString() == status).GetProperty("id").GetString()!;
        var november = Id("accepted");

        var unreasoned = await RunAsync(database, "sign-off", november, "--object");
        var objected = await RunAsync(database, "sign-off", november, "--object", "--reason", "Quarantine at the Central Zoo is not ready", "--format", "json");
        var requirements = await RunAsync(database, "requirements", november, "--format", "json");
        var approveWhileObjecting = await RunAsync(database, "sign-off", november, "--approve");
        var both = await RunAsync(database, "sign-off", november, "--approve", "--withdraw");
        var unknown = await RunAsync(database, "sign-off", Guid.NewGuid().ToString(), "--approve");
        var withdrawn = await RunAsync(database, "sign-off", november, "--withdraw");
        var dispatched = await RunAsync(database, "sign-off", Id("dispatched"), "--object", "--reason", "too late");

        Assert.Equal((1, 0, 1, 2, 2, 0, 1), (unreasoned.Exit, objected.Exit, approveWhileObjecting.Exit, both.Exit, unknown.Exit, withdrawn.Exit, dispatched.Exit));
        Assert.Contains("--reason: An objection needs its reason.", unreasoned.Error, StringComparison.Ordinal);
        var step = JsonDocument.Parse(objected.Output).RootElement.GetProperty("timeline").EnumerateArray().Last();
        Assert.Equal(("objected", "sender", "Quarantine at the Central Zoo is not ready"),
            (step.GetProperty("action").GetString(), step.GetProperty("party").GetString(), step.GetProperty("reason").GetString()));
        Assert.Contains(JsonDocument.Parse(requirements.Output).RootElement.GetProperty("requirements").EnumerateArray(),
            r => r.GetProperty("rule").GetString() == "L-04" && r.GetProperty("status").GetString() == "missing");
        Assert.Contains("--approve: The authority objects to this transfer", approveWhileObjecting.Error, StringComparison.Ordinal);
        Assert.Contains("past signing off", dispatched.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_planned_departure_is_given_at_the_proposal_changed_until_dispatch_and_the_requirements_are_on_it()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        var leaving = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var later = DateTime.UtcNow.AddDays(12).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var proposed = await RunAsync(database, ["propose", "--from", "PRAGUE", "--to", "BERLIN", "--terms", "gift", .. Animals, "--departure", leaving, "--format", "json"]);
        var id = JsonDocument.Parse(proposed.Output).RootElement.GetProperty("id").GetString()!;
        var onThePlan = await RunAsync(database, "requirements", id, "--format", "json");
        var asked = await RunAsync(database, "requirements", id, "--on", "2026-12-01", "--format", "json");
        var changed = await RunAsync(database, "departure", id, later);
        var shown = await RunAsync(database, "show", id);
        var tooEarly = await RunAsync(database, "departure", id, "1700-01-01");
        var neither = await RunAsync(database, "departure", id);
        var badDay = await RunAsync(database, "propose", "--from", "PRAGUE", "--to", "BERLIN", "--terms", "gift", "--animal", "PRG-00033", "--departure", "next-week");
        var cleared = await RunAsync(database, "departure", id, "--clear");

        Assert.Equal(0, proposed.Exit);
        Assert.Equal(leaving, JsonDocument.Parse(proposed.Output).RootElement.GetProperty("plannedDeparture").GetString());
        Assert.Equal(leaving, JsonDocument.Parse(onThePlan.Output).RootElement.GetProperty("on").GetString());
        Assert.Equal("2026-12-01", JsonDocument.Parse(asked.Output).RootElement.GetProperty("on").GetString());
        Assert.Equal((0, 0), (changed.Exit, shown.Exit));
        Assert.Contains(later, shown.Output, StringComparison.Ordinal);
        Assert.Equal(1, tooEarly.Exit);
        Assert.Contains("date: 1700-01-01 is before 1800", tooEarly.Error, StringComparison.Ordinal);
        Assert.Equal((2, 2), (neither.Exit, badDay.Exit));
        Assert.Equal(0, cleared.Exit);
        Assert.Equal(JsonValueKind.Null, (await ShowAsync(database, id)).GetProperty("plannedDeparture").ValueKind);
    }

    [Fact]
    public async Task The_planned_departure_is_refused_once_the_animals_are_dispatched()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        var id = await DispatchedAsync(database);

        var refused = await RunAsync(database, "departure", id, DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        Assert.NotEqual(0, refused.Exit);
        Assert.Contains("until the animals are dispatched", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Document_types_are_shown_by_the_shipment_files_names_and_typed_by_the_old_ones_too()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        var id = await ProposeAsync(database);

        var registered = await RunAsync(database, "document", id, "--type", "citesImportPermit", "--number", "DE/2026/77", "--issuer", "DE",
            "--authority", "Bundesamt für Naturschutz", "--issued", DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var shown = await RunAsync(database, "show", id);
        var json = await ShowAsync(database, id);

        Assert.Equal(0, registered.Exit);
        Assert.Contains("import-permit DE/2026/77 (DE) registered", registered.Output, StringComparison.Ordinal);
        Assert.Contains("import-permit", shown.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("CitesImportPermit", shown.Output, StringComparison.Ordinal);
        Assert.Equal("import-permit", json.GetProperty("documents")[0].GetProperty("type").GetString());
    }

    private static Task<CliRun> RunAsync(TestDatabase database, params string[] args) => CliRun.RunAsync(database.Options, ["transfer", .. args]);

    private static async Task<string> ProposeAsync(TestDatabase database)
    {
        var run = await RunAsync(database, ["propose", "--from", "PRAGUE", "--to", "BERLIN", "--terms", "gift", .. Animals, "--format", "json"]);
        Assert.True(run.Exit == 0, run.Error);
        return JsonDocument.Parse(run.Output).RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<string> DispatchedAsync(TestDatabase database)
    {
        var id = await ProposeAsync(database);
        string[][] steps = [["accept", id], ["clear", id, "--reason", "Permits in order"], ["dispatch", id, "--at", HoursAgo(3)]];
        foreach (var step in steps)
        {
            if (step[0] == "clear")
                await PapersAsync(database, id);
            var run = await RunAsync(database, step);
            Assert.True(run.Exit == 0, run.Error);
        }
        return id;
    }

    /// <summary>Registers, as a registrar would from the command line, what the Prague–Berlin transfer needs to clear and leave.</summary>
    private static async Task PapersAsync(TestDatabase database, string id)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var (type, state, issued) in new[] { ("import-permit", "DE", today.AddDays(-30)), ("export-permit", "CZ", today.AddDays(-20)), ("veterinary-certificate", "CZ", today.AddDays(-1)) })
        {
            var run = await RunAsync(database, "document", id, "--type", type, "--number", $"{state}/{type}/{id}", "--issuer", state,
                "--authority", $"Authority of {state}", "--issued", issued.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Assert.True(run.Exit == 0, run.Error);
        }
    }

    private static async Task<JsonElement> ShowAsync(TestDatabase database, string id)
    {
        var run = await RunAsync(database, "show", id, "--format", "json");
        Assert.True(run.Exit == 0, run.Error);
        return JsonDocument.Parse(run.Output).RootElement;
    }

    private static List<(string?, string?, string?)> Outcomes(JsonElement transfer) =>
        [.. transfer.GetProperty("lines").EnumerateArray()
            .Select(l => (l.GetProperty("arrived").GetString(), l.GetProperty("deadOnArrival").GetString(), l.GetProperty("missing").GetString()))];

    /// <summary>A time that has passed, after anything in the sample records: the commands refuse times in the future.</summary>
    private static string HoursAgo(int hours) => DateTime.UtcNow.AddHours(-hours).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
