using System.Net;
using Menagerie.App.Persistence;
using Menagerie.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using static Menagerie.Web.Tests.PageForms;

namespace Menagerie.Web.Tests;

/// <summary>The administrator's pages: users and their sign-in, institutions, countries; and nobody else's.</summary>
public sealed class AdministrationPageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Pages =
    [
        "/admin", "/admin/users", "/admin/users/registrar@MOSCOW", "/admin/institutions", "/admin/institutions/MOSCOW", "/admin/countries", "/admin/countries/RU",
    ];

    [Fact]
    public async Task Nobody_but_the_administrator_opens_an_administration_page()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await SampleUsersAsync(factory);
        using var admin = await SignedInAsync(factory, "admin");
        using var curator = await SignedInAsync(factory, "curator@MOSCOW");
        using var authority = await SignedInAsync(factory, "authority@RU");

        foreach (var page in Pages)
        {
            var refused = await curator.GetAsync(page, Ct);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("You may not do this", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await authority.GetAsync(page, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(page, Ct)).StatusCode);
        }
        Assert.Contains("href=\"/admin\"", await admin.GetStringAsync("/", Ct), StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin\"", await curator.GetStringAsync("/", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_disabled_on_the_page_is_sent_to_sign_in_at_their_next_page_and_may_sign_in_once_enabled()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await SampleUsersAsync(factory);
        using var admin = await SignedInAsync(factory, "admin");
        using var curator = await SignedInAsync(factory, "curator@MOSCOW");
        const string Page = "/admin/users/curator@MOSCOW";
        var before = await curator.GetAsync("/specimens?holder=MOSCOW", Ct);

        var disabled = await PostAsync(admin, Page, $"{Page}?handler=Disable");
        var told = await admin.GetStringAsync(disabled.Headers.Location!.OriginalString, Ct);
        var after = await curator.GetAsync("/specimens?holder=MOSCOW", Ct);
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var whileDisabled = await SignInAsync(client, "curator@MOSCOW", MenagerieFactory.Password);
        var enabled = await PostAsync(admin, Page, $"{Page}?handler=Enable");
        var again = await SignInAsync(client, "curator@MOSCOW", MenagerieFactory.Password);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal((HttpStatusCode.Redirect, $"{Page}?done=disabled"), (disabled.StatusCode, disabled.Headers.Location?.OriginalString));
        Assert.Contains("curator@MOSCOW is disabled", told, StringComparison.Ordinal);
        Assert.Contains("<span class=\"status status-lost\">disabled</span>", told, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/SignIn", after.Headers.Location.PathAndQuery(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, whileDisabled.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task A_locked_out_user_is_listed_as_such_and_unlocked_on_their_page()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database, settings: [("Menagerie:RateLimit:SignInPerMinute", "100")]);
        await SampleUsersAsync(factory);
        using var admin = await SignedInAsync(factory, "admin");
        using var guesser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var i = 0; i < 5; i++)
            await SignInAsync(guesser, "viewer@PRAGUE", "guess " + i);
        const string Page = "/admin/users/viewer@PRAGUE";

        var locked = await admin.GetStringAsync("/admin/users?show=locked", Ct);
        var start = await admin.GetStringAsync("/admin", Ct);
        var before = await admin.GetStringAsync(Page, Ct);
        var unlocked = await PostAsync(admin, Page, $"{Page}?handler=Unlock");
        var after = await admin.GetStringAsync(Page, Ct);
        var signIn = await SignInAsync(guesser, "viewer@PRAGUE", MenagerieFactory.Password);

        Assert.Contains("1 of 29 users.", locked, StringComparison.Ordinal);
        Assert.Contains("<td>locked out after failed sign-ins</td>", locked, StringComparison.Ordinal);
        Assert.Contains("Locked out after failed sign-ins: 1", start, StringComparison.Ordinal);
        Assert.Contains("handler=Unlock", before, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Redirect, $"{Page}?done=unlocked"), (unlocked.StatusCode, unlocked.Headers.Location?.OriginalString));
        Assert.DoesNotContain("handler=Unlock", after, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task The_last_administrator_is_not_disabled_and_the_page_says_why()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await SampleUsersAsync(factory);
        using var admin = await SignedInAsync(factory, "admin");
        var ledger = await database.LedgerEntriesAsync();

        var refused = await PostAsync(admin, "/admin/users/admin", "/admin/users/admin?handler=Disable");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("This is the last administrator who may sign in", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(ledger, await database.LedgerEntriesAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_user_added_with_a_generated_password_signs_in_with_it_and_a_reset_replaces_it_each_shown_once()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await SampleUsersAsync(factory);
        using var admin = await SignedInAsync(factory, "admin");

        var added = await PostAsync(admin, "/admin/users", "/admin/users?handler=Add",
            ("UserName", "keeper@PRAGUE"), ("Password", ""), ("Membership.Role", "StudbookKeeper"), ("Membership.Institution", "PRAGUE"), ("Membership.Country", ""));
        var addedPage = await added.Content.ReadAsStringAsync(Ct);
        var first = Assert.Single(Secrets(addedPage));
        var list = await admin.GetStringAsync("/admin/users?q=keeper", Ct);
        using var keeper = await SignedInAsync(factory, "keeper@PRAGUE", first);
        var reset = await PostAsync(admin, "/admin/users/keeper@PRAGUE", "/admin/users/keeper@PRAGUE?handler=Reset", ("Password", ""));
        var second = Assert.Single(Secrets(await reset.Content.ReadAsStringAsync(Ct)));
        var oldSession = await keeper.GetAsync("/account", Ct);
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var withFirst = await SignInAsync(client, "keeper@PRAGUE", first);
        var withSecond = await SignInAsync(client, "keeper@PRAGUE", second);

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Contains("keeper@PRAGUE is added.", addedPage, StringComparison.Ordinal);
        Assert.Equal(20, first.Length);
        Assert.Contains("studbook keeper at PRAGUE", list, StringComparison.Ordinal);
        Assert.DoesNotContain(first, list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.Redirect, oldSession.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withFirst.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, withSecond.StatusCode);
    }

    [Fact]
    public async Task Memberships_are_given_and_taken_away_on_the_page_and_count_from_the_next_request()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await SampleUsersAsync(factory);
        using var admin = await SignedInAsync(factory, "admin");
        using var vet = await SignedInAsync(factory, "veterinarian@BERLIN");
        const string Page = "/admin/users/veterinarian@BERLIN";
        var before = await vet.GetAsync("/institutions/MOSCOW/census", Ct);

        var incomplete = await PostAsync(admin, Page, $"{Page}?handler=Join", ("Membership.Role", "Veterinarian"), ("Membership.Institution", ""));
        var incompletePage = await incomplete.Content.ReadAsStringAsync(Ct);
        var given = await PostAsync(admin, Page, $"{Page}?handler=Join", ("Membership.Role", "Veterinarian"), ("Membership.Institution", "MOSCOW"));
        var twice = await PostAsync(admin, Page, $"{Page}?handler=Join", ("Membership.Role", "Veterinarian"), ("Membership.Institution", "MOSCOW"));
        var during = await vet.GetAsync("/institutions/MOSCOW/census", Ct);
        await using (var db = TestDatabase.Open(database.Options))
        {
            var membership = await db.Memberships.Where(m => m.Role == App.Accounts.Role.Veterinarian && m.InstitutionId != null)
                .Join(db.Users.Where(u => u.UserName == "veterinarian@BERLIN"), m => m.UserId, u => u.Id, (m, _) => m)
                .Join(db.Institutions.Where(i => i.Code == "MOSCOW"), m => m.InstitutionId, i => i.Id, (m, _) => m.Id).SingleAsync(Ct);
            var taken = await PostAsync(admin, Page, $"{Page}?handler=Leave", ("membership", membership.ToString()));
            Assert.Equal((HttpStatusCode.Redirect, $"{Page}?done=left"), (taken.StatusCode, taken.Headers.Location?.OriginalString));
        }
        var after = await vet.GetAsync("/institutions/MOSCOW/census", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, incomplete.StatusCode);
        Assert.Contains("<p class=\"field-problem\" id=\"problem-institution\"><span>This role is held at an institution: choose one.</span></p>", incompletePage, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Veterinarian\" selected=\"selected\">", incompletePage, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Redirect, $"{Page}?done=joined"), (given.StatusCode, given.Headers.Location?.OriginalString));
        Assert.Contains("They already have this membership.", await twice.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, during.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
    }

    [Fact]
    public async Task An_institution_is_added_with_every_problem_named_at_once_and_changed_in_a_race_saves_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await SampleUsersAsync(factory);
        using var admin = await SignedInAsync(factory, "admin");
        using var colleague = await SignedInAsync(factory, "admin");

        var refused = await PostAsync(admin, "/admin/institutions", "/admin/institutions?handler=Add",
            ("Code", "not a code!"), ("Name", "Tallinn Zoo"), ("Country", "EE"), ("TimeZone", "Mars/Olympus"));
        var refusedPage = await refused.Content.ReadAsStringAsync(Ct);
        var added = await PostAsync(admin, "/admin/institutions", "/admin/institutions?handler=Add",
            ("Code", "tallinn"), ("Name", "Tallinn Zoo"), ("Country", "RU"), ("TimeZone", "Europe/Tallinn"));
        var form = await admin.GetStringAsync("/admin/institutions/TALLINN", Ct);
        var version = Hidden(form, "Version");
        var theirs = await PostAsync(colleague, "/admin/institutions/TALLINN", "/admin/institutions/TALLINN",
            ("Version", version), ("Name", "Tallinna Loomaaed"), ("Country", "RU"), ("TimeZone", "Europe/Tallinn"));
        var mine = await SendAsync(admin, Token(form), "/admin/institutions/TALLINN",
            ("Version", version), ("OpenedName", "Tallinn Zoo"), ("OpenedCountry", "RU"), ("OpenedTimeZone", "Europe/Tallinn"),
            ("Name", "Zoo of Tallinn"), ("Country", "RU"), ("TimeZone", "Europe/Tallinn"));
        var minePage = await mine.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("id=\"problem-code\"", refusedPage, StringComparison.Ordinal);
        Assert.Contains("id=\"problem-timezone\"", refusedPage, StringComparison.Ordinal);
        Assert.Contains("id=\"problem-country\"", refusedPage, StringComparison.Ordinal);
        Assert.Contains("value=\"Tallinn Zoo\"", refusedPage, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Redirect, "/admin/institutions?saved=TALLINN#TALLINN"), (added.StatusCode, added.Headers.Location?.OriginalString));
        Assert.Contains("<option value=\"Europe/Tallinn\" selected=\"selected\">", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, theirs.StatusCode);
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Contains("What changed since you opened the form", minePage, StringComparison.Ordinal);
        Assert.Contains("<td>Tallinna Loomaaed</td><td>Zoo of Tallinn</td>", minePage, StringComparison.Ordinal);
        await using var db = TestDatabase.Open(database.Options);
        Assert.Equal("Tallinna Loomaaed", (await db.Institutions.SingleAsync(i => i.Code == "TALLINN", Ct)).Name);
    }

    [Fact]
    public async Task A_countrys_cites_status_is_changed_as_of_a_date_with_its_source_and_a_date_that_is_none_is_named()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await SampleUsersAsync(factory);
        using var admin = await SignedInAsync(factory, "admin");

        var refused = await PostAsync(admin, "/admin/countries", "/admin/countries?handler=Add",
            ("Form.Code", "EE"), ("Form.Name", "Estonia"), ("Form.IsCitesParty", "true"), ("Form.EntryIntoForce", "1992-13-40"), ("Form.StatusAsOf", ""), ("Form.StatusSource", ""));
        var refusedPage = await refused.Content.ReadAsStringAsync(Ct);
        var added = await PostAsync(admin, "/admin/countries", "/admin/countries?handler=Add",
            ("Form.Code", "ee"), ("Form.Name", "Estonia"), ("Form.IsCitesParty", "true"), ("Form.EntryIntoForce", "1992-10-20"), ("Form.StatusAsOf", "2026-11-01"), ("Form.StatusSource", "CITES list of Parties"));
        var form = await admin.GetStringAsync("/admin/countries/EE", Ct);
        var version = Hidden(form, "Version");
        var changed = await PostAsync(admin, "/admin/countries/EE", "/admin/countries/EE",
            ("Version", version), ("Form.Name", "Estonia"), ("Form.IsCitesParty", "false"), ("Form.EntryIntoForce", ""), ("Form.StatusAsOf", "2026-11-20"), ("Form.StatusSource", "a test of the form"));
        var list = await admin.GetStringAsync("/admin/countries", Ct);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("<span>“1992-13-40” is not a date (yyyy-MM-dd).</span>", refusedPage, StringComparison.Ordinal);
        Assert.Contains("<span>Party status needs the date it is known as of.</span>", refusedPage, StringComparison.Ordinal);
        Assert.Contains("id=\"problem-statussource\"", refusedPage, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Redirect, "/admin/countries?saved=EE#EE"), (added.StatusCode, added.Headers.Location?.OriginalString));
        Assert.Contains("value=\"1992-10-20\"", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("a test of the form", list, StringComparison.Ordinal);
        await using var db = TestDatabase.Open(database.Options);
        var estonia = await db.Countries.SingleAsync(c => c.Code == "EE", Ct);
        Assert.Equal((false, (DateOnly?)null, new DateOnly(2026, 11, 20)), (estonia.IsCitesParty, estonia.CitesEntryIntoForce, estonia.StatusAsOf));
    }
}
