using Microsoft.Playwright;

namespace Menagerie.EndToEnd.Tests;

/// <summary>The attendant's welfare check on a phone in the hold: Berlin's veterinarian travelling with the lion lent to Prague.</summary>
public sealed class WelfareTests(Chromium chromium)
{
    [Fact]
    public async Task Berlins_veterinarian_records_a_welfare_check_on_the_loan_on_a_phone()
    {
        await using var site = await LiveSite.StartAsync();
        var page = await site.OpenAsync(chromium.Browser, "veterinarian@BERLIN", width: 390);

        await page.GotoAsync("/transfers?status=Dispatched");
        await page.GetByRole(AriaRole.Link, new() { Name = "BERLIN → PRAGUE" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Welfare checks on the journey" }).ClickAsync();
        Assert.EndsWith("/welfare", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await Looking.AssertFitsAsync(page);
        await Looking.AssertAccessibleAsync(page);
        // A box or a round button is touched through its whole label, which is the target measured.
        var small = await page.EvaluateAsync<string[]>(
            "[...document.querySelectorAll('form.welfare input:not([type=hidden]):not([type=checkbox]):not([type=radio]), form.welfare textarea, form.welfare button, form.welfare label.choice')]" +
            ".filter(e => { const r = e.getBoundingClientRect(); return r.height < 44 || r.width < 44; }).map(e => e.outerHTML.slice(0, 80))");
        Assert.True(small.Length == 0, "Smaller than 44 × 44 px: " + string.Join(" | ", small));

        await page.GetByLabel("Only the crates ticked:").CheckAsync();
        await page.Locator("input[name='Form.Crates']").First.CheckAsync();
        await page.GetByLabel("Temperature at the crates (°C)").FillAsync("17.5");
        await page.GetByLabel("Condition of the animals, as seen").FillAsync("Standing, alert, breathing evenly; drank well");
        await page.GetByLabel("Water given").CheckAsync();
        await page.GetByLabel("Checked by (name)").FillAsync("Dr Anna Weber");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the check" }).ClickAsync();

        Assert.Contains("The welfare check is recorded.", await page.Locator("[role=status].notice").TextContentAsync(), StringComparison.Ordinal);
        var check = page.Locator("ol.welfare-log > li").Last;
        var entry = await check.TextContentAsync();
        Assert.Contains("Standing, alert, breathing evenly; drank well", entry, StringComparison.Ordinal);
        Assert.Contains("17.5 °C at the crate", entry, StringComparison.Ordinal);
        Assert.Contains("watered", entry, StringComparison.Ordinal);
        Assert.Contains("checked by Dr Anna Weber", entry, StringComparison.Ordinal);
        // The sample loan left five days ago without a check: the first one is marked, in words as well as colour.
        Assert.Contains("overdue by", entry, StringComparison.Ordinal);
        Assert.Equal("overdue", await check.GetAttributeAsync("class"));
        await Looking.AssertFitsAsync(page);
        await Looking.AssertAccessibleAsync(page);
        await Looking.ScreenshotAsync(page, "welfare-check-phone");

        // Prague's registrar reads the same log in Russian, without the form.
        var prague = await site.OpenAsync(chromium.Browser, "registrar@PRAGUE", language: "ru-RU", width: 390);
        await prague.GotoAsync(new Uri(page.Url).AbsolutePath);
        Assert.Contains("Проверки состояния", await prague.Locator("h1").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await prague.Locator("form.welfare").CountAsync());
        Assert.Contains("просрочено на", await prague.Locator("ol.welfare-log").TextContentAsync(), StringComparison.Ordinal);
        await Looking.AssertFitsAsync(prague);
        await Looking.AssertAccessibleAsync(prague);
        await Looking.ScreenshotAsync(prague, "welfare-log-ru-phone");
    }
}
