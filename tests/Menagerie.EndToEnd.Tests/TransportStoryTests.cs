using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace Menagerie.EndToEnd.Tests;

/// <summary>
/// Moscow's transport coordinator prepares the November 2024 shipment to Pyongyang: the crates and the loading
/// plan, a new measurement of the lioness who has grown since she was last measured, and the crate labels printed.
/// </summary>
public sealed class TransportStoryTests(Chromium chromium)
{
    [Fact]
    public async Task Moscows_transport_coordinator_measures_the_grown_lioness_sees_her_crate_grow_and_prints_the_labels()
    {
        await using var site = await LiveSite.StartAsync();
        var page = await site.OpenAsync(chromium.Browser, "transport-coordinator@MOSCOW");

        await page.GotoAsync("/transfers?status=Accepted");
        await page.GetByRole(AriaRole.Link, new() { Name = "MOSCOW → PYONGYANG" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Transport: crates, loading plan, journey and papers" }).ClickAsync();
        Assert.EndsWith("/transport", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        var transport = new Uri(page.Url).AbsolutePath;
        Assert.Equal(19, await page.Locator("#crates + .table-wrap tbody tr").CountAsync());
        Assert.Equal(19, await page.Locator("figure.loading-plan svg g.crate").CountAsync());
        var lioness = page.Locator("#crates + .table-wrap tbody tr", new() { HasText = "MOS-00037" });
        var crate = await lioness.Locator("th").TextContentAsync();
        var before = await lioness.TextContentAsync();
        Assert.Contains("211 × 96 × 115", before, StringComparison.Ordinal);
        await Looking.AssertAccessibleAsync(page);

        // She has grown: longer, taller at the elbow and the shoulder, wider.
        await lioness.GetByRole(AriaRole.Link, new() { Name = "measure MOS-00037" }).ClickAsync();
        await page.GetByLabel("Body length (A)").FillAsync("200");
        await page.GetByLabel("Elbow height (B)").FillAsync("70");
        await page.GetByLabel("Shoulder width (C)").FillAsync("40");
        await page.GetByLabel("Standing height (D)").FillAsync("112");
        await Looking.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record", Exact = true }).ClickAsync();
        Assert.Contains("The event is recorded.", await page.Locator("[role=status].notice").TextContentAsync(), StringComparison.Ordinal);

        await page.GotoAsync(transport);
        lioness = page.Locator("#crates + .table-wrap tbody tr", new() { HasText = "MOS-00037" });
        Assert.Equal(crate, await lioness.Locator("th").TextContentAsync());
        var after = await lioness.TextContentAsync();
        Assert.DoesNotContain("211 × 96 × 115", after, StringComparison.Ordinal);
        Assert.Contains("255 × 100 × 122", after, StringComparison.Ordinal);
        Assert.Equal(19, await page.Locator("figure.loading-plan svg g.crate").CountAsync());
        await Looking.AssertAccessibleAsync(page);

        // The labels, in English as the carriers require, read back from the PDF the browser downloaded.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "labels.pdf" }).ClickAsync());
        Assert.Equal("labels.pdf", download.SuggestedFilename);
        using var pdf = PdfDocument.Open(await download.PathAsync());
        Assert.Equal(19, pdf.NumberOfPages);
        var label = pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).Single(t => t.Contains($"CRATE {crate} of 19", StringComparison.Ordinal));
        Assert.Contains("LIVE ANIMALS", label, StringComparison.Ordinal);
        Assert.Contains("Panthera leo", label, StringComparison.Ordinal);
        Assert.Contains("MOS-00037", label, StringComparison.Ordinal);
        Assert.Contains("Laska", label, StringComparison.Ordinal);
    }
}
