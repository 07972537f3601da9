using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Menagerie.App.Accounts;
using Menagerie.App.Persistence;
using Menagerie.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Menagerie.Web.Tests;

/// <summary>An administrator disables, enables, unlocks and resets users; a user changes their own password.</summary>
public sealed partial class AccountTests
{
    private const string WrongPassword = "The user name or the password is wrong, or the account is locked for 15 minutes after too many failed attempts.";

    [Fact]
    public async Task A_disabled_users_token_and_cookie_stop_at_the_next_request_and_work_again_once_enabled()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        using var admin = await factory.ClientAsAsync("admin", new MembershipInput(Role.Administrator));
        using var token = TokenClient(factory, await UserWithTokenAsync(factory, "registrar@MOSCOW"));
        using var browser = await SignedInAsync(factory, "registrar@MOSCOW", Password);
        using var page = await SignedInAsync(factory, "registrar@MOSCOW", Password);
        var before = (await token.GetAsync("/api/v1/me", Ct), await browser.GetAsync("/api/v1/me", Ct));

        var disabled = await admin.PostAsync("/api/v1/users/registrar@MOSCOW/disable", null, Ct);
        var whileDisabled = (await token.GetAsync("/api/v1/me", Ct), await browser.GetAsync("/api/v1/me", Ct));
        var home = await page.GetStringAsync("/", Ct);
        var enabled = await admin.PostAsync("/api/v1/users/registrar@MOSCOW/enable", null, Ct);
        var tokenAgain = await token.GetAsync("/api/v1/me", Ct);
        using var browserAgain = await SignedInAsync(factory, "registrar@MOSCOW", Password);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (before.Item1.StatusCode, before.Item2.StatusCode));
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.True((await disabled.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("disabled").GetBoolean());
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (whileDisabled.Item1.StatusCode, whileDisabled.Item2.StatusCode));
        Assert.DoesNotContain("registrar@MOSCOW", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/Account/SignIn\"", home, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, tokenAgain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browserAgain.GetAsync("/api/v1/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_disabled_user_signing_in_is_told_what_a_wrong_password_is_told()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        using var admin = await factory.ClientAsAsync("admin", new MembershipInput(Role.Administrator));
        await UserWithTokenAsync(factory, "curator@MOSCOW");
        (await admin.PostAsync("/api/v1/users/curator@MOSCOW/disable", null, Ct)).EnsureSuccessStatusCode();
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var disabled = await SignInAsync(client, "curator@MOSCOW", Password);
        var wrong = await SignInAsync(client, "curator@MOSCOW", "not the password either");
        var unknown = await SignInAsync(client, "nobody@MOSCOW", Password);

        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        var pages = new[] { await disabled.Content.ReadAsStringAsync(Ct), await wrong.Content.ReadAsStringAsync(Ct), await unknown.Content.ReadAsStringAsync(Ct) };
        Assert.All(pages, p => Assert.Contains(WrongPassword, p, StringComparison.Ordinal));
        Assert.Equal(Problem(pages[1]), Problem(pages[0]));
        await using var db = TestDatabase.Open(database.Options);
        Assert.Equal(["disabled", "disabled", "unknown user"], await db.SignIns.OrderBy(r => r.At).ThenBy(r => r.Id).Select(r => r.Outcome).ToListAsync(Ct));
    }

    [Fact]
    public async Task A_lockout_stops_signing_in_until_an_administrator_unlocks_it_but_not_the_users_token()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database, settings: [("Menagerie:RateLimit:SignInPerMinute", "100")]);
        using var admin = await factory.ClientAsAsync("admin", new MembershipInput(Role.Administrator));
        using var token = TokenClient(factory, await UserWithTokenAsync(factory, "viewer@MOSCOW"));
        using var guesser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var before = await token.GetAsync("/api/v1/me", Ct);

        for (var i = 0; i < 5; i++)
            await SignInAsync(guesser, "viewer@MOSCOW", "guess " + i);
        var whileLocked = await token.GetAsync("/api/v1/me", Ct);
        var lockedOut = await SignInAsync(guesser, "viewer@MOSCOW", Password);
        var unlocked = await admin.PostAsync("/api/v1/users/viewer@MOSCOW/unlock", null, Ct);
        var afterwards = await token.GetAsync("/api/v1/me", Ct);
        var signIn = await SignInAsync(guesser, "viewer@MOSCOW", Password);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, whileLocked.StatusCode);
        Assert.Contains(WrongPassword, await lockedOut.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, unlocked.StatusCode);
        Assert.False((await unlocked.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("lockedOut").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task A_password_reset_ends_the_sessions_signed_in_with_the_old_one()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        using var admin = await factory.ClientAsAsync("admin", new MembershipInput(Role.Administrator));
        using var token = TokenClient(factory, await UserWithTokenAsync(factory, "registrar@MOSCOW"));
        using var browser = await SignedInAsync(factory, "registrar@MOSCOW", Password);
        var before = await browser.GetAsync("/api/v1/me", Ct);

        var reset = await admin.PostAsJsonAsync("/api/v1/users/registrar@MOSCOW/reset-password", new { password = "a brand new passphrase" }, Ct);
        var oldSession = await browser.GetAsync("/api/v1/me", Ct);
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var oldPassword = await SignInAsync(client, "registrar@MOSCOW", Password);
        var newPassword = await SignInAsync(client, "registrar@MOSCOW", "a brand new passphrase");
        var generated = await admin.PostAsync("/api/v1/users/registrar@MOSCOW/reset-password", null, Ct);
        var unknown = await admin.PostAsJsonAsync("/api/v1/users/nobody@MOSCOW/reset-password", new { password = "a brand new passphrase" }, Ct);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var body = await reset.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(("registrar@MOSCOW", JsonValueKind.Null), (body.GetProperty("user").GetProperty("userName").GetString(), body.GetProperty("generatedPassword").ValueKind));
        Assert.Equal(HttpStatusCode.Unauthorized, oldSession.StatusCode);
        Assert.Contains(WrongPassword, await oldPassword.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, newPassword.StatusCode);
        Assert.Equal(AccountCommands.GeneratedPasswordLength,
            (await generated.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("generatedPassword").GetString()?.Length);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        // A personal token is a credential of its own, revoked by its owner: a new password leaves it working.
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/v1/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task Changing_your_own_password_keeps_this_session_and_ends_the_others()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await UserWithTokenAsync(factory, "curator@MOSCOW");
        using var here = await SignedInAsync(factory, "curator@MOSCOW", Password);
        using var elsewhere = await SignedInAsync(factory, "curator@MOSCOW", Password);
        var ledger = await database.LedgerEntriesAsync();

        var refused = await here.PostAsJsonAsync("/api/v1/me/password", new { current = "not my password", @new = "short" }, Ct);
        var ledgerAfterRefusal = await database.LedgerEntriesAsync();
        var changed = await here.PostAsJsonAsync("/api/v1/me/password", new { current = Password, @new = "my very own passphrase" }, Ct);
        var stillHere = await here.GetAsync("/api/v1/me", Ct);
        var gone = await elsewhere.GetAsync("/api/v1/me", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal(["current", "new"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(ledger, ledgerAfterRefusal);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillHere.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, gone.StatusCode);
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, "curator@MOSCOW", "my very own passphrase")).StatusCode);
    }

    private static HttpClient TokenClient(MenagerieFactory factory, string secret)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    /// <summary>A browser signed in through the sign-in page: its cookie is its session.</summary>
    private static async Task<HttpClient> SignedInAsync(MenagerieFactory factory, string userName, string password)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, userName, password)).StatusCode);
        return client;
    }

    private static string Problem(string page) => page[page.IndexOf("<p class=\"problem\"", StringComparison.Ordinal)..page.IndexOf("</p>", page.IndexOf("<p class=\"problem\"", StringComparison.Ordinal), StringComparison.Ordinal)];
}
