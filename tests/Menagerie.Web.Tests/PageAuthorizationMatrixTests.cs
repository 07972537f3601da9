using System.Net;
using System.Text.RegularExpressions;
using Menagerie.App;
using Menagerie.App.Accounts;
using Menagerie.App.Persistence;
using Menagerie.App.Sample;
using Menagerie.App.Studbooks;
using Menagerie.App.Transfers;
using Menagerie.Domain.Transfers;
using Menagerie.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Menagerie.Web.Tests;

/// <summary>
/// Every page and every form a page handles, in the application's own route table, opened as nobody (sent to
/// sign in), as each sample user of the four zoos (with Moscow's records), as each country's authority and
/// as the administrator, each signed in with the sign-in form as a person is. A page or handler added without
/// its row fails.
/// </summary>
public sealed partial class PageAuthorizationMatrixTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Roles = ["registrar", "curator", "veterinarian", "studbook-keeper", "transport-coordinator", "viewer"];

    private sealed record Caller(string? Name)
    {
        public bool Anonymous => Name is null;
        public bool Admin => Name == "admin";
        public bool AtMoscow => Name?.EndsWith("@MOSCOW", StringComparison.Ordinal) == true;
        public override string ToString() => Name ?? "anonymous";
    }

    /// <summary>What a caller gets: a status, and for a redirect where it leads.</summary>
    private sealed record Answer(HttpStatusCode Status, string? To = null)
    {
        public static readonly Answer Ok = new(HttpStatusCode.OK);
        public static readonly Answer SignIn = new(HttpStatusCode.Redirect, "/Account/SignIn");
        public static readonly Answer NotFound = new(HttpStatusCode.NotFound);
        public static readonly Answer Forbidden = new(HttpStatusCode.Forbidden);

        public static Answer Redirect(string to) => new(HttpStatusCode.Redirect, to);

        public override string ToString() => To is null ? $"{(int)Status}" : $"{(int)Status} to {To}";
    }

    /// <summary>A page request: the page's route and handler (for the coverage check), the address, the form, and the answer.</summary>
    private sealed record Probe(string Method, string Route, string? Handler, string Url, Func<Caller, Answer> Expected, IReadOnlyDictionary<string, string>? Form = null)
    {
        public string Key => $"{Method} {Route}{(Handler is null ? "" : "?handler=" + Handler)}";
    }

    [Fact]
    public async Task Every_page_and_form_answers_each_caller_as_the_rules_say()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database, settings: [("Menagerie:RateLimit:SignInPerMinute", "10000")]);
        var callers = await SignedInCallersAsync(factory);
        var probes = Probes(await SampleTransfersAsync(factory), await ProbeUserAsync(factory), await SampleStudbookAsync(factory));

        var pages = await PageHandlersAsync(factory);
        var covered = probes.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        Assert.True(pages.SetEquals(covered), "Pages or handlers without a row in the matrix: " + string.Join(", ", pages.Except(covered))
            + "; rows without a page: " + string.Join(", ", covered.Except(pages)));

        var wrong = new List<string>();
        foreach (var probe in probes)
        {
            foreach (var (caller, client, token) in callers)
            {
                var request = new HttpRequestMessage(new HttpMethod(probe.Method), probe.Url);
                if (probe.Method == "POST")
                    request.Content = new FormUrlEncodedContent((probe.Form ?? new Dictionary<string, string>()).Append(KeyValuePair.Create("__RequestVerificationToken", token)));
                var response = await client.SendAsync(request, Ct);
                var expected = probe.Expected(caller);
                var location = response.Headers.Location is { } to ? (to.IsAbsoluteUri ? to.PathAndQuery : to.OriginalString) : null;
                if (response.StatusCode != expected.Status || (expected.To is not null && location?.StartsWith(expected.To, StringComparison.Ordinal) != true))
                    wrong.Add($"{probe.Method} {probe.Url} as {caller}: {(int)response.StatusCode}{(location is null ? "" : " to " + location)}, expected {expected}");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private sealed record SampleTransfers(Guid November, Guid Loan);

    private static async Task<SampleTransfers> SampleTransfersAsync(MenagerieFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Access>().ActAsOperator();
        var all = Assert.IsType<Outcome<IReadOnlyList<TransferSummary>>.Ok>(
            await scope.ServiceProvider.GetRequiredService<TransferQueries>().ListAsync(new TransferFilter(), Ct)).Value;
        return new SampleTransfers(all.Single(t => t.Status == TransferStatus.Accepted).Id, all.Single(t => t.Sender == "BERLIN").Id);
    }

    private static List<Probe> Probes(SampleTransfers transfers, Guid probeMembership, Guid studbook)
    {
        static Answer Anyone(Caller c) => Answer.Ok;
        static Answer SignedIn(Caller c) => c.Anonymous ? Answer.SignIn : Answer.Ok;
        static Answer MoscowMembers(Caller c) => c.Anonymous ? Answer.SignIn : c.AtMoscow || c.Admin ? Answer.Ok : Answer.Forbidden;
        static Answer MoscowReads(Caller c) => c.Anonymous ? Answer.SignIn : c.AtMoscow || c.Admin ? Answer.Ok : Answer.NotFound;
        // Pages that change a Moscow animal: its people in other roles and the administrator may read it (403), anyone else may not (404).
        static Func<Caller, Answer> MoscowWrites(params string[] roles) =>
            c => c.Anonymous ? Answer.SignIn : roles.Any(r => c.Name == $"{r}@MOSCOW") ? Answer.Ok : c.AtMoscow || c.Admin ? Answer.Forbidden : Answer.NotFound;
        static Answer Registrars(Caller c) => c.Anonymous ? Answer.SignIn : c.Name!.StartsWith("registrar@", StringComparison.Ordinal) ? Answer.Ok : Answer.Forbidden;
        static Answer SignedInNotFound(Caller c) => c.Anonymous ? Answer.SignIn : Answer.NotFound;
        static Answer Administrator(Caller c) => c.Anonymous ? Answer.SignIn : c.Admin ? Answer.Ok : Answer.Forbidden;
        static Answer AdministratorToProbe(Caller c) => c.Anonymous ? Answer.SignIn : c.Admin ? Answer.Redirect(ProbeUserPage) : Answer.Forbidden;
        const string Lioness = "EEP-PLE-3117";
        const string Ducks = "MOS-G0002";
        // The November shipment, Moscow to Pyongyang, accepted; the Berlin lion's loan to Prague, dispatched.
        static bool Reads(Caller c, params string[] parties) =>
            c.Admin || parties.Any(p => c.Name!.EndsWith("@" + p, StringComparison.Ordinal)) || parties.Any(p => c.Name == "authority@" + Country(p));
        static string Country(string institution) => institution switch { "MOSCOW" => "RU", "PYONGYANG" => "KP", "BERLIN" => "DE", _ => "CZ" };
        static Func<Caller, Answer> TransferStep(string[] parties, params string[] who) =>
            c => c.Anonymous ? Answer.SignIn : who.Contains(c.Name) ? Answer.Ok : Reads(c, parties) ? Answer.Forbidden : Answer.NotFound;
        static string[] Planners(string[] parties) => [.. parties.SelectMany(p => new[] { $"transport-coordinator@{p}", $"registrar@{p}", $"curator@{p}" })];
        string[] november = ["MOSCOW", "PYONGYANG"];
        string[] loan = ["BERLIN", "PRAGUE"];
        var n = $"/transfers/{transfers.November}";
        var l = $"/transfers/{transfers.Loan}";
        static Answer Drafters(Caller c) =>
            c.Anonymous ? Answer.SignIn : c.Name!.StartsWith("registrar@", StringComparison.Ordinal) || c.Name.StartsWith("curator@", StringComparison.Ordinal) ? Answer.Ok : Answer.Forbidden;
        // Forms sent empty or at a version long gone: those who may write get the form back with its problems, and nothing is written.
        var empty = new Dictionary<string, string>(StringComparer.Ordinal);
        var stale = new Dictionary<string, string>(StringComparer.Ordinal) { ["Version"] = "0", ["Form.Version"] = "0", ["Form.Type"] = "note", ["Form.Date"] = "2026-11-28", ["Form.Text"] = "late" };
        var staleMeasurement = new Dictionary<string, string>(StringComparer.Ordinal) { ["Form.Version"] = "0", ["Form.Type"] = "measurement", ["Form.Date"] = "2026-11-28", ["Form.LengthCm"] = "200" };
        var wrongPassword = new Dictionary<string, string>(StringComparer.Ordinal) { ["UserName"] = "nobody@NOWHERE", ["Password"] = "not a password at all" };
        var russian = new Dictionary<string, string>(StringComparer.Ordinal) { ["language"] = "ru", ["returnUrl"] = "/specimens" };
        // A wrong current password, a short new one and a repeat that differs: everyone's own form comes back with three problems.
        var ownPassword = new Dictionary<string, string>(StringComparer.Ordinal) { ["Current"] = "not my password", ["New"] = "short", ["Repeat"] = "shorter" };
        var noToken = new Dictionary<string, string>(StringComparer.Ordinal) { ["id"] = "mng_nothing" };
        // The administrator acts only on the user made for the purpose; everyone else is refused before anything is read.
        var membership = new Dictionary<string, string>(StringComparer.Ordinal) { ["membership"] = probeMembership.ToString() };
        var probePassword = new Dictionary<string, string>(StringComparer.Ordinal) { ["Password"] = "a passphrase for the probe" };
        // The sample studbook is kept by Moscow's studbook keeper and linked to no animal: to anyone else but the administrator it does not exist.
        var s = $"/studbooks/{studbook}";
        static Answer StudbookReaders(Caller c) => c.Anonymous ? Answer.SignIn : c.Admin || c.Name == "studbook-keeper@MOSCOW" ? Answer.Ok : Answer.NotFound;
        static Answer Keepers(Caller c) => c.Anonymous ? Answer.SignIn : c.Name!.StartsWith("studbook-keeper@", StringComparison.Ordinal) ? Answer.Ok : Answer.Forbidden;
        var oneIteration = new Dictionary<string, string>(StringComparer.Ordinal) { ["Iterations"] = "1" };
        return
        [
            new("GET", "/", null, "/", Anyone),
            new("GET", "/Account/SignIn", null, "/Account/SignIn", Anyone),
            new("POST", "/Account/SignIn", null, "/Account/SignIn", Anyone, wrongPassword),
            new("GET", "/Account/SignOut", null, "/Account/SignOut", Anyone),
            new("GET", "/language", null, "/language", Anyone),
            new("POST", "/language", null, "/language", _ => Answer.Redirect("/specimens"), russian),
            new("GET", "/error/{code:int}", null, "/error/404", _ => Answer.NotFound),
            new("POST", "/error/{code:int}", null, "/error/400", _ => new(HttpStatusCode.BadRequest)),
            new("GET", "/search", null, "/search?q=MOS", SignedIn),
            new("GET", "/checklist", null, "/checklist?name=Ursus%20arctos", SignedIn),
            new("GET", "/institutions/{code}", null, "/institutions/MOSCOW", SignedIn),
            new("GET", "/institutions/{code}/census", null, "/institutions/MOSCOW/census?on=2024-11-15", MoscowMembers),
            new("GET", "/institutions/{code}/census", "Csv", "/institutions/MOSCOW/census?on=2024-11-15&handler=csv", MoscowMembers),
            new("GET", "/specimens", null, "/specimens?holder=MOSCOW", MoscowMembers),
            new("GET", "/specimens", "Csv", "/specimens?holder=MOSCOW&handler=csv", MoscowMembers),
            new("GET", "/specimens/{id}", null, $"/specimens/{Lioness}", MoscowReads),
            new("GET", "/specimens/{id}/ledger", null, $"/specimens/{Lioness}/ledger", MoscowReads),
            new("GET", "/specimens/new", null, "/specimens/new", Registrars),
            new("POST", "/specimens/new", null, "/specimens/new", Registrars, empty),
            new("GET", "/specimens/{id}/record", null, $"/specimens/{Lioness}/record?type=note", MoscowWrites("registrar", "veterinarian")),
            new("POST", "/specimens/{id}/record", null, $"/specimens/{Lioness}/record", MoscowWrites("registrar", "veterinarian"), stale),
            // Measurements size the crates: the holder's transport coordinator records them too (a stale form comes back to each).
            new("GET", "/specimens/{id}/record", null, $"/specimens/{Lioness}/record?type=measurement", MoscowWrites("registrar", "veterinarian", "transport-coordinator")),
            new("POST", "/specimens/{id}/record", null, $"/specimens/{Lioness}/record", MoscowWrites("registrar", "veterinarian", "transport-coordinator"), staleMeasurement),
            new("GET", "/specimens/{id}/edit", null, $"/specimens/{Lioness}/edit", MoscowWrites("registrar")),
            new("POST", "/specimens/{id}/edit", null, $"/specimens/{Lioness}/edit", MoscowWrites("registrar"), stale),
            new("GET", "/specimens/{id}/groups", null, $"/specimens/{Ducks}/groups", MoscowWrites("registrar")),
            new("POST", "/specimens/{id}/groups", "Split", $"/specimens/{Ducks}/groups?handler=Split", MoscowWrites("registrar"), empty),
            new("POST", "/specimens/{id}/groups", "Merge", $"/specimens/{Ducks}/groups?handler=Merge", MoscowWrites("registrar"), empty),
            // Every institution's animals available for transfer, with only what a surplus list shows: anyone signed in.
            new("GET", "/available", null, "/available?taxon=Panthera%20leo", SignedIn),
            new("GET", "/specimens/{id}/availability", null, $"/specimens/{Lioness}/availability", MoscowWrites("curator")),
            new("POST", "/specimens/{id}/availability", null, $"/specimens/{Lioness}/availability", MoscowWrites("curator"), stale),
            new("GET", "/transfers", null, "/transfers?view=NeedsMyAction", SignedIn),
            new("GET", "/transfers", "Csv", "/transfers?handler=csv", SignedIn),
            new("GET", "/studbooks", null, "/studbooks", SignedIn),
            new("POST", "/studbooks", null, "/studbooks", Keepers, empty),
            new("GET", "/studbooks/{id:guid}", null, s, StudbookReaders),
            new("GET", "/studbooks/{id:guid}/individuals", null, s + "/individuals?sort=mk&dir=desc", StudbookReaders),
            new("GET", "/studbooks/{id:guid}/pairs", null, s + "/pairs?top=5", StudbookReaders),
            new("GET", "/studbooks/{id:guid}/genedrop", null, s + "/genedrop", StudbookReaders),
            new("POST", "/studbooks/{id:guid}/genedrop", null, s + "/genedrop", StudbookReaders, oneIteration),
            new("GET", "/studbooks/{id:guid}/genedrop/{run:guid}", null, $"{s}/genedrop/{Guid.Empty}", SignedInNotFound),
            new("GET", "/studbooks/{id:guid}/plots/{plot}.{format}", null, s + "/plots/founder-representation.svg", StudbookReaders),
            new("GET", "/compliance/check", null, "/compliance/check", SignedIn),
            new("POST", "/compliance/check", null, "/compliance/check", SignedIn, empty),
            new("POST", "/compliance/check", "Json", "/compliance/check?handler=Json", SignedIn, empty),
            new("GET", "/compliance/check/form", null, "/compliance/check/form", SignedIn),
            new("POST", "/compliance/check/form", null, "/compliance/check/form", SignedIn, empty),
            new("POST", "/compliance/check/form", "Json", "/compliance/check/form?handler=Json", SignedIn, empty),
            new("POST", "/compliance/check/form", "AddLine", "/compliance/check/form?handler=AddLine", SignedIn, empty),
            new("POST", "/compliance/check/form", "AddDocument", "/compliance/check/form?handler=AddDocument", SignedIn, empty),
            new("GET", "/transfers/new", null, "/transfers/new", Drafters),
            new("POST", "/transfers/new", null, "/transfers/new", Drafters, empty),
            new("GET", "/transfers/{id:guid}", null, n, c => c.Anonymous ? Answer.SignIn : Reads(c, november) ? Answer.Ok : Answer.NotFound),
            new("GET", "/transfers/{id:guid}", null, l, c => c.Anonymous ? Answer.SignIn : Reads(c, loan) ? Answer.Ok : Answer.NotFound),
            new("GET", "/transfers/{id:guid}/transport", null, n + "/transport", c => c.Anonymous ? Answer.SignIn : Reads(c, november) ? Answer.Ok : Answer.NotFound),
            new("GET", "/transfers/{id:guid}/transport", null, l + "/transport", c => c.Anonymous ? Answer.SignIn : Reads(c, loan) ? Answer.Ok : Answer.NotFound),
            new("GET", "/transfers/{id:guid}/ledger", null, n + "/ledger", c => c.Anonymous ? Answer.SignIn : Reads(c, november) ? Answer.Ok : Answer.NotFound),
            new("GET", "/transfers/{id:guid}/ledger", null, l + "/ledger", c => c.Anonymous ? Answer.SignIn : Reads(c, loan) ? Answer.Ok : Answer.NotFound),
            new("POST", "/transfers/{id:guid}", "Step", n + "?handler=Step&step=propose", TransferStep(november, "curator@MOSCOW"), stale),
            new("POST", "/transfers/{id:guid}", "Step", l + "?handler=Step&step=dispatch", TransferStep(loan, "registrar@BERLIN", "transport-coordinator@BERLIN"), stale),
            new("POST", "/transfers/{id:guid}", "SignOff", n + "?handler=SignOff&decision=withdraw", TransferStep(november, "authority@RU", "authority@KP"), stale),
            new("POST", "/transfers/{id:guid}", "Resolve", n + "?handler=Resolve&line=1&resolution=found", TransferStep(november, "registrar@PYONGYANG"), stale),
            new("POST", "/transfers/{id:guid}", "Departure", n + "?handler=Departure", TransferStep(november, "curator@MOSCOW", "curator@PYONGYANG"), stale),
            // A block cannot be confirmed away: the curators of both parties get the rule's answer on the page.
            new("POST", "/transfers/{id:guid}", "Confirm", n + "?handler=Confirm&rule=C-61&lines=1", TransferStep(november, "curator@MOSCOW", "curator@PYONGYANG"), stale),
            new("GET", "/transfers/{id:guid}/documents/new", null, n + "/documents/new",
                TransferStep(november, [.. november.SelectMany(p => new[] { $"registrar@{p}", $"veterinarian@{p}" })])),
            new("POST", "/transfers/{id:guid}/documents/new", null, n + "/documents/new",
                TransferStep(november, [.. november.SelectMany(p => new[] { $"registrar@{p}", $"veterinarian@{p}" })]), empty),
            new("GET", "/transfers/{id:guid}/receive", null, l + "/receive", TransferStep(loan, "registrar@PRAGUE")),
            new("POST", "/transfers/{id:guid}/receive", null, l + "/receive", TransferStep(loan, "registrar@PRAGUE"), stale),
            // The journey editor: a transport coordinator, registrar or curator of either party, as for the API's PUT; the November
            // form sent at a version long gone comes back to those who may record it, and nothing is written.
            new("GET", "/transfers/{id:guid}/journey", null, n + "/journey", TransferStep(november, Planners(november))),
            new("GET", "/transfers/{id:guid}/journey", null, l + "/journey", TransferStep(loan, Planners(loan))),
            new("POST", "/transfers/{id:guid}/journey", null, n + "/journey", TransferStep(november, Planners(november)), stale),
            new("POST", "/transfers/{id:guid}/journey", "Leg", n + "/journey?handler=Leg", TransferStep(november, Planners(november)), empty),
            // The loan's welfare log: whoever may read the transfer; a check by an attendant (transport coordinator or veterinarian) of either party.
            new("GET", "/transfers/{id:guid}/welfare", null, l + "/welfare", c => c.Anonymous ? Answer.SignIn : Reads(c, loan) ? Answer.Ok : Answer.NotFound),
            new("POST", "/transfers/{id:guid}/welfare", null, l + "/welfare",
                TransferStep(loan, [.. loan.SelectMany(p => new[] { $"transport-coordinator@{p}", $"veterinarian@{p}" })]), empty),
            new("GET", "/account", null, "/account", SignedIn),
            new("POST", "/account", "Password", "/account?handler=Password", SignedIn, ownPassword),
            new("POST", "/account", "Token", "/account?handler=Token", SignedIn, empty),
            new("POST", "/account", "Revoke", "/account?handler=Revoke", SignedInNotFound, noToken),
            new("GET", "/admin", null, "/admin", Administrator),
            new("GET", "/admin/users", null, "/admin/users", Administrator),
            new("POST", "/admin/users", "Add", "/admin/users?handler=Add", Administrator, empty),
            new("GET", "/admin/users/{name}", null, ProbeUserPage, Administrator),
            new("GET", "/admin/users/{name}/ledger", null, $"{ProbeUserPage}/ledger", Administrator),
            new("POST", "/admin/users/{name}", "Join", $"{ProbeUserPage}?handler=Join", Administrator, empty),
            new("POST", "/admin/users/{name}", "Leave", $"{ProbeUserPage}?handler=Leave", AdministratorToProbe, membership),
            new("POST", "/admin/users/{name}", "Disable", $"{ProbeUserPage}?handler=Disable", AdministratorToProbe),
            new("POST", "/admin/users/{name}", "Enable", $"{ProbeUserPage}?handler=Enable", AdministratorToProbe),
            new("POST", "/admin/users/{name}", "Unlock", $"{ProbeUserPage}?handler=Unlock", AdministratorToProbe),
            new("POST", "/admin/users/{name}", "Reset", $"{ProbeUserPage}?handler=Reset", Administrator, probePassword),
            new("GET", "/admin/institutions", null, "/admin/institutions", Administrator),
            new("POST", "/admin/institutions", "Add", "/admin/institutions?handler=Add", Administrator, empty),
            new("GET", "/admin/institutions/{code}", null, "/admin/institutions/MOSCOW", Administrator),
            new("POST", "/admin/institutions/{code}", null, "/admin/institutions/MOSCOW", Administrator, empty),
            new("GET", "/admin/ledger", null, "/admin/ledger", Administrator),
            new("POST", "/admin/ledger", null, "/admin/ledger", Administrator, empty),
            new("GET", "/admin/checklist", null, "/admin/checklist", Administrator),
            new("POST", "/admin/checklist", null, "/admin/checklist", Administrator, empty),
            new("GET", "/admin/trade-measures", null, "/admin/trade-measures", Administrator),
            new("POST", "/admin/trade-measures", null, "/admin/trade-measures", Administrator, empty),
            // An import is followed only by the administrator who started it: one nobody started is not found.
            new("GET", "/admin/checklist/{run:guid}", null, $"/admin/checklist/{Guid.Empty}", c => c.Anonymous ? Answer.SignIn : c.Admin ? Answer.NotFound : Answer.Forbidden),
            new("GET", "/admin/countries", null, "/admin/countries", Administrator),
            new("POST", "/admin/countries", "Add", "/admin/countries?handler=Add", Administrator, empty),
            new("GET", "/admin/countries/{code}", null, "/admin/countries/RU", Administrator),
            new("POST", "/admin/countries/{code}", null, "/admin/countries/RU", Administrator, empty),
            // An upload without a file: the administrator gets the form back with its problem, and nothing is stored.
            new("GET", "/admin/container-table", null, "/admin/container-table", Administrator),
            new("POST", "/admin/container-table", null, "/admin/container-table", Administrator, empty),
            // Last: it ends the caller's session.
            new("POST", "/Account/SignOut", null, "/Account/SignOut", _ => Answer.Redirect("/")),
        ];
    }

    private const string ProbeUserPage = "/admin/users/probe@MOSCOW";

    /// <summary>The sample studbook, kept as the first start keeps it once its keeper exists.</summary>
    private static async Task<Guid> SampleStudbookAsync(MenagerieFactory factory)
    {
        await using (var keeping = factory.Services.CreateAsyncScope())
            Assert.IsType<Outcome<bool>.Ok>(await keeping.ServiceProvider.GetRequiredService<SampleStudbook>().EnsureAsync(Ct));
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Access>().ActAsOperator();
        var all = Assert.IsType<Outcome<IReadOnlyList<StudbookView>>.Ok>(await scope.ServiceProvider.GetRequiredService<StudbookRecords>().ListAsync(Ct)).Value;
        return all.Single(s => s.Name == SampleStudbook.Name).Id;
    }

    /// <summary>A user the administrator's forms act on, none of the callers: its curator membership is the one taken away.</summary>
    private static async Task<Guid> ProbeUserAsync(MenagerieFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Access>().ActAsOperator();
        var added = Assert.IsType<Outcome<NewUser>.Created>(await scope.ServiceProvider.GetRequiredService<AccountCommands>()
            .AddUserAsync("probe@MOSCOW", MenagerieFactory.Password, [new(Role.Viewer, "MOSCOW"), new(Role.Curator, "MOSCOW")], Ct));
        return added.Value.User.Memberships.Single(m => m.Role == Role.Curator).Id;
    }

    /// <summary>Every page route with each of its handlers, as <c>METHOD route[?handler=Name]</c>.</summary>
    private static async Task<HashSet<string>> PageHandlersAsync(MenagerieFactory factory)
    {
        var loader = factory.Services.GetRequiredService<PageLoader>();
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } descriptor)
                continue;
            var page = await loader.LoadAsync(descriptor, endpoint.Metadata);
            var route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            foreach (var handler in page.HandlerMethods)
                found.Add($"{handler.HttpMethod.ToUpperInvariant()} {route}{(handler.Name is null ? "" : "?handler=" + handler.Name)}");
        }
        return found;
    }

    private static async Task<List<(Caller Caller, HttpClient Client, string Token)>> SignedInCallersAsync(MenagerieFactory factory)
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Access>().ActAsOperator();
            Assert.IsType<Outcome<IReadOnlyList<SampleUser>>.Ok>(await scope.ServiceProvider.GetRequiredService<SampleAccounts>().EnsureAsync(MenagerieFactory.Password, Ct));
        }
        var names = new List<string?> { null, "admin", "authority@RU", "authority@KP", "authority@DE", "authority@CZ" };
        names.AddRange(Roles.SelectMany(r => SampleAccounts.Institutions.Select(i => $"{r}@{i}")));
        var callers = new List<(Caller, HttpClient, string)>();
        foreach (var name in names)
        {
            var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            if (name is not null)
            {
                var signIn = await client.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["UserName"] = name,
                    ["Password"] = MenagerieFactory.Password,
                    ["__RequestVerificationToken"] = await TokenAsync(client),
                }), Ct);
                Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, $"{name} could not sign in: {(int)signIn.StatusCode}");
            }
            callers.Add((new Caller(name), client, await TokenAsync(client)));
        }
        return callers;
    }

    /// <summary>An antiforgery token for this client's session, from a form every caller may open.</summary>
    private static async Task<string> TokenAsync(HttpClient client) =>
        AntiforgeryField().Match(await client.GetStringAsync("/language", Ct)).Groups["token"].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex AntiforgeryField();
}
