using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Menagerie.App.Accounts;
using Menagerie.App.Persistence;
using Menagerie.App.Specimens;
using Menagerie.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Menagerie.Web.Tests;

public sealed partial class AccountTests
{
    private const string Password = "a long enough passphrase";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_token_signs_requests_in_and_stops_working_the_moment_it_is_revoked()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        var secret = await UserWithTokenAsync(factory, "registrar@MOSCOW");
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);

        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me", Ct);
        var created = await client.PostAsJsonAsync("/api/v1/me/tokens", new { name = "second" }, Ct);
        var tokens = await client.GetFromJsonAsync<JsonElement>("/api/v1/me/tokens", Ct);
        var first = tokens.EnumerateArray().First(t => t.GetProperty("name").GetString() == "first").GetProperty("id").GetString();
        var revoked = await client.DeleteAsync($"/api/v1/me/tokens/{first}", Ct);
        var after = await client.GetAsync("/api/v1/me", Ct);
        using var anonymous = factory.CreateClient();
        var nobody = await anonymous.GetAsync("/api/v1/me", Ct);

        Assert.Equal("registrar@MOSCOW", me.GetProperty("userName").GetString());
        Assert.Equal("registrar", me.GetProperty("memberships")[0].GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.StartsWith("mng_", (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("secret").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, nobody.StatusCode);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_membership_removed_and_a_token_revoked_by_another_process_count_on_the_next_request(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, withSample: true);
        await using var factory = new MenagerieFactory(database);
        var secret = await UserWithTokenAsync(factory, "registrar@MOSCOW");
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        // The command line, or a second web process, on the same database: its own services, its own sessions.
        await using var other = database.Services();
        await using var scope = other.Scope(actor: "admin");
        var accounts = scope.ServiceProvider.GetRequiredService<AccountCommands>();

        var read = await client.GetAsync("/api/v1/specimens/EEP-PLE-3117", Ct);
        var readAgain = await client.GetAsync("/api/v1/specimens/EEP-PLE-3117", Ct);
        var user = Assert.IsType<App.Outcome<UserView>.Ok>(await accounts.GetUserAsync("registrar@MOSCOW", Ct)).Value;
        Assert.IsType<App.Outcome<UserView>.Created>(await accounts.AddMembershipAsync("registrar@MOSCOW", new(Role.Viewer, "PYONGYANG"), Ct));
        Assert.IsType<App.Outcome<UserView>.Ok>(await accounts.RemoveMembershipAsync("registrar@MOSCOW", user.Memberships.Single().Id, Ct));
        var withoutMoscow = await client.GetAsync("/api/v1/specimens/EEP-PLE-3117", Ct);
        var tokens = Assert.IsType<App.Outcome<IReadOnlyList<TokenView>>.Ok>(await accounts.ListTokensAsync("registrar@MOSCOW", Ct)).Value;
        Assert.IsType<App.Outcome<TokenView>.Ok>(await accounts.RevokeTokenAsync("registrar@MOSCOW", tokens.Single().Prefix, Ct));
        var revoked = await client.GetAsync("/api/v1/me", Ct);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.OK, readAgain.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, withoutMoscow.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
    }

    [Fact]
    public async Task Changes_made_with_a_token_are_ledgered_as_its_user()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        var secret = await UserWithTokenAsync(factory, "registrar@MOSCOW");
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);

        var note = await client.PostAsJsonAsync("/api/v1/specimens/EEP-PLE-3117/events", new { type = "note", date = "2026-11-28", text = "ate well" }, Ct);

        Assert.Equal(HttpStatusCode.Created, note.StatusCode);
        await using var db = TestDatabase.Open(database.Options);
        var entry = await db.LedgerEntries.OrderByDescending(e => e.Sequence).FirstAsync(e => e.EntityType == "SpecimenEvent", Ct);
        Assert.Equal("registrar@MOSCOW", entry.Actor);
    }

    [Fact]
    public async Task Signing_in_needs_the_antiforgery_token_and_every_attempt_is_recorded()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        await UserWithTokenAsync(factory, "curator@MOSCOW");
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var forged = await client.PostAsync("/Account/SignIn", Form(("UserName", "curator@MOSCOW"), ("Password", Password)), Ct);
        var wrong = await SignInAsync(client, "curator@MOSCOW", "not the password");
        var right = await SignInAsync(client, "curator@MOSCOW", Password);
        var home = await client.GetStringAsync("/", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("The user name or the password is wrong", await wrong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Contains("curator@MOSCOW", home, StringComparison.Ordinal);
        await using var db = TestDatabase.Open(database.Options);
        Assert.Equal(["wrong password", "signed in"], await db.SignIns.OrderBy(r => r.At).ThenBy(r => r.Id).Select(r => r.Outcome).ToListAsync(Ct));
        Assert.Contains(await db.LedgerEntries.Select(e => e.Reason).ToListAsync(Ct), r => r == "failed sign-in as curator@MOSCOW: wrong password");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database, settings: [("Menagerie:RateLimit:SignInPerMinute", "100")]);
        await UserWithTokenAsync(factory, "viewer@MOSCOW");
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        for (var i = 0; i < 5; i++)
            await SignInAsync(client, "viewer@MOSCOW", "guess " + i);
        var right = await SignInAsync(client, "viewer@MOSCOW", Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked", await right.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await using var db = TestDatabase.Open(database.Options);
        Assert.Equal("locked out", await db.SignIns.OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Select(r => r.Outcome).FirstAsync(Ct));
    }

    [Fact]
    public async Task An_unknown_name_a_wrong_password_and_a_locked_account_get_the_same_answer_after_the_same_work()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        var hasher = new CountingHasher();
        await using var factory = new MenagerieFactory(database, settings: [("Menagerie:RateLimit:SignInPerMinute", "100")]);
        await using var counted = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<Microsoft.AspNetCore.Identity.IPasswordHasher<User>>(hasher)));
        await UserWithTokenAsync(counted, "viewer@MOSCOW");
        await UserWithTokenAsync(counted, "curator@MOSCOW");
        using var client = counted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var i = 0; i < 5; i++)
            await SignInAsync(client, "viewer@MOSCOW", "guess " + i);

        var answers = new List<string>();
        var hashes = new List<int>();
        foreach (var (name, password) in new[] { ("nobody@NOWHERE", "a guess"), ("curator@MOSCOW", "a guess"), ("viewer@MOSCOW", Password) })
        {
            var before = hasher.Verified;
            using var answer = await SignInAsync(client, name, password);
            hashes.Add(hasher.Verified - before);
            answers.Add(ProblemText().Match(await answer.Content.ReadAsStringAsync(Ct)).Value);
        }

        Assert.Equal([1, 1, 1], hashes);
        Assert.Single(answers.Distinct(StringComparer.Ordinal));
        Assert.Contains("The user name or the password is wrong", answers[0], StringComparison.Ordinal);
    }

    /// <summary>Identity's hasher, counting the passwords it checks.</summary>
    private sealed class CountingHasher : Microsoft.AspNetCore.Identity.IPasswordHasher<User>
    {
        private readonly Microsoft.AspNetCore.Identity.PasswordHasher<User> _inner = new();
        private int _verified;

        public int Verified => _verified;

        public string HashPassword(User user, string password) => _inner.HashPassword(user, password);

        public Microsoft.AspNetCore.Identity.PasswordVerificationResult VerifyHashedPassword(User user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verified);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [GeneratedRegex("<p[^>]*class=\"[^\"]*problem[^\"]*\"[^>]*>[^<]*</p>", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ProblemText();

    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_get_a_429_page_and_reading_the_form_does_not_count()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new MenagerieFactory(database, settings: [("Menagerie:RateLimit:SignInPerMinute", "3")]);
        using var client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            statuses.Add((await client.GetAsync("/Account/SignIn", Ct)).StatusCode);
        for (var i = 0; i < 3; i++)
            statuses.Add((await SignInAsync(client, "someone", "guess " + i)).StatusCode);
        var refused = await SignInAsync(client, "someone", "one guess too many");

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Too many sign-in attempts from your address.", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_membership_given_or_taken_away_counts_from_the_next_request()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        using var admin = await factory.ClientAsAsync("admin", new MembershipInput(Role.Administrator));
        using var vet = await factory.ClientAsAsync("veterinarian@BERLIN", new MembershipInput(Role.Veterinarian, "BERLIN"));

        var before = await vet.GetAsync("/api/v1/institutions/MOSCOW/census", Ct);
        var given = await admin.PostAsJsonAsync("/api/v1/users/veterinarian@BERLIN/memberships", new { role = "veterinarian", institution = "MOSCOW" }, Ct);
        var during = await vet.GetAsync("/api/v1/institutions/MOSCOW/census", Ct);
        var membership = (await given.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("memberships").EnumerateArray()
            .Single(m => m.GetProperty("institution").GetString() == "MOSCOW").GetProperty("id").GetString();
        var taken = await admin.DeleteAsync($"/api/v1/users/veterinarian@BERLIN/memberships/{membership}", Ct);
        var after = await vet.GetAsync("/api/v1/institutions/MOSCOW/census", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, before.StatusCode);
        Assert.Equal(HttpStatusCode.Created, given.StatusCode);
        Assert.Equal(HttpStatusCode.OK, during.StatusCode);
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers_static_files_and_failures_too()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        // A fault the app does not expect: the start page and the specimen list cannot be built.
        await using var failing = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddScoped<SpecimenQueries>(_ => throw new InvalidOperationException("A fault for the test."));
            s.AddScoped<Menagerie.App.Start.StartPage>(_ => throw new InvalidOperationException("A fault for the test."));
        }));
        using var client = factory.CreateClient();
        using var broken = failing.CreateClient();
        using var api = await factory.ClientAsSampleUserAsync("registrar@MOSCOW");
        broken.DefaultRequestHeaders.Authorization = api.DefaultRequestHeaders.Authorization;
        var stylesheet = StylesheetLink().Match(await client.GetStringAsync("/Account/SignIn", Ct)).Groups["href"].Value;

        using var page = await client.GetAsync("/", Ct);
        using var css = await client.GetAsync(stylesheet, Ct);
        using var missing = await client.GetAsync("/no-such-page", Ct);
        using var pageFault = await broken.GetAsync("/", Ct);
        using var apiFault = await broken.GetAsync("/api/v1/specimens", Ct);

        Assert.Equal((HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError), (pageFault.StatusCode, apiFault.StatusCode));
        Assert.Equal(("text/css", HttpStatusCode.NotFound), (css.Content.Headers.ContentType?.MediaType, missing.StatusCode));
        foreach (var answer in new[] { page, css, missing, pageFault, apiFault })
        {
            Assert.Equal("nosniff", answer.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", answer.Headers.GetValues("X-Frame-Options").Single());
            Assert.Contains("default-src 'self'", answer.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Enum_words_in_a_query_read_as_the_README_writes_them_and_a_wrong_one_is_named()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        using var registrar = await factory.ClientAsSampleUserAsync("registrar@MOSCOW");

        var held = await registrar.GetFromJsonAsync<JsonElement>("/api/v1/specimens?holder=MOSCOW&status=held&sex=female&limit=5", Ct);
        var inTransit = await registrar.GetAsync("/api/v1/specimens?status=in-transit", Ct);
        using var wrong = await registrar.GetAsync("/api/v1/specimens?status=alive&sex=1", Ct);
        var problems = await wrong.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.All(held.GetProperty("items").EnumerateArray(), s => Assert.Equal(("held", "female"), (s.GetProperty("status").GetString(), s.GetProperty("sex").GetString())));
        Assert.Equal(5, held.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, inTransit.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True(problems.GetProperty("errors").TryGetProperty("status", out _));
        Assert.True(problems.GetProperty("errors").TryGetProperty("sex", out _));
    }

    private static async Task<string> UserWithTokenAsync(WebApplicationFactory<Program> factory, string userName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Access>().ActAsOperator();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountCommands>();
        var at = userName[(userName.IndexOf('@', StringComparison.Ordinal) + 1)..];
        var role = Enum.Parse<Role>(userName[..userName.IndexOf('@', StringComparison.Ordinal)], ignoreCase: true);
        Assert.IsType<App.Outcome<NewUser>.Created>(await accounts.AddUserAsync(userName, Password, [new(role, at)], Ct));
        return Assert.IsType<App.Outcome<NewToken>.Created>(await accounts.CreateTokenAsync(userName, "first", Ct)).Value.Secret;
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"(?<href>[^\"]+)\"", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex StylesheetLink();

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password)
    {
        var page = await client.GetStringAsync("/Account/SignIn", Ct);
        var token = AntiforgeryField().Match(page).Groups["token"].Value;
        return await client.PostAsync("/Account/SignIn", Form(("UserName", userName), ("Password", password), ("__RequestVerificationToken", token)), Ct);
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AntiforgeryField();
}
