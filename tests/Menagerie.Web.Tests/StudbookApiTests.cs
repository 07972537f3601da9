using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Menagerie.App;
using Menagerie.App.Persistence;
using Menagerie.App.Sample;
using Menagerie.App.Studbooks;
using Menagerie.Genetics.Population;
using Menagerie.Testing;

namespace Menagerie.Web.Tests;

/// <summary>
/// Studbooks kept in the records, over real HTTP as the sample's users: upload as a form or a CSV body, the
/// analysis in the command line's JSON, the plots, and who may see them.
/// </summary>
public sealed class StudbookApiTests
{
    private const string Studbooks = "/api/v1/studbooks";
    private const string Keeper = "studbook-keeper@MOSCOW";
    private const string Lioness = "EEP-PLE-3117";

    private static readonly string Colony = Path.Combine(AppContext.BaseDirectory, "studbooks", "japanese-macaque-colony.csv");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task An_uploaded_studbook_is_analysed_exactly_as_the_command_line_analyses_its_file(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, withSample: true);
        await using var factory = new MenagerieFactory(database);
        using var keeper = await factory.ClientAsSampleUserAsync(Keeper);

        using var uploaded = await keeper.PostAsync(Studbooks, Form("Macaca fuscata, colony", File.ReadAllBytes(Colony), "japanese-macaque-colony.csv"), Ct);
        var body = await JsonAsync(uploaded);
        Assert.True(uploaded.StatusCode == HttpStatusCode.Created, $"{(int)uploaded.StatusCode} {body}");
        var id = body.GetProperty("studbook").GetProperty("id").GetGuid();
        var analysed = await JsonAsync(await keeper.GetAsync($"{Studbooks}/{id}/analysis", Ct));
        var leaves = await JsonAsync(await keeper.GetAsync($"{Studbooks}/{id}/analysis?reference=leaves", Ct));

        Assert.Equal($"{Studbooks}/{id}", uploaded.Headers.Location?.OriginalString);
        Assert.Equal(File.ReadLines(Colony).Count() - 1, body.GetProperty("studbook").GetProperty("rows").GetInt32());
        Assert.Equal("japanese-macaque-colony.csv", body.GetProperty("studbook").GetProperty("file").GetString());
        Assert.Equal(332, analysed.GetProperty("summary").GetProperty("reference").GetInt32());
        Assert.True(JsonElement.DeepEquals(await CommandLineAnalysisAsync(ReferenceRule.Auto), analysed), "The API's analysis differs from the command line's.");
        Assert.True(JsonElement.DeepEquals(await CommandLineAnalysisAsync(ReferenceRule.Leaves), leaves), "The API's analysis over the leaves differs from the command line's.");
    }

    [Fact]
    public async Task The_first_start_keeps_the_sample_studbook_for_Moscows_keeper_only()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database, loadSample: true);
        using var keeper = await factory.ClientAsSampleUserAsync(Keeper);
        using var other = await factory.ClientAsSampleUserAsync("studbook-keeper@PYONGYANG");

        var mine = await JsonAsync(await keeper.GetAsync(Studbooks, Ct));
        var theirs = await JsonAsync(await other.GetAsync(Studbooks, Ct));

        var sample = Assert.Single(mine.EnumerateArray());
        Assert.Equal((SampleStudbook.Name, Keeper), (sample.GetProperty("name").GetString(), sample.GetProperty("keeper").GetString()));
        var analysis = await JsonAsync(await keeper.GetAsync($"{Studbooks}/{sample.GetProperty("id").GetGuid()}/analysis", Ct));
        Assert.Equal(332, analysis.GetProperty("summary").GetProperty("reference").GetInt32());
        Assert.Equal(0, theirs.GetArrayLength());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_csv_body_with_errors_is_refused_with_every_problem_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, withSample: true);
        await using var factory = new MenagerieFactory(database);
        using var keeper = await factory.ClientAsSampleUserAsync(Keeper);
        var ledger = await database.LedgerEntriesAsync();
        using var csv = new StringContent("id,sire,dam,sex\n100,,,M\n100,,,F\n102,102,,M\n103,,,Q\n", Encoding.UTF8, "text/csv");

        using var refused = await keeper.PostAsync($"{Studbooks}?name=broken", csv, Ct);
        var problem = await JsonAsync(refused);
        var listed = await JsonAsync(await keeper.GetAsync(Studbooks, Ct));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            ["broken.csv:3: 100: Id '100' is listed again (first at line 2).", "broken.csv:4: 102: '102' is recorded as its own parent.",
                "broken.csv:5: 103: Sex code 'Q' of '103' is not one of M/F/U, male/female/unknown, 1/2/3/4."],
            problem.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("message").GetString()));
        Assert.Equal(["line 3", "line 4", "line 5"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(0, listed.GetArrayLength());
        Assert.Equal(ledger, await database.LedgerEntriesAsync());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task The_plots_come_as_svg_and_png(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, withSample: true);
        await using var factory = new MenagerieFactory(database);
        using var keeper = await factory.ClientAsSampleUserAsync(Keeper);
        using var csv = new ByteArrayContent(File.ReadAllBytes(Colony)) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } };
        var id = (await JsonAsync(await keeper.PostAsync($"{Studbooks}?name=colony", csv, Ct))).GetProperty("studbook").GetProperty("id").GetGuid();
        var plots = $"{Studbooks}/{id}/plots";

        foreach (var plot in new[] { "mean-kinship.svg", "age-sex-pyramid.svg?on=2015-01-01", "founder-representation.svg", "pedigree/GDXWJ1.svg" })
        {
            using var svg = await keeper.GetAsync($"{plots}/{plot}", Ct);
            Assert.Equal((HttpStatusCode.OK, "image/svg+xml"), (svg.StatusCode, svg.Content.Headers.ContentType?.MediaType));
            var root = XDocument.Parse(await svg.Content.ReadAsStringAsync(Ct)).Root!;
            Assert.Equal(("svg", "1000"), (root.Name.LocalName, root.Attribute("width")?.Value));
        }
        foreach (var plot in new[] { "mean-kinship.png", "age-sex-pyramid.png", "founder-representation.png", "pedigree/GDXWJ1.png" })
        {
            using var png = await keeper.GetAsync($"{plots}/{plot}", Ct);
            Assert.Equal((HttpStatusCode.OK, "image/png"), (png.StatusCode, png.Content.Headers.ContentType?.MediaType));
            var bytes = await png.Content.ReadAsByteArrayAsync(Ct);
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
            // IHDR: width then height, big-endian, right after the signature and the chunk's length and type.
            Assert.Equal((1000, 600), (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20))));
        }
        foreach (var missing in new[] { "pedigree/NOT-AN-ANIMAL.svg", "heatmap.svg", "mean-kinship.gif", "pedigree.svg" })
            Assert.Equal(HttpStatusCode.NotFound, (await keeper.GetAsync($"{plots}/{missing}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await keeper.GetAsync($"{plots}/age-sex-pyramid.svg?on=tomorrow", Ct)).StatusCode);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_studbook_is_hidden_from_institutions_that_hold_none_of_its_animals(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, withSample: true);
        await using var factory = new MenagerieFactory(database);
        using var keeper = await factory.ClientAsSampleUserAsync(Keeper);
        using var viewer = await factory.ClientAsSampleUserAsync("viewer@MOSCOW");
        using var theirCurator = await factory.ClientAsSampleUserAsync("curator@PYONGYANG");
        var lions = Encoding.UTF8.GetBytes($"id,sire,dam,sex,alive\nEEP-PLE-1,,,M,0\nEEP-PLE-2,,,F,0\n{Lioness},EEP-PLE-1,EEP-PLE-2,F,1\n");

        using var byViewer = await viewer.PostAsync(Studbooks, Form("Panthera leo, EEP", lions, "lions.csv"), Ct);
        using var uploaded = await keeper.PostAsync(Studbooks, Form("Panthera leo, EEP", lions, "lions.csv", taxon: "Panthera leo"), Ct);
        var studbook = (await JsonAsync(uploaded)).GetProperty("studbook");
        var url = $"{Studbooks}/{studbook.GetProperty("id").GetGuid()}";
        var lioness = (await JsonAsync(await viewer.GetAsync($"/api/v1/specimens/{Lioness}", Ct))).GetProperty("id").GetGuid();
        var analysis = await JsonAsync(await viewer.GetAsync($"{url}/analysis", Ct));

        Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        Assert.Equal(("Panthera leo", Keeper), (studbook.GetProperty("taxon").GetProperty("scientificName").GetString(), studbook.GetProperty("keeper").GetString()));
        Assert.Equal([(Lioness, lioness)], studbook.GetProperty("linked").EnumerateArray().Select(l => (l.GetProperty("individual").GetString(), l.GetProperty("specimen").GetGuid())));
        Assert.Equal(lioness, analysis.GetProperty("individuals").EnumerateArray().Single(i => i.GetProperty("id").GetString() == Lioness).GetProperty("specimen").GetGuid());
        Assert.False(analysis.GetProperty("individuals")[0].TryGetProperty("specimen", out _));
        Assert.Equal(1, (await JsonAsync(await viewer.GetAsync(Studbooks, Ct))).GetArrayLength());
        foreach (var hidden in new[] { url, $"{url}/analysis", $"{url}/plots/mean-kinship.svg", $"{url}/plots/pedigree/{Lioness}.png" })
        {
            using var answer = await theirCurator.GetAsync(hidden, Ct);
            Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (answer.StatusCode, answer.Content.Headers.ContentType?.MediaType));
        }
        Assert.Equal(0, (await JsonAsync(await theirCurator.GetAsync(Studbooks, Ct))).GetArrayLength());
    }

    [Fact]
    public async Task The_pair_table_and_a_gene_drop_of_a_stored_studbook_are_the_command_lines()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        using var keeper = await factory.ClientAsSampleUserAsync(Keeper);
        using var other = await factory.ClientAsSampleUserAsync("studbook-keeper@PYONGYANG");
        using var uploaded = await keeper.PostAsync(Studbooks, Form("Macaca fuscata, colony", File.ReadAllBytes(Colony), "japanese-macaque-colony.csv"), Ct);
        var url = $"{Studbooks}/{(await JsonAsync(uploaded)).GetProperty("studbook").GetProperty("id").GetGuid()}";

        var pairs = await JsonAsync(await keeper.GetAsync($"{url}/pairs?top=10", Ct));
        using var tooMany = await keeper.GetAsync($"{url}/pairs?top=0", Ct);
        using var started = await keeper.PostAsJsonAsync($"{url}/genedrop", new { iterations = 300, seed = 7 }, Ct);
        var run = await JsonAsync(started);
        var done = await UntilDoneAsync(keeper, started.Headers.Location!.OriginalString);
        using var notTheirs = await other.GetAsync(started.Headers.Location!.OriginalString, Ct);

        var analysis = await CommandLineAnalysisAsync();
        Assert.True(JsonElement.DeepEquals(Serialized(StudbookPairs.Rank(analysis, 10)), pairs), "The API's pairs differ from the command line's.");
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal(($"{url}/genedrop/{run.GetProperty("id").GetGuid()}", 300), (started.Headers.Location.OriginalString, run.GetProperty("iterations").GetInt32()));
        Assert.Equal(("done", 300), (done.GetProperty("state").GetString(), done.GetProperty("done").GetInt32()));
        var expected = Serialized(StudbookGeneDrop.Run(analysis, 300, 7, Ct));
        Assert.True(JsonElement.DeepEquals(expected, done.GetProperty("result")), $"The API's gene drop differs from the command line's: {done.GetProperty("result")} against {expected}");
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
    }

    [Fact]
    public async Task A_studbook_extracted_on_a_day_is_analysed_for_that_day_unless_asked_for_another()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        using var keeper = await factory.ClientAsSampleUserAsync(Keeper);
        // Three animals: a dam who died in 2010, her son born in 2005 and her daughter born in 2009, both alive.
        var csv = "id,sire,dam,sex,birth_date,death,alive\nD,,,F,2000-05-01,2010-03-01,0\nS,,D,M,2005-06-01,,1\nT,,D,F,2009-06-01,,1\n"u8.ToArray();
        var form = Form("Three", csv, "three.csv");
        form.Add(new StringContent("2020-01-01"), "asOf");
        using var future = Form("Three", csv, "three.csv");
        future.Add(new StringContent("2999-01-01"), "asOf");

        using var uploaded = await keeper.PostAsync(Studbooks, form, Ct);
        var studbook = (await JsonAsync(uploaded)).GetProperty("studbook");
        var url = $"{Studbooks}/{studbook.GetProperty("id").GetGuid()}";
        var asExtracted = await JsonAsync(await keeper.GetAsync($"{url}/analysis", Ct));
        var in2008 = await JsonAsync(await keeper.GetAsync($"{url}/analysis?on=2008-01-01", Ct));
        using var refused = await keeper.PostAsync(Studbooks, future, Ct);

        Assert.Equal("2020-01-01", studbook.GetProperty("asOf").GetString());
        Assert.Equal(["S", "T"], InReference(asExtracted));
        // In 2008 the dam was alive and her daughter not yet born.
        Assert.Equal(["D", "S"], InReference(in2008));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("2999-01-01, which is still to come", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private static string[] InReference(JsonElement analysis) =>
        [.. analysis.GetProperty("individuals").EnumerateArray().Where(i => i.GetProperty("inReference").GetBoolean()).Select(i => i.GetProperty("id").GetString()!)];

    private static async Task<JsonElement> UntilDoneAsync(HttpClient client, string run)
    {
        for (var wait = 0; wait < 600; wait++)
        {
            var state = await JsonAsync(await client.GetAsync(run, Ct));
            if (state.GetProperty("state").GetString() is "done" or "failed")
                return state;
            await Task.Delay(100, Ct);
        }
        throw new TimeoutException($"The gene drop {run} did not end within a minute.");
    }

    private static JsonElement Serialized<T>(T value) => JsonSerializer.Deserialize<JsonElement>(JsonSerializer.Serialize(value, Json.Options));

    private static async Task<StudbookAnalysis> CommandLineAnalysisAsync()
    {
        var loaded = Assert.IsType<StudbookLoad.Loaded>(await StudbookLoader.LoadAsync(Colony, Ct));
        return StudbookAnalysis.Compute(loaded.Pedigree, StudbookAnalysis.SelectReference(loaded.Pedigree, ReferenceRule.Auto));
    }

    /// <summary>What <c>menagerie studbook analyze FILE --format json</c> writes: the same loader, analysis and JSON writer.</summary>
    private static async Task<JsonElement> CommandLineAnalysisAsync(ReferenceRule rule)
    {
        var loaded = Assert.IsType<StudbookLoad.Loaded>(await StudbookLoader.LoadAsync(Colony, Ct));
        var report = StudbookAnalysis.Compute(loaded.Pedigree, StudbookAnalysis.SelectReference(loaded.Pedigree, rule)).Report();
        using var written = new MemoryStream();
        AnalysisReportJson.Write(written, report, indented: false, Ct);
        return JsonSerializer.Deserialize<JsonElement>(written.ToArray());
    }

    private static MultipartFormDataContent Form(string name, byte[] csv, string fileName, string? taxon = null)
    {
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(csv) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "file", fileName },
            { new StringContent(name), "name" },
        };
        if (taxon is not null)
            form.Add(new StringContent(taxon), "taxon");
        return form;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync(Ct));
}
