using Microsoft.Playwright;

namespace Menagerie.EndToEnd.Tests;

/// <summary>
/// Debian's chromium, started once for the test run and driven by Playwright (never its own browser download).
/// Where it is not installed the browser tests skip, unless MENAGERIE_REQUIRE_BROWSER=1, where they fail.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string _unavailable = "";

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            _unavailable = $"{ExecutablePath} is not installed (Debian: apt-get install chromium).";
            return;
        }
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ExecutablePath, Headless = true, Args = Flags });
    }

    /// <summary>The browser, or the test skips (fails under MENAGERIE_REQUIRE_BROWSER=1) saying why there is none.</summary>
    public IBrowser Browser
    {
        get
        {
            if (_browser is not null)
                return _browser;
            if (Environment.GetEnvironmentVariable("MENAGERIE_REQUIRE_BROWSER") == "1")
                Assert.Fail("MENAGERIE_REQUIRE_BROWSER=1 but " + _unavailable);
            Assert.Skip(_unavailable);
            return null!;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
