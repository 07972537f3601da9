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
/// Every API endpoint in the application's own route table, called as nobody, as each role of each of the
/// four sample zoos (Moscow holds the animals; the others ask with Moscow's ids), as each country's authority
/// and as the administrator; transfers, as the parties, the authorities of their countries, and everyone
/// else: Berlin and Prague are everyone else to the November shipment, Moscow and Pyongyang to the
/// Berlin-Prague loan. A new endpoint without a row here fails.
/// </summary>
public sealed class AuthorizationMatrixTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Roles = ["registrar", "curator", "veterinarian", "studbook-keeper", "transport-coordinator", "viewer"];

    private static readonly string[] Zoos = ["MOSCOW", "PYONGYANG", "BERLIN", "PRAGUE"];

    /// <summary>Who is asking: a sample user name, or null for nobody signed in.</summary>
    private sealed record Caller(string? Name)
    {
        public bool Anonymous => Name is null;
        public bool Admin => Name == "admin";
        public bool At(string institution) => Name?.EndsWith("@" + institution, StringComparison.Ordinal) == true;
        public bool AtMoscow => At("MOSCOW");
        public bool Is(string role, string at) => Name == $"{role}@{at}";

        /// <summary>Holds one of the roles at one of the institutions.</summary>
        public bool IsAny(string[] roles, params string[] at) => roles.Any(r => at.Any(i => Is(r, i)));

        public bool MayAddTaxa => Admin || IsAny(["registrar", "curator", "studbook-keeper"], Zoos);

        /// <summary>The November shipment, Moscow to Pyongyang: its parties, the authorities of RU and KP, the administrator.</summary>
        public bool ReadsNovember => Admin || At("MOSCOW") || At("PYONGYANG") || Name is "authority@RU" or "authority@KP";

        /// <summary>The breeding loan, Berlin to Prague: its parties, the authorities of DE and CZ, the administrator.</summary>
        public bool ReadsLoan => Admin || At("BERLIN") || At("PRAGUE") || Name is "authority@DE" or "authority@CZ";

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
        // The November shipment, Moscow to Pyongyang, is accepted, and the Berlin-Prague loan dispatched: every step is
        // refused by role and party to those who may read the transfer, or, for the one who may take it, refused by
        // the rules (400), or as a step the transfer has gone past (409), without changing it; to everyone else the
        // transfer does not exist (404).
        static HttpStatusCode PartiesRead(Caller c) => c.Anonymous ? HttpStatusCode.Unauthorized : c.ReadsNovember ? HttpStatusCode.OK : HttpStatusCode.NotFound;
        static HttpStatusCode LoanPartiesRead(Caller c) => c.Anonymous ? HttpStatusCode.Unauthorized : c.ReadsLoan ? HttpStatusCode.OK : HttpStatusCode.NotFound;
        static Func<Caller, HttpStatusCode> Refused(Func<Caller, bool> reads, Func<Caller, bool> may, HttpStatusCode refusal = HttpStatusCode.BadRequest) =>
            c => c.Anonymous ? HttpStatusCode.Unauthorized : may(c) ? refusal : reads(c) ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound;
        static Func<Caller, HttpStatusCode> Step(params string[] who) => Refused(c => c.ReadsNovember, c => who.Contains(c.Name));
        static Func<Caller, HttpStatusCode> LoanStep(params string[] who) => Refused(c => c.ReadsLoan, c => who.Contains(c.Name));
        static Func<Caller, HttpStatusCode> PastStep(params string[] who) => Refused(c => c.ReadsNovember, c => who.Contains(c.Name), HttpStatusCode.Conflict);
        static Func<Caller, HttpStatusCode> PastLoanStep(params string[] who) => Refused(c => c.ReadsLoan, c => who.Contains(c.Name), HttpStatusCode.Conflict);
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
            new(HttpMethod.Post, "/api/v1/institutions/", _ => "/api/v1/institutions", _ => new { code = "TESTZOO", name = "Test Zoo", country = "RU", timeZone = "Europe/Moscow" },
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
            new(HttpMethod.Get, "/api/v1/specimens/", _ => "/api/v1/specimens?available=true&holder=MOSCOW", _ => null, MoscowMembers),
            new(HttpMethod.Post, "/api/v1/specimens/", _ => "/api/v1/specimens",
                _ => new { taxon = "Panthera leo", sex = "male", first = new { type = "birth", date = "2026-11-01", institution = "MOSCOW" } },
                c => c.Anonymous ? HttpStatusCode.Unauthorized : c.Is("registrar", "MOSCOW") ? HttpStatusCode.Created : HttpStatusCode.Forbidden),
            new(HttpMethod.Get, "/api/v1/specimens/{id}", _ => $"/api/v1/specimens/{Lioness}", _ => null, MoscowReads),
            new(HttpMethod.Get, "/api/v1/specimens/{id}/ledger", _ => $"/api/v1/specimens/{Lioness}/ledger", _ => null, MoscowReads),
            new(HttpMethod.Put, "/api/v1/specimens/{id}", _ => $"/api/v1/specimens/{Lioness}", _ => new { name = "Laska" }, c => HolderWrites(c, HttpStatusCode.OK, "registrar")),
            new(HttpMethod.Get, "/api/v1/specimens/{id}/events", _ => $"/api/v1/specimens/{Lioness}/events", _ => null, MoscowReads),
            new(HttpMethod.Post, "/api/v1/specimens/{id}/events", _ => $"/api/v1/specimens/{Lioness}/events", _ => new { type = "note", date = "2026-11-28", text = "checked" },
                c => HolderWrites(c, HttpStatusCode.Created, "registrar", "veterinarian")),
            // A measurement sizes the lioness's crate: her holder's transport coordinator records it too.
            new(HttpMethod.Post, "/api/v1/specimens/{id}/events", _ => $"/api/v1/specimens/{Lioness}/events", _ => new { type = "measurement", date = "2026-11-28", lengthCm = 192 },
                c => HolderWrites(c, HttpStatusCode.Created, "registrar", "veterinarian", "transport-coordinator")),
            // The lioness is an individual on the November transfer: the registrar who may split or merge gets the rule's 400.
            new(HttpMethod.Post, "/api/v1/specimens/{id}/split", _ => $"/api/v1/specimens/{Lioness}/split", _ => new { counts = "0.1.0", at = "2026-11-28T08:00:00Z" },
                c => HolderWrites(c, HttpStatusCode.BadRequest, "registrar")),
            new(HttpMethod.Post, "/api/v1/specimens/{id}/merge", _ => $"/api/v1/specimens/{Lioness}/merge", _ => new { into = "MOS-G0002", at = "2026-11-28T08:00:00Z" },
                c => HolderWrites(c, HttpStatusCode.BadRequest, "registrar")),
            new(HttpMethod.Put, "/api/v1/specimens/{id}/origin", _ => $"/api/v1/specimens/{Lioness}/origin", _ => new { citesSource = "A", origin = "ZA" },
                c => HolderWrites(c, HttpStatusCode.BadRequest, "registrar")),
            // Every institution's animals available for transfer, with only what a surplus list shows: anyone signed in.
            new(HttpMethod.Get, "/api/v1/available", _ => "/api/v1/available?taxon=Panthera leo", _ => null, SignedIn),
            new(HttpMethod.Put, "/api/v1/specimens/{id}/availability", _ => $"/api/v1/specimens/{Lioness}/availability", _ => new { available = true, note = "surplus" },
                c => HolderWrites(c, HttpStatusCode.OK, "curator")),
            new(HttpMethod.Get, "/api/v1/specimens/{id}/holder", _ => $"/api/v1/specimens/{Lioness}/holder?on=2024-11-15", _ => null, MoscowReads),
            new(HttpMethod.Get, "/api/v1/transfers/", _ => "/api/v1/transfers?view=needsMyAction", _ => null, SignedIn),
            new(HttpMethod.Post, "/api/v1/transfers/", _ => "/api/v1/transfers", _ => new { sender = "MOSCOW", receiver = "PYONGYANG", terms = "gift", lines = Array.Empty<object>() },
                c => c.Anonymous ? HttpStatusCode.Unauthorized : c.IsAny(["registrar", "curator"], "MOSCOW", "PYONGYANG") ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden),
            new(HttpMethod.Get, "/api/v1/transfers/{id:guid}", _ => november, _ => null, PartiesRead),
            new(HttpMethod.Get, "/api/v1/transfers/{id:guid}", _ => loan, _ => null, LoanPartiesRead),
            new(HttpMethod.Get, "/api/v1/transfers/{id:guid}/ledger", _ => november + "/ledger", _ => null, PartiesRead),
            new(HttpMethod.Get, "/api/v1/transfers/{id:guid}/ledger", _ => loan + "/ledger", _ => null, LoanPartiesRead),
            new(HttpMethod.Get, "/api/v1/transfers/{id:guid}/timeline", _ => november + "/timeline", _ => null, PartiesRead),
            new(HttpMethod.Get, "/api/v1/transfers/{id:guid}/timeline", _ => loan + "/timeline", _ => null, LoanPartiesRead),
            new(HttpMethod.Get, "/api/v1/transfers/{id:guid}/requirements", _ => november + "/requirements", _ => null, PartiesRead),
            new(HttpMethod.Get, "/api/v1/transfers/{id:guid}/requirements", _ => loan + "/requirements", _ => null, LoanPartiesRead),
            new(HttpMethod.Get, "/api/v1/transfers/{id:guid}/overrides", _ => november + "/overrides", _ => null, PartiesRead),
            new(HttpMethod.Get, "/api/v1/transfers/{id:guid}/overrides", _ => loan + "/overrides", _ => null, LoanPartiesRead),
            // A block cannot be overridden: the curators who may confirm warnings get the rule's 400.
            new(HttpMethod.Post, "/api/v1/transfers/{id:guid}/overrides", _ => november + "/overrides", _ => new { rule = "C-61", lines = new[] { 1 }, reason = "we trust them" },
                Step("curator@MOSCOW", "curator@PYONGYANG")),
            new(HttpMethod.Post, "/api/v1/transfers/{id:guid}/overrides", _ => loan + "/overrides", _ => new { rule = "C-61", lines = new[] { 1 }, reason = "we trust them" },
                LoanStep("curator@BERLIN", "curator@PRAGUE")),
            // A shipment file reads no records: anyone signed in may check one, and an empty one is every problem at once.
            new(HttpMethod.Get, "/api/v1/reference/status", _ => "/api/v1/reference/status", _ => null, c => c.Anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.OK),
            new(HttpMethod.Get, "/api/v1/reference/listings/{taxon}", _ => "/api/v1/reference/listings/Psittacus%20erithacus?on=2016-06-01", _ => null, c => c.Anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.OK),
            // A request without a file: the administrator gets its problem, nothing is imported.
            new(HttpMethod.Post, "/api/v1/reference/suspensions", _ => "/api/v1/reference/suspensions", _ => null, c => AdminOnly(c, HttpStatusCode.BadRequest)),
            new(HttpMethod.Post, "/api/v1/reference/quotas", _ => "/api/v1/reference/quotas", _ => null, c => AdminOnly(c, HttpStatusCode.BadRequest)),
            new(HttpMethod.Post, "/api/v1/compliance/check", _ => "/api/v1/compliance/check", _ => new { }, c => c.Anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.BadRequest),
            new(HttpMethod.Get, "/api/v1/transfers/{id:guid}/transport-plan", _ => november + "/transport-plan", _ => null, PartiesRead),
            new(HttpMethod.Get, "/api/v1/transfers/{id:guid}/transport-plan", _ => loan + "/transport-plan", _ => null, LoanPartiesRead),
            new(HttpMethod.Get, "/api/v1/transfers/{id:guid}/transport-plan.svg", _ => november + "/transport-plan.svg", _ => null, PartiesRead),
            // The loan's journey records no hold: there is no loading plan to draw, for its parties either.
            new(HttpMethod.Get, "/api/v1/transfers/{id:guid}/transport-plan.svg", _ => loan + "/transport-plan.svg", _ => null,
                c => c.Anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.NotFound),
            new(HttpMethod.Get, "/api/v1/transfers/{id:guid}/transport-plan.png", _ => november + "/transport-plan.png", _ => null, PartiesRead),
            new(HttpMethod.Get, "/api/v1/transfers/{id:guid}/transport-plan.png", _ => loan + "/transport-plan.png", _ => null,
                c => c.Anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.NotFound),
            new(HttpMethod.Get, "/api/v1/transfers/{id:guid}/transport-documents/{file}", _ => november + "/transport-documents/labels.pdf", _ => null, PartiesRead),
            new(HttpMethod.Get, "/api/v1/transfers/{id:guid}/transport-documents/{file}", _ => loan + "/transport-documents/manifest.pdf", _ => null, LoanPartiesRead),
            new(HttpMethod.Get, "/api/v1/transfers/{id:guid}/journey", _ => november + "/journey", _ => null, PartiesRead),
            // The loan has no journey recorded: whoever may read the transfer learns that.
            new(HttpMethod.Get, "/api/v1/transfers/{id:guid}/journey", _ => loan + "/journey", _ => null, c => c.Anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.NotFound),
            // An impossible check interval: those who may record the journey get the rule's 400, and nothing changes.
            new(HttpMethod.Put, "/api/v1/transfers/{id:guid}/journey", _ => november + "/journey", _ => new { checkEveryHours = 0 },
                Refused(c => c.ReadsNovember, c => c.IsAny(["transport-coordinator", "registrar", "curator"], "MOSCOW", "PYONGYANG"))),
            new(HttpMethod.Put, "/api/v1/transfers/{id:guid}/journey", _ => loan + "/journey", _ => new { checkEveryHours = 0 },
                Refused(c => c.ReadsLoan, c => c.IsAny(["transport-coordinator", "registrar", "curator"], "BERLIN", "PRAGUE"))),
            new(HttpMethod.Get, "/api/v1/transfers/{id:guid}/welfare-checks", _ => november + "/welfare-checks", _ => null, PartiesRead),
            new(HttpMethod.Get, "/api/v1/transfers/{id:guid}/welfare-checks", _ => loan + "/welfare-checks", _ => null, LoanPartiesRead),
            // A crate the plan does not have: the attendants who may record checks get the rule's 400, and nothing changes.
            new(HttpMethod.Post, "/api/v1/transfers/{id:guid}/welfare-checks", _ => november + "/welfare-checks",
                _ => new { at = "2024-11-20T05:00:00Z", crates = new[] { "C99" }, condition = "calm", attendant = "Dr Petrova" },
                Refused(c => c.ReadsNovember, c => c.IsAny(["transport-coordinator", "veterinarian"], "MOSCOW", "PYONGYANG"))),
            new(HttpMethod.Post, "/api/v1/transfers/{id:guid}/welfare-checks", _ => loan + "/welfare-checks",
                _ => new { at = "2026-11-24T09:00:00Z", crates = new[] { "C99" }, condition = "calm", attendant = "Dr Novak" },
                Refused(c => c.ReadsLoan, c => c.IsAny(["transport-coordinator", "veterinarian"], "BERLIN", "PRAGUE"))),
            new(HttpMethod.Get, "/api/v1/transfers/{id:guid}/documents", _ => november + "/documents", _ => null, PartiesRead),
            new(HttpMethod.Get, "/api/v1/transfers/{id:guid}/documents", _ => loan + "/documents", _ => null, LoanPartiesRead),
            new(HttpMethod.Post, "/api/v1/transfers/{id:guid}/documents", _ => november + "/documents", _ => new { type = "no such kind" },
                Refused(c => c.ReadsNovember, c => c.IsAny(["registrar", "veterinarian"], "MOSCOW", "PYONGYANG"))),
            new(HttpMethod.Post, "/api/v1/transfers/{id:guid}/documents", _ => loan + "/documents", _ => new { type = "no such kind" },
                Refused(c => c.ReadsLoan, c => c.IsAny(["registrar", "veterinarian"], "BERLIN", "PRAGUE"))),
            new(HttpMethod.Get, "/api/v1/transfers/{id:guid}/documents/{documentId:guid}/file", _ => $"{november}/documents/{Guid.Empty}/file", _ => null,
                c => c.Anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.NotFound),
            new(HttpMethod.Post, "/api/v1/transfers/{id:guid}/propose", _ => november + "/propose", _ => null, PastStep("curator@MOSCOW")),
            new(HttpMethod.Post, "/api/v1/transfers/{id:guid}/request", _ => november + "/request", _ => null, PastStep("curator@PYONGYANG")),
            new(HttpMethod.Post, "/api/v1/transfers/{id:guid}/accept", _ => november + "/accept", _ => null, PastStep("curator@PYONGYANG")),
            new(HttpMethod.Post, "/api/v1/transfers/{id:guid}/decline", _ => november + "/decline", _ => new { reason = "no" }, PastStep("curator@PYONGYANG")),
            new(HttpMethod.Post, "/api/v1/transfers/{id:guid}/clear", _ => november + "/clear", _ => new { }, Step("curator@MOSCOW")),
            new(HttpMethod.Post, "/api/v1/transfers/{id:guid}/cancel", _ => november + "/cancel", _ => new { }, Step("curator@MOSCOW", "curator@PYONGYANG")),
            // Only the authorities of RU and KP sign the November shipment off: with no objection to withdraw, theirs is the rule's 400.
            new(HttpMethod.Post, "/api/v1/transfers/{id:guid}/sign-off", _ => november + "/sign-off", _ => new { decision = "withdraw" }, Step("authority@RU", "authority@KP")),
            new(HttpMethod.Post, "/api/v1/transfers/{id:guid}/sign-off", _ => loan + "/sign-off", _ => new { decision = "object", reason = "no" }, PastLoanStep("authority@DE", "authority@CZ")),
            // A day before 1800: either party's curator is refused by the rules; after dispatch, the loan's by its status.
            new(HttpMethod.Put, "/api/v1/transfers/{id:guid}/planned-departure", _ => november + "/planned-departure", _ => new { plannedDeparture = "1700-01-01" },
                Step("curator@MOSCOW", "curator@PYONGYANG")),
            new(HttpMethod.Put, "/api/v1/transfers/{id:guid}/planned-departure", _ => loan + "/planned-departure", _ => new { plannedDeparture = "1700-01-01" },
                PastLoanStep("curator@BERLIN", "curator@PRAGUE")),
            new(HttpMethod.Post, "/api/v1/transfers/{id:guid}/dispatch", _ => november + "/dispatch", _ => new { at = "2026-11-28T06:00:00Z" },
                PastStep("registrar@MOSCOW", "transport-coordinator@MOSCOW")),
            new(HttpMethod.Post, "/api/v1/transfers/{id:guid}/receive", _ => november + "/receive", _ => new { at = "2026-11-28T06:00:00Z", lines = Array.Empty<object>() },
                PastStep("registrar@PYONGYANG")),
            new(HttpMethod.Post, "/api/v1/transfers/{id:guid}/lines/{line:int}/resolve", _ => november + "/lines/1/resolve",
                _ => new { resolution = "found", reason = "in the crate" }, Step("registrar@PYONGYANG")),
            // The loan is dispatched: a step before dispatch conflicts with it for the one who could take it; receipt
            // with no line reconciled is refused by the rules; nothing changes.
            new(HttpMethod.Post, "/api/v1/transfers/{id:guid}/dispatch", _ => loan + "/dispatch", _ => new { at = "2026-11-28T06:00:00Z" },
                PastLoanStep("registrar@BERLIN", "transport-coordinator@BERLIN")),
            new(HttpMethod.Post, "/api/v1/transfers/{id:guid}/accept", _ => loan + "/accept", _ => null, PastLoanStep("curator@PRAGUE")),
            new(HttpMethod.Post, "/api/v1/transfers/{id:guid}/cancel", _ => loan + "/cancel", _ => new { reason = "changed our minds" }, PastLoanStep("curator@BERLIN", "curator@PRAGUE")),
            new(HttpMethod.Post, "/api/v1/transfers/{id:guid}/receive", _ => loan + "/receive", _ => new { at = "2026-11-28T06:00:00Z", lines = Array.Empty<object>() },
                LoanStep("registrar@PRAGUE")),
            new(HttpMethod.Post, "/api/v1/transfers/{id:guid}/lines/{line:int}/resolve", _ => loan + "/lines/1/resolve",
                _ => new { resolution = "found", reason = "in the crate" }, LoanStep("registrar@PRAGUE")),
            new(HttpMethod.Get, "/api/v1/studbooks/", _ => "/api/v1/studbooks", _ => null, SignedIn),
            // Without a name or a file: a keeper's upload is refused by the rules (400), anyone else's by role.
            new(HttpMethod.Post, "/api/v1/studbooks/", _ => "/api/v1/studbooks", _ => null,
                c => c.Anonymous ? HttpStatusCode.Unauthorized : c.IsAny(["studbook-keeper"], Zoos) ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden),
            new(HttpMethod.Get, "/api/v1/studbooks/{id:guid}", _ => $"/api/v1/studbooks/{studbook}", _ => null, StudbookReaders),
            new(HttpMethod.Get, "/api/v1/studbooks/{id:guid}/analysis", _ => $"/api/v1/studbooks/{studbook}/analysis", _ => null, StudbookReaders),
            new(HttpMethod.Get, "/api/v1/studbooks/{id:guid}/plots/{plot}.{format}", _ => $"/api/v1/studbooks/{studbook}/plots/mean-kinship.svg", _ => null, StudbookReaders),
            new(HttpMethod.Get, "/api/v1/studbooks/{id:guid}/plots/pedigree/{individual}.{format}", _ => $"/api/v1/studbooks/{studbook}/plots/pedigree/{Lioness}.png", _ => null,
                StudbookReaders),
            new(HttpMethod.Get, "/api/v1/studbooks/{id:guid}/pairs", _ => $"/api/v1/studbooks/{studbook}/pairs?top=5", _ => null, StudbookReaders),
            new(HttpMethod.Post, "/api/v1/studbooks/{id:guid}/genedrop", _ => $"/api/v1/studbooks/{studbook}/genedrop", _ => new { iterations = 2 },
                c => StudbookReaders(c) == HttpStatusCode.OK ? HttpStatusCode.Created : StudbookReaders(c)),
            // A run is followed only by the one who started it: a run nobody started is not found, whoever asks.
            new(HttpMethod.Get, "/api/v1/studbooks/{id:guid}/genedrop/{run:guid}", _ => $"/api/v1/studbooks/{studbook}/genedrop/{Guid.Empty}", _ => null,
                c => c.Anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.NotFound),
            new(HttpMethod.Get, "/api/v1/me/", _ => "/api/v1/me", _ => null, SignedIn),
            new(HttpMethod.Get, "/api/v1/me/tokens", _ => "/api/v1/me/tokens", _ => null, SignedIn),
            new(HttpMethod.Post, "/api/v1/me/tokens", _ => "/api/v1/me/tokens", _ => new { name = "matrix" },
                c => c.Anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.Created),
            // Without the current password: everyone signed in may change their own, and gets the rule's 400 here.
            new(HttpMethod.Post, "/api/v1/me/password", _ => "/api/v1/me/password", _ => new { @new = "a long enough passphrase too" },
                c => c.Anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.BadRequest),
            new(HttpMethod.Get, "/api/v1/users/", _ => "/api/v1/users", _ => null, c => AdminOnly(c, HttpStatusCode.OK)),
            new(HttpMethod.Get, "/api/v1/users/{userName}/ledger", _ => "/api/v1/users/registrar@MOSCOW/ledger", _ => null, c => AdminOnly(c, HttpStatusCode.OK)),
            new(HttpMethod.Post, "/api/v1/ledger/verify", _ => "/api/v1/ledger/verify", _ => null, c => AdminOnly(c, HttpStatusCode.OK)),
            new(HttpMethod.Post, "/api/v1/users/", _ => "/api/v1/users",
                _ => new { userName = "newcomer@MOSCOW", memberships = new[] { new { role = "viewer", institution = "MOSCOW" } } }, c => AdminOnly(c, HttpStatusCode.Created)),
            new(HttpMethod.Post, "/api/v1/users/{userName}/memberships", _ => "/api/v1/users/newcomer@MOSCOW/memberships",
                _ => new { role = "curator", institution = "MOSCOW" }, c => AdminOnly(c, HttpStatusCode.Created)),
            new(HttpMethod.Delete, "/api/v1/users/{userName}/memberships/{id:guid}", _ => $"/api/v1/users/newcomer@MOSCOW/memberships/{Guid.Empty}", _ => null,
                c => AdminOnly(c, HttpStatusCode.NotFound)),
            // On the user made for the purpose above, never on a caller of this matrix.
            new(HttpMethod.Post, "/api/v1/users/{userName}/disable", _ => "/api/v1/users/newcomer@MOSCOW/disable", _ => null, c => AdminOnly(c, HttpStatusCode.OK)),
            new(HttpMethod.Post, "/api/v1/users/{userName}/enable", _ => "/api/v1/users/newcomer@MOSCOW/enable", _ => null, c => AdminOnly(c, HttpStatusCode.OK)),
            new(HttpMethod.Post, "/api/v1/users/{userName}/unlock", _ => "/api/v1/users/newcomer@MOSCOW/unlock", _ => null, c => AdminOnly(c, HttpStatusCode.OK)),
            new(HttpMethod.Post, "/api/v1/users/{userName}/reset-password", _ => "/api/v1/users/newcomer@MOSCOW/reset-password",
                _ => new { password = "a long enough passphrase" }, c => AdminOnly(c, HttpStatusCode.OK)),
            new(HttpMethod.Post, "/api/v1/users/{userName}/disable", _ => "/api/v1/users/nobody@MOSCOW/disable", _ => null, c => AdminOnly(c, HttpStatusCode.NotFound)),
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
        var names = new List<string?> { null, "admin", "authority@RU", "authority@KP", "authority@DE", "authority@CZ" };
        names.AddRange(Roles.SelectMany(r => Zoos.Select(zoo => $"{r}@{zoo}")));
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
