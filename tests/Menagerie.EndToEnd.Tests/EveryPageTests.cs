using Microsoft.Playwright;

namespace Menagerie.EndToEnd.Tests;

/// <summary>Every page of the web app, in English at desktop width, through axe-core; the busiest also on a tablet.</summary>
public sealed class EveryPageTests(Chromium chromium)
{
    [Fact]
    public async Task Every_page_passes_the_accessibility_checks_and_fits_a_tablet()
    {
        await using var site = await LiveSite.StartAsync();
        var anonymous = await site.OpenAsync(chromium.Browser);
        foreach (var path in new[] { "/Account/SignIn", "/language", "/error/404" })
        {
            await anonymous.GotoAsync(path);
            await Looking.AssertAccessibleAsync(anonymous);
        }

        var registrar = await site.OpenAsync(chromium.Browser, "registrar@MOSCOW");
        var curator = await site.OpenAsync(chromium.Browser, "curator@MOSCOW");
        var november = await NovemberAsync(curator);
        foreach (var (page, path) in new[]
        {
            (registrar, "/search?q=lask"), (registrar, "/institutions/MOSCOW"), (registrar, "/specimens?holder=MOSCOW"), (registrar, "/specimens/new"),
            (registrar, "/specimens/EEP-PLE-3117/record?type=measurement"), (registrar, "/specimens/EEP-PLE-3117/record?type=disposition"),
            (registrar, "/specimens/MOS-G0003/record?type=death"), (registrar, "/specimens/MOS-G0003/groups"), (registrar, "/specimens/EEP-PLE-3117/edit"),
            (registrar, november + "/documents/new"), (curator, "/specimens/EEP-PLE-3117/availability"), (curator, "/transfers"), (curator, november),
            (curator, "/transfers/new?mode=request"), (curator, "/available"), (curator, november + "/transport"), (curator, november + "/journey"), (curator, "/compliance/check"), (curator, "/compliance/check/form"),
            (registrar, "/specimens/EEP-PLE-3117/ledger"), (curator, november + "/ledger"),
            (registrar, "/checklist?name=Panthera%20leo"), (registrar, "/checklist?name=Panthera%20nonexistens"),
        })
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Ok, $"{path}: {response.Status}");
            await Looking.AssertAccessibleAsync(page);
        }
        await curator.GotoAsync(november + "/transport");
        await Looking.ScreenshotAsync(curator, "transport-en");
        // The drawing speaks the page's language.
        var russian = await site.OpenAsync(chromium.Browser, "curator@MOSCOW", language: "ru-RU");
        await russian.GotoAsync(november + "/transport");
        Assert.Equal(1, await russian.Locator("figure.loading-plan svg").GetByText("ДВЕРЬ", new() { Exact = true }).CountAsync());
        await Looking.AssertAccessibleAsync(russian);
        await Looking.ScreenshotAsync(russian, "transport-plan-ru", from: "#plan");

        await curator.GotoAsync("/compliance/check");
        await curator.GetByLabel("Shipment file (JSON)").SetInputFilesAsync(Path.Combine(Menagerie.Testing.Repository.Root, "samples", "shipments", "2024-11-moscow-pyongyang.json"));
        await curator.GetByRole(AriaRole.Button, new() { Name = "Check", Exact = true }).ClickAsync();
        Assert.Contains("blocked", await curator.Locator(".verdict strong").First.TextContentAsync(), StringComparison.Ordinal);
        await Looking.AssertAccessibleAsync(curator);
        await Looking.ScreenshotAsync(curator, "shipment-check-en");

        // The same check filled in by hand: first with the importing country forgotten, then complete.
        await curator.GotoAsync("/compliance/check/form");
        await curator.GetByLabel("Exporting country (ISO code, e.g. RU)").FillAsync("RU");
        await curator.GetByLabel("Date the shipment leaves").FillAsync("2024-11-20");
        await curator.GetByLabel("Scientific name").First.FillAsync("Panthera leo");
        await curator.GetByLabel("How many animals").First.FillAsync("1");
        await curator.GetByLabel("CITES source code").First.SelectOptionAsync("C");
        await curator.GetByRole(AriaRole.Button, new() { Name = "Check", Exact = true }).ClickAsync();
        Assert.Contains("'country' is required", await curator.Locator("#problem-to-country").TextContentAsync(), StringComparison.Ordinal);
        await Looking.AssertAccessibleAsync(curator);
        await curator.GetByLabel("Importing country (ISO code, e.g. KP)").FillAsync("KP");
        await curator.GetByRole(AriaRole.Button, new() { Name = "Check", Exact = true }).ClickAsync();
        Assert.Contains("blocked", await curator.Locator(".verdict strong").First.TextContentAsync(), StringComparison.Ordinal);
        await Looking.AssertAccessibleAsync(curator);
        var phone = await site.OpenAsync(chromium.Browser, "curator@MOSCOW", language: "ko-KR", width: 390);
        await phone.GotoAsync("/compliance/check/form");
        await Looking.AssertAccessibleAsync(phone);
        var narrow = await phone.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(narrow <= 0, $"The shipment form is {narrow}px wider than a 390 px screen.");

        var admin = await site.OpenAsync(chromium.Browser, "admin");
        foreach (var path in new[] { "/admin/users/registrar@MOSCOW/ledger", "/admin/checklist", "/admin/trade-measures", "/admin/container-table", "/admin/ledger" })
        {
            var response = await admin.GotoAsync(path);
            Assert.True(response!.Ok, $"{path}: {response.Status}");
            await Looking.AssertAccessibleAsync(admin);
        }
        await admin.GetByRole(AriaRole.Button, new() { Name = "Verify the ledger now" }).ClickAsync();
        Assert.Equal("The ledger is intact.", await admin.Locator(".verdict strong").TextContentAsync());
        await Looking.AssertAccessibleAsync(admin);

        // The welfare page of the loan on its way from Berlin to Prague, as its attendant sees it, with the form.
        var vet = await site.OpenAsync(chromium.Browser, "veterinarian@BERLIN");
        await vet.GotoAsync("/transfers?status=Dispatched");
        await vet.GetByRole(AriaRole.Link, new() { Name = "BERLIN → PRAGUE" }).ClickAsync();
        var welfare = await vet.GotoAsync(new Uri(vet.Url).AbsolutePath + "/welfare");
        Assert.True(welfare!.Ok, $"{vet.Url}: {welfare.Status}");
        await Looking.AssertAccessibleAsync(vet);

        var tablet = await site.OpenAsync(chromium.Browser, "curator@MOSCOW", width: 1024);
        foreach (var path in new[] { "/", november, november + "/transport", november + "/journey", "/transfers/new", "/specimens?holder=MOSCOW", "/institutions/MOSCOW/census" })
        {
            await tablet.GotoAsync(path);
            var overflow = await tablet.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{path} is {overflow}px wider than a 1024 px screen.");
        }
    }

    /// <summary>The journey editor on the transport coordinator's phone: it fits the screen, the form sent with its problems too.</summary>
    [Fact]
    public async Task The_journey_editor_fits_a_phone_with_its_problems_shown()
    {
        await using var site = await LiveSite.StartAsync();
        var phone = await site.OpenAsync(chromium.Browser, "transport-coordinator@MOSCOW", width: 390);
        var november = await NovemberAsync(phone);

        await phone.GotoAsync(november + "/journey");
        await Looking.AssertFitsAsync(phone);
        await Looking.AssertAccessibleAsync(phone);
        await phone.GetByLabel("Crates checked every (hours)").FillAsync("0");
        await phone.GetByLabel("Aisle for the attendants (cm)").FillAsync("400");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Save the journey" }).ClickAsync();

        Assert.Equal(2, await phone.Locator(".problems li").CountAsync());
        Assert.Contains("at least one hour", await phone.Locator("#problem-checkeveryhours").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("400", await phone.GetByLabel("Aisle for the attendants (cm)").InputValueAsync());
        await Looking.AssertFitsAsync(phone);
        await Looking.AssertAccessibleAsync(phone);
        await Looking.ScreenshotAsync(phone, "journey-problems-phone", from: "#problems");
    }

    private static async Task<string> NovemberAsync(IPage curator)
    {
        await curator.GotoAsync("/transfers?status=Accepted");
        await curator.GetByRole(AriaRole.Link, new() { Name = "MOSCOW → PYONGYANG" }).ClickAsync();
        return new Uri(curator.Url).AbsolutePath;
    }
}
