using System.Diagnostics;
using System.Globalization;
using Menagerie.Testing;
using Microsoft.Playwright;

namespace Menagerie.EndToEnd.Tests;

/// <summary>
/// Transfers from one zoo to another in the browser, each person signed in as themselves: the Berlin lion's loan
/// received at Prague; Moscow's gift of a red panda and part of a group of ducks to Pyongyang, from proposal to
/// the last missing duck found; and the authority of the DPRK reading it without a button to press.
/// </summary>
public sealed class TransferStoryTests(Chromium chromium)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Prague_receives_the_Berlin_lion_on_loan()
    {
        await using var site = await LiveSite.StartAsync();
        var prague = await site.OpenAsync(chromium.Browser, "registrar@PRAGUE");

        await prague.GetByRole(AriaRole.Link, new() { Name = "BERLIN → PRAGUE" }).ClickAsync();
        await prague.GetByRole(AriaRole.Link, new() { Name = "Receive the animals" }).ClickAsync();
        await prague.Locator("#field-lines-0--identifiers-0-").FillAsync("PRG-L1");
        await Looking.AssertAccessibleAsync(prague);
        await prague.GetByRole(AriaRole.Button, new() { Name = "Record the receipt" }).ClickAsync();

        Assert.Contains("received", await prague.Locator("h1").TextContentAsync(), StringComparison.Ordinal);
        await prague.GetByRole(AriaRole.Link, new() { Name = "Census" }).First.ClickAsync();
        Assert.Contains("Panthera leo", await prague.Locator("main table").TextContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moscow_gives_Pyongyang_a_red_panda_and_four_ducks_and_every_animal_is_accounted_for()
    {
        await using var site = await LiveSite.StartAsync();
        var browser = chromium.Browser;
        var moscowBefore = await CensusTotalAsync(site, "registrar@MOSCOW", "MOSCOW");
        var pyongyangBefore = await CensusTotalAsync(site, "registrar@PYONGYANG", "PYONGYANG");

        // Moscow's curator proposes the animals; clearing is not offered to anyone yet.
        var curator = await site.OpenAsync(browser, "curator@MOSCOW");
        await curator.GotoAsync("/transfers/new");
        await curator.Locator("#field-receiver").SelectOptionAsync("PYONGYANG");
        await curator.GetByRole(AriaRole.Checkbox, new() { Name = "Send Persik" }).CheckAsync();
        var ducks = curator.Locator("tbody tr", new() { HasText = "Mandarin ducks, pond 2" });
        await ducks.GetByRole(AriaRole.Checkbox).CheckAsync();
        await ducks.GetByRole(AriaRole.Textbox).FillAsync("2.2.0");
        await curator.Locator("#submit-now").CheckAsync();
        await Looking.AssertAccessibleAsync(curator);
        await Looking.ScreenshotAsync(curator, "transfer-new-en");
        await curator.GetByRole(AriaRole.Button, new() { Name = "Create the transfer" }).ClickAsync();
        var transfer = curator.Url.Split('?')[0];
        Assert.Contains("proposed", await curator.Locator("h1").TextContentAsync(), StringComparison.Ordinal);

        // Pyongyang's curator accepts.
        var receiver = await site.OpenAsync(browser, "curator@PYONGYANG", language: "ko-KR");
        await receiver.GotoAsync(transfer);
        await receiver.GetByRole(AriaRole.Button, new() { Name = "수락" }).ClickAsync();
        Assert.Contains("수락됨", await receiver.Locator("h1").TextContentAsync(), StringComparison.Ordinal);

        // Moscow's curator sees clearing refused, with the blocks named.
        await curator.GotoAsync(transfer);
        var clear = curator.GetByRole(AriaRole.Button, new() { Name = "clear to leave" });
        Assert.True(await clear.IsDisabledAsync());
        var why = await curator.Locator("#clear-blocked").TextContentAsync();
        Assert.Contains("C-60", why, StringComparison.Ordinal);
        Assert.Contains("C-61", why, StringComparison.Ordinal);
        Assert.Contains("V-01", why, StringComparison.Ordinal);
        Assert.Contains("L-04", why, StringComparison.Ordinal);
        await Looking.AssertAccessibleAsync(curator);
        await Looking.ScreenshotAsync(curator, "transfer-blocked-en");

        // Moscow's registrar registers the documents the blocks ask for.
        var registrar = await site.OpenAsync(browser, "registrar@MOSCOW");
        await RegisterAsync(registrar, transfer, "comparable-documentation", "KP-CD-2026-7", "Central Zoo Authority, DPRK", "KP", "2026-11-01");
        await RegisterAsync(registrar, transfer, "export-permit", "RU-2026-EX-204", "Rosprirodnadzor", "RU", "2026-11-10");
        await RegisterAsync(registrar, transfer, "veterinary-certificate", "RU-VET-2026-88", "Moscow Veterinary Committee", "RU", "2026-11-25");

        // Russia's authority approves the gift on the transfer's page, in Russian.
        var russia = await site.OpenAsync(browser, "authority@RU", language: "ru-RU");
        await russia.GotoAsync(transfer);
        await russia.GetByRole(AriaRole.Button, new() { Name = "Одобрить" }).ClickAsync();
        Assert.Contains("одобрена властями", await russia.Locator(".timeline").TextContentAsync(), StringComparison.Ordinal);
        await Looking.AssertAccessibleAsync(russia);

        // Now it clears, and the animals leave.
        await curator.GotoAsync(transfer);
        await curator.Locator("#clear-reason").FillAsync("Permits and certificate held; state gift approved");
        await curator.GetByRole(AriaRole.Button, new() { Name = "clear to leave" }).ClickAsync();
        Assert.Contains("cleared", await curator.Locator("h1").TextContentAsync(), StringComparison.Ordinal);
        await registrar.GotoAsync(transfer);
        await registrar.Locator("#dispatch-date").FillAsync("2026-11-29");
        await registrar.Locator("#dispatch-time").FillAsync("06:30");
        await registrar.GetByRole(AriaRole.Button, new() { Name = "dispatch" }).ClickAsync();
        Assert.Contains("dispatched", await registrar.Locator("h1").TextContentAsync(), StringComparison.Ordinal);

        // The authority of the DPRK reads it, and has nothing to press but the day to see the requirements on.
        var authority = await site.OpenAsync(browser, "authority@KP");
        await authority.GotoAsync(transfer);
        Assert.Equal(0, await authority.Locator("main form[method=post]").CountAsync());
        Assert.Contains("C-61", await authority.Locator("table.requirements").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(403, (await authority.GotoAsync("/institutions/MOSCOW/census"))!.Status);

        // Pyongyang's registrar receives: the panda alive, a drake dead on arrival, a duck missing — later found.
        var pyongyang = await site.OpenAsync(browser, "registrar@PYONGYANG", width: 390);
        await pyongyang.GotoAsync(transfer + "/receive");
        await pyongyang.Locator("#field-lines-0--identifiers-0-").FillAsync("PYO-RP-1");
        await pyongyang.Locator("#field-lines-1--arrived").FillAsync("1.1.0");
        await pyongyang.Locator("#field-lines-1--deadonarrival").FillAsync("1.0.0");
        await pyongyang.Locator("#field-lines-1--missing").FillAsync("0.0.0");
        var wrongSum = await pyongyang.Locator("[data-sum]").TextContentAsync();
        await pyongyang.Locator("#field-lines-1--missing").FillAsync("0.1.0");
        var rightSum = await pyongyang.Locator("[data-sum]").TextContentAsync();
        await Looking.AssertAccessibleAsync(pyongyang);
        await Looking.ScreenshotAsync(pyongyang, "receipt-en-phone");
        await pyongyang.GetByRole(AriaRole.Button, new() { Name = "Record the receipt" }).ClickAsync();
        Assert.Contains("received", await pyongyang.Locator("h1").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("Animals that left have not all been accounted for", await pyongyang.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        await pyongyang.Locator("#resolve-2").FillAsync("Found in the crate's straw at unloading");
        await pyongyang.GetByRole(AriaRole.Button, new() { Name = "Found", Exact = true }).ClickAsync();

        Assert.Equal("Adds up to 2.1.0; 2.2.0 left.", wrongSum?.Trim());
        Assert.Equal("Adds up to what left (2.2.0).", rightSum?.Trim());
        Assert.DoesNotContain("have not all been accounted for", await pyongyang.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(moscowBefore - 5, await CensusTotalAsync(site, "registrar@MOSCOW", "MOSCOW"));
        Assert.Equal(pyongyangBefore + 4, await CensusTotalAsync(site, "registrar@PYONGYANG", "PYONGYANG"));
        Assert.Equal(0, await AuditVerifyAsync(site));
    }

    [Fact]
    public async Task The_transfer_pages_read_in_Russian_and_Korean_and_pass_the_accessibility_checks()
    {
        await using var site = await LiveSite.StartAsync();
        var moscow = await site.OpenAsync(chromium.Browser, "curator@MOSCOW", language: "ru-RU");
        var prague = await site.OpenAsync(chromium.Browser, "registrar@PRAGUE", language: "ru-RU", width: 390);
        var pyongyang = await site.OpenAsync(chromium.Browser, "curator@PYONGYANG", language: "ko-KR");

        await moscow.GotoAsync("/transfers");
        await Looking.AssertAccessibleAsync(moscow);
        await moscow.GetByRole(AriaRole.Link, new() { Name = "MOSCOW → PYONGYANG" }).First.ClickAsync();
        Assert.Contains("Требования", await moscow.Locator("#requirements").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("заблокировано", await moscow.Locator(".verdict").TextContentAsync(), StringComparison.Ordinal);
        await Looking.AssertAccessibleAsync(moscow);
        await Looking.ScreenshotAsync(moscow, "transfer-ru");
        await Looking.ScreenshotAsync(moscow, "requirements-ru", from: "#requirements");
        await prague.GotoAsync("/transfers?view=NeedsMyAction");
        await prague.GetByRole(AriaRole.Link, new() { Name = "BERLIN → PRAGUE" }).ClickAsync();
        await prague.GetByRole(AriaRole.Link, new() { Name = "Принять животных" }).ClickAsync();
        await Looking.AssertAccessibleAsync(prague);
        await Looking.ScreenshotAsync(prague, "receipt-ru-phone");
        await pyongyang.GotoAsync("/transfers");
        await pyongyang.GetByRole(AriaRole.Link, new() { Name = "MOSCOW → PYONGYANG" }).First.ClickAsync();
        Assert.Contains("요건", await pyongyang.Locator("#requirements").TextContentAsync(), StringComparison.Ordinal);
        await Looking.AssertAccessibleAsync(pyongyang);
        await Looking.ScreenshotAsync(pyongyang, "transfer-ko");
    }

    private static async Task RegisterAsync(IPage page, string transfer, string type, string number, string authority, string state, string issued)
    {
        await page.GotoAsync(transfer + "/documents/new");
        await page.Locator("#field-type").SelectOptionAsync(type);
        await page.Locator("#field-number").FillAsync(number);
        await page.Locator("#field-issuingauthority").FillAsync(authority);
        await page.Locator("#field-issuingstate").FillAsync(state);
        await page.Locator("#field-issuedon").FillAsync(issued);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();
        Assert.Contains(number, await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);
    }

    /// <summary>An institution's census total today, as its page shows it.</summary>
    private async Task<int> CensusTotalAsync(LiveSite site, string user, string institution)
    {
        var page = await site.OpenAsync(chromium.Browser, user);
        await page.GotoAsync($"/institutions/{institution}/census");
        var total = await page.Locator("tfoot td.num").TextContentAsync();
        await page.Context.CloseAsync();
        return int.Parse(total!.Replace(",", "", StringComparison.Ordinal).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);
    }

    /// <summary>`menagerie audit verify` on the site's database file: its exit code.</summary>
    private static async Task<int> AuditVerifyAsync(LiveSite site)
    {
        var start = new ProcessStartInfo("dotnet", ["run", "--no-build", "--project", Path.Combine(Repository.Root, "src", "Menagerie.Cli"), "--", "audit", "verify", "--database", site.Database.SqliteFile!])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        Assert.True(process.ExitCode == 0, output + await process.StandardError.ReadToEndAsync(Ct));
        return process.ExitCode;
    }
}
