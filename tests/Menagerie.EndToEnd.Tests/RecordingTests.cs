using Microsoft.Playwright;

namespace Menagerie.EndToEnd.Tests;

/// <summary>A registrar keeping an animal's record in the browser: events, corrections, a new record, a change raced by a colleague.</summary>
public sealed class RecordingTests(Chromium chromium)
{
    [Fact]
    public async Task A_registrar_records_a_weight_and_corrects_it_and_both_stay_in_the_history_without_javascript()
    {
        // axe-core runs as a script, so these pages are checked in the tests that keep JavaScript on.
        await using var site = await LiveSite.StartAsync();
        var page = await site.OpenAsync(chromium.Browser, "registrar@MOSCOW", javaScript: false);

        await page.GotoAsync("/specimens/EEP-PLE-3117");
        await page.GetByRole(AriaRole.Link, new() { Name = "Record an event" }).ClickAsync();
        await page.Locator("#field-weightkg").FillAsync("130.5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record", Exact = true }).ClickAsync();
        var recorded = await page.Locator("[role=status]").First.TextContentAsync();
        var weighing = page.Locator("ol.timeline > li", new() { HasText = "130.5 kg" });
        await weighing.GetByRole(AriaRole.Link, new() { Name = "Correct" }).ClickAsync();
        var prefilled = await page.Locator("#field-weightkg").InputValueAsync();
        await page.Locator("#field-weightkg").FillAsync("131");
        await page.Locator("#field-reason").FillAsync("The scale was not zeroed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the correction" }).ClickAsync();

        Assert.Equal("The event is recorded.", recorded?.Trim());
        Assert.Equal("130.5", prefilled);
        Assert.Contains("superseded", await page.Locator("ol.timeline > li", new() { HasText = "130.5 kg" }).GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
        Assert.Contains("The scale was not zeroed", await page.Locator("ol.timeline > li", new() { HasText = "131 kg" }).TextContentAsync(), StringComparison.Ordinal);
        await Looking.ScreenshotAsync(page, "specimen-corrected-en");
    }

    [Fact]
    public async Task A_form_with_problems_names_each_beside_its_field_and_keeps_what_was_typed()
    {
        await using var site = await LiveSite.StartAsync();
        var page = await site.OpenAsync(chromium.Browser, "registrar@MOSCOW", language: "ru-RU");

        await page.GotoAsync("/specimens/new");
        await page.Locator("input[name='Form.Kind'][value=group]").CheckAsync();
        await page.Locator("#field-taxon").FillAsync("Aix galericulata");
        await page.Locator("#field-first-counts").FillAsync("6.six.0");
        await page.Locator("#field-first-date").FillAsync("2031-01-01");
        await page.Locator("#field-name").FillAsync("Утки, пруд 3");
        await page.Locator("main button[type=submit]").ClickAsync();
        var problems = await page.Locator("#problems li").AllTextContentsAsync();
        var keptName = await page.Locator("#field-name").InputValueAsync();
        var countsProblem = await page.Locator("#problem-first-counts").TextContentAsync();
        await Looking.AssertAccessibleAsync(page);
        await Looking.ScreenshotAsync(page, "new-specimen-problems-ru");

        await page.Locator("#field-first-counts").FillAsync("3.3.0");
        await page.Locator("#field-first-date").FillAsync("2026-06-01");
        await page.Locator("main button[type=submit]").ClickAsync();

        Assert.Contains(problems, p => p.Contains("6.six.0", StringComparison.Ordinal));
        Assert.Equal("Утки, пруд 3", keptName);
        Assert.Contains("6.six.0", countsProblem, StringComparison.Ordinal);
        Assert.Equal("Утки, пруд 3 Aix galericulata", (await page.Locator("h1").TextContentAsync())?.Trim());
        Assert.Contains("3.3.0", await page.Locator(".lead").TextContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_edit_shows_what_the_colleague_changed_and_is_sent_again_on_purpose()
    {
        await using var site = await LiveSite.StartAsync();
        var mine = await site.OpenAsync(chromium.Browser, "registrar@MOSCOW");
        var colleague = await site.OpenAsync(chromium.Browser, "registrar@MOSCOW");
        await mine.GotoAsync("/specimens/EEP-PLE-3117/edit");
        await colleague.GotoAsync("/specimens/EEP-PLE-3117/edit");

        await colleague.Locator("#field-name").FillAsync("Laska II");
        await colleague.Locator("main button[type=submit]").ClickAsync();
        await mine.Locator("#field-name").FillAsync("Lady Laska");
        await mine.Locator("main button[type=submit]").ClickAsync();
        var conflict = await mine.Locator("table").TextContentAsync();
        var kept = await mine.Locator("#field-name").InputValueAsync();
        await Looking.AssertAccessibleAsync(mine);
        await Looking.ScreenshotAsync(mine, "edit-conflict-en");
        await mine.Locator("main button[type=submit]").ClickAsync();

        Assert.Contains("Laska II", conflict, StringComparison.Ordinal);
        Assert.Contains("Lady Laska", conflict, StringComparison.Ordinal);
        Assert.Equal("Lady Laska", kept);
        Assert.Equal("Lady Laska Panthera leo", (await mine.Locator("h1").TextContentAsync())?.Trim());
    }
}
