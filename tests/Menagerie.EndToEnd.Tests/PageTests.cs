using Microsoft.Playwright;

namespace Menagerie.EndToEnd.Tests;

/// <summary>The pages a registrar reads every day, in a real browser, in three languages and on a phone.</summary>
public sealed class PageTests(Chromium chromium)
{
    [Fact]
    public async Task A_registrar_reads_the_start_page_census_animals_and_an_animal_and_every_page_is_accessible()
    {
        await using var site = await LiveSite.StartAsync();
        var page = await site.OpenAsync(chromium.Browser, "registrar@MOSCOW");

        Assert.Equal("Start", await page.Locator("h1").TextContentAsync());
        Assert.Contains("Animals not weighed for a year", await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        await Looking.AssertAccessibleAsync(page);
        await Looking.ScreenshotAsync(page, "start-en");

        await page.Locator("header nav").GetByRole(AriaRole.Link, new() { Name = "Census" }).ClickAsync();
        await page.Locator("#on").FillAsync("2024-11-15");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        Assert.Contains("15/11/2024", await page.Locator(".lead").TextContentAsync(), StringComparison.Ordinal);
        var bears = page.Locator("tbody tr", new() { HasText = "Ursus arctos" });
        Assert.Equal("14", (await bears.Locator("td").Last.TextContentAsync())?.Trim());
        await Looking.AssertAccessibleAsync(page);
        await Looking.ScreenshotAsync(page, "census-en");

        await bears.GetByRole(AriaRole.Link).ClickAsync();
        Assert.Contains("taxon=Ursus%20arctos", page.Url, StringComparison.Ordinal);
        var rows = await page.Locator("tbody tr").AllTextContentsAsync();
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.Contains("Ursus arctos", row, StringComparison.Ordinal));
        Assert.Contains($"{rows.Count} animals and groups match.", await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        await Looking.AssertAccessibleAsync(page);

        await page.Locator("#site-search").FillAsync("EEP-PLE-3117");
        await page.Locator("header .search button").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Laska" }).ClickAsync();
        Assert.Equal("Laska Panthera leo", (await page.Locator("h1").TextContentAsync())?.Trim());
        await page.Locator("#on").FillAsync("2024-11-20");
        await page.Locator("form[aria-labelledby=held-on] button").ClickAsync();
        Assert.Contains("Moscow Zoo (MOSCOW)", await page.Locator("[role=status]").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(6, await page.Locator("ol.timeline > li").CountAsync());
        await Looking.AssertAccessibleAsync(page);
        await Looking.ScreenshotAsync(page, "specimen-en");
    }

    [Fact]
    public async Task The_pages_follow_the_browser_language_and_fit_a_phone()
    {
        await using var site = await LiveSite.StartAsync();
        var russian = await site.OpenAsync(chromium.Browser, "registrar@MOSCOW", language: "ru-RU", width: 390);
        var korean = await site.OpenAsync(chromium.Browser, "registrar@PYONGYANG", language: "ko-KR", width: 390);

        Assert.Equal("Начало", await russian.Locator("h1").TextContentAsync());
        await Looking.AssertFitsAsync(russian);
        await Looking.AssertAccessibleAsync(russian);
        await Looking.ScreenshotAsync(russian, "start-ru-phone");
        await russian.GotoAsync("/institutions/MOSCOW/census?on=2024-11-15");
        Assert.Contains("15.11.2024", await russian.Locator(".lead").TextContentAsync(), StringComparison.Ordinal);
        await Looking.AssertFitsAsync(russian);
        await Looking.AssertAccessibleAsync(russian);
        await Looking.ScreenshotAsync(russian, "census-ru-phone");
        await russian.GotoAsync("/specimens/EEP-PLE-3117");
        Assert.Contains("Рождение или вылупление", await russian.Locator("ol.timeline").TextContentAsync(), StringComparison.Ordinal);
        // The birth names the parents as the record does, not by their global ids; the identifiers keep each on one line.
        Assert.Contains("Отец MOS-00001", await russian.Locator("ol.timeline").TextContentAsync(), StringComparison.Ordinal);
        Assert.Empty(await BrokenIdentifiersAsync(russian));
        await Looking.AssertFitsAsync(russian);
        await Looking.AssertAccessibleAsync(russian);
        await Looking.ScreenshotAsync(russian, "specimen-ru-phone");

        Assert.Equal("시작", await korean.Locator("h1").TextContentAsync());
        await korean.GotoAsync("/institutions/PYONGYANG/census?on=2024-11-15");
        Assert.Contains("개체 현황", await korean.Locator("h1").TextContentAsync(), StringComparison.Ordinal);
        await Looking.AssertFitsAsync(korean);
        // The table is wider than the phone and scrolls; what its caption says is read without scrolling.
        Assert.True(await korean.EvaluateAsync<bool>("document.querySelector('.table-wrap caption').getBoundingClientRect().right <= document.documentElement.clientWidth"));
        await Looking.AssertAccessibleAsync(korean);
        await Looking.ScreenshotAsync(korean, "census-ko-phone");

        // Korean words are short: the transfer's table of animals once shrank to fit the phone and broke its identifiers letter by letter.
        await korean.GotoAsync("/transfers?status=Received");
        // Opened rather than clicked: the layout is measured once the stylesheet has loaded.
        await korean.GotoAsync(await korean.GetByRole(AriaRole.Link, new() { Name = "MOSCOW → PYONGYANG" }).GetAttributeAsync("href") ?? "");
        Assert.Empty(await BrokenIdentifiersAsync(korean));
        Assert.Contains("예정 출발일(2024. 4. 25.)", await korean.Locator("#departure").TextContentAsync(), StringComparison.Ordinal);
        // What each requirement asks stands beside its rule, within the screen; severity, status and lines follow as the table scrolls.
        Assert.True(await korean.Locator("table.requirements td.asks").CountAsync() > 0);
        Assert.True(await korean.EvaluateAsync<bool>("[...document.querySelectorAll('table.requirements td.asks')].every(c => c.getBoundingClientRect().right <= document.documentElement.clientWidth)"));
        await Looking.AssertFitsAsync(korean);
        await Looking.AssertAccessibleAsync(korean);
        await Looking.ScreenshotAsync(korean, "transfer-ko-phone");
        await Looking.ScreenshotAsync(korean, "requirements-ko-phone", from: "#requirements");
        await korean.GotoAsync("/specimens?holder=PYONGYANG");
        Assert.Empty(await BrokenIdentifiersAsync(korean));
        await Looking.AssertFitsAsync(korean);
    }

    [Fact]
    public async Task The_language_chosen_is_remembered_over_the_browser_language_even_without_javascript()
    {
        await using var site = await LiveSite.StartAsync();
        var page = await site.OpenAsync(chromium.Browser, "curator@MOSCOW", language: "en-GB", javaScript: false);

        await page.Locator("#language-choice").SelectOptionAsync("ru");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change language" }).ClickAsync();
        var afterChoice = await page.Locator("h1").TextContentAsync();
        await page.GotoAsync("/specimens?holder=MOSCOW");
        var elsewhere = await page.Locator("h1").TextContentAsync();

        Assert.Equal("Начало", afterChoice);
        Assert.Equal("Животные", elsewhere);
        Assert.Equal("ru", await page.Locator("html").GetAttributeAsync("lang"));
    }

    [Fact]
    public async Task Nobody_signed_in_sees_only_what_Menagerie_is_and_a_styled_sign_in()
    {
        await using var site = await LiveSite.StartAsync();
        var page = await site.OpenAsync(chromium.Browser);

        var home = await page.Locator("main").TextContentAsync();
        var background = await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('header.top')).backgroundColor");
        await Looking.AssertAccessibleAsync(page);
        await page.GotoAsync("/institutions/MOSCOW/census");
        var redirected = page.Url;

        Assert.DoesNotContain("Moscow", home, StringComparison.Ordinal);
        Assert.DoesNotContain("MOSCOW", home, StringComparison.Ordinal);
        Assert.Equal("rgb(47, 79, 58)", background);
        Assert.Contains("/Account/SignIn?ReturnUrl=%2Finstitutions%2FMOSCOW%2Fcensus", redirected, StringComparison.Ordinal);
        await Looking.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Another_zoos_animal_is_a_not_found_page_in_the_viewers_language()
    {
        await using var site = await LiveSite.StartAsync();
        var page = await site.OpenAsync(chromium.Browser, "registrar@PYONGYANG", language: "ko-KR");

        var response = await page.GotoAsync("/specimens/EEP-PLE-3117");

        Assert.Equal(404, response!.Status);
        Assert.Equal("찾을 수 없음", await page.Locator("h1").TextContentAsync());
        await Looking.AssertAccessibleAsync(page);
    }

    /// <summary>The animals' names and identifiers, and the rules' codes, in the page's tables that are not on one line.</summary>
    private static Task<string[]> BrokenIdentifiersAsync(IPage page) => page.EvaluateAsync<string[]>(
        "[...document.querySelectorAll('table a[href^=\"/specimens/\"], table .identifier, table th code')].filter(e => e.getClientRects().length > 1).map(e => e.textContent)");
}
