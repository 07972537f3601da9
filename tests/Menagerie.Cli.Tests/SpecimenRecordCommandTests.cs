using System.Text.Json;
using Menagerie.App.Persistence;
using Menagerie.Testing;

namespace Menagerie.Cli.Tests;

/// <summary>
/// <c>menagerie specimen record</c> on the sample collection. Held by MOSCOW and on no transfer: lions MOS-00023 (f)
/// and MOS-00034 (m), red-crowned crane MOS-00161 (f, hatched 2023-07-04 to MOS-00123 and MOS-00156); MOS-00020 went
/// to a private collection in 2020; PRAGUE holds the golden pheasants PRG-G0001.
/// </summary>
public sealed class SpecimenRecordCommandTests
{
    [Theory]
    [InlineData("weight", "MOS-00023", "--weight-kg", "126.4")]
    [InlineData("measurement", "MOS-00023", "--length-cm", "182.5", "--elbow-height-cm", "61", "--width-cm", "38", "--height-cm", "104", "--weight-kg", "126.4")]
    [InlineData("note", "MOS-00023", "--text", "Left forepaw checked; healed.")]
    [InlineData("move", "MOS-00023", "--text", "Winter house, enclosure 3")]
    [InlineData("identifier", "MOS-00023", "--scheme", "studbook", "--value", "EEP-PLE-4711")]
    [InlineData("death", "MOS-00034", "--at", "2026-12-01T06:10:00Z", "--text", "found dead in the morning")]
    [InlineData("disposition", "MOS-00034", "--to", "PRAGUE")]
    [InlineData("death", "PRG-G0001", "--counts", "0.1.0")]
    public async Task Record_each_event_type_exits_0_and_appends_it_to_the_history(string type, string specimen, params string[] fields)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        var before = await database.LedgerEntriesAsync();

        var run = await CliRun.RunAsync(database.Options, ["specimen", "record", specimen, "--type", type, "--date", "2026-12-01", .. fields]);

        Assert.Equal(0, run.Exit);
        Assert.Empty(run.Error);
        Assert.StartsWith($"Recorded {(type == "identifier" ? "identifier-added" : type)} of {specimen} on 2026-12-01", run.Output, StringComparison.Ordinal);
        Assert.True(await database.LedgerEntriesAsync() > before);
        var last = (await HistoryAsync(database, specimen)).GetProperty("events").EnumerateArray().Last();
        Assert.Equal(type == "identifier" ? "identifierAdded" : type, last.GetProperty("type").GetString());
        Assert.Equal("2026-12-01", last.GetProperty("date").GetString());
    }

    [Fact]
    public async Task Record_a_measurement_keeps_every_dimension_read_with_a_point_for_decimals()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);

        var run = await CliRun.RunAsync(database.Options,
            "specimen", "record", "MOS-00023", "--type", "measurement", "--date", "2026-12-01", "--length-cm", "182.5", "--height-cm", "104", "--weight-kg", "126.4", "--format", "json");

        Assert.Equal(0, run.Exit);
        var recorded = JsonDocument.Parse(run.Output).RootElement;
        var measured = recorded.GetProperty("event").GetProperty("measured");
        Assert.Equal((182.5m, 104m), (measured.GetProperty("lengthCm").GetDecimal(), measured.GetProperty("heightCm").GetDecimal()));
        Assert.Equal(JsonValueKind.Null, measured.GetProperty("widthCm").ValueKind);
        Assert.Equal(126.4m, recorded.GetProperty("event").GetProperty("weightKg").GetDecimal());
    }

    [Fact]
    public async Task Record_as_json_writes_the_recorded_event_the_api_returns()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        var specimenId = (await HistoryAsync(database, "MOS-00023")).GetProperty("specimen").GetProperty("id").GetString();

        var run = await CliRun.RunAsync(database.Options,
            "specimen", "record", "643679450293261", "--type", "weight", "--date", "2026-12-01", "--at", "2026-12-01 11:15+03:00", "--weight-kg", "126.4", "--format", "json");

        Assert.Equal(0, run.Exit);
        var json = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(["specimen", "event", "specimenVersion"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(specimenId, json.GetProperty("specimen").GetString());
        var e = json.GetProperty("event");
        Assert.True(Guid.TryParse(e.GetProperty("id").GetString(), out _));
        Assert.Equal(("weight", 126.4m, "2026-12-01T08:15:00Z"), (e.GetProperty("type").GetString(), e.GetProperty("weightKg").GetDecimal(), e.GetProperty("at").GetString()));
        Assert.True(e.GetProperty("effective").GetBoolean());
        Assert.True(json.GetProperty("specimenVersion").GetInt64() > 1);
    }

    [Fact]
    public async Task Record_a_birth_correcting_the_first_event_by_its_number_changes_the_birth_date()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);

        var run = await CliRun.RunAsync(database.Options, "specimen", "record", "MOS-00023", "--type", "birth", "--date", "2018-06-08", "--institution", "MOSCOW",
            "--sire", "MOS-00001", "--dam", "MOS-00003", "--supersedes", "1", "--reason", "Keeper's diary: born two days earlier.");

        Assert.Equal(0, run.Exit);
        var history = await HistoryAsync(database, "MOS-00023");
        Assert.Equal("2018-06-08", history.GetProperty("specimen").GetProperty("birthDate").GetString());
        var events = history.GetProperty("events").EnumerateArray().ToList();
        var original = events.Single(e => e.GetProperty("sequence").GetInt32() == 1);
        Assert.False(original.GetProperty("effective").GetBoolean());
        Assert.Equal(original.GetProperty("id").GetString(), events.Single(e => e.GetProperty("supersededBy").ValueKind == JsonValueKind.Null && e.GetProperty("type").GetString() == "birth").GetProperty("supersedes").GetString());
    }

    [Fact]
    public async Task Record_a_hatch_is_a_birth()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);

        var run = await CliRun.RunAsync(database.Options, "specimen", "record", "MOS-00161", "--type", "hatch", "--date", "2023-07-03", "--estimated", "--institution", "MOSCOW",
            "--sire", "MOS-00123", "--dam", "MOS-00156", "--supersedes", "1", "--reason", "Hatched overnight, found on the 4th.");

        Assert.Equal(0, run.Exit);
        var specimen = (await HistoryAsync(database, "MOS-00161")).GetProperty("specimen");
        Assert.Equal(("2023-07-03", true), (specimen.GetProperty("birthDate").GetString(), specimen.GetProperty("birthDateEstimated").GetBoolean()));
    }

    [Fact]
    public async Task Record_an_acquisition_brings_an_animal_that_left_the_records_back()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);

        var run = await CliRun.RunAsync(database.Options, "specimen", "record", "MOS-00020", "--type", "acquisition", "--date", "2026-12-01",
            "--institution", "MOSCOW", "--from-name", "private collection");

        Assert.Equal(0, run.Exit);
        var specimen = (await HistoryAsync(database, "MOS-00020")).GetProperty("specimen");
        Assert.Equal(("held", "MOSCOW"), (specimen.GetProperty("status").GetString(), specimen.GetProperty("holder").GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Record_a_correction_by_event_id_replaces_the_weight_and_a_retraction_withdraws_one()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        var wrong = await CliRun.RunAsync(database.Options, "specimen", "record", "MOS-00023", "--type", "weight", "--date", "2026-12-01", "--weight-kg", "1264", "--format", "json");
        var wrongId = JsonDocument.Parse(wrong.Output).RootElement.GetProperty("event").GetProperty("id").GetString()!;
        var stray = await CliRun.RunAsync(database.Options, "specimen", "record", "MOS-00023", "--type", "note", "--date", "2026-12-01", "--text", "meant for MOS-00024", "--format", "json");
        var strayNumber = JsonDocument.Parse(stray.Output).RootElement.GetProperty("event").GetProperty("sequence").GetInt32();

        var corrected = await CliRun.RunAsync(database.Options, "specimen", "record", "MOS-00023", "--type", "weight", "--date", "2026-12-01", "--weight-kg", "126.4",
            "--supersedes", wrongId, "--reason", "decimal point missed");
        var retracted = await CliRun.RunAsync(database.Options, "specimen", "record", "MOS-00023", "--type", "retraction", "--date", "2026-12-01",
            "--supersedes", strayNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), "--reason", "recorded on the wrong animal");

        Assert.Equal((0, 0), (corrected.Exit, retracted.Exit));
        Assert.Contains($"corrects {wrongId}: decimal point missed", corrected.Output, StringComparison.Ordinal);
        var events = (await HistoryAsync(database, "MOS-00023")).GetProperty("events").EnumerateArray().ToList();
        var effective = events.Where(e => e.GetProperty("effective").GetBoolean()).ToList();
        Assert.DoesNotContain(effective, e => e.GetProperty("id").GetString() == wrongId);
        Assert.DoesNotContain(effective, e => e.GetProperty("type").GetString() == "note");
        Assert.Contains(effective, e => e.TryGetProperty("weightKg", out var kg) && kg.ValueKind == JsonValueKind.Number && kg.GetDecimal() == 126.4m);
        Assert.Contains(events, e => e.GetProperty("type").GetString() == "retraction" && e.GetProperty("reason").GetString() == "recorded on the wrong animal");
    }

    [Theory]
    [InlineData("MOS-00023", "--type", "weight")]
    [InlineData("MOS-00023", "--type", "weight", "--weight-kg", "0")]
    [InlineData("MOS-00023", "--type", "weight", "--weight-kg", "250000")]
    [InlineData("MOS-00023", "--type", "disposition")]
    [InlineData("MOS-00023", "--type", "note", "--counts", "1.0.0", "--text", "counts on an individual")]
    [InlineData("MOS-00026", "--type", "weight", "--weight-kg", "12")]
    [InlineData("MOS-00023", "--type", "retraction", "--reason", "no target")]
    public async Task Record_refused_by_the_rules_exits_1_naming_each_option_and_writes_nothing(params string[] args)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        var before = await database.LedgerEntriesAsync();

        var run = await CliRun.RunAsync(database.Options, ["specimen", "record", .. args, "--date", "2026-12-01"]);

        Assert.Equal(1, run.Exit);
        Assert.Matches("^--[a-z-]+: ", run.Error);
        Assert.Equal(before, await database.LedgerEntriesAsync());
    }

    [Fact]
    public async Task Record_with_several_problems_names_every_one()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);

        var run = await CliRun.RunAsync(database.Options,
            "specimen", "record", "MOS-00023", "--type", "acquisition", "--date", "2026-12-01", "--from", "ATLANTIS", "--owner", "NOWHERE", "--sire", "NO-SUCH-LION");

        Assert.Equal(1, run.Exit);
        Assert.Contains("--from: There is no institution 'ATLANTIS'", run.Error, StringComparison.Ordinal);
        Assert.Contains("--owner: There is no institution 'NOWHERE'", run.Error, StringComparison.Ordinal);
        Assert.Contains("--sire: There is no specimen 'NO-SUCH-LION'", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NO-SUCH-ANIMAL", "NO-SUCH-ANIMAL", "--type", "weight", "--date", "2026-12-01", "--weight-kg", "3")]
    [InlineData("--weight-kg '126,4'", "MOS-00023", "--type", "weight", "--date", "2026-12-01", "--weight-kg", "126,4")]
    [InlineData("--weight-kg 'heavy'", "MOS-00023", "--type", "weight", "--date", "2026-12-01", "--weight-kg", "heavy")]
    [InlineData("--length-cm '1e3'", "MOS-00023", "--type", "measurement", "--date", "2026-12-01", "--length-cm", "1e3")]
    [InlineData("--type 'weighing'", "MOS-00023", "--type", "weighing", "--date", "2026-12-01")]
    [InlineData("--date '01.12.2026'", "MOS-00023", "--type", "weight", "--date", "01.12.2026", "--weight-kg", "3")]
    [InlineData("--date", "MOS-00023", "--type", "weight", "--weight-kg", "3")]
    [InlineData("--type", "MOS-00023", "--date", "2026-12-01")]
    [InlineData("--at 'morning'", "MOS-00023", "--type", "weight", "--date", "2026-12-01", "--at", "morning", "--weight-kg", "3")]
    [InlineData("--counts 'one'", "PRG-G0001", "--type", "death", "--date", "2026-12-01", "--counts", "one")]
    [InlineData("--supersedes 'the-last-one'", "MOS-00023", "--type", "weight", "--date", "2026-12-01", "--weight-kg", "3", "--supersedes", "the-last-one", "--reason", "r")]
    [InlineData("--supersedes 99", "MOS-00023", "--type", "weight", "--date", "2026-12-01", "--weight-kg", "3", "--supersedes", "99", "--reason", "no such event")]
    public async Task Record_with_an_unreadable_value_or_an_unknown_specimen_exits_2_naming_it(string named, params string[] args)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        var before = await database.LedgerEntriesAsync();

        var run = await CliRun.RunAsync(database.Options, ["specimen", "record", .. args]);

        Assert.Equal(2, run.Exit);
        Assert.Contains(named, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, await database.LedgerEntriesAsync());
    }

    private static async Task<JsonElement> HistoryAsync(TestDatabase database, string specimen)
    {
        var show = await CliRun.RunAsync(database.Options, "specimen", "show", specimen, "--format", "json");
        Assert.Equal(0, show.Exit);
        return JsonDocument.Parse(show.Output).RootElement;
    }
}
