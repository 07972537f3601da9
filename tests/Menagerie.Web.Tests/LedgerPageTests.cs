using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Menagerie.App.Accounts;
using Menagerie.App.Persistence;
using Menagerie.Testing;
using Microsoft.EntityFrameworkCore;
using static Menagerie.Web.Tests.PageForms;

namespace Menagerie.Web.Tests;

/// <summary>The ledger in the browser: an entity's history with before and after, the chain verified, the checklist in use.</summary>
public sealed class LedgerPageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Lioness = "/specimens/EEP-PLE-3117";

    [Fact]
    public async Task An_animals_history_shows_a_change_made_on_its_page_with_who_why_and_before_and_after()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await SampleUsersAsync(factory);
        using var registrar = await SignedInAsync(factory, "registrar@MOSCOW");
        var form = await registrar.GetStringAsync($"{Lioness}/edit", Ct);

        var saved = await SendAsync(registrar, Token(form), $"{Lioness}/edit",
            ("Name", "Zarya"), ("Sex", "female"), ("Version", Hidden(form, "Version")), ("OpenedName", "Laska"), ("OpenedSex", "female"));
        var record = await registrar.GetStringAsync(Lioness, Ct);
        var history = await registrar.GetStringAsync($"{Lioness}/ledger", Ct);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains($"href=\"/specimens/", record, StringComparison.Ordinal);
        Assert.Contains("/ledger\">History in the ledger</a>", record, StringComparison.Ordinal);
        Assert.Contains("<code>Name</code>:", history, StringComparison.Ordinal);
        Assert.Contains("<span class=\"was\">Laska</span>", history, StringComparison.Ordinal);
        Assert.Contains("<span class=\"now\">Zarya</span>", history, StringComparison.Ordinal);
        // Newest first: the change made now comes before the sample's own entries, by the person who made it.
        var change = history.IndexOf("<span class=\"now\">Zarya</span>", StringComparison.Ordinal);
        var actor = history.LastIndexOf("<td>registrar@MOSCOW</td>", change, StringComparison.Ordinal);
        Assert.True(actor > 0, "The change is attributed to registrar@MOSCOW.");
        Assert.Contains("<time datetime=\"2026-11-29T10:00:00Z\" title=\"2026-11-29 10:00 UTC\">", history, StringComparison.Ordinal);
        Assert.Contains("Recorded <code>SpecimenEvent</code>", history, StringComparison.Ordinal);
        Assert.True(change < history.IndexOf("Recorded <code>SpecimenEvent</code>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_transfers_history_shows_its_steps_with_the_parties_named()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await SampleUsersAsync(factory);
        using var authority = await SignedInAsync(factory, "authority@KP");
        var list = await authority.GetStringAsync("/transfers?status=Accepted", Ct);
        var transfer = System.Text.RegularExpressions.Regex.Match(list, "href=\"(?<path>/transfers/[0-9a-f-]{36})\"", System.Text.RegularExpressions.RegexOptions.ExplicitCapture, TimeSpan.FromSeconds(1)).Groups["path"].Value;

        var page = await authority.GetStringAsync(transfer, Ct);
        var history = await authority.GetStringAsync($"{transfer}/ledger", Ct);

        Assert.Contains($"href=\"{transfer}/ledger\">History in the ledger</a>", page, StringComparison.Ordinal);
        Assert.Contains("<h1>History in the ledger <small>MOSCOW → PYONGYANG", history, StringComparison.Ordinal);
        Assert.Contains("Recorded <code>Transfer</code>", history, StringComparison.Ordinal);
        Assert.Contains("Recorded <code>TransferStep</code>", history, StringComparison.Ordinal);
        Assert.Contains("Recorded <code>TransferLine</code>", history, StringComparison.Ordinal);
        Assert.Matches("<code>ReceiverId</code>:\\s*<span class=\"now\" title=\"[0-9a-f-]{36}\">PYONGYANG</span>", history);
    }

    [Fact]
    public async Task Another_institutions_animal_has_no_history_to_read()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await SampleUsersAsync(factory);
        using var berlin = await SignedInAsync(factory, "registrar@BERLIN");
        using var authority = await SignedInAsync(factory, "authority@RU");
        using var admin = await SignedInAsync(factory, "admin");

        Assert.Equal(HttpStatusCode.NotFound, (await berlin.GetAsync($"{Lioness}/ledger", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await authority.GetAsync($"{Lioness}/ledger", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"{Lioness}/ledger", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await berlin.GetAsync("/admin/users/registrar@BERLIN/ledger", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_users_history_shows_their_password_only_as_a_secret_and_their_sign_ins()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await SampleUsersAsync(factory);
        (await SignedInAsync(factory, "curator@PRAGUE")).Dispose();
        using var admin = await SignedInAsync(factory, "admin");

        var user = await admin.GetStringAsync("/admin/users/curator@PRAGUE", Ct);
        var history = await admin.GetStringAsync("/admin/users/curator@PRAGUE/ledger", Ct);

        Assert.Contains("href=\"/admin/users/curator@PRAGUE/ledger\"", user, StringComparison.Ordinal);
        Assert.Contains("Recorded <code>User</code>", history, StringComparison.Ordinal);
        Assert.Matches("<code>PasswordHash</code>:\\s*<span class=\"now\">\\(secret\\)</span>", history);
        Assert.DoesNotContain("AQAAAA", history, StringComparison.Ordinal);
        Assert.Contains("Recorded <code>Membership</code>", history, StringComparison.Ordinal);
        Assert.Contains("Recorded <code>SignInRecord</code>", history, StringComparison.Ordinal);
        Assert.Contains("<span class=\"now\">signed in</span>", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_reports_a_good_ledger_then_names_the_first_entry_altered_in_the_database()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await SampleUsersAsync(factory);
        using var admin = await SignedInAsync(factory, "admin");

        var good = await (await PostAsync(admin, "/admin/ledger", "/admin/ledger")).Content.ReadAsStringAsync(Ct);
        string entity;
        await using (var db = TestDatabase.Open(database.Options))
        {
            var entry = await db.LedgerEntries.SingleAsync(e => e.Sequence == 12, Ct);
            entity = entry.EntityType;
            await db.Database.ExecuteSqlRawAsync("""UPDATE "LedgerEntries" SET "Reason" = 'rewritten later' WHERE "Sequence" = 12""", Ct);
        }
        var broken = await (await PostAsync(admin, "/admin/ledger", "/admin/ledger")).Content.ReadAsStringAsync(Ct);

        Assert.Contains("<strong>The ledger is intact.</strong>", good, StringComparison.Ordinal);
        Assert.Matches("<strong>The ledger is intact.</strong> [0-9,]+ entries checked; the hash chain is unbroken.\\s+The records match the ledger: [0-9,]+ rows compared.", good);
        Assert.Contains("<strong>The ledger is broken.</strong> 11 entries checked before the first broken one.", broken, StringComparison.Ordinal);
        Assert.Contains("<dt>First broken entry</dt>\n                <dd>12</dd>", broken, StringComparison.Ordinal);
        Assert.Contains($"<code>{entity}</code>", broken, StringComparison.Ordinal);
        Assert.Contains("Entry 12 has been altered: its content does not match its hash.", broken, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_says_the_ledger_is_intact_and_names_the_row_changed_outside_it()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await SampleUsersAsync(factory);
        using var admin = await SignedInAsync(factory, "admin");

        string lioness;
        long described;
        await using (var db = TestDatabase.Open(database.Options))
        {
            lioness = (await db.Specimens.Where(s => s.Name == "Laska").Select(s => s.Id).SingleAsync(Ct)).Value.ToString();
            described = await db.LedgerEntries.Where(e => e.EntityType == "Specimen" && e.EntityId == lioness).MaxAsync(e => e.Sequence, Ct);
            Assert.Equal(1, await db.Database.ExecuteSqlRawAsync("""UPDATE "Specimens" SET "Name" = 'Zarya' WHERE "Name" = 'Laska'""", Ct));
        }
        var page = await (await PostAsync(admin, "/admin/ledger", "/admin/ledger")).Content.ReadAsStringAsync(Ct);
        var text = WebUtility.HtmlDecode(page);

        Assert.Contains("<strong>The ledger is intact, but the records differ from it.</strong>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("The ledger is broken.", page, StringComparison.Ordinal);
        Assert.Matches("[0-9,]+ entries checked; the hash chain is unbroken.\\s+[0-9,]+ rows of the records compared, 1 of them not as the ledger describes them.", page);
        Assert.Contains($"<dt>First row that differs</dt>\n                <dd><code>Specimen</code> <code>{lioness}</code></dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dd><code>Name</code></dd>", page, StringComparison.Ordinal);
        Assert.Contains($"<dd>{described.ToString("N0", CultureInfo.GetCultureInfo("en"))}</dd>", page, StringComparison.Ordinal);
        Assert.Contains($"Specimen {lioness}: Name is 'Zarya' in the records, but the ledger's entry {described} says 'Laska': it was changed outside the ledger.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_gives_the_same_history_and_verdict_as_the_pages()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        using var admin = await factory.ClientAsAsync("admin", new MembershipInput(Role.Administrator));
        using var berlin = await factory.ClientAsSampleUserAsync("registrar@BERLIN");

        var history = await admin.GetFromJsonAsync<JsonElement>("/api/v1/specimens/EEP-PLE-3117/ledger", Ct);
        var verified = await admin.PostAsync("/api/v1/ledger/verify", null, Ct);
        var verdict = await verified.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var hidden = await berlin.GetAsync("/api/v1/specimens/EEP-PLE-3117/ledger", Ct);
        var refused = await berlin.PostAsync("/api/v1/ledger/verify", null, Ct);

        var entries = history.GetProperty("page").GetProperty("entries").EnumerateArray().ToList();
        Assert.Contains(entries, e => e.GetProperty("entityType").GetString() == "Specimen"
            && e.GetProperty("changes").EnumerateArray().Any(c => c.GetProperty("field").GetString() == "Name" && c.GetProperty("after").GetString() == "Laska"));
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.True(verdict.GetProperty("report").GetProperty("intact").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal("application/problem+json", hidden.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Only_the_administrator_verifies_the_ledger()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await SampleUsersAsync(factory);
        using var curator = await SignedInAsync(factory, "curator@MOSCOW");
        using var admin = await SignedInAsync(factory, "admin");

        var refused = await SendAsync(curator, Token(await curator.GetStringAsync("/language", Ct)), "/admin/ledger");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await curator.GetAsync("/admin/ledger", Ct)).StatusCode);
        Assert.Contains("href=\"/admin/ledger\"", await admin.GetStringAsync("/admin", Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_checklist_page_shows_the_edition_in_use_and_a_taxons_listings()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await SampleUsersAsync(factory);
        using var viewer = await SignedInAsync(factory, "viewer@PYONGYANG");

        var page = await viewer.GetStringAsync("/checklist?name=Panthera%20leo", Ct);
        var unknown = await viewer.GetStringAsync("/checklist?name=Panthera%20nonexistens", Ct);
        using var reader = await SignedInAsync(factory, "viewer@MOSCOW");
        reader.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ko");
        var inKorean = await reader.GetStringAsync("/checklist", Ct);

        Assert.Contains("<dt>Edition</dt><dd>1</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>As of</dt><dd><time datetime=\"2013-11-30\">", page, StringComparison.Ordinal);
        Assert.Contains("<h3 id=\"taxon\"><i>Panthera leo</i>", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">I</th>", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">II</th>", page, StringComparison.Ordinal);
        Assert.Contains("“Panthera nonexistens” is not a name in this checklist.", unknown, StringComparison.Ordinal);
        // Today (2026-11-29) the newest change in force is CoP20's; the water frogs, adopted then, come into force only in 2027.
        Assert.Matches("<dt>Newest change in force</dt>\\s*<dd><i>[^<]+</i> [^<]+, <time datetime=\"2026-03-05\">", page);
        Assert.Matches("<dt>Next change, adopted and not yet in force</dt>\\s*<dd><i>Pelophylax [a-z]+</i> added to Appendix II, <time datetime=\"2027-06-05\">", page);
        // The listings are complete up to a day: before, Korean said it as the "to" of an animal sent to an institution.
        Assert.Contains("Mammalia, 부속서 I, II: 완비</dt>", inKorean, StringComparison.Ordinal);
        Assert.Contains("까지 <small>", inKorean, StringComparison.Ordinal);
        Assert.DoesNotContain("보낸 곳", inKorean, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_checklist_page_and_the_api_give_a_taxons_listing_on_a_day_with_its_changes()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await SampleUsersAsync(factory);
        using var viewer = await SignedInAsync(factory, "viewer@PYONGYANG");
        using var api = await factory.ClientAsSampleUserAsync("viewer@PYONGYANG");

        var in2016 = await viewer.GetStringAsync("/checklist?name=Psittacus%20erithacus&on=2016-06-01", Ct);
        var in2024 = await viewer.GetStringAsync("/checklist?name=Psittacus%20erithacus&on=2024-06-01", Ct);
        var badDay = await viewer.GetStringAsync("/checklist?name=Psittacus%20erithacus&on=June", Ct);
        var listing = await api.GetFromJsonAsync<JsonElement>("/api/v1/reference/listings/Psittacus%20erithacus?on=2016-06-01", Ct);
        var status = await api.GetFromJsonAsync<JsonElement>("/api/v1/reference/status", Ct);
        var unknown = await api.GetAsync("/api/v1/reference/listings/Psittacus%20nonexistens", Ct);
        var notADay = await api.GetAsync("/api/v1/reference/listings/Psittacus%20erithacus?on=June", Ct);
        var newtPage = await viewer.GetStringAsync("/checklist?name=Tylototriton%20anguliceps&on=2024-06-01", Ct);
        var newt = await api.GetFromJsonAsync<JsonElement>("/api/v1/reference/listings/Tylototriton%20anguliceps?on=2024-06-01", Ct);
        var shama = await viewer.GetStringAsync("/checklist?name=Copsychus%20malabaricus&on=2024-06-01", Ct);

        Assert.Contains("Listings in force on 01/06/2016.", in2016, StringComparison.Ordinal);
        Assert.Contains("Listed under Psittaciformes.", in2016, StringComparison.Ordinal);
        Assert.Contains("<td>transferred from Appendix II to I</td>", in2016, StringComparison.Ordinal);
        Assert.Contains("Listed in its own name.", in2024, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">I</th>", in2024, StringComparison.Ordinal);
        Assert.Contains("<dt>CITES Parties</dt>", in2024, StringComparison.Ordinal);
        Assert.Contains("Write the day as YYYY-MM-DD.", badDay, StringComparison.Ordinal);
        Assert.Equal(("Psittaciformes", "ii"), (listing.GetProperty("listedUnder").GetString(), listing.GetProperty("listings")[0].GetProperty("appendix").GetString()));
        Assert.Equal("2013-11-30", status.GetProperty("checklistAsOf").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notADay.StatusCode);
        Assert.Contains("Not a name in the checklist: the listing that covers every species of Tylototriton applies.", newtPage, StringComparison.Ordinal);
        Assert.Contains("Listed under Tylototriton.", newtPage, StringComparison.Ordinal);
        Assert.Equal(("Tylototriton", "ii"), (newt.GetProperty("coveredByGenus").GetString(), newt.GetProperty("listings")[0].GetProperty("appendix").GetString()));
        Assert.Contains("Listed under its accepted name, Kittacincla malabarica.", shama, StringComparison.Ordinal);
        Assert.DoesNotContain("Listed in its own name.", shama, StringComparison.Ordinal);
    }
}
