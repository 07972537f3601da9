using System.Text;
using System.Text.Json;
using Menagerie.App.Persistence;
using Menagerie.Testing;

namespace Menagerie.Cli.Tests;

/// <summary>
/// Files that every command reading one may be given by mistake: never a stack trace. A file that cannot be read as
/// the CSV or JSON it should be is exit 2 with <c>file:line: column: problem</c>; a readable one with problems is
/// exit 1 with every problem; and nothing changes in either case.
/// </summary>
public sealed class UnreadableFileTests : IDisposable
{
    private static readonly byte[] Binary = [0x89, .. "PNG\r\n"u8, 0x1A, 0x0A, 0, 0, 0, 0x0D, .. "IHDR"u8, 0, 0, 0x04, 0x00, 0xFF, 0xFE, 0xC3, 0x28, 0x0A];

    private readonly string _folder = Directory.CreateTempSubdirectory("menagerie-unreadable-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("null leg", """{"legs": [null]}""", ":1: legs[0]: This item of the list is empty (null)")]
    [InlineData("null transit state", """{"legs": [{"from": "Chkalovsky", "to": "Sunan", "departs": "2024-11-20T01:00:00Z", "arrives": "2024-11-20T09:00:00Z", "transit": [null]}]}""", ":1: legs[0].transit[0]: This item of the list is empty")]
    [InlineData("null temperature", "{\n  \"temperatures\": [\n    null\n  ]\n}", ":3: temperatures[0]: This item of the list is empty")]
    public async Task Journey_with_a_null_item_names_it_with_its_line_and_exits_1(string kind, string json, string message)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        var file = await WriteAsync(kind.Replace(' ', '-') + ".json", Encoding.UTF8.GetBytes(json));
        var before = await database.LedgerEntriesAsync();

        var run = await CliRun.RunAsync(database.Options, "transport", "journey", await AcceptedTransferAsync(database), file);

        AssertRefused(run, 1, Path.GetFileName(file) + message);
        Assert.Equal(before, await database.LedgerEntriesAsync());
    }

    [Theory]
    [InlineData("binary", ":1: json: This is not valid JSON (line 1, byte 1)")]
    [InlineData("empty", ":1: json: This is not valid JSON")]
    [InlineData("cut short", ":3: json: This is not valid JSON (line 3")]
    [InlineData("null", ":1: json: The file holds no journey.")]
    [InlineData("a list", ":1: json: Expected an object { … } here")]
    [InlineData("a time that is not one", ":1: legs[0].departs: Expected a date and time such as 2024-11-20T06:30:00Z here")]
    [InlineData("a field a journey does not have", ":1: checkEveryHour: 'checkEveryHour' is not a field here; expected one of larEdition")]
    [InlineData("an escape sequence", ":1: attendant: Text may not hold control characters or bidirectional formatting characters; this has U+001B at character 1.")]
    [InlineData("a shipment", ":1: json: This is a shipment file (it has from, to and lines), not a journey")]
    public async Task Journey_file_that_is_not_a_journey_exits_2_naming_the_problem_and_changes_nothing(string kind, string message)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        var file = await WriteAsync(kind.Replace(' ', '-') + ".json", kind switch
        {
            "binary" => Binary,
            "empty" => [],
            "cut short" => "{\n  \"legs\": [\n"u8.ToArray(),
            "null" => "null"u8.ToArray(),
            "a list" => "[1, 2]"u8.ToArray(),
            "a time that is not one" => """{"legs": [{"departs": "yesterday"}]}"""u8.ToArray(),
            "a field a journey does not have" => """{"checkEveryHour": 4}"""u8.ToArray(),
            "an escape sequence" => """{"attendant": "\u001b[2J"}"""u8.ToArray(),
            _ => await File.ReadAllBytesAsync(Path.Combine(Repository.Root, "samples", "shipments", "2024-11-moscow-pyongyang.json"), Ct),
        });
        var before = await database.LedgerEntriesAsync();

        var run = await CliRun.RunAsync(database.Options, "transport", "journey", await AcceptedTransferAsync(database), file);

        AssertRefused(run, 2, Path.GetFileName(file) + message);
        Assert.Equal(before, await database.LedgerEntriesAsync());
    }

    [Theory]
    [InlineData("validate", "binary", ":1: file: The file is not CSV text")]
    [InlineData("analyze", "empty", ":1: file: The file is empty; it needs a header line naming its columns (id,sire,dam …).")]
    [InlineData("pairs", "unterminated quote", ":3: file: The file is not readable CSV from here on")]
    public async Task Studbook_file_that_is_not_csv_exits_2_with_its_line(string command, string kind, string message)
    {
        var file = await WriteAsync(kind.Replace(' ', '-') + ".csv", kind switch
        {
            "binary" => Binary,
            "empty" => [],
            _ => "id,sire,dam,sex\n1,0,0,M\n\"2,0,0,F\n"u8.ToArray(),
        });

        var run = await CliRun.RunAsync(null, "studbook", command, file);

        AssertRefused(run, 2, file + message);
    }

    [Theory]
    [InlineData("plan", "binary", ":3: file: The file is not CSV text")]
    [InlineData("plan", "empty", ":1: file: The file is empty")]
    [InlineData("documents", "unterminated quote", ":2: file: The file is not readable CSV from here on")]
    public async Task Transport_containers_file_that_cannot_be_read_exits_2_before_any_plan(string command, string kind, string message)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        var file = await WriteAsync(kind.Replace(' ', '-') + ".csv", kind switch
        {
            "binary" => Binary,
            "empty" => [],
            _ => "group,applies_to,container_requirement,edition,formula,sharing,max_per_crate,source\n\"big-cats,Panthera\n"u8.ToArray(),
        });
        string[] extra = command == "documents" ? ["--out", Path.Combine(_folder, "papers")] : [];

        var run = await CliRun.RunAsync(database.Options, ["transport", command, await AcceptedTransferAsync(database), "--containers", file, .. extra]);

        AssertRefused(run, 2, Path.GetFileName(file) + message);
        Assert.False(Directory.Exists(Path.Combine(_folder, "papers")));
    }

    [Fact]
    public async Task Sample_load_of_a_folder_with_a_file_that_is_not_csv_exits_2_and_loads_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        foreach (var name in new[] { "countries.csv", "institutions.csv", "taxa.csv", "specimens.csv", "events.csv" })
            await File.WriteAllBytesAsync(Path.Combine(_folder, name), name == "taxa.csv" ? Binary : [], Ct);
        var before = await database.LedgerEntriesAsync();

        var run = await CliRun.RunAsync(database.Options, "sample", "load", "--from", _folder);

        AssertRefused(run, 2, "taxa.csv:3: file: The file is not CSV text");
        Assert.Contains("countries.csv:1: file: The file is empty", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, await database.LedgerEntriesAsync());
    }

    [Fact]
    public async Task Transfer_import_of_a_file_that_is_not_a_package_exits_2()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        var file = await WriteAsync("loan.json", Binary);
        var before = await database.LedgerEntriesAsync();

        var run = await CliRun.RunAsync(database.Options, "transfer", "import", file);

        AssertRefused(run, 2, "loan.json: file: This is not a Menagerie transfer package");
        Assert.Equal(before, await database.LedgerEntriesAsync());
    }

    [Fact]
    public async Task Compliance_check_of_a_journey_file_says_it_is_a_journey_and_exits_2()
    {
        var file = await WriteAsync("journey.json", """{"legs": [], "hold": null, "attendant": "A. Keeper"}"""u8.ToArray());

        var run = await CliRun.RunAsync(null, "compliance", "check", file);

        AssertRefused(run, 2, file + ":1: : this is a journey file (it has legs or a hold), not a shipment");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static void AssertRefused(CliRun run, int exit, string message)
    {
        Assert.True(run.Exit == exit, $"exit {run.Exit}, expected {exit}:\n{run.Error}");
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Error, StringComparison.Ordinal);
    }

    private static async Task<string> AcceptedTransferAsync(TestDatabase database)
    {
        var list = await CliRun.RunAsync(database.Options, "transfer", "list", "--format", "json");
        return JsonDocument.Parse(list.Output).RootElement.EnumerateArray().Single(t => t.GetProperty("status").GetString() == "accepted").GetProperty("id").GetString()!;
    }

    private async Task<string> WriteAsync(string name, byte[] content)
    {
        var file = Path.Combine(_folder, name);
        await File.WriteAllBytesAsync(file, content, Ct);
        return file;
    }
}
