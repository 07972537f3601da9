using System.Text.Json;

namespace Menagerie.Cli.Tests;

public sealed class ComplianceCommandTests
{
    private static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "shipments", name);

    [Fact]
    public async Task The_November_shipment_is_blocked_with_exit_1_and_its_JSON_keeps_the_contract()
    {
        var run = await CliRun.RunAsync(null, "compliance", "check", Sample("2024-11-moscow-pyongyang.json"), "--format", "json");

        Assert.Equal(1, run.Exit);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal("blocked", root.GetProperty("verdict").GetString());
        var requirements = root.GetProperty("requirements").EnumerateArray().ToList();
        Assert.All(requirements, r =>
        {
            Assert.Matches("^[A-Z]-[0-9]{2}$", r.GetProperty("rule").GetString());
            Assert.Contains(r.GetProperty("severity").GetString(), new[] { "block", "warn", "info" });
            Assert.Contains(r.GetProperty("status").GetString(), new[] { "satisfied", "missing", "expired", "not-yet-valid", "insufficient-quantity" });
            Assert.Equal(JsonValueKind.Array, r.GetProperty("lines").ValueKind);
            Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("source").GetString()));
        });
        var permit = requirements.First(r => r.GetProperty("rule").GetString() == "C-60" && r.GetProperty("lines")[0].GetInt32() == 1);
        Assert.Equal(("satisfied", "export-permit", "RU"), (permit.GetProperty("status").GetString(),
            permit.GetProperty("satisfiedBy").GetProperty("document").GetString(), permit.GetProperty("satisfiedBy").GetProperty("issuer").GetString()));
    }

    [Fact]
    public async Task A_state_named_as_approving_what_leaves_it_draws_L04_which_the_files_ministry_approval_meets()
    {
        var without = await CliRun.RunAsync(null, "compliance", "check", Sample("2024-11-moscow-pyongyang.json"), "--format", "json");
        var with = await CliRun.RunAsync(null, "compliance", "check", Sample("2024-11-moscow-pyongyang.json"), "--authority-approval", "ru", "--format", "json");
        var bad = await CliRun.RunAsync(null, "compliance", "check", Sample("2024-11-moscow-pyongyang.json"), "--authority-approval", "RUS");

        static IEnumerable<JsonElement> L04(string output) =>
            JsonDocument.Parse(output).RootElement.GetProperty("requirements").EnumerateArray().Where(r => r.GetProperty("rule").GetString() == "L-04").ToList();
        Assert.Empty(L04(without.Output));
        var approval = Assert.Single(L04(with.Output));
        Assert.Equal(("satisfied", "ministry-approval"), (approval.GetProperty("status").GetString(), approval.GetProperty("satisfiedBy").GetProperty("document").GetString()));
        Assert.Equal(2, bad.Exit);
        Assert.Contains("--authority-approval: 'RUS' is not an ISO 3166-1 alpha-2 code.", bad.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_April_shipment_has_warnings_only_with_exit_3_and_a_table_for_people()
    {
        var run = await CliRun.RunAsync(null, "compliance", "check", Sample("2024-04-moscow-pyongyang.json"));

        Assert.Equal(3, run.Exit);
        Assert.Contains("WARNINGS", run.Output, StringComparison.Ordinal);
        Assert.Contains("0 blocking", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checked_on_a_later_day_the_April_permits_have_run_out()
    {
        var run = await CliRun.RunAsync(null, "compliance", "check", Sample("2024-04-moscow-pyongyang.json"), "--on", "2024-11-20", "--format", "json");

        Assert.Equal(1, run.Exit);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Contains(json.RootElement.GetProperty("requirements").EnumerateArray(),
            r => r.GetProperty("rule").GetString() == "C-50" && r.GetProperty("status").GetString() == "expired");
    }

    [Fact]
    public async Task An_invalid_file_exits_2_naming_every_problem_and_a_clear_shipment_exits_0_unless_its_listings_are_too_old()
    {
        var folder = Directory.CreateTempSubdirectory("menagerie-shipment-");
        try
        {
            var bad = Path.Combine(folder.FullName, "bad.json");
            await File.WriteAllTextAsync(bad, "{\n  \"from\": { \"country\": \"RUS\" },\n  \"to\": { \"country\": \"DE\" },\n  \"date\": \"2024-13-01\",\n  \"lines\": []\n}\n", TestContext.Current.CancellationToken);
            var clear = Path.Combine(folder.FullName, "clear.json");
            await File.WriteAllTextAsync(clear, """
                { "from": { "country": "RU" }, "to": { "country": "DE" }, "date": "2028-07-28",
                  "lines": [ { "taxon": "Melopsittacus undulatus", "count": 2, "source": "C" } ],
                  "quarantine": "30 days at the receiver", "transport": { "forecast": { "min": 15, "max": 22 } },
                  "documents": [ { "type": "veterinary-certificate", "number": "V-1", "issuer": "RU", "issued": "2028-07-25" },
                                 { "type": "veterinary-import-conditions", "number": "DE-1", "issuer": "DE", "issued": "2028-06-01" } ] }
                """, TestContext.Current.CancellationToken);

            var invalid = await CliRun.RunAsync(null, "compliance", "check", bad);
            // The birds' listings are complete to 2026-12-06: in July 2028 they are more than a year old.
            var ok = await CliRun.RunAsync(null, "compliance", "check", clear, "--max-listing-age", "1000", "--max-party-status-age", "1000");
            var stale = await CliRun.RunAsync(null, "compliance", "check", clear, "--max-party-status-age", "1000");

            Assert.Equal(2, invalid.Exit);
            Assert.Contains($"{bad}:2: from.country:", invalid.Error, StringComparison.Ordinal);
            Assert.Contains($"{bad}:4: date:", invalid.Error, StringComparison.Ordinal);
            Assert.Contains($"{bad}:5: lines:", invalid.Error, StringComparison.Ordinal);
            Assert.Contains("3 problems", invalid.Error, StringComparison.Ordinal);
            Assert.Equal(0, ok.Exit);
            Assert.Contains("CLEAR", ok.Output, StringComparison.Ordinal);
            Assert.Equal(3, stale.Exit);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
