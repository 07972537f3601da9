using Microsoft.Playwright;

namespace Menagerie.EndToEnd.Tests;

/// <summary>The administrator's pages and a person's own account page, in a real browser, in three languages and on a phone.</summary>
public sealed class AdministrationTests(Chromium chromium)
{
    [Fact]
    public async Task An_administrator_adds_a_user_and_resets_their_password_and_they_sign_in_with_the_new_one()
    {
        await using var site = await LiveSite.StartAsync();
        var page = await site.OpenAsync(chromium.Browser, "admin");

        await page.Locator("header nav").GetByRole(AriaRole.Link, new() { Name = "Administration" }).ClickAsync();
        Assert.Equal("Administration", await page.Locator("h1").TextContentAsync());
        await Looking.AssertAccessibleAsync(page);
        await Looking.ScreenshotAsync(page, "admin-en");

        await page.GetByRole(AriaRole.Link, new() { Name = "Users", Exact = true }).ClickAsync();
        Assert.Contains("registrar@MOSCOW", await page.Locator("table").TextContentAsync(), StringComparison.Ordinal);
        await Looking.AssertAccessibleAsync(page);
        await Looking.ScreenshotAsync(page, "users-en");

        await page.Locator("#field-username").FillAsync("keeper@BERLIN");
        await page.Locator("#field-role").SelectOptionAsync("StudbookKeeper");
        await page.Locator("#field-institution").SelectOptionAsync("BERLIN");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the user" }).ClickAsync();
        var first = await page.Locator("#added code.secret").TextContentAsync();
        await Looking.AssertAccessibleAsync(page);
        await Looking.ScreenshotAsync(page, "users-added-en");

        await page.GetByRole(AriaRole.Link, new() { Name = "Open their page" }).ClickAsync();
        Assert.Equal("keeper@BERLIN", await page.Locator("h1").TextContentAsync());
        await Looking.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Set a new password" }).ClickAsync();
        var second = await page.Locator("#reset code.secret").TextContentAsync();
        await Looking.AssertAccessibleAsync(page);
        await Looking.ScreenshotAsync(page, "user-reset-en");

        var keeper = await site.OpenAsync(chromium.Browser);
        await keeper.GotoAsync("/Account/SignIn");
        await keeper.Locator("#user-name").FillAsync("keeper@BERLIN");
        await keeper.Locator("#password").FillAsync(first!);
        await keeper.Locator("main button[type=submit]").ClickAsync();
        var problem = await keeper.Locator("#sign-in-problem").TextContentAsync();
        var refused = keeper.Url;
        await LiveSite.SignInAsync(keeper, "keeper@BERLIN", second!);

        Assert.Equal(20, first?.Length);
        Assert.NotEqual(first, second);
        Assert.Contains("The user name or the password is wrong", problem, StringComparison.Ordinal);
        Assert.Contains("/Account/SignIn", refused, StringComparison.Ordinal);
        Assert.Equal("keeper@BERLIN", await keeper.Locator("header .account a[href='/account']").TextContentAsync());
    }

    [Fact]
    public async Task A_person_creates_a_token_seen_once_and_changes_their_password_without_leaving()
    {
        await using var site = await LiveSite.StartAsync();
        var page = await site.OpenAsync(chromium.Browser, "registrar@MOSCOW");

        await page.Locator("header .account").GetByRole(AriaRole.Link, new() { Name = "registrar@MOSCOW" }).ClickAsync();
        Assert.Contains("registrar at Moscow Zoo (MOSCOW)", await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        await Looking.AssertAccessibleAsync(page);
        await Looking.ScreenshotAsync(page, "account-en");

        await page.Locator("#field-name").FillAsync("census script");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create a token" }).ClickAsync();
        var secret = await page.Locator("#new-token code.secret").TextContentAsync();
        await Looking.AssertAccessibleAsync(page);
        await Looking.ScreenshotAsync(page, "account-token-en");
        await page.GotoAsync("/account");
        var secretsLater = await page.Locator("code.secret").CountAsync();
        var listed = await page.Locator("table tbody").TextContentAsync();

        await page.Locator("#field-current").FillAsync("not my password");
        await page.Locator("#field-new").FillAsync("short");
        await page.Locator("#field-repeat").FillAsync("another");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        var problems = await page.Locator("#problems li").AllTextContentsAsync();
        var beside = await page.Locator(".field-problem").AllTextContentsAsync();
        await Looking.AssertAccessibleAsync(page);
        await Looking.ScreenshotAsync(page, "account-password-problems-en");
        await page.Locator("#field-current").FillAsync(Web.Tests.MenagerieFactory.Password);
        await page.Locator("#field-new").FillAsync("my very own passphrase");
        await page.Locator("#field-repeat").FillAsync("my very own passphrase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        var changed = await page.Locator("[role=status]").TextContentAsync();
        await page.GotoAsync("/specimens?holder=MOSCOW");

        Assert.StartsWith("mng_", secret, StringComparison.Ordinal);
        Assert.Equal(0, secretsLater);
        Assert.Contains("census script", listed, StringComparison.Ordinal);
        Assert.Contains(secret![..10], listed, StringComparison.Ordinal);
        Assert.Equal(3, problems.Count);
        Assert.Equal(["The current password is wrong.", "A password needs at least 12 characters.", "The new password and its repeat differ."], beside);
        Assert.Contains("Your password is changed.", changed, StringComparison.Ordinal);
        Assert.Equal("Animals", await page.Locator("h1").TextContentAsync());
    }

    [Fact]
    public async Task Institutions_and_countries_are_kept_on_their_pages()
    {
        await using var site = await LiveSite.StartAsync();
        var page = await site.OpenAsync(chromium.Browser, "admin");

        await page.GotoAsync("/admin/institutions");
        await Looking.AssertAccessibleAsync(page);
        await Looking.ScreenshotAsync(page, "institutions-en");
        await page.GetByRole(AriaRole.Link, new() { Name = "Change BERLIN" }).ClickAsync();
        await page.Locator("#field-timezone").SelectOptionAsync("Europe/Paris");
        await Looking.AssertAccessibleAsync(page);
        await Looking.ScreenshotAsync(page, "institution-change-en");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        var saved = await page.Locator("[role=status]").TextContentAsync();
        var berlin = await page.Locator("tr#BERLIN").TextContentAsync();

        await page.GotoAsync("/admin/countries");
        await Looking.AssertAccessibleAsync(page);
        await Looking.ScreenshotAsync(page, "countries-en");
        await page.GetByRole(AriaRole.Link, new() { Name = "Change KP" }).ClickAsync();
        await page.Locator("#field-statussource").FillAsync("");
        await page.Locator("#field-statussource").EvaluateAsync("field => field.removeAttribute('required')");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        var problem = await page.Locator("#problem-statussource").TextContentAsync();
        await Looking.AssertAccessibleAsync(page);
        await Looking.ScreenshotAsync(page, "country-change-problem-en");

        Assert.Contains("is saved", saved, StringComparison.Ordinal);
        Assert.Contains("Europe/Paris", berlin, StringComparison.Ordinal);
        Assert.Contains("source", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_users_and_account_pages_fit_a_phone_in_russian_and_korean()
    {
        await using var site = await LiveSite.StartAsync();
        var russian = await site.OpenAsync(chromium.Browser, "admin", language: "ru-RU", width: 390);
        var korean = await site.OpenAsync(chromium.Browser, "registrar@PYONGYANG", language: "ko-KR", width: 390);

        await russian.GotoAsync("/admin/users");
        Assert.Equal("Пользователи", await russian.Locator("h1").TextContentAsync());
        await Looking.ScreenshotAsync(russian, "users-ru-phone");
        await Looking.AssertFitsAsync(russian);
        await Looking.AssertAccessibleAsync(russian);
        await russian.GotoAsync("/admin/users/registrar@MOSCOW");
        Assert.Contains("регистратор в MOSCOW", await russian.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        await Looking.ScreenshotAsync(russian, "user-ru-phone");
        await Looking.AssertFitsAsync(russian);
        await Looking.AssertAccessibleAsync(russian);

        await korean.GotoAsync("/account");
        Assert.Contains("내 계정", await korean.Locator("h1").TextContentAsync(), StringComparison.Ordinal);
        await Looking.ScreenshotAsync(korean, "account-ko-phone");
        await Looking.AssertFitsAsync(korean);
        await Looking.AssertAccessibleAsync(korean);
        await korean.GotoAsync("/admin");
        Assert.Equal(403, (await korean.EvaluateAsync<int>("fetch('/admin').then(r => r.status)")));
    }

}
