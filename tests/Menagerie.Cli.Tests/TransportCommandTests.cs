using System.Text.Json;
using Menagerie.App.Persistence;
using Menagerie.Testing;

namespace Menagerie.Cli.Tests;

/// <summary><c>menagerie transport plan|journey|check|log|containers</c> on the sample records.</summary>
public sealed class TransportCommandTests
{
    private static Task<string> NovemberAsync(TestDatabase database) => TransferAsync(database, "accepted");

    private static async Task<string> TransferAsync(TestDatabase database, string status)
    {
        var list = await CliRun.RunAsync(database.Options, "transfer", "list", "--format", "json");
        return JsonDocument.Parse(list.Output).RootElement.EnumerateArray().Single(t => t.GetProperty("status").GetString() == status).GetProperty("id").GetString()!;
    }

    /// <summary>PDF text without whitespace: wrapped lines come back without the space between them.</summary>
    private static string Squeezed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [Fact]
    public async Task Plan_gives_the_November_shipment_its_crates_and_hold_with_warnings_and_exit_3()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        var november = await NovemberAsync(database);

        var json = await CliRun.RunAsync(database.Options, "transport", "plan", november, "--format", "json");
        var table = await CliRun.RunAsync(database.Options, "transport", "plan", november);
        var unknown = await CliRun.RunAsync(database.Options, "transport", "plan", Guid.NewGuid().ToString());

        Assert.Equal((3, 3, 2), (json.Exit, table.Exit, unknown.Exit));
        var plan = JsonDocument.Parse(json.Output).RootElement;
        Assert.Equal("warnings", plan.GetProperty("verdict").GetString());
        var crates = plan.GetProperty("crates").EnumerateArray().ToList();
        Assert.Equal(19, crates.Count);
        var lion = crates.Single(c => c.GetProperty("animals")[0].GetProperty("taxon").GetString() == "Panthera leo");
        Assert.Equal(("big-cats", JsonValueKind.Null, true), (lion.GetProperty("group").GetString(), lion.GetProperty("containerRequirement").ValueKind, lion.GetProperty("padlocks").GetBoolean()));
        foreach (var key in new[] { "length", "width", "height" })
            Assert.True(lion.GetProperty("innerCm").GetProperty(key).GetInt32() > 0);
        Assert.True(plan.GetProperty("loading").GetProperty("feasible").GetBoolean());
        Assert.Contains(plan.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "T-00"
            && f.GetProperty("message").GetString()!.Contains("to be confirmed from the current LAR", StringComparison.Ordinal));
        Assert.Contains("Il-76MD cargo hold", table.Output, StringComparison.Ordinal);
        Assert.Contains("No transfer", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Containers_stores_a_licensed_table_that_every_later_plan_uses_and_refuses_a_bad_one_whole()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        var november = await NovemberAsync(database);
        var folder = Directory.CreateTempSubdirectory("menagerie-lar-").FullName;
        var (good, bad) = (Path.Combine(folder, "lar-51.csv"), Path.Combine(folder, "broken.csv"));
        await File.WriteAllTextAsync(good, ContainerTableFiles.Licensed, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(bad, ContainerTableFiles.Broken, TestContext.Current.CancellationToken);

        var shipped = await CliRun.RunAsync(database.Options, "transport", "containers");
        var refused = await CliRun.RunAsync(database.Options, "transport", "containers", bad);
        var stored = await CliRun.RunAsync(database.Options, "transport", "containers", good, "--source", "IATA LAR 51st edition (licensed copy)");
        var plan = await CliRun.RunAsync(database.Options, "transport", "plan", november, "--format", "json");

        Assert.Equal((0, 2, 0), (shipped.Exit, refused.Exit, stored.Exit));
        Assert.Contains("Container table in use (shipped)", shipped.Output, StringComparison.Ordinal);
        Assert.Contains("broken.csv:2: formula:", refused.Error, StringComparison.Ordinal);
        Assert.Contains("broken.csv:3: max_per_crate:", refused.Error, StringComparison.Ordinal);
        Assert.Contains("broken.csv:4: source:", refused.Error, StringComparison.Ordinal);
        Assert.Contains("3 problems; nothing was stored.", refused.Error, StringComparison.Ordinal);
        Assert.Contains("Container table in use (uploaded): licensed table IATA LAR 51st edition (licensed copy)", stored.Output, StringComparison.Ordinal);
        var lion = JsonDocument.Parse(plan.Output).RootElement.GetProperty("crates").EnumerateArray()
            .Single(c => c.GetProperty("animals")[0].GetProperty("taxon").GetString() == "Panthera leo");
        Assert.Equal("CR72", lion.GetProperty("containerRequirement").GetString());
    }

    [Fact]
    public async Task Plan_with_svg_draws_the_loading_plan_into_the_file_and_says_where()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        var november = await NovemberAsync(database);
        var april = await TransferAsync(database, "received");
        var folder = Directory.CreateTempSubdirectory("menagerie-svg-").FullName;
        var (drawing, beside, holdless) = (Path.Combine(folder, "plan.svg"), Path.Combine(folder, "json.svg"), Path.Combine(folder, "april.svg"));

        var table = await CliRun.RunAsync(database.Options, "transport", "plan", november, "--svg", drawing);
        var json = await CliRun.RunAsync(database.Options, "transport", "plan", november, "--format", "json", "--svg", beside);
        var none = await CliRun.RunAsync(database.Options, "transport", "plan", april, "--svg", holdless);
        var unwritable = await CliRun.RunAsync(database.Options, "transport", "plan", november, "--svg", Path.Combine(folder, "missing", "plan.svg"));

        Assert.Equal((3, 3, 1, 2), (table.Exit, json.Exit, none.Exit, unwritable.Exit));
        Assert.Contains("Il-76MD cargo hold", table.Output, StringComparison.Ordinal);
        Assert.Contains($"Loading plan drawn to {drawing}", table.Output, StringComparison.Ordinal);
        var svg = System.Xml.Linq.XDocument.Load(drawing).Root!;
        System.Xml.Linq.XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(19, svg.Descendants(ns + "g").Count(g => g.Attribute("data-crate") is not null));
        Assert.Contains(svg.Descendants(ns + "a"), a => (string?)a.Attribute("href") == "/specimens/MOS-00037");
        Assert.Equal(19, JsonDocument.Parse(json.Output).RootElement.GetProperty("crates").GetArrayLength());
        Assert.Contains($"Loading plan drawn to {beside}", json.Error, StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllTextAsync(drawing, TestContext.Current.CancellationToken), await File.ReadAllTextAsync(beside, TestContext.Current.CancellationToken));
        Assert.Contains("records no hold", none.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(holdless));
        Assert.Contains("Cannot write the loading plan", unwritable.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_with_png_draws_the_same_loading_plan_as_a_picture()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        var november = await NovemberAsync(database);
        var folder = Directory.CreateTempSubdirectory("menagerie-png-").FullName;
        var (picture, drawing) = (Path.Combine(folder, "plan.png"), Path.Combine(folder, "plan.svg"));

        var both = await CliRun.RunAsync(database.Options, "transport", "plan", november, "--svg", drawing, "--png", picture);

        Assert.Equal(3, both.Exit);
        Assert.Contains($"Loading plan drawn to {picture}", both.Output, StringComparison.Ordinal);
        using var png = SkiaSharp.SKBitmap.Decode(picture);
        var svg = System.Xml.Linq.XDocument.Load(drawing).Root!;
        var ratio = double.Parse(((string)svg.Attribute("width")!).TrimEnd('m'), System.Globalization.CultureInfo.InvariantCulture)
            / double.Parse(((string)svg.Attribute("height")!).TrimEnd('m'), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(ratio, (double)png.Width / png.Height, 2);
    }

    [Fact]
    public async Task Journey_from_a_file_reports_every_problem_with_its_line_and_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        var november = await NovemberAsync(database);
        var folder = Directory.CreateTempSubdirectory("menagerie-journey-").FullName;
        var bad = Path.Combine(folder, "journey.json");
        await File.WriteAllTextAsync(bad, """
            {
              "attendant": "Dr Petrova",
              "legs": [
                { "from": "Moscow", "to": "Pyongyang", "departs": "2024-11-20T09:00:00Z", "arrives": "2024-11-20T01:00:00Z", "mode": "air" }
              ],
              "hold": { "name": "hold", "lengthCm": 1000, "widthCm": 300, "heightCm": 300, "maxLoadKg": 5000,
                        "heatedZone": { "fromCm": 800, "toCm": 1200, "temperature": { "min": 16, "max": 22 } } }
            }
            """, TestContext.Current.CancellationToken);
        var malformed = Path.Combine(folder, "malformed.json");
        await File.WriteAllTextAsync(malformed, "{\n  \"legs\": [ { \"departs\": \"yesterday\" } ]\n}", TestContext.Current.CancellationToken);
        var good = Path.Combine(folder, "good.json");
        await File.WriteAllTextAsync(good, """
            { "attendant": "Dr Petrova", "checkEveryHours": 6,
              "hold": { "name": "An-124 hold", "lengthCm": 3600, "widthCm": 640, "heightCm": 440, "maxLoadKg": 120000 } }
            """, TestContext.Current.CancellationToken);

        var rejected = await CliRun.RunAsync(database.Options, "transport", "journey", november, bad);
        var unreadable = await CliRun.RunAsync(database.Options, "transport", "journey", november, malformed);
        var before = await CliRun.RunAsync(database.Options, "transport", "plan", november, "--format", "json");
        var recorded = await CliRun.RunAsync(database.Options, "transport", "journey", november, good);
        var after = await CliRun.RunAsync(database.Options, "transport", "plan", november, "--format", "json");

        Assert.Equal((1, 2, 0), (rejected.Exit, unreadable.Exit, recorded.Exit));
        Assert.Contains("journey.json:4: legs[0].arrives:", rejected.Error, StringComparison.Ordinal);
        Assert.Contains("journey.json:7: hold.heatedZone:", rejected.Error, StringComparison.Ordinal);
        Assert.StartsWith("malformed.json:2: legs[0].departs:", unreadable.Error, StringComparison.Ordinal);
        Assert.Equal("Il-76MD cargo hold", JsonDocument.Parse(before.Output).RootElement.GetProperty("loading").GetProperty("hold").GetString());
        var replaced = JsonDocument.Parse(after.Output).RootElement;
        Assert.Equal("An-124 hold", replaced.GetProperty("loading").GetProperty("hold").GetString());
        Assert.Contains(replaced.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "W-02");
    }

    [Fact]
    public async Task Documents_writes_the_labels_manifest_certification_and_waybill_data_of_the_November_shipment()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        var november = await NovemberAsync(database);
        var folder = Path.Combine(Directory.CreateTempSubdirectory("menagerie-documents-").FullName, "out");

        var written = await CliRun.RunAsync(database.Options, "transport", "documents", november, "--out", folder);

        Assert.Equal(3, written.Exit);
        Assert.Equal(["air-waybill-handling.pdf", "labels.pdf", "manifest.pdf", "shippers-certification.pdf"],
            Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        using (var labels = UglyToad.PdfPig.PdfDocument.Open(Path.Combine(folder, "labels.pdf")))
        {
            Assert.Equal(19, labels.NumberOfPages);
            var pages = labels.GetPages().Select(p => Squeezed(p.Text)).ToList();
            var lion = Assert.Single(pages, p => p.Contains("MOS-00037", StringComparison.Ordinal));
            foreach (var text in new[] { "LIVEANIMALS", "THISWAYUP", "Pantheraleo", "MoscowZoo", "CentralZoo", "+74992523580" })
                Assert.Contains(text, lion, StringComparison.Ordinal);
        }
        using var manifest = UglyToad.PdfPig.PdfDocument.Open(Path.Combine(folder, "manifest.pdf"));
        var manifestText = Squeezed(string.Concat(manifest.GetPages().Select(p => p.Text)));
        foreach (var text in new[] { "MOS-00037", "Laska", "transponder:643411732236538", "MOS-G0002" })
            Assert.Contains(text, manifestText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_records_a_welfare_check_that_the_log_then_lists()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        var loan = await TransferAsync(database, "dispatched");

        var check = await CliRun.RunAsync(database.Options, "transport", "check", loan, "--at", "2026-11-24T11:00:00Z", "--crate", "C01",
            "--temperature", "12", "--condition", "calm", "--watered", "true", "--attendant", "Dr Weber");
        var missing = await CliRun.RunAsync(database.Options, "transport", "check", loan, "--at", "2026-11-24T11:00:00Z", "--crate", "C77",
            "--condition", " ", "--attendant", "Dr Weber");
        var log = await CliRun.RunAsync(database.Options, "transport", "log", loan, "--format", "json");

        Assert.Equal((0, 1, 0), (check.Exit, missing.Exit, log.Exit));
        Assert.Contains("--crate: The plan has no crate C77.", missing.Error, StringComparison.Ordinal);
        Assert.Contains("--condition: A welfare check needs the animals' condition as seen.", missing.Error, StringComparison.Ordinal);
        var entry = Assert.Single(JsonDocument.Parse(log.Output).RootElement.EnumerateArray());
        Assert.StartsWith("BER-", entry.GetProperty("specimen").GetString(), StringComparison.Ordinal);
        Assert.Equal((12m, "Dr Weber"), (entry.GetProperty("temperatureC").GetDecimal(), entry.GetProperty("attendant").GetString()));
    }
}
