using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Menagerie.EndToEnd.Tests;

/// <summary>Moscow's studbook keeper at work in the browser: a bad file refused, the colony uploaded and analysed, a gene drop run.</summary>
public sealed partial class StudbookStoryTests(Chromium chromium)
{
    private static readonly string Colony = Path.Combine(Menagerie.Testing.Repository.Root, "samples", "studbooks", "japanese-macaque-colony.csv");

    [Fact]
    public async Task The_studbook_keeper_uploads_sorts_by_mean_kinship_opens_a_plot_and_runs_a_gene_drop()
    {
        await using var site = await LiveSite.StartAsync();
        var page = await site.OpenAsync(chromium.Browser, "studbook-keeper@MOSCOW");
        var bad = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.csv");
        // A birth date that is not one, a dam who is male, and an id listed twice.
        await File.WriteAllTextAsync(bad, "id,sire,dam,sex,birth_date\nA,,,M,2001-01-01\nB,,,F,2001-13-01\nC,,A,F,2005-01-01\nA,,,M,2001-01-01\n", TestContext.Current.CancellationToken);

        await page.GetByRole(AriaRole.Link, new() { Name = "Studbooks", Exact = true }).ClickAsync();
        await Looking.AssertAccessibleAsync(page);
        await page.GetByLabel("Studbook file (CSV, or a PMx/SPARKS exchange.csv)").SetInputFilesAsync(bad);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Lions with mistakes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        var problems = await page.Locator("#problem-file span").AllTextContentsAsync();
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains(":3: birth_date", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains(":4:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains(":5:", StringComparison.Ordinal));
        await Looking.AssertAccessibleAsync(page);

        await page.GetByLabel("Studbook file (CSV, or a PMx/SPARKS exchange.csv)").SetInputFilesAsync(Colony);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Macaca fuscata, colony 2026");
        await page.GetByLabel("Data extracted on (optional)").FillAsync("2025-12-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(AnalysisPage(), new() { Timeout = LiveSite.Arrival });
        Assert.Equal("reference: alive, 332 animals", await page.Locator("dl.summary dd").Nth(1).TextContentAsync());
        Assert.Contains("31/12/2025", await page.Locator("#summary").TextContentAsync(), StringComparison.Ordinal);
        await Looking.AssertAccessibleAsync(page);
        await page.Locator("#plots").ScrollIntoViewIfNeededAsync();
        // Each plot loaded, waited for by property: WaitForFunctionAsync polls with eval, which the pages' CSP refuses.
        var plots = page.Locator(".plots img");
        for (var i = 0; i < await plots.CountAsync(); i++)
        {
            await Assertions.Expect(plots.Nth(i)).ToHaveJSPropertyAsync("complete", true);
            Assert.True(await plots.Nth(i).EvaluateAsync<int>("img => img.naturalWidth") > 0);
        }
        await Looking.ScreenshotAsync(page, "studbook-en");

        await page.GetByRole(AriaRole.Link, new() { Name = "Individuals" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "MK", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "MK ▲" }).ClickAsync();
        Assert.Equal("descending", await page.Locator("th[aria-sort]").GetAttributeAsync("aria-sort"));
        var mk = (await page.Locator("table.individuals tbody tr td:nth-of-type(5)").AllTextContentsAsync())
            .Select(t => double.Parse(t, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(100, mk.Count);
        Assert.Equal(mk.OrderDescending(), mk);
        await Looking.AssertAccessibleAsync(page);

        // The animal with the highest mean kinship: its pedigree chart, drawn as the page's picture.
        await page.Locator("table.individuals tbody tr th a").First.ClickAsync();
        var chart = await page.Locator("#pedigree + form + figure img").GetAttributeAsync("src");
        var image = await page.APIRequest.GetAsync(chart!);
        Assert.Equal(("image/png", 200), (image.Headers["content-type"], image.Status));
        await page.GetByRole(AriaRole.Link, new() { Name = "SVG" }).First.ClickAsync();
        Assert.Contains("Mean kinship", await page.ContentAsync(), StringComparison.Ordinal);
        await page.GoBackAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Pairs" }).ClickAsync();
        Assert.Equal(20, await page.Locator("tbody tr").CountAsync());
        await Looking.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Gene drop" }).ClickAsync();
        await Looking.AssertAccessibleAsync(page);
        await page.GetByLabel("Iterations").FillAsync("10000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the gene drop" }).ClickAsync();
        // The page asks again by itself while the drop runs, then shows the result.
        await page.Locator("#result").WaitForAsync(new() { Timeout = 120_000 });
        Assert.Contains("332 animals", await page.Locator("#result").TextContentAsync(), StringComparison.Ordinal);
        await Looking.AssertAccessibleAsync(page);
    }

    /// <summary>A studbook's own page, named by its id.</summary>
    [GeneratedRegex("/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AnalysisPage();
}
