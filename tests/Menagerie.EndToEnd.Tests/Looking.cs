using System.Runtime.CompilerServices;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Menagerie.EndToEnd.Tests;

/// <summary>
/// What every page test checks besides its own assertions: accessibility (axe-core), that the browser refused
/// nothing under the Content-Security-Policy, and a screenshot on request.
/// </summary>
public static class Looking
{
    private static readonly ConditionalWeakTable<IPage, List<string>> Refused = [];

    /// <summary>Keeps what the browser reports refusing under the Content-Security-Policy (an inline script or style, say).</summary>
    public static void Watch(IPage page)
    {
        var refused = Refused.GetOrCreateValue(page);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                refused.Add(message.Text);
        };
    }

    /// <summary>Fails on any serious or critical WCAG 2.x A/AA violation axe-core finds, naming the rule and the elements.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        await LoadedAsync(page);
        var results = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        Assert.True(!Refused.TryGetValue(page, out var refused) || refused.Count == 0, $"{page.Url}: the browser refused " + string.Join("; ", refused ?? []));
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"{page.Url}: " + string.Join("\n", serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(5).Select(n => string.Join(" ", n.Target)))}")));
    }

    /// <summary>
    /// Waits until the page has its stylesheet and images: after a form's answer axe would otherwise measure unstyled
    /// links. The page is asked, not <c>WaitForLoadStateAsync</c>, which misses a load that comes while it starts to
    /// listen (microsoft/playwright-dotnet#3364).
    /// </summary>
    private static async Task LoadedAsync(IPage page)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(LiveSite.Arrival);
        while (await ReadyStateAsync(page) != "complete")
        {
            Assert.True(DateTime.UtcNow < deadline, $"{page.Url} did not finish loading in {LiveSite.Arrival / 1000} s");
            await Task.Delay(50);
        }
    }

    private static async Task<string?> ReadyStateAsync(IPage page)
    {
        try
        {
            return await page.EvaluateAsync<string>("document.readyState");
        }
        catch (PlaywrightException e) when (e.Message.Contains("context was destroyed", StringComparison.Ordinal))
        {
            return null; // the next page is arriving
        }
    }

    /// <summary>Saves a full-page screenshot as NAME.png in the folder MENAGERIE_SCREENSHOTS names, when it names one.</summary>
    /// <summary>Saves a screenshot of the page from its top, or from the element <paramref name="from"/> names (a CSS selector).</summary>
    public static async Task ScreenshotAsync(IPage page, string name, string? from = null)
    {
        var folder = Environment.GetEnvironmentVariable("MENAGERIE_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder))
            return;
        Directory.CreateDirectory(folder);
        // The whole page, cut at two screens' height: enough to see the page, small enough to keep in the repository.
        var size = page.ViewportSize!;
        var top = from is null ? 0 : await page.EvaluateAsync<int>("s => Math.floor(document.querySelector(s).getBoundingClientRect().top + window.scrollY)", from);
        var height = Math.Min(await page.EvaluateAsync<int>("document.documentElement.scrollHeight") - top, size.Width < 600 ? 2400 : 1800);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true, Clip = new() { X = 0, Y = top, Width = size.Width, Height = height } });
    }

    /// <summary>Fails when anything is wider than the screen except inside a scrolling region of its own.</summary>
    public static async Task AssertFitsAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{page.Url} is {overflow}px wider than the screen.");
    }
}
