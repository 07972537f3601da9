using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Menagerie.App.Persistence;
using Menagerie.Testing;

namespace Menagerie.Web.Tests;

/// <summary>The studbook pages as a studbook keeper uses them, over real HTTP with the sign-in cookie.</summary>
public sealed partial class StudbookPageTests
{
    private const string Keeper = "studbook-keeper@MOSCOW";

    private static readonly string Colony = Path.Combine(AppContext.BaseDirectory, "studbooks", "japanese-macaque-colony.csv");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_pedigree_with_three_errors_is_refused_with_all_three_beside_the_file_and_nothing_stored()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await PageForms.SampleUsersAsync(factory);
        using var keeper = await PageForms.SignedInAsync(factory, Keeper);
        var before = await keeper.GetStringAsync("/studbooks", Ct);
        // A birth date that is not one, a dam who is male, and an id listed twice.
        var csv = "id,sire,dam,sex,birth_date\nA,,,M,2001-01-01\nB,,,F,2001-13-01\nC,,A,F,2005-01-01\nA,,,M,2001-01-01\n"u8.ToArray();

        using var refused = await UploadAsync(keeper, "Bad lions", csv, "bad.csv");
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));
        var after = await keeper.GetStringAsync("/studbooks", Ct);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var beside = Beside().Match(html).Groups["problems"].Value;
        Assert.Contains("bad.csv:3: birth_date", beside, StringComparison.Ordinal);
        Assert.Contains("bad.csv:4", beside, StringComparison.Ordinal);
        Assert.Contains("bad.csv:5", beside, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Count(beside, "<span>", RegexOptions.None, TimeSpan.FromSeconds(1)));
        Assert.Contains("value=\"Bad lions\"", html, StringComparison.Ordinal);
        Assert.Equal(Links(before), Links(after));
    }

    [Fact]
    public async Task The_sample_uploaded_shows_its_summary_plots_individuals_by_mean_kinship_and_pairs()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await PageForms.SampleUsersAsync(factory);
        using var keeper = await PageForms.SignedInAsync(factory, Keeper);

        using var uploaded = await UploadAsync(keeper, "Macaca fuscata, colony", await File.ReadAllBytesAsync(Colony, Ct), "japanese-macaque-colony.csv");
        var page = uploaded.Headers.Location.PathAndQuery()!;
        var summary = await AnalysedAsync(keeper, page);
        var byMk = await AnalysedAsync(keeper, page + "/individuals?sort=mk&dir=desc&inReference=yes");
        var pairs = await AnalysedAsync(keeper, page + "/pairs?top=5");
        using var plot = await keeper.GetAsync(page + "/plots/age-sex-pyramid.png", Ct);

        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        Assert.Contains("reference: alive, 332 animals", summary, StringComparison.Ordinal);
        Assert.Contains("<dd>0.9854</dd>", summary, StringComparison.Ordinal);
        Assert.Contains("/plots/mean-kinship.svg", summary, StringComparison.Ordinal);
        Assert.Contains("332 of 3,694 individuals", byMk, StringComparison.Ordinal);
        Assert.Contains("aria-sort=\"descending\"", byMk, StringComparison.Ordinal);
        var mk = MeanKinships(byMk);
        Assert.Equal(100, mk.Count);
        Assert.Equal(mk.OrderDescending(), mk);
        Assert.Equal(5, Regex.Count(pairs, "<th scope=\"row\">", RegexOptions.None, TimeSpan.FromSeconds(1)));
        Assert.Contains("of 332", pairs, StringComparison.Ordinal);
        Assert.Equal(("image/png", HttpStatusCode.OK), (plot.Content.Headers.ContentType?.MediaType, plot.StatusCode));
    }

    [Fact]
    public async Task Plots_on_a_page_speak_its_language_in_a_font_that_has_its_letters()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await PageForms.SampleUsersAsync(factory);
        using var browser = await PageForms.SignedInAsync(factory, Keeper);
        var page = await ColonyAsync(browser);

        var english = await browser.GetStringAsync(page + "/plots/mean-kinship.svg", Ct);
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ko");
        var korean = await browser.GetStringAsync(page + "/plots/mean-kinship.svg", Ct);
        browser.DefaultRequestHeaders.AcceptLanguage.Clear();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru");
        var russian = await browser.GetStringAsync(page + "/plots/age-sex-pyramid.svg", Ct);
        browser.DefaultRequestHeaders.AcceptLanguage.Clear();
        var api = await browser.GetStringAsync("/api/v1" + page + "/plots/mean-kinship.svg", Ct);

        Assert.Contains("Mean kinship", english, StringComparison.Ordinal);
        Assert.Contains("DejaVu Sans", english, StringComparison.Ordinal);
        Assert.Contains("평균 근연도", korean, StringComparison.Ordinal);
        Assert.Contains("NanumGothic", korean, StringComparison.Ordinal);
        Assert.DoesNotContain("DejaVu Sans", korean, StringComparison.Ordinal);
        Assert.Contains("Половозрастная пирамида", russian, StringComparison.Ordinal);
        // The same drawing; only the ids Skia numbers its clip paths with differ from one drawing to the next.
        Assert.Equal(ClipIds().Replace(english, "cl"), ClipIds().Replace(api, "cl"));
    }

    [Fact]
    public async Task A_gene_drop_started_from_the_page_runs_in_the_background_to_its_result()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await PageForms.SampleUsersAsync(factory);
        using var keeper = await PageForms.SignedInAsync(factory, Keeper);
        var page = await ColonyAsync(keeper);

        using var refused = await PageForms.PostAsync(keeper, page + "/genedrop", page + "/genedrop", ("Iterations", "1"), ("Seed", "-3"));
        var problems = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct));
        using var started = await PageForms.PostAsync(keeper, page + "/genedrop", page + "/genedrop", ("Iterations", "500"), ("Seed", "7"));
        var run = started.Headers.Location.PathAndQuery()!;
        var html = "";
        for (var wait = 0; wait < 600 && !html.Contains("id=\"result\"", StringComparison.Ordinal); wait++)
        {
            html = WebUtility.HtmlDecode(await keeper.GetStringAsync(run, Ct));
            if (html.Contains("data-progress", StringComparison.Ordinal))
                await Task.Delay(100, Ct);
        }

        Assert.Contains("seed is a whole number", problems, StringComparison.Ordinal);
        Assert.DoesNotContain("A gene drop runs from 2", problems, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.Matches($"^{page}/genedrop/[0-9a-f-]{{36}}$", run);
        Assert.Contains("id=\"result\"", html, StringComparison.Ordinal);
        Assert.Contains("Gene drop of 500 iterations, seed 7", html, StringComparison.Ordinal);
        Assert.Contains("332 animals", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// A studbook page once its analysis is done: on a busy machine the first analysis may outlast the page's
    /// patience, and the page then shows its progress and is asked again, as its script does in a browser.
    /// </summary>
    private static async Task<string> AnalysedAsync(HttpClient client, string page)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var html = WebUtility.HtmlDecode(await client.GetStringAsync(page, Ct));
            if (!html.Contains("data-progress", StringComparison.Ordinal))
                return html;
            await Task.Delay(100, Ct);
        }
        throw new TimeoutException($"The analysis behind {page} did not end within a minute.");
    }

    /// <summary>Uploads the colony's file and returns its page.</summary>
    private static async Task<string> ColonyAsync(HttpClient keeper)
    {
        using var uploaded = await UploadAsync(keeper, "Macaca fuscata, colony", await File.ReadAllBytesAsync(Colony, Ct), "japanese-macaque-colony.csv");
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        return uploaded.Headers.Location.PathAndQuery()!;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string name, byte[] csv, string fileName)
    {
        var token = PageForms.Token(await client.GetStringAsync("/studbooks", Ct));
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(csv) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "Upload", fileName },
            { new StringContent(name), "Name" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        return await client.PostAsync("/studbooks", form, Ct);
    }

    private static string[] Links(string page) => [.. StudbookLink().Matches(page).Select(m => m.Value)];

    private static List<double> MeanKinships(string page) =>
        [.. MeanKinshipCell().Matches(page).Select(m => double.Parse(m.Groups["mk"].Value, System.Globalization.CultureInfo.InvariantCulture))];

    [GeneratedRegex("<p class=\"field-problem\" id=\"problem-file\">(?<problems>.*?)</p>", RegexOptions.Singleline, 1000)]
    private static partial Regex Beside();

    [GeneratedRegex("cl_[0-9a-f]+", RegexOptions.None, 1000)]
    private static partial Regex ClipIds();

    [GeneratedRegex("href=\"/studbooks/[0-9a-f-]{36}\"", RegexOptions.None, 1000)]
    private static partial Regex StudbookLink();

    // The sixth cell of a row is its mean kinship.
    [GeneratedRegex("<tr>\\s*<th scope=\"row\">.*?</th>\\s*<td>.*?</td>\\s*<td class=\"number\">.*?</td>\\s*<td>.*?</td>\\s*<td class=\"number\">.*?</td>\\s*<td class=\"number\">(?<mk>[0-9.]+)</td>", RegexOptions.Singleline, 1000)]
    private static partial Regex MeanKinshipCell();
}
