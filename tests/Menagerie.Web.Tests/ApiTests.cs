using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Menagerie.App.Accounts;
using Menagerie.App.Persistence;
using Menagerie.Testing;

namespace Menagerie.Web.Tests;

public sealed class ApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Health_reports_the_database(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new MenagerieFactory(database);
        using var client = factory.CreateClient();

        var health = await client.GetFromJsonAsync<JsonElement>("/health", Ct);

        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Equal(provider.ToString(), health.GetProperty("database").GetProperty("provider").GetString());
        Assert.Equal("Healthy", health.GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_openapi_document_and_the_api_page_are_served()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new MenagerieFactory(database);
        using var client = factory.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);
        var page = await client.GetAsync("/scalar", Ct);

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/specimens/{id}/events", paths);
        Assert.Contains("/api/v1/institutions/{code}/census", paths);
        Assert.Contains("/api/v1/specimens/{id}/holder", paths);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Writes_with_a_stale_etag_get_412_and_current_ones_succeed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new MenagerieFactory(database);
        using var client = await SeedAsync(factory);

        var read = await client.GetAsync("/api/v1/institutions/moscow", Ct);
        var etag = read.Headers.ETag!;
        var first = await PutAsync(client, "/api/v1/institutions/MOSCOW", new { name = "Moscow Zoo (Moskovsky Zoopark)", country = "RU" }, etag.Tag);
        var stale = await PutAsync(client, "/api/v1/institutions/MOSCOW", new { name = "Moscow Zoo, again", country = "RU" }, etag.Tag);
        var unreadable = await PutAsync(client, "/api/v1/institutions/MOSCOW", new { name = "x", country = "RU" }, "yesterday");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("\"2\"", first.Headers.ETag?.Tag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2, (await stale.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("currentVersion").GetInt64());
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Equal("Moscow Zoo (Moskovsky Zoopark)", (await client.GetFromJsonAsync<JsonElement>("/api/v1/institutions/MOSCOW", Ct)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_countrys_cites_status_is_updated_with_its_date_and_source()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new MenagerieFactory(database);
        using var client = await SeedAsync(factory);
        var etag = (await client.GetAsync("/api/v1/countries/kp", Ct)).Headers.ETag!.Tag;
        var update = new { code = "KP", name = "Democratic People's Republic of Korea", isCitesParty = false, statusAsOf = "2026-11-01", statusSource = "CITES list of Parties, checked 2026-11-01" };
        var contradictory = new { code = "KP", name = "DPRK", isCitesParty = true, statusAsOf = "2026-11-01", statusSource = "" };

        var ok = await PutAsync(client, "/api/v1/countries/KP", update, etag);
        var invalid = await PutAsync(client, "/api/v1/countries/KP", contradictory, ok.Headers.ETag!.Tag);
        var stale = await PutAsync(client, "/api/v1/countries/KP", update, etag);

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("2026-11-01", (await ok.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("statusAsOf").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(["citesEntryIntoForce", "statusSource"],
            (await invalid.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
    }

    [Fact]
    public async Task A_bad_specimen_gets_every_problem_by_field_and_nothing_is_written()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new MenagerieFactory(database);
        using var admin = await SeedAsync(factory);
        using var client = await RegistrarAsync(factory);

        var response = await client.PostAsJsonAsync("/api/v1/specimens", new
        {
            kind = "individual",
            taxon = "Panthera leo",
            sex = "female",
            first = new { type = "birth", date = "2021-02-30", institution = "ATLANTIS", counts = "1.0.0" },
        }, Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/specimens", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["first.date", "first.institution"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_group_counts_at_most_a_million_animals_and_the_census_and_start_page_stay_readable()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        using var registrar = await factory.ClientAsSampleUserAsync("registrar@MOSCOW");
        object Group(string counts, string id) => new
        {
            kind = "group",
            taxon = "Aix galericulata",
            first = new { type = "acquisition", date = "2020-04-01", institution = "MOSCOW", fromName = "private breeder", counts },
            identifiers = new[] { new { scheme = "local", value = id } },
        };

        using var huge = await registrar.PostAsJsonAsync("/api/v1/specimens", Group("2147483600.0.0", "DUCKS-HUGE"), Ct);
        using var tooMany = await registrar.PostAsJsonAsync("/api/v1/specimens", Group("600000.600000.0", "DUCKS-MANY"), Ct);
        using var large = await registrar.PostAsJsonAsync("/api/v1/specimens", Group("600000.0.0", "DUCKS-LARGE"), Ct);
        using var more = await registrar.PostAsJsonAsync("/api/v1/specimens/DUCKS-LARGE/events",
            new { type = "acquisition", date = "2021-04-01", institution = "MOSCOW", fromName = "private breeder", counts = "500000.0.0" }, Ct);
        var refused = new[] { huge, tooMany, more };
        var problems = new List<JsonElement>();
        foreach (var answer in refused)
            problems.Add(await answer.Content.ReadFromJsonAsync<JsonElement>(Ct));
        using var census = await registrar.GetAsync("/api/v1/institutions/MOSCOW/census", Ct);
        using var start = await registrar.GetAsync("/", Ct);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.Created, HttpStatusCode.BadRequest),
            (huge.StatusCode, tooMany.StatusCode, large.StatusCode, more.StatusCode));
        Assert.Contains("more animals than a group holds", problems[0].GetProperty("errors").GetProperty("first.counts")[0].GetString(), StringComparison.Ordinal);
        Assert.True(problems[1].GetProperty("errors").TryGetProperty("first.counts", out _));
        Assert.Contains("at most 1000000 animals", problems[2].GetProperty("errors").GetProperty("counts")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (census.StatusCode, start.StatusCode));
        var ducks = (await census.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("taxa").EnumerateArray()
            .Single(t => t.GetProperty("taxon").GetProperty("scientificName").GetString() == "Aix galericulata");
        Assert.True(ducks.GetProperty("total").GetInt32() >= 600_000);
    }

    [Fact]
    public async Task A_death_recorded_by_mistake_is_retracted_by_the_institution_where_it_died_which_keeps_its_dead_and_not_those_that_left_alive()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        using var registrar = await factory.ClientAsSampleUserAsync("registrar@MOSCOW");
        using var berlin = await factory.ClientAsSampleUserAsync("registrar@BERLIN");
        using var admin = await factory.ClientAsAsync("admin", new MembershipInput(Role.Administrator));
        var held = (await registrar.GetFromJsonAsync<JsonElement>("/api/v1/specimens?holder=MOSCOW&status=held&limit=200", Ct)).GetProperty("items").EnumerateArray()
            .Where(s => s.GetProperty("kind").GetString() == "individual" && s.GetProperty("onTransfer").ValueKind == JsonValueKind.Null)
            .Select(s => s.GetProperty("id").GetGuid()).Take(2).ToList();
        var (animal, leaving) = (held[0], held[1]);
        async Task<JsonElement> RecordAsync(HttpClient client, Guid id, object body)
        {
            using var answer = await client.PostAsJsonAsync($"/api/v1/specimens/{id}/events", body, Ct);
            Assert.True(answer.StatusCode == HttpStatusCode.Created, $"{(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync(Ct)}");
            return (await answer.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("event");
        }

        var death = await RecordAsync(registrar, animal, new { type = "death", date = "2026-11-01" });
        using var dead = await registrar.GetAsync($"/api/v1/specimens/{animal}", Ct);
        var deadList = await registrar.GetFromJsonAsync<JsonElement>("/api/v1/specimens?status=dead&limit=500", Ct);
        using var notBerlins = await berlin.GetAsync($"/api/v1/specimens/{animal}", Ct);
        await RecordAsync(registrar, animal, new { type = "retraction", date = "2026-11-02", supersedes = death.GetProperty("id").GetGuid(), reason = "recorded against the wrong animal" });
        var alive = await registrar.GetFromJsonAsync<JsonElement>($"/api/v1/specimens/{animal}", Ct);
        var again = await RecordAsync(registrar, animal, new { type = "death", date = "2026-11-03" });
        await RecordAsync(admin, animal, new { type = "retraction", date = "2026-11-04", supersedes = again.GetProperty("id").GetGuid(), reason = "the keeper's mistake again" });
        var aliveAgain = await registrar.GetFromJsonAsync<JsonElement>($"/api/v1/specimens/{animal}", Ct);
        await RecordAsync(registrar, leaving, new { type = "disposition", date = "2026-11-01", toName = "a private sanctuary" });
        using var gone = await registrar.GetAsync($"/api/v1/specimens/{leaving}", Ct);

        Assert.Equal(HttpStatusCode.OK, dead.StatusCode);
        Assert.Equal("dead", (await dead.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
        Assert.Contains(deadList.GetProperty("items").EnumerateArray(), s => s.GetProperty("id").GetGuid() == animal);
        Assert.Equal(HttpStatusCode.NotFound, notBerlins.StatusCode);
        Assert.Equal(("held", "held"), (alive.GetProperty("status").GetString(), aliveAgain.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task A_specimens_history_moves_with_events_and_answers_who_held_it()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new MenagerieFactory(database);
        using var admin = await SeedAsync(factory);
        using var client = await RegistrarAsync(factory);
        var created = await client.PostAsJsonAsync("/api/v1/specimens", new
        {
            taxon = "Panthera leo",
            sex = "female",
            name = "Laska",
            first = new { type = "birth", date = "2021-05-14", institution = "MOSCOW" },
            identifiers = new[] { new { scheme = "local", value = "MOS-1" } },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var note = await PostEventAsync(client, "MOS-1", new { type = "note", date = "2024-11-19", text = "crate training done" }, created.Headers.ETag!.Tag);
        var moveBody = new { type = "disposition", date = "2024-11-20", at = "2024-11-20T06:30:00Z", to = "PYONGYANG" };
        var staleEvent = await PostEventAsync(client, "MOS-1", moveBody, created.Headers.ETag!.Tag);
        var move = await PostEventAsync(client, "MOS-1", moveBody, note.Headers.ETag!.Tag);
        // Moscow no longer holds or owns the lion, so only the administrator still reads its record.
        var gone = await client.GetAsync("/api/v1/specimens/MOS-1", Ct);
        var holders = await admin.GetFromJsonAsync<JsonElement>("/api/v1/specimens/MOS-1/holder?on=2024-11-20", Ct);
        var history = await admin.GetFromJsonAsync<JsonElement>("/api/v1/specimens/MOS-1/events", Ct);
        var missing = await admin.GetAsync("/api/v1/specimens/MOS-404", Ct);

        Assert.Equal(HttpStatusCode.Created, move.StatusCode);
        Assert.Equal("\"3\"", move.Headers.ETag?.Tag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, staleEvent.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(["MOSCOW", "PYONGYANG"], holders.GetProperty("holders").EnumerateArray().Select(h => h.GetProperty("holder").GetProperty("code").GetString()));
        Assert.Equal(["birth", "identifierAdded", "note", "disposition"], history.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("type").GetString()));
        Assert.Equal("PYONGYANG", history.GetProperty("specimen").GetProperty("holder").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Two_clients_recording_at_once_without_if_match_never_both_win_blind()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new MenagerieFactory(database);
        using var admin = await SeedAsync(factory);
        using var client = await RegistrarAsync(factory);
        await client.PostAsJsonAsync("/api/v1/specimens", new
        {
            taxon = "Panthera leo",
            sex = "female",
            first = new { type = "birth", date = "2021-05-14", institution = "MOSCOW" },
            identifiers = new[] { new { scheme = "local", value = "MOS-1" } },
        }, Ct);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            PostEventAsync(client, "MOS-1", new { type = "note", date = "2024-11-21", text = $"note {i}" }, null)));
        var history = await client.GetFromJsonAsync<JsonElement>("/api/v1/specimens/MOS-1/events", Ct);

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        Assert.Equal(responses.Count(r => r.StatusCode == HttpStatusCode.Created),
            history.GetProperty("events").EnumerateArray().Count(e => e.GetProperty("type").GetString() == "note"));
    }

    [Fact]
    public async Task The_census_of_the_sample_shows_the_shipment_groups()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database, loadSample: true);
        using var client = await factory.ClientAsAsync("viewer@MOSCOW", new MembershipInput(Role.Viewer, "MOSCOW"));

        var census = await client.GetFromJsonAsync<JsonElement>("/api/v1/institutions/MOSCOW/census?on=2024-11-15", Ct);

        var taxa = census.GetProperty("taxa").EnumerateArray().ToDictionary(t => t.GetProperty("taxon").GetProperty("scientificName").GetString()!, StringComparer.Ordinal);
        Assert.Equal("12.13.0", taxa["Phasianidae"].GetProperty("groupCountsBySex").GetString());
        Assert.Equal("20.20.0", taxa["Aix galericulata"].GetProperty("groupCountsBySex").GetString());
    }

    [Fact]
    public async Task The_home_page_shows_nobody_the_records_and_pages_write_names_as_text()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new MenagerieFactory(database);
        using var admin = await SeedAsync(factory);
        await admin.PostAsJsonAsync("/api/v1/institutions", new { code = "XSS", name = "<script>alert(1)</script>", country = "RU", timeZone = "Europe/Moscow" }, Ct);
        using var client = factory.CreateClient();

        var home = await client.GetStringAsync("/", Ct);
        var institution = await admin.GetStringAsync("/institutions/XSS", Ct);

        Assert.DoesNotContain("Moscow Zoo", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/Account/SignIn\"", home, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", institution, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)</script>", institution, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_institutions_time_zone_is_checked_kept_when_left_out_and_changed_when_given()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new MenagerieFactory(database);
        using var admin = await SeedAsync(factory);
        var ledger = await database.LedgerEntriesAsync();

        var refused = await admin.PostAsJsonAsync("/api/v1/institutions", new { code = "not a code!", name = "Tula Zoo", country = "RU", timeZone = "Mars/Olympus_Mons" }, Ct);
        var ledgerAfterRefusal = await database.LedgerEntriesAsync();
        var read = await admin.GetAsync("/api/v1/institutions/MOSCOW", Ct);
        var renamed = await PutAsync(admin, "/api/v1/institutions/MOSCOW", new { name = "Moscow Zoo (Moskovsky Zoopark)", country = "RU" }, read.Headers.ETag!.Tag);
        var moved = await PutAsync(admin, "/api/v1/institutions/MOSCOW", new { name = "Moscow Zoo", country = "RU", timeZone = "Europe/Samara" }, renamed.Headers.ETag!.Tag);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Equal(["code", "timeZone"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(ledger, ledgerAfterRefusal);
        Assert.Equal("Europe/Moscow", (await read.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("timeZone").GetString());
        Assert.Equal("Europe/Moscow", (await renamed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("timeZone").GetString());
        Assert.Equal("Europe/Samara", (await moved.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("timeZone").GetString());
    }

    [Fact]
    public async Task A_curator_marks_an_animal_available_and_the_list_of_available_animals_shows_it()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        using var curator = await factory.ClientAsAsync("curator@MOSCOW", new MembershipInput(Role.Curator, "MOSCOW"));
        var tiger = await curator.GetAsync("/api/v1/specimens/EEP-PTA-1412", Ct);
        var etag = tiger.Headers.ETag!.Tag;
        var body = new { available = true, note = "surplus male, breeding recommendation EEP 2026" };

        var marked = await PutAsync(curator, "/api/v1/specimens/EEP-PTA-1412/availability", body, etag);
        var stale = await PutAsync(curator, "/api/v1/specimens/EEP-PTA-1412/availability", new { available = false }, etag);
        var listed = await curator.GetFromJsonAsync<JsonElement>("/api/v1/specimens?available=true&holder=MOSCOW", Ct);
        using var elsewhere = await factory.ClientAsSampleUserAsync("viewer@PRAGUE");
        var surplus = await elsewhere.GetFromJsonAsync<JsonElement>("/api/v1/available", Ct);
        var unknownTaxon = await elsewhere.GetAsync("/api/v1/available?taxon=Nonesuch", Ct);

        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        Assert.NotEqual(etag, marked.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(1, listed.GetProperty("total").GetInt32());
        var item = listed.GetProperty("items")[0];
        Assert.Equal(("Taiga", true, body.note), (item.GetProperty("name").GetString(), item.GetProperty("availableForTransfer").GetBoolean(), item.GetProperty("availabilityNote").GetString()));
        // Another zoo sees the surplus list: the tiger by its global id, with no house name and no identifiers.
        var offered = Assert.Single(surplus.GetProperty("items").EnumerateArray());
        Assert.Equal((item.GetProperty("id").GetGuid(), body.note, "MOSCOW"),
            (offered.GetProperty("specimen").GetGuid(), offered.GetProperty("note").GetString(), offered.GetProperty("institution").GetProperty("code").GetString()));
        Assert.False(offered.TryGetProperty("name", out _) || offered.TryGetProperty("identifiers", out _));
        Assert.Equal(HttpStatusCode.BadRequest, unknownTaxon.StatusCode);
    }

    /// <summary>Countries, the two zoos and a taxon, entered by an administrator, whose client is returned.</summary>
    private static async Task<HttpClient> SeedAsync(MenagerieFactory factory)
    {
        var client = await factory.ClientAsAsync("admin", new MembershipInput(Role.Administrator));
        foreach (var country in new object[]
        {
            new { code = "RU", name = "Russian Federation", isCitesParty = true, citesEntryIntoForce = "1992-01-01", statusAsOf = "2015-07-01", statusSource = "CITES list of Parties" },
            new { code = "KP", name = "DPRK", isCitesParty = false, statusAsOf = "2015-07-01", statusSource = "CITES list of Parties" },
        })
        {
            (await client.PostAsJsonAsync("/api/v1/countries", country, Ct)).EnsureSuccessStatusCode();
        }
        (await client.PostAsJsonAsync("/api/v1/institutions", new { code = "MOSCOW", name = "Moscow Zoo", country = "RU", timeZone = "Europe/Moscow" }, Ct)).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/v1/institutions", new { code = "PYONGYANG", name = "Central Zoo, Pyongyang", country = "KP", timeZone = "Asia/Pyongyang" }, Ct)).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/v1/taxa", new { scientificName = "Panthera leo", commonName = "African lion", rank = "species", taxonClass = "Mammalia" }, Ct)).EnsureSuccessStatusCode();
        return client;
    }

    private static Task<HttpClient> RegistrarAsync(MenagerieFactory factory) =>
        factory.ClientAsAsync("registrar@MOSCOW", new MembershipInput(Role.Registrar, "MOSCOW"));

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string url, object body, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request, Ct);
    }

    private static Task<HttpResponseMessage> PostEventAsync(HttpClient client, string specimen, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/specimens/{specimen}/events") { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
            request.Headers.IfMatch.Add(new EntityTagHeaderValue(ifMatch));
        return client.SendAsync(request, Ct);
    }
}
