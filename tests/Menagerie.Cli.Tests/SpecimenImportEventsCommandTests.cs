using System.Text;
using System.Text.Json;
using Menagerie.App.Persistence;
using Menagerie.Testing;

namespace Menagerie.Cli.Tests;

/// <summary><c>menagerie specimen import-events</c> on the sample collection (the animals are described on <see cref="SpecimenRecordCommandTests"/>).</summary>
public sealed class SpecimenImportEventsCommandTests : IDisposable
{
    private static readonly string SampleFile = Path.Combine(AppContext.BaseDirectory, "events", "2026-12-01-weighings.csv");

    private readonly string _folder = Directory.CreateTempSubdirectory("menagerie-events-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Import_events_of_the_sample_file_records_every_row_in_file_order()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        var before = await database.LedgerEntriesAsync();

        var run = await CliRun.RunAsync(database.Options, "specimen", "import-events", SampleFile);

        Assert.Equal(0, run.Exit);
        Assert.Empty(run.Error);
        Assert.Equal("Recorded 7 events for 6 specimens.", run.Output.Trim());
        Assert.True(await database.LedgerEntriesAsync() > before);
        var crane = await HistoryAsync(database, "MOS-00161");
        var today = crane.GetProperty("events").EnumerateArray().Where(e => e.GetProperty("date").GetString() == "2026-12-01").ToList();
        Assert.Equal(["weight", "note"], today.Select(e => e.GetProperty("type").GetString()));
        Assert.True(today[0].GetProperty("sequence").GetInt32() < today[1].GetProperty("sequence").GetInt32());
        var bear = await HistoryAsync(database, "MOS-00063");
        Assert.Contains(bear.GetProperty("events").EnumerateArray(), e => e.GetProperty("weightKg").ValueKind == JsonValueKind.Number && e.GetProperty("weightKg").GetDecimal() == 212.5m);
    }

    [Fact]
    public async Task Import_events_as_json_gives_the_counts_and_every_recorded_event()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);

        var run = await CliRun.RunAsync(database.Options, "specimen", "import-events", SampleFile, "--format", "json");

        Assert.Equal(0, run.Exit);
        var json = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(["recorded", "specimens", "events"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal((7, 6), (json.GetProperty("recorded").GetInt32(), json.GetProperty("specimens").GetInt32()));
        var events = json.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(["weight", "weight", "weight", "weight", "weight", "note", "weight"], events.Select(e => e.GetProperty("event").GetProperty("type").GetString()));
        Assert.All(events, e => Assert.True(Guid.TryParse(e.GetProperty("specimen").GetString(), out _)));
        Assert.Equal("2026-12-01T08:15:00Z", events[0].GetProperty("event").GetProperty("at").GetString());
        Assert.Equal(events[4].GetProperty("specimen").GetString(), events[5].GetProperty("specimen").GetString());
    }

    [Fact]
    public async Task Import_events_with_problems_in_several_rows_names_each_by_line_and_column_and_records_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        var file = await WriteAsync("problems.csv", """
            specimen,type,date,counts,weight_kg,text
            MOS-00023,weight,2026-12-01,,126.4,
            NO-SUCH-LION,weight,2026-12-01,,80,
            MOS-00026,weight,2026-12-01,,14,
            MOS-00034,weight,2026-12-01,,heavy,
            PRG-G0001,death,2026-12-01,,,
            MOS-00023,note,2026-12-01,1.0.0,,"a note
            over two lines, on an individual with counts"
            MOS-00161,weight,2026-13-01,,8.1,
            MOS-00023,weighing,2026-12-01,,126.4,
            """);
        var before = await database.LedgerEntriesAsync();

        var run = await CliRun.RunAsync(database.Options, "specimen", "import-events", file);

        Assert.Equal(1, run.Exit);
        Assert.Empty(run.Output);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(
            [$"{file}:3: specimen", $"{file}:4: date", $"{file}:5: weight_kg", $"{file}:6: counts", $"{file}:7: counts", $"{file}:9: date", $"{file}:10: type"],
            lines[..^1].Select(l => Where(l, file)));
        Assert.Contains("No specimen with id or identifier 'NO-SUCH-LION'", lines[0], StringComparison.Ordinal);
        Assert.Contains("comes after the death", lines[1], StringComparison.Ordinal);
        Assert.Contains("'heavy' is not a number", lines[2], StringComparison.Ordinal);
        Assert.Equal("7 problems in the file; nothing was recorded.", lines[^1]);
        Assert.Equal(before, await database.LedgerEntriesAsync());
    }

    [Theory]
    [InlineData("empty", "is empty")]
    [InlineData("binary", "is not CSV text")]
    [InlineData("unterminated quote", ":3: file: The file is not readable CSV")]
    [InlineData("missing column", ":1: date: The column 'date' is missing")]
    [InlineData("unknown column", ":1: weight: The column 'weight' is not one")]
    [InlineData("header only", "no events")]
    [InlineData("absent", "There is no file")]
    public async Task Import_events_of_an_unreadable_file_exits_2_with_a_message_and_records_nothing(string kind, string message)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        var file = Path.Combine(_folder, kind.Replace(' ', '-') + ".csv");
        byte[]? content = kind switch
        {
            "empty" => [],
            "binary" => [0x89, .. "PNG\r\n"u8, 0x1A, 0x0A, 0, 0, 0, 0x0D, .. "IHDR"u8, 0, 0, 0x04, 0x00, 0xFF, 0xFE, 0xC3, 0x28, 0x0A],
            "unterminated quote" => Encoding.UTF8.GetBytes("specimen,type,date,text\nMOS-00023,weight,2026-12-01,\nMOS-00023,note,2026-12-01,\"never closed\nMOS-00034,note,2026-12-01,x\n"),
            "missing column" => Encoding.UTF8.GetBytes("specimen,type,weight_kg\nMOS-00023,weight,126.4\n"),
            "unknown column" => Encoding.UTF8.GetBytes("specimen,type,date,weight\nMOS-00023,weight,2026-12-01,126.4\n"),
            "header only" => Encoding.UTF8.GetBytes("specimen,type,date,weight_kg\n"),
            _ => null,
        };
        if (content is not null)
            await File.WriteAllBytesAsync(file, content, Ct);
        var before = await database.LedgerEntriesAsync();

        var run = await CliRun.RunAsync(database.Options, "specimen", "import-events", file);

        Assert.Equal(2, run.Exit);
        Assert.Contains(file, run.Error, StringComparison.Ordinal);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, await database.LedgerEntriesAsync());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<string> WriteAsync(string name, string content)
    {
        var file = Path.Combine(_folder, name);
        await File.WriteAllTextAsync(file, content + "\n", Ct);
        return file;
    }

    /// <summary><c>file:line: column</c> of a problem written as <c>file:line: column: message</c>.</summary>
    private static string Where(string problem, string file)
    {
        var rest = problem[(file.Length + 1)..];
        return file + ":" + rest[..rest.IndexOf(": ", rest.IndexOf(": ", StringComparison.Ordinal) + 2, StringComparison.Ordinal)];
    }

    private static async Task<JsonElement> HistoryAsync(TestDatabase database, string specimen)
    {
        var show = await CliRun.RunAsync(database.Options, "specimen", "show", specimen, "--format", "json");
        Assert.Equal(0, show.Exit);
        return JsonDocument.Parse(show.Output).RootElement;
    }
}
