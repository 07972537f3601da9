using System.Net;
using System.Net.Http.Headers;
using Menagerie.App.Persistence;
using Menagerie.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using static Menagerie.Web.Tests.PageForms;

namespace Menagerie.Web.Tests;

/// <summary>A person's own account page: who they are, their password, their personal API tokens.</summary>
public sealed class AccountPageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_account_page_names_the_person_and_their_memberships()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await SampleUsersAsync(factory);
        using var registrar = await SignedInAsync(factory, "registrar@MOSCOW");
        using var authority = await SignedInAsync(factory, "authority@KP");

        var mine = await registrar.GetStringAsync("/account", Ct);
        var theirs = await authority.GetStringAsync("/account", Ct);

        Assert.Contains("<small>registrar@MOSCOW</small>", mine, StringComparison.Ordinal);
        Assert.Contains("registrar at Moscow Zoo (MOSCOW)", mine, StringComparison.Ordinal);
        Assert.Contains("authority over ", theirs, StringComparison.Ordinal);
        Assert.Contains("(KP)", theirs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_tokens_secret_is_shown_once_works_and_stops_when_revoked_on_the_page()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await SampleUsersAsync(factory);
        using var browser = await SignedInAsync(factory, "registrar@MOSCOW");

        var created = await PostAsync(browser, "/account", "/account?handler=Token", ("TokenName", "census script"));
        var page = await created.Content.ReadAsStringAsync(Ct);
        var secret = Assert.Single(Secrets(page));
        var later = await browser.GetStringAsync("/account", Ct);
        using var program = factory.CreateClient();
        program.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var working = await program.GetAsync("/api/v1/me", Ct);
        var id = Hidden(later, "id");
        var revoked = await PostAsync(browser, "/account", "/account?handler=Revoke", ("id", id));
        var afterwards = await program.GetAsync("/api/v1/me", Ct);
        var listed = await browser.GetStringAsync("/account?done=revoked", Ct);

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("no-store", created.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("mng_", secret, StringComparison.Ordinal);
        Assert.Contains("The token “census script” is created.", page, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, later, StringComparison.Ordinal);
        Assert.Empty(Secrets(later));
        Assert.Contains($"<code>{secret[..10]}…</code>", later, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, working.StatusCode);
        Assert.Equal((HttpStatusCode.Redirect, "/account?done=revoked"), (revoked.StatusCode, revoked.Headers.Location?.OriginalString));
        Assert.Equal(HttpStatusCode.Unauthorized, afterwards.StatusCode);
        Assert.Contains("The token is revoked", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Revoke", listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_without_a_name_is_refused_beside_its_field()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await SampleUsersAsync(factory);
        using var browser = await SignedInAsync(factory, "viewer@BERLIN");

        var refused = await PostAsync(browser, "/account", "/account?handler=Token", ("TokenName", "   "));
        var page = await refused.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("id=\"problem-name\"", page, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"problem-name\"", page, StringComparison.Ordinal);
        Assert.Empty(Secrets(page));
    }

    [Fact]
    public async Task Changing_your_password_names_every_problem_beside_its_field_then_keeps_this_session_and_ends_the_others()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await SampleUsersAsync(factory);
        using var here = await SignedInAsync(factory, "curator@PRAGUE");
        using var elsewhere = await SignedInAsync(factory, "curator@PRAGUE");
        var ledger = await database.LedgerEntriesAsync();

        var refused = await PostAsync(here, "/account", "/account?handler=Password",
            ("Current", "not my password"), ("New", "short"), ("Repeat", "shorter"));
        var problems = await refused.Content.ReadAsStringAsync(Ct);
        var ledgerAfterRefusal = await database.LedgerEntriesAsync();
        var changed = await PostAsync(here, "/account", "/account?handler=Password",
            ("Current", MenagerieFactory.Password), ("New", "my very own passphrase"), ("Repeat", "my very own passphrase"));
        var stillHere = await here.GetAsync("/account?done=password", Ct);
        var gone = await elsewhere.GetAsync("/account", Ct);
        using var fresh = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var withOld = await SignInAsync(fresh, "curator@PRAGUE", MenagerieFactory.Password);
        var withNew = await SignInAsync(fresh, "curator@PRAGUE", "my very own passphrase");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("<p class=\"field-problem\" id=\"problem-current\"><span>The current password is wrong.</span></p>", problems, StringComparison.Ordinal);
        Assert.Contains("<p class=\"field-problem\" id=\"problem-new\"><span>A password needs at least 12 characters.</span></p>", problems, StringComparison.Ordinal);
        Assert.Contains("<p class=\"field-problem\" id=\"problem-repeat\"><span>The new password and its repeat differ.</span></p>", problems, StringComparison.Ordinal);
        Assert.DoesNotContain("not my password", problems, StringComparison.Ordinal);
        Assert.Equal(ledger, ledgerAfterRefusal);
        Assert.Equal((HttpStatusCode.Redirect, "/account?done=password"), (changed.StatusCode, changed.Headers.Location?.OriginalString));
        Assert.Equal(HttpStatusCode.OK, stillHere.StatusCode);
        Assert.Contains("Your password is changed.", await stillHere.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, gone.StatusCode);
        Assert.StartsWith("/Account/SignIn", gone.Headers.Location?.PathAndQuery(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, withOld.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, withNew.StatusCode);
    }

    [Fact]
    public async Task The_account_page_speaks_the_readers_language()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await SampleUsersAsync(factory);
        using var browser = await SignedInAsync(factory, "veterinarian@PYONGYANG");
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ko-KR");

        var page = await browser.GetStringAsync("/account", Ct);

        Assert.Contains("<h1>내 계정", page, StringComparison.Ordinal);
        Assert.Contains("PYONGYANG) 수의사", page, StringComparison.Ordinal);
    }
}
