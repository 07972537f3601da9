using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Menagerie.App.Accounts;
using Menagerie.App.Persistence;
using Menagerie.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Menagerie.Web.Tests;

/// <summary>
/// Input no client should send, at every write of the API as a user with broad rights: never a 5xx, every refusal
/// problem details, every 400 naming its fields under <c>errors</c>, and the records unchanged.
/// </summary>
public sealed class HostileInputTests
{
    private const string Studbooks = "/api/v1/studbooks";

    private static readonly MembershipInput[] Everything =
    [
        new(Role.Administrator),
        .. new[] { "MOSCOW", "PYONGYANG", "BERLIN", "PRAGUE" }.SelectMany(i => new MembershipInput[]
        {
            new(Role.Registrar, i), new(Role.Curator, i), new(Role.Veterinarian, i), new(Role.StudbookKeeper, i), new(Role.TransportCoordinator, i),
        }),
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_json_write_of_the_openapi_document_refuses_hostile_bodies_with_field_problems_and_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database, settings: [("Menagerie:RateLimit:SignInPerMinute", "1000000")]);
        using var client = await factory.ClientAsAsync("everything", Everything);
        var document = (await client.GetFromJsonAsync<JsonObject>("/openapi/v1.json", Ct))!;
        var ids = await RouteValuesAsync(client);
        var bodies = new HostileBodies(document);
        var before = await RecordsAsync(factory);

        var failures = new List<string>();
        var sent = 0;
        foreach (var (path, method, schema, optional) in JsonWrites(document))
        {
            var url = Fill(path, ids);
            var cases = HostileBodies.Unreadable(optional).Select(b => (Text: Encoding.UTF8.GetString(b), Bytes: b))
                .Concat(bodies.Of(schema).Select(t => (Text: t, Bytes: Encoding.UTF8.GetBytes(t))));
            foreach (var (text, bytes) in cases)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new ByteArrayContent(bytes) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await client.SendAsync(request, Ct);
                sent++;
                if (await ProblemAsync(response) is { } problem)
                    failures.Add($"{method} {path} {Shorten(text)}: {problem}");
            }
        }
        var after = await RecordsAsync(factory);

        Assert.True(sent > 1000, $"Only {sent} hostile bodies were sent.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} hostile bodies were not refused properly:\n" + string.Join("\n", failures.Take(60)));
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task A_null_item_in_a_list_is_a_problem_of_that_item_and_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        using var client = await factory.ClientAsAsync("everything", Everything);
        var transfers = await client.GetFromJsonAsync<JsonElement>("/api/v1/transfers", Ct);
        string Transfer(string status) => transfers.EnumerateArray().First(t => t.GetProperty("status").GetString() == status).GetProperty("id").GetString()!;
        var (accepted, dispatched) = (Transfer("accepted"), Transfer("dispatched"));
        const string Leg = """{"from": "Chkalovsky", "to": "Sunan", "departs": "2024-11-20T01:00:00Z", "arrives": "2024-11-20T09:00:00Z", "transit": [null]}""";
        var before = await RecordsAsync(factory);

        var cases = new (string Method, string Path, string Body, string Field)[]
        {
            ("POST", "/api/v1/transfers", """{"sender": "MOSCOW", "receiver": "PYONGYANG", "terms": "gift", "lines": [null]}""", "lines[0]"),
            ("POST", "/api/v1/specimens", """{"taxon": "Panthera leo", "first": {"type": "birth", "date": "2024-01-01", "institution": "MOSCOW"}, "identifiers": [null]}""", "identifiers[0]"),
            ("POST", $"/api/v1/transfers/{dispatched}/receive", """{"at": "2026-11-21T10:00:00Z", "lines": [null]}""", "lines[0]"),
            ("POST", $"/api/v1/transfers/{dispatched}/receive", """{"at": "2026-11-21T10:00:00Z", "lines": [{"line": 1, "outcome": "arrived", "identifiers": [null]}]}""", "lines[0].identifiers[0]"),
            ("POST", $"/api/v1/transfers/{accepted}/documents", """{"type": "export-permit", "number": "X-1", "issuingAuthority": "Rosprirodnadzor", "issuingState": "RU", "issuedOn": "2024-11-01", "covers": [null]}""", "covers[0]"),
            ("PUT", $"/api/v1/transfers/{accepted}/journey", """{"legs": [null]}""", "legs[0]"),
            ("PUT", $"/api/v1/transfers/{accepted}/journey", $$"""{"legs": [{{Leg}}]}""", "legs[0].transit[0]"),
            ("PUT", $"/api/v1/transfers/{accepted}/journey", """{"temperatures": [null]}""", "temperatures[0]"),
            ("POST", "/api/v1/users", """{"userName": "new-registrar", "memberships": [null]}""", "memberships[0]"),
            ("POST", $"/api/v1/transfers/{dispatched}/welfare-checks", """{"at": "2026-11-21T10:00:00Z", "condition": "calm", "attendant": "A. Keeper", "crates": [null]}""", "crates[0]"),
        };
        var answers = new List<(string Path, int Status, string? Message)>();
        foreach (var (method, path, body, field) in cases)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            using var response = await client.SendAsync(request, Ct);
            var text = await response.Content.ReadAsStringAsync(Ct);
            var message = response.StatusCode == HttpStatusCode.BadRequest && JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out var errors) ? errors[0].GetString() : text;
            answers.Add((path, (int)response.StatusCode, message));
        }

        Assert.All(answers, a => Assert.Equal((a.Path, 400, "This item of the list is empty (null): give it, or leave it out."), a));
        Assert.Equal(before, await RecordsAsync(factory));
    }

    [Fact]
    public async Task A_body_or_value_that_cannot_be_bound_is_a_400_naming_its_field_and_what_it_takes()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        using var client = await factory.ClientAsAsync("everything", Everything);
        var transfers = await client.GetFromJsonAsync<JsonElement>("/api/v1/transfers", Ct);
        var accepted = transfers.EnumerateArray().First(t => t.GetProperty("status").GetString() == "accepted").GetProperty("id").GetString();

        var wrongType = await SendAsync("PUT", $"/api/v1/transfers/{accepted}/journey", """{"legs": [{"departs": "2024-11-20T01:00:00Z"}], "checkEveryHours": "four"}""");
        var deep = await SendAsync("POST", "/api/v1/users", """{"userName": "x", "memberships": [{"role": "zookeeper"}]}""");
        var list = await SendAsync("POST", "/api/v1/transfers", "[1]");
        var none = await SendAsync("POST", "/api/v1/transfers", "null");
        var broken = await SendAsync("POST", "/api/v1/transfers", "{\"sender\": ");
        using var query = await client.GetAsync("/api/v1/transfers?open=maybe", Ct);

        Assert.Equal("Expected a whole number from -2147483648 to 2147483647 here (line 1, byte 74).", Error(wrongType, "checkEveryHours"));
        Assert.StartsWith("Expected one of: registrar, curator,", Error(deep, "memberships[0].role"), StringComparison.Ordinal);
        Assert.StartsWith("Expected an object { … } here (line 1, byte ", Error(list, "$"), StringComparison.Ordinal);
        Assert.Equal("The request needs a body: an object { … }.", Error(none, "$"));
        Assert.StartsWith("This is not valid JSON (line 1, byte ", Error(broken, "sender"), StringComparison.Ordinal);
        Assert.Equal("'maybe' is not true or false.", Error(await JsonDocument.ParseAsync(await query.Content.ReadAsStreamAsync(Ct), cancellationToken: Ct), "open"));

        async Task<JsonDocument> SendAsync(string method, string path, string body)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            using var response = await client.SendAsync(request, Ct);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(Ct), cancellationToken: Ct);
        }

        static string? Error(JsonDocument problem, string field) =>
            problem.RootElement.GetProperty("status").GetInt32() == 400 && problem.RootElement.GetProperty("errors").TryGetProperty(field, out var errors)
                ? errors[0].GetString()
                : problem.RootElement.ToString();
    }

    [Fact]
    public async Task A_broken_studbook_upload_is_a_problem_with_field_errors_and_stores_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        using var keeper = await factory.ClientAsSampleUserAsync("studbook-keeper@MOSCOW");
        var before = await RecordsAsync(factory);
        const string Csv = "id,sire,dam,sex\n1,0,0,M\n2,0,0,F\n3,1,2,F\n";
        const string Part = "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"colony.csv\"\r\nContent-Type: text/csv\r\n\r\n";

        var uploads = new (string Name, string ContentType, byte[] Body, string Query)[]
        {
            ("no boundary", "multipart/form-data", Bytes(Part + Csv + "\r\n--XYZ--\r\n"), "?name=Colony"),
            ("no closing boundary", "multipart/form-data; boundary=XYZ", Bytes(Part + Csv), "?name=Colony"),
            ("not multipart at all", "multipart/form-data; boundary=XYZ", Bytes("garbage"), "?name=Colony"),
            ("a part without a name", "multipart/form-data; boundary=XYZ", Bytes("--XYZ\r\nContent-Disposition: form-data\r\n\r\nx\r\n--XYZ--\r\n"), "?name=Colony"),
            ("a part without headers", "multipart/form-data; boundary=XYZ", Bytes("--XYZ\r\n\r\nx\r\n--XYZ--\r\n"), "?name=Colony"),
            ("an empty boundary", "multipart/form-data; boundary=\"\"", Bytes(Part + Csv), "?name=Colony"),
            ("a binary file", "multipart/form-data; boundary=XYZ", [.. Bytes(Part), 0x00, 0x01, 0xFF, 0xFE, 0x00, .. Bytes("\r\n--XYZ--\r\n")], "?name=Colony"),
            ("an empty file", "text/csv", [], "?name=Colony"),
            ("an unterminated quote", "text/csv", Bytes("id,sire,dam\n\"1,0,0\n"), "?name=Colony"),
            ("a name with control characters", "text/csv", Bytes(Csv), "?name=%00%1B%5B2J%E2%80%AE"),
            ("a name of 100 kB", "text/csv", Bytes(Csv), "?name=" + new string('x', 100_000)),
            ("a broken form encoding", "application/x-www-form-urlencoded", Bytes("name=%%%&file=%ZZ"), ""),
        };
        var failures = new List<string>();
        foreach (var (name, contentType, body, query) in uploads)
        {
            using var content = new ByteArrayContent(body);
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            using var response = await keeper.PostAsync(Studbooks + query, content, Ct);
            if (await ProblemAsync(response) is { } problem)
                failures.Add($"{name}: {problem}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await RecordsAsync(factory));
    }

    /// <summary>What is wrong with the answer to a hostile request, or null when it is a proper refusal.</summary>
    private static async Task<string?> ProblemAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync(Ct);
        if (status < 400 || status >= 500 || response.StatusCode == HttpStatusCode.Unauthorized)
            return $"{status} {Shorten(body)}";
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            return $"{status} as {response.Content.Headers.ContentType?.MediaType ?? "no content type"}";
        if (response.StatusCode != HttpStatusCode.BadRequest)
            return null;
        using var problem = JsonDocument.Parse(body);
        return problem.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object && errors.EnumerateObject().Any()
            ? null
            : $"400 without field errors: {Shorten(body)}";
    }

    /// <summary>Every POST, PUT and PATCH with a JSON body: its path, method, body schema, and whether the body may be left out.</summary>
    private static IEnumerable<(string Path, string Method, JsonNode? Schema, bool Optional)> JsonWrites(JsonObject document)
    {
        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in operations!.AsObject())
            {
                if (method is not ("post" or "put" or "patch") || operation?["requestBody"]?["content"]?["application/json"] is not { } json)
                    continue;
                var schema = json["schema"];
                var optional = schema?["oneOf"] is JsonArray choices && choices.Any(c => c?["type"]?.GetValue<string>() == "null");
                yield return (path, method.ToUpperInvariant(), schema, optional);
            }
        }
    }

    /// <summary>An existing record for each kind of route value, so that a request gets past "not found" to its body.</summary>
    private static async Task<Dictionary<string, string>> RouteValuesAsync(HttpClient client)
    {
        var transfers = await client.GetFromJsonAsync<JsonElement>("/api/v1/transfers", Ct);
        var taxa = await client.GetFromJsonAsync<JsonElement>("/api/v1/taxa", Ct);
        var studbooks = await client.GetFromJsonAsync<JsonElement>(Studbooks, Ct);
        return new(StringComparer.Ordinal)
        {
            ["countries"] = "RU",
            ["institutions"] = "MOSCOW",
            ["taxa"] = taxa[0].GetProperty("id").GetString()!,
            ["specimens"] = "EEP-PLE-3117",
            ["transfers"] = transfers.EnumerateArray().First(t => t.GetProperty("status").GetString() == "accepted").GetProperty("id").GetString()!,
            ["studbooks"] = studbooks.GetArrayLength() > 0 ? studbooks[0].GetProperty("id").GetString()! : Guid.NewGuid().ToString(),
            ["users"] = "viewer@MOSCOW",
            ["lines"] = "1",
        };
    }

    private static string Fill(string path, Dictionary<string, string> ids)
    {
        var segments = path.Split('/');
        for (var i = 1; i < segments.Length; i++)
        {
            if (segments[i].StartsWith('{'))
                segments[i] = ids[segments[i - 1]];
        }
        return string.Join('/', segments);
    }

    /// <summary>How many ledger entries (sign-in records aside) and rows of the main records there are.</summary>
    private static async Task<string> RecordsAsync(MenagerieFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MenagerieDbContext>();
        var ledger = await db.LedgerEntries.IgnoreQueryFilters().CountAsync(e => e.EntityType != nameof(SignInRecord), Ct);
        var specimens = await db.Specimens.IgnoreQueryFilters().CountAsync(Ct);
        var events = await db.SpecimenEvents.IgnoreQueryFilters().CountAsync(Ct);
        var transfers = await db.Transfers.IgnoreQueryFilters().CountAsync(Ct);
        var journeys = await db.TransferJourneys.IgnoreQueryFilters().CountAsync(Ct);
        var studbooks = await db.Studbooks.IgnoreQueryFilters().CountAsync(Ct);
        var users = await db.Users.IgnoreQueryFilters().CountAsync(Ct);
        return $"ledger {ledger}, specimens {specimens}, events {events}, transfers {transfers}, journeys {journeys}, studbooks {studbooks}, users {users}";
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static string Shorten(string text) => text.Length > 160 ? text[..160] + "…" : text;
}
