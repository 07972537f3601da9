using System.Net;
using System.Net.Http.Json;
using Menagerie.App;
using Menagerie.App.Accounts;
using Menagerie.App.Persistence;
using Menagerie.App.Sample;
using Menagerie.App.Studbooks;
using Menagerie.App.Transfers;
using Menagerie.Domain.Transfers;
using Menagerie.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Menagerie.Web.Tests;

/// <summary>
/// Every API endpoint in the application's own route table, called as nobody, as each role of the
/// institution that holds the animal, as each role of the other institution (with the first one's ids),
/// as each country's authority and as the administrator; transfers, as the parties, the authorities of
/// their countries, and everyone else. A new endpoint without a row here fails.
/// </summary>
public sealed class AuthorizationMatrixTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Roles = ["registrar", "curator", "veterinarian", "studbook-keeper", "transport-coordinator", "viewer"];

    /// <summary>Who is asking: a sample user name, or null for nobody signed in.</summary>
    private sealed record Caller(string? Name)
    {
        public bool Anonymous => Name is null;
        public bool Admin => Name == "admin";
        public bool AtMoscow => Name?.EndsWith("@MOSCOW", StringComparison.Ordinal) == true;
        public bool Is(string role, string at) => Name == $"{role}@{at}";
        public bool MayAddTaxa => Admin || Roles[..2].Concat(["studbook-keeper"]).Any(r => Is(r, "MOSCOW") || Is(r, "PYONGYANG"));
        public override string ToString() => Name ?? "anonymous";
    }

    private sealed record Probe(HttpMethod Method, string Route, Func<Caller, string> Url, Func<Caller, object?> Body, Func<Caller, HttpStatusCode> Expected);

    [Fact]
    public async Task Every_endpoint_answers_each_caller_as_the_rules_say()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database, settings: [("Menagerie:RateLimit:SignInPerMinute", "10000")]);
        var (callers, victimToken, transfers) = await SampleCallersAsync(factory);
        var probes = Probes(victimToken, transfers, await LionStudbookAsync(factory));

        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToHashSet(StringComparer.Ordinal);
        var covered = probes.Select(p => $"{p.Method} {p.Route}").ToHashSet(StringComparer.Ordinal);
        Assert.True(routes.SetEquals(covered), "Endpoints without a row in the matrix: " + string.Join(", ", routes.Except(covered))
            + "; rows without an endpoint: " + string.Join(", ", covered.Except(routes)));

        // Pages have a matrix of their own (PageAuthorizationMatrixTests).
        var others = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is null)
            .Select(e => e.RoutePattern.RawText ?? "").Where(p => !p.StartsWith("/api/", StringComparison.Ordinal) && !IsStaticFile(p)).ToHashSet(StringComparer.Ordinal);
        Assert.True(others.SetEquals(PublicRoutes), "Routes outside the API that are not known to be public: "
            + string.Join(", ", others.Except(PublicRoutes)) + "; known public routes that are gone: " + string.Join(", ", PublicRoutes.Except(others)));

        var wrong = new List<string>();
        foreach (var probe in probes)
        {
            foreach (var (caller, client) in callers)
            {
                var request = new HttpRequestMessage(probe.Method, probe.Url(caller));
                if (probe.Body(caller) is { } body)
                    request.Content = JsonContent.Create(body);
                var status = (await client.SendAsync(request, Ct)).StatusCode;
                if (status != probe.Expected(caller))
                    wrong.Add($"{probe.Method} {probe.Url(caller)} as {caller}: {(int)status}, expected {(int)probe.Expected(caller)}");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    /// <summary>What anyone may open besides the pages: health and the API's description.</summary>
    private static readonly string[] PublicRoutes =
    [
        "/health", "/openapi/{documentName}.json", "/scalar/{documentName?}", "{**path:file}",
    ];

    private static bool IsStaticFile(string pattern) =>
        !pattern.Contains('{', StringComparison.Ordinal) && Path.HasExtension(pattern) && !pattern.StartsWith("/openapi", StringComparison.Ordinal);

    private static List<Probe> Probes(string victimToken, SampleTransfers transfers, Guid studbook)
    {
        const string Lioness = "EEP-PLE-3117";
        static HttpStatusCode SignedIn(Caller c) => c.Anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.OK;
        static HttpStatusCode AdminOnly(Caller c, HttpStatusCode ok) => c.Anonymous ? HttpStatusCode.Unauthorized : c.Admin ? ok : HttpStatusCode.Forbidden;
        static HttpStatusCode MoscowReads(Caller c) => c.Anonymous ? HttpStatusCode.Unauthorized : c.AtMoscow || c.Admin ? HttpStatusCode.OK : HttpStatusCode.NotFound;
        static HttpStatusCode MoscowMembers(Caller c) => c.Anonymous ? HttpStatusCode.Unauthorized : c.AtMoscow || c.Admin ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
        static HttpStatusCode HolderWrites(Caller c, HttpStatusCode ok, params string[] roles) =>
            c.Anonymous ? HttpStatusCode.Unauthorized
            : roles.Any(r => c.Is(r, "MOSCOW")) ? ok
            : c.AtMoscow || c.Admin ? HttpStatusCode.Forbidden
            : HttpStatusCode.NotFound;
        // The November shipment, Moscow to Pyongyang, is accepted: every step is refused by role and party, or, for
        // the one who may take it, refused by the rules (400) without changing it. The Berlin-Prague loan is no one's here.
        static HttpStatusCode PartiesRead(Caller c) =>
            c.Anonymous ? HttpStatusCode.Unauthorized : c.Name is not null && (c.AtMoscow || c.Name.EndsWith("@PYONGYANG", StringComparison.Ordinal) || c.Admin || c.Name.StartsWith("authority@", StringComparison.Ordinal)) ? HttpStatusCode.OK : HttpStatusCode.NotFound;
        static HttpStatusCode OnlyAdminReads404(Caller c) => c.Anonymous ? HttpStatusCode.Unauthorized : c.Admin ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound;
        static HttpStatusCode OnlyAdminReads(Caller c) => c.Anonymous ? HttpStatusCode.Unauthorized : c.Admin ? HttpStatusCode.OK : HttpStatusCode.NotFound;
        static Func<Caller, HttpStatusCode> Step(params string[] who) =>
            c => c.Anonymous ? HttpStatusCode.Unauthorized : who.Any(w => c.Name == w) ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden;
        // Kept by Pyongyang's studbook keeper, and linked to Moscow's lioness by her studbook number.
        static HttpStatusCode StudbookReaders(Caller c) =>
            c.Anonymous ? HttpStatusCode.Unauthorized : c.AtMoscow || c.Admin || c.Is("studbook-keeper", "PYONGYANG") ? HttpStatusCode.OK : HttpStatusCode.NotFound;
        var november = $"/api/v1/transfers/{transfers.November}";
        var loan = $"/api/v1/transfers/{transfers.Loan}";

        // A species name of its own for each caller, so that one caller's taxon is never another's conflict.
        static string Epithet(Caller c) => new string((c.Name ?? "nobody").Where(char.IsAsciiLetter).ToArray()).ToLowerInvariant();

        var country = new { code = "KP", name = "Democratic People's Republic of Korea", isCitesParty = false, statusAsOf = "2026-11-01", statusSource = "CITES list of Parties, checked" };
        return
        [
            new(HttpMethod.Get, "/api/v1/countries/", _ => "/api/v1/countries", _ => null, SignedIn),
            new(HttpMethod.Post, "/api/v1/countries/", _ => "/api/v1/countries", _ => new { code = "QZ", name = "Testland", isCitesParty = false, statusAsOf = "2026-11-01", statusSource = "test" },
                c => AdminOnly(c, HttpStatusCode.Created)),
            new(HttpMethod.Get, "/api/v1/countries/{code}", _ => "/api/v1/countries/RU", _ => null, SignedIn),
            new(HttpMethod.Put, "/api/v1/countries/{code}", _ => "/api/v1/countries/KP", _ => country, c => AdminOnly(c, HttpStatusCode.OK)),
            new(HttpMethod.Get, "/api/v1/institutions/", _ => "/api/v1/institutions", _ => null, SignedIn),
            new(HttpMethod.Post, "/api/v1/institutions/", _ => "/api/v1/institutions", _ => new { code = "TESTZOO", name = "Test Zoo", country = "RU" },
                c => AdminOnly(c, HttpStatusCode.Created)),
            new(HttpMethod.Get, "/api/v1/institutions/{code}", _ => "/api/v1/institutions/PYONGYANG", _ => null, SignedIn),
            new(HttpMethod.Put, "/api/v1/institutions/{code}", _ => "/api/v1/institutions/MOSCOW", _ => new { name = "Moscow Zoo", country = "RU" }, c => AdminOnly(c, HttpStatusCode.OK)),
            new(HttpMethod.Get, "/api/v1/institutions/{code}/census", _ => "/api/v1/institutions/MOSCOW/census?on=2024-11-15", _ => null, MoscowMembers),
            new(HttpMethod.Get, "/api/v1/taxa/", _ => "/api/v1/taxa", _ => null, SignedIn),
            new(HttpMethod.Post, "/api/v1/taxa/", _ => "/api/v1/taxa", c => new { scientificName = $"Testus {Epithet(c)}", commonName = "test", rank = "species", taxonClass = "Aves" },
                c => c.Anonymous ? HttpStatusCode.Unauthorized : c.MayAddTaxa ? HttpStatusCode.Created : HttpStatusCode.Forbidden),
            new(HttpMethod.Get, "/api/v1/taxa/{id}", _ => "/api/v1/taxa/Panthera leo", _ => null, SignedIn),
            new(HttpMethod.Put, "/api/v1/taxa/{id}", _ => "/api/v1/taxa/Panthera leo", _ => new { scientificName = "Panthera leo", commonName = "African lion", rank = "species", taxonClass = "Mammalia" },
                c => AdminOnly(c, HttpStatusCode.OK)),
            new(HttpMethod.Get, "/api/v1/specimens/", _ => "/api/v1/specimens?holder=MOSCOW", _ => null, MoscowMembers),
            new(HttpMethod.Post, "/api/v1/specimens/", _ => "/api/v1/specimens",
                _ => new { taxon = "Panthera leo", sex = "male", first = new { type = "birth", date = "2026-11-01", institution = "MOSCOW" } },
                c => c.Anonymous ? HttpStatusCode.Unauthorized : c.Is("registrar", "MOSCOW") ? HttpStatusCode.Created : HttpStatusCode.Forbidden),
            new(HttpMethod.Get, "/api/v1/specimens/{id}", _ => $"/api/v1/specimens/{Lioness}", _ => null, MoscowReads),
            new(HttpMethod.Put, "/api/v1/specimens/{id}", _ => $"/api/v1/specimens/{Lioness}", _ => new { name = "Laska" }, c => HolderWrites(c, HttpStatusCode.OK, "registrar")),
            new(HttpMethod.Get, "/api/v1/specimens/{id}/events", _ => $"/api/v1/specimens/{Lioness}/events", _ => null, MoscowReads),
            new(HttpMethod.Post, "/api/v1/specimens/{id}/events", _ => $"/api/v1/specimens/{Lioness}/events", _ => new { type = "note", date = "2026-11-28", text = "checked" },
                c => HolderWrites(c, HttpStatusCode.Created, "registrar", "veterinarian")),
            // The lioness is an individual on the November transfer: the registrar who may split or merge gets the rule's 400.
            new(HttpMethod.Post, "/api/v1/specimens/{id}/split", _ => $"/api/v1/specimens/{Lioness}/split", _ => new { counts = "0.1.0", at = "2026-11-28T08:00:00Z" },
                c => HolderWrites(c, HttpStatusCode.BadRequest, "registrar")),
            new(HttpMethod.Post, "/api/v1/specimens/{id}/merge", _ => $"/api/v1/specimens/{Lioness}/merge", _ => new { into = "MOS-G0002", at = "2026-11-28T08:00:00Z" },
                c => HolderWrites(c, HttpStatusCode.BadRequest, "registrar")),
            new(HttpMethod.Put, "/api/v1/specimens/{id}/origin", _ => $"/api/v1/specimens/{Lioness}/origin", _ => new { citesSource = "A", origin = "ZA" },
                c => HolderWrites(c, HttpStatusCode.BadRequest, "registrar")),
            new(HttpMethod.Get, "/api/v1/specimens/{id}/holder", _ => $"/api/v1/specimens/{Lioness}/holder?on=2024-11-15", _ => null, MoscowReads),
            new(HttpMethod.Get, "/api/v1/transfers/", _ => "/api/v1/transfers?view=needsMyAction", _ => null, SignedIn),
            new(HttpMethod.Post, "/api/v1/transfers/", _ => "/api/v1/transfers", _ => new { sender = "MOSCOW", receiver = "PYONGYANG", terms = "gift", lines = Array.Empty<object>() },
                c => c.Anonymous ? HttpStatusCode.Unauthorized
                    : new[] { "registrar", "curator" }.Any(r => c.Is(r, "MOSCOW") || c.Is(r, "PYONGYANG")) ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden),
            new(HttpMethod.Get, "/api/v1/transfers/{id:guid}", _ => november, _ => null, PartiesRead),
            new(HttpMethod.Get, "/api/v1/transfers/{id:guid}", _ => loan, _ => null, OnlyAdminReads),
            new(HttpMethod.Get, "/api/v1/transfers/{id:guid}/timeline", _ => november + "/timeline", _ => null, PartiesRead),
            new(HttpMethod.Get, "/api/v1/transfers/{id:guid}/timeline", _ => loan + "/timeline", _ => null, OnlyAdminReads),
            new(HttpMethod.Get, "/api/v1/transfers/{id:guid}/requirements", _ => november + "/requirements", _ => null, PartiesRead),
            new(HttpMethod.Get, "/api/v1/transfers/{id:guid}/requirements", _ => loan + "/requirements", _ => null, OnlyAdminReads),
            new(HttpMethod.Get, "/api/v1/transfers/{id:guid}/overrides", _ => november + "/overrides", _ => null, PartiesRead),
            new(HttpMethod.Get, "/api/v1/transfers/{id:guid}/overrides", _ => loan + "/overrides", _ => null, OnlyAdminReads),
            // A block cannot be overridden: the curators who may confirm warnings get the rule's 400.
            new(HttpMethod.Post, "/api/v1/transfers/{id:guid}/overrides", _ => november + "/overrides", _ => new { rule = "C-61", lines = new[] { 1 }, reason = "we trust them" },
                c => c.Anonymous ? HttpStatusCode.Unauthorized
                    : c.Is("curator", "MOSCOW") || c.Is("curator", "PYONGYANG") ? HttpStatusCode.BadRequest
                    : PartiesRead(c) == HttpStatusCode.OK ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound),
            new(HttpMethod.Get, "/api/v1/transfers/{id:guid}/transport-plan", _ => november + "/transport-plan", _ => null, PartiesRead),
            new(HttpMethod.Get, "/api/v1/transfers/{id:guid}/transport-plan", _ => loan + "/transport-plan", _ => null, OnlyAdminReads),
            new(HttpMethod.Get, "/api/v1/transfers/{id:guid}/transport-documents/{file}", _ => november + "/transport-documents/labels.pdf", _ => null, PartiesRead),
            new(HttpMethod.Get, "/api/v1/transfers/{id:guid}/transport-documents/{file}", _ => loan + "/transport-documents/manifest.pdf", _ => null, OnlyAdminReads),
            new(HttpMethod.Get, "/api/v1/transfers/{id:guid}/journey", _ => november + "/journey", _ => null, PartiesRead),
            // The loan has no journey recorded: whoever may read the transfer learns that.
            new(HttpMethod.Get, "/api/v1/transfers/{id:guid}/journey", _ => loan + "/journey", _ => null, c => c.Anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.NotFound),
            // An impossible check interval: those who may record the journey get the rule's 400, and nothing changes.
            new(HttpMethod.Put, "/api/v1/transfers/{id:guid}/journey", _ => november + "/journey", _ => new { checkEveryHours = 0 },
                c => c.Anonymous ? HttpStatusCode.Unauthorized
                    : new[] { "transport-coordinator", "registrar", "curator" }.Any(r => c.Is(r, "MOSCOW") || c.Is(r, "PYONGYANG")) ? HttpStatusCode.BadRequest
                    : PartiesRead(c) == HttpStatusCode.OK ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound),
            new(HttpMethod.Get, "/api/v1/transfers/{id:guid}/welfare-checks", _ => november + "/welfare-checks", _ => null, PartiesRead),
            new(HttpMethod.Get, "/api/v1/transfers/{id:guid}/welfare-checks", _ => loan + "/welfare-checks", _ => null, OnlyAdminReads),
            // A crate the plan does not have: the attendants who may record checks get the rule's 400, and nothing changes.
            new(HttpMethod.Post, "/api/v1/transfers/{id:guid}/welfare-checks", _ => november + "/welfare-checks",
                _ => new { at = "2024-11-20T05:00:00Z", crates = new[] { "C99" }, condition = "calm", attendant = "Dr Petrova" },
                c => c.Anonymous ? HttpStatusCode.Unauthorized
                    : new[] { "transport-coordinator", "veterinarian" }.Any(r => c.Is(r, "MOSCOW") || c.Is(r, "PYONGYANG")) ? HttpStatusCode.BadRequest
                    : PartiesRead(c) == HttpStatusCode.OK ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound),
            new(HttpMethod.Get, "/api/v1/transfers/{id:guid}/documents", _ => november + "/documents", _ => null, PartiesRead),
            new(HttpMethod.Get, "/api/v1/transfers/{id:guid}/documents", _ => loan + "/documents", _ => null, OnlyAdminReads),
            new(HttpMethod.Post, "/api/v1/transfers/{id:guid}/documents", _ => november + "/documents", _ => new { type = "no such kind" },
                c => c.Anonymous ? HttpStatusCode.Unauthorized
                    : new[] { "registrar", "veterinarian" }.Any(r => c.Is(r, "MOSCOW") || c.Is(r, "PYONGYANG")) ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden),
            new(HttpMethod.Post, "/api/v1/transfers/{id:guid}/documents", _ => loan + "/documents", _ => new { type = "no such kind" }, OnlyAdminReads404),
            new(HttpMethod.Get, "/api/v1/transfers/{id:guid}/documents/{documentId:guid}/file", _ => $"{november}/documents/{Guid.Empty}/file", _ => null,
                c => c.Anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.NotFound),
            new(HttpMethod.Post, "/api/v1/transfers/{id:guid}/propose", _ => november + "/propose", _ => null, Step("curator@MOSCOW")),
            new(HttpMethod.Post, "/api/v1/transfers/{id:guid}/request", _ => november + "/request", _ => null, Step("curator@PYONGYANG")),
            new(HttpMethod.Post, "/api/v1/transfers/{id:guid}/accept", _ => november + "/accept", _ => null, Step("curator@PYONGYANG")),
            new(HttpMethod.Post, "/api/v1/transfers/{id:guid}/decline", _ => november + "/decline", _ => new { reason = "no" }, Step("curator@PYONGYANG")),
            new(HttpMethod.Post, "/api/v1/transfers/{id:guid}/clear", _ => november + "/clear", _ => new { }, Step("curator@MOSCOW")),
            new(HttpMethod.Post, "/api/v1/transfers/{id:guid}/cancel", _ => november + "/cancel", _ => new { }, Step("curator@MOSCOW", "curator@PYONGYANG")),
            new(HttpMethod.Post, "/api/v1/transfers/{id:guid}/dispatch", _ => november + "/dispatch", _ => new { at = "2026-11-28T06:00:00Z" },
                Step("registrar@MOSCOW", "transport-coordinator@MOSCOW")),
            new(HttpMethod.Post, "/api/v1/transfers/{id:guid}/receive", _ => november + "/receive", _ => new { at = "2026-11-28T06:00:00Z", lines = Array.Empty<object>() },
                Step("registrar@PYONGYANG")),
            new(HttpMethod.Post, "/api/v1/transfers/{id:guid}/lines/{line:int}/resolve", _ => november + "/lines/1/resolve",
                _ => new { resolution = "found", reason = "in the crate" }, Step("registrar@PYONGYANG")),
            new(HttpMethod.Post, "/api/v1/transfers/{id:guid}/dispatch", _ => loan + "/dispatch", _ => new { at = "2026-11-28T06:00:00Z" }, OnlyAdminReads404),
            new(HttpMethod.Get, "/api/v1/studbooks/", _ => "/api/v1/studbooks", _ => null, SignedIn),
            // Without a name or a file: a keeper's upload is refused by the rules (400), anyone else's by role.
            new(HttpMethod.Post, "/api/v1/studbooks/", _ => "/api/v1/studbooks", _ => null,
                c => c.Anonymous ? HttpStatusCode.Unauthorized
                    : c.Is("studbook-keeper", "MOSCOW") || c.Is("studbook-keeper", "PYONGYANG") ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden),
            new(HttpMethod.Get, "/api/v1/studbooks/{id:guid}", _ => $"/api/v1/studbooks/{studbook}", _ => null, StudbookReaders),
            new(HttpMethod.Get, "/api/v1/studbooks/{id:guid}/analysis", _ => $"/api/v1/studbooks/{studbook}/analysis", _ => null, StudbookReaders),
            new(HttpMethod.Get, "/api/v1/studbooks/{id:guid}/plots/{plot}.{format}", _ => $"/api/v1/studbooks/{studbook}/plots/mean-kinship.svg", _ => null, StudbookReaders),
            new(HttpMethod.Get, "/api/v1/studbooks/{id:guid}/plots/pedigree/{individual}.{format}", _ => $"/api/v1/studbooks/{studbook}/plots/pedigree/{Lioness}.png", _ => null,
                StudbookReaders),
            new(HttpMethod.Get, "/api/v1/me/", _ => "/api/v1/me", _ => null, SignedIn),
            new(HttpMethod.Get, "/api/v1/me/tokens", _ => "/api/v1/me/tokens", _ => null, SignedIn),
            new(HttpMethod.Post, "/api/v1/me/tokens", _ => "/api/v1/me/tokens", _ => new { name = "matrix" },
                c => c.Anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.Created),
            new(HttpMethod.Get, "/api/v1/users/", _ => "/api/v1/users", _ => null, c => AdminOnly(c, HttpStatusCode.OK)),
            new(HttpMethod.Post, "/api/v1/users/", _ => "/api/v1/users",
                _ => new { userName = "newcomer@MOSCOW", memberships = new[] { new { role = "viewer", institution = "MOSCOW" } } }, c => AdminOnly(c, HttpStatusCode.Created)),
            new(HttpMethod.Post, "/api/v1/users/{userName}/memberships", _ => "/api/v1/users/newcomer@MOSCOW/memberships",
                _ => new { role = "curator", institution = "MOSCOW" }, c => AdminOnly(c, HttpStatusCode.Created)),
            new(HttpMethod.Delete, "/api/v1/users/{userName}/memberships/{id:guid}", _ => $"/api/v1/users/newcomer@MOSCOW/memberships/{Guid.Empty}", _ => null,
                c => AdminOnly(c, HttpStatusCode.NotFound)),
            // Someone else's token id: only its owner may revoke it.
            new(HttpMethod.Delete, "/api/v1/me/tokens/{id}", _ => $"/api/v1/me/tokens/{victimToken}", _ => null,
                c => c.Anonymous ? HttpStatusCode.Unauthorized : c.Is("registrar", "PYONGYANG") ? HttpStatusCode.OK : HttpStatusCode.NotFound),
        ];
    }

    private sealed record SampleTransfers(Guid November, Guid Loan);

    private static async Task<Guid> LionStudbookAsync(MenagerieFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Actor>().Name = "studbook-keeper@PYONGYANG";
        scope.ServiceProvider.GetRequiredService<Access>().ActAsOperator();
        var csv = "id,sire,dam,sex,alive\nEEP-PLE-1,,,M,0\nEEP-PLE-2,,,F,0\nEEP-PLE-3117,EEP-PLE-1,EEP-PLE-2,F,1\n"u8.ToArray();
        var uploaded = Assert.IsType<Outcome<StudbookUploaded>.Created>(await scope.ServiceProvider.GetRequiredService<StudbookRecords>()
            .UploadAsync(new StudbookUpload("Panthera leo, EEP", "Panthera leo", null, "lions.csv", csv), Ct));
        return uploaded.Value.Studbook.Id;
    }

    private static async Task<(List<(Caller, HttpClient)> Callers, string VictimToken, SampleTransfers Transfers)> SampleCallersAsync(MenagerieFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Access>().ActAsOperator();
        Assert.IsType<Outcome<IReadOnlyList<SampleUser>>.Ok>(await scope.ServiceProvider.GetRequiredService<SampleAccounts>().EnsureAsync(MenagerieFactory.Password, Ct));
        var names = new List<string?> { null, "admin", "authority@RU", "authority@KP" };
        names.AddRange(Roles.SelectMany(r => new[] { $"{r}@MOSCOW", $"{r}@PYONGYANG" }));
        var callers = new List<(Caller, HttpClient)>();
        foreach (var name in names)
            callers.Add((new Caller(name), name is null ? factory.CreateClient() : await factory.ClientAsAsync(name)));
        var victim = Assert.IsType<Outcome<NewToken>.Created>(
            await scope.ServiceProvider.GetRequiredService<AccountCommands>().CreateTokenAsync("registrar@PYONGYANG", "victim", Ct));
        var transfers = Assert.IsType<Outcome<IReadOnlyList<TransferSummary>>.Ok>(
            await scope.ServiceProvider.GetRequiredService<TransferQueries>().ListAsync(new TransferFilter(), Ct)).Value;
        return (callers, victim.Value.Token.Id.ToString(),
            new SampleTransfers(transfers.Single(t => t.Status == TransferStatus.Accepted).Id, transfers.Single(t => t.Sender == "BERLIN").Id));
    }
}
