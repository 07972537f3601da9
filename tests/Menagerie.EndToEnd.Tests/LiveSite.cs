using System.Text.RegularExpressions;
using Menagerie.App.Persistence;
using Menagerie.Testing;
using Menagerie.Web.Tests;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Menagerie.EndToEnd.Tests;

/// <summary>
/// The web app on a real Kestrel port, in the Production environment, over its own fresh copy of the sample
/// records with the sample users (every one with <see cref="MenagerieFactory.Password"/>), a fixed clock
/// (2026-11-29 10:00 UTC) and a sign-in rate limit high enough for a test that signs in many people.
/// </summary>
public sealed partial class LiveSite : IAsyncDisposable
{
    private LiveSite(TestDatabase database, MenagerieFactory factory, string address)
    {
        Database = database;
        Factory = factory;
        Address = address;
    }

    public TestDatabase Database { get; }

    public MenagerieFactory Factory { get; }

    public string Address { get; }

    public static async Task<LiveSite> StartAsync()
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        var factory = new MenagerieFactory(database, loadSample: true, settings:
        [
            ("Menagerie:Sample:Password", MenagerieFactory.Password),
            ("Menagerie:RateLimit:SignInPerMinute", "1000"),
            ("Logging:LogLevel:Default", "Warning"),
        ]);
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LiveSite(database, factory, address);
    }

    /// <summary>
    /// A fresh browser context (its own cookies) in a language and at a width, with or without JavaScript,
    /// optionally signed in as a sample user.
    /// </summary>
    public async Task<IPage> OpenAsync(IBrowser browser, string? user = null, string language = "en", int width = 1280, bool javaScript = true)
    {
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = Address,
            Locale = language,
            ViewportSize = new() { Width = width, Height = 900 },
            JavaScriptEnabled = javaScript,
        });
        var page = await context.NewPageAsync();
        // The person answers "OK" to every confirmation the page asks for.
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        Looking.Watch(page);
        if (user is null)
            await page.GotoAsync("/");
        else
            await SignInAsync(page, user);
        return page;
    }

    public static async Task SignInAsync(IPage page, string user, string password = MenagerieFactory.Password)
    {
        await page.GotoAsync("/Account/SignIn");
        await page.Locator("#user-name").FillAsync(user);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("main button[type=submit]").ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(SignInPage(), new() { Timeout = Arrival });
    }

    /// <summary>
    /// How long a page may take to arrive after a form is sent, with every test project running at once.
    /// Arrival is asked of the browser (a web-first assertion) rather than by <c>WaitForURLAsync</c>, which looks at
    /// the load state and only then listens for it, and so misses a load that comes in between
    /// (microsoft/playwright-dotnet#3364): a test then waits for nothing until it times out.
    /// </summary>
    public const float Arrival = 60_000;

    [GeneratedRegex("/Account/SignIn", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SignInPage();

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}
