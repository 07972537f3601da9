using Microsoft.Playwright;

namespace Menagerie.EndToEnd.Tests;

/// <summary>The ledger and the checklist in a real browser: followed from the animal's page, on a phone in Russian and Korean, verified without JavaScript.</summary>
public sealed class LedgerTests(Chromium chromium)
{
    [Fact]
    public async Task A_registrar_follows_an_animals_history_in_the_ledger_on_a_phone_in_russian()
    {
        await using var site = await LiveSite.StartAsync();
        var page = await site.OpenAsync(chromium.Browser, "registrar@MOSCOW", language: "ru", width: 390);

        await page.GotoAsync("/specimens/EEP-PLE-3117");
        await page.GetByRole(AriaRole.Link, new() { Name = "История в журнале изменений" }).ClickAsync();

        Assert.EndsWith("/ledger", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        Assert.Equal("ru", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.True(await page.Locator("table.ledger tbody tr").CountAsync() > 0);
        await Looking.AssertAccessibleAsync(page);
        await Looking.ScreenshotAsync(page, "ledger-ru-phone");
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The history is {overflow}px wider than a 390 px screen.");

        await page.GotoAsync("/checklist?name=Panthera%20leo");
        Assert.Contains("Перечень СИТЕС", await page.Locator("h1").TextContentAsync(), StringComparison.Ordinal);
        await Looking.AssertAccessibleAsync(page);
        await Looking.ScreenshotAsync(page, "checklist-ru-phone");

        var desktop = await site.OpenAsync(chromium.Browser, "registrar@MOSCOW");
        await desktop.GotoAsync("/specimens/EEP-PLE-3117/ledger");
        await Looking.ScreenshotAsync(desktop, "ledger-en");
    }

    [Fact]
    public async Task The_administrator_verifies_the_ledger_without_javascript_in_korean()
    {
        await using var site = await LiveSite.StartAsync();
        var page = await site.OpenAsync(chromium.Browser, "admin", language: "ko", width: 390, javaScript: false);

        await page.GotoAsync("/admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "원장 검증" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "지금 원장 검증" }).ClickAsync();

        Assert.Equal("원장이 온전합니다.", await page.Locator(".verdict strong").TextContentAsync());
        await Looking.ScreenshotAsync(page, "ledger-verified-ko-phone");

        // axe-core runs as a script: the same answer checked with JavaScript on.
        var scripted = await site.OpenAsync(chromium.Browser, "admin", language: "ko", width: 390);
        await scripted.GotoAsync("/admin/ledger");
        await scripted.GetByRole(AriaRole.Button, new() { Name = "지금 원장 검증" }).ClickAsync();
        Assert.Equal("원장이 온전합니다.", await scripted.Locator(".verdict strong").TextContentAsync());
        await Looking.AssertAccessibleAsync(scripted);
    }
}
