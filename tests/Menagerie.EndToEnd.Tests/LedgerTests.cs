using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace Menagerie.EndToEnd.Tests;

/// <summary>
/// The ledger and the checklist in a real browser: followed from the animal's page, on a phone in Russian and Korean,
/// verified without JavaScript, and verified again after the database file was edited behind the app's back; the
/// Species+ downloads the compliance rules read imported from a phone.
/// </summary>
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
    public async Task The_administrator_imports_a_species_plus_suspensions_download_on_a_phone_in_russian_without_javascript()
    {
        await using var site = await LiveSite.StartAsync();
        var page = await site.OpenAsync(chromium.Browser, "admin", language: "ru", width: 390, javaScript: false);
        var download = Path.Combine(Menagerie.Testing.Repository.Root, "tests", "Shared", "Checklist", "species-plus", "citessuspensions_01122026-093000_comma_separated.csv");

        await page.GotoAsync("/admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Приостановления торговли и экспортные квоты" }).ClickAsync();
        await page.GetByLabel("Выгрузка Species+ (CSV)").SetInputFilesAsync(download);
        await page.GetByLabel("Актуально на (необязательно)").FillAsync("2026-11-20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Импортировать" }).ClickAsync();

        Assert.Equal("Выгрузка приостановлений импортирована.", (await page.Locator("[role=status]").TextContentAsync())?.Trim());
        Assert.Contains("8 из citessuspensions_01122026-093000_comma_separated.csv", await page.Locator("dl.facts").TextContentAsync(), StringComparison.Ordinal);
        await Looking.ScreenshotAsync(page, "trade-measures-ru-phone");
        await Looking.AssertFitsAsync(page);

        var scripted = await site.OpenAsync(chromium.Browser, "admin", language: "ru", width: 390);
        await scripted.GotoAsync("/admin/trade-measures");
        await Looking.AssertAccessibleAsync(scripted);
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

    [Fact]
    public async Task The_administrator_sees_verify_name_a_ledger_entry_edited_in_the_database_file()
    {
        await using var site = await LiveSite.StartAsync();
        var page = await site.OpenAsync(chromium.Browser, "admin");
        Assert.Equal("The ledger is intact.", await VerifyAsync(page));

        // Test-only: the database file edited directly, as someone with access to the server could.
        var (entity, id) = await EditDatabaseAsync(site, """SELECT "EntityType", "EntityId" FROM "LedgerEntries" WHERE "Sequence" = 12""",
            """UPDATE "LedgerEntries" SET "Reason" = 'rewritten later' WHERE "Sequence" = 12""");

        Assert.Equal("The ledger is broken.", await VerifyAsync(page));
        Assert.Equal("12", await FactAsync(page, "First broken entry"));
        Assert.Equal($"{entity} {id}", await FactAsync(page, "Record"));
        Assert.Equal("Entry 12 has been altered: its content does not match its hash.", await FactAsync(page, "What is wrong"));
        await Looking.AssertAccessibleAsync(page);
        await Looking.ScreenshotAsync(page, "ledger-broken-en");
    }

    [Fact]
    public async Task The_administrator_sees_verify_name_a_record_changed_in_the_database_file_with_the_ledger_intact()
    {
        await using var site = await LiveSite.StartAsync();
        var page = await site.OpenAsync(chromium.Browser, "admin");

        var (specimen, _) = await EditDatabaseAsync(site, """SELECT "Id", "Name" FROM "Specimens" WHERE "Name" = 'Laska'""",
            """UPDATE "Specimens" SET "Name" = 'Zarya' WHERE "Name" = 'Laska'""");
        // SQLite keeps a Guid as upper-case text; the ledger names a row by the Guid as .NET writes it.
        var lioness = Guid.Parse(specimen).ToString();

        Assert.Equal("The ledger is intact, but the records differ from it.", await VerifyAsync(page));
        Assert.Equal($"Specimen {lioness}", await FactAsync(page, "First row that differs"));
        Assert.Equal("Name", await FactAsync(page, "Column"));
        Assert.Matches($"^Specimen {lioness}: Name is 'Zarya' in the records, but the ledger's entry [0-9]+ says 'Laska': it was changed outside the ledger.$",
            await FactAsync(page, "What is wrong"));
        Assert.Equal(0, await page.GetByText("The ledger is broken.").CountAsync());
        await Looking.AssertAccessibleAsync(page);
        await Looking.ScreenshotAsync(page, "ledger-records-differ-en");
    }

    /// <summary>Opens the verify page afresh, presses the button and gives the verdict's first words once the answer is there.</summary>
    private static async Task<string?> VerifyAsync(IPage page)
    {
        await page.GotoAsync("/admin/ledger");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verify the ledger now" }).ClickAsync();
        return await page.Locator(".verdict strong").TextContentAsync();
    }

    private static async Task<string> FactAsync(IPage page, string term) =>
        (await page.Locator($"dl.facts dt:text-is(\"{term}\") + dd").InnerTextAsync()).Trim();

    /// <summary>Reads two columns of a row, then runs a change on the site's SQLite file directly, around the app; the change must touch one row.</summary>
    private static async Task<(string First, string Second)> EditDatabaseAsync(LiveSite site, string read, string change)
    {
        await using var connection = new SqliteConnection($"Data Source={site.Database.SqliteFile};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = read;
        await using var reader = await select.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken), $"No row for {read}");
        var row = (reader.GetString(0), reader.GetString(1));
        await reader.CloseAsync();
        await using var update = connection.CreateCommand();
        update.CommandText = change;
        Assert.Equal(1, await update.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        return row;
    }
}
