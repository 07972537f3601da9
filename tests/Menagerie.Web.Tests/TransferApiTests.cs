using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Menagerie.App;
using Menagerie.App.Accounts;
using Menagerie.App.Persistence;
using Menagerie.App.Transfers;
using Menagerie.Domain.Transfers;
using Menagerie.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Menagerie.Web.Tests;

/// <summary>
/// The transfer API over real HTTP against the real app, as the sample's users: the lifecycle from either
/// party, ETags, two writers at once, retries under an Idempotency-Key, and each refusal with its problem details.
/// </summary>
public sealed class TransferApiTests
{
    private const string Transfers = "/api/v1/transfers";
    private const string DispatchedAt = "2026-11-28T06:00:00Z";
    private const string ArrivedAt = "2026-11-29T08:00:00Z";

    // Held by Moscow in the sample and on none of its transfers (transfer_lines.csv): a brown bear and a she-bear.
    private const string Bear = "MOS-00039";
    private const string SheBear = "MOS-00040";

    // On the sample's November transfer, accepted and still open.
    private const string Lioness = "EEP-PLE-3117";

    // Entered by the tests that need a group: 10.10.0 mandarin ducks at Moscow.
    private const string Ducks = "MOS-T-DUCKS";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_transfer_goes_from_draft_to_receipt_over_the_api_and_the_records_move_with_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, withSample: true);
        await using var factory = new MenagerieFactory(database);
        using var registrar = await AsAsync(factory, "registrar@MOSCOW");
        using var curator = await AsAsync(factory, "curator@MOSCOW");
        using var theirCurator = await AsAsync(factory, "curator@PYONGYANG");
        using var theirRegistrar = await AsAsync(factory, "registrar@PYONGYANG");
        await DucksAsync(registrar);

        var drafted = await PostAsync(registrar, Transfers, Gift(new { specimen = Bear }, new { specimen = Ducks, counts = "3.4.0" }));
        Assert.Equal(HttpStatusCode.Created, drafted.Code);
        var id = drafted.Body.GetProperty("id").GetGuid();
        Assert.Equal($"\"{drafted.Version}\"", drafted.ETag);
        Assert.Equal("draft", drafted.State);
        Assert.Equal("4.4.0", drafted.Body.GetProperty("counts").GetString());

        var proposed = await StepAsync(curator, id, "propose", drafted);
        var stale = await PostAsync(curator, $"{Transfers}/{id}/cancel", new { reason = "read before it was proposed" }, ifMatch: drafted.ETag);
        var accepted = await StepAsync(theirCurator, id, "accept", proposed);
        var papers = await PapersAsync(factory, id);
        var cleared = await StepAsync(curator, id, "clear", papers, new { reason = "Health certificates issued; gift approved by both ministries" });
        var dispatched = await StepAsync(registrar, id, "dispatch", cleared, new { at = DispatchedAt });
        var received = await StepAsync(theirRegistrar, id, "receive", dispatched, new
        {
            at = ArrivedAt,
            lines = new object[]
            {
                new { line = 1, outcome = "arrived", identifiers = new[] { new { scheme = "local", value = "PYO-T-001" } } },
                new { line = 2, arrived = "3.3.0", deadOnArrival = "0.1.0" },
            },
        });

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.Code);
        Assert.Equal("application/problem+json", stale.MediaType);
        Assert.Equal(proposed.Version, stale.Body.GetProperty("currentVersion").GetInt64());
        Assert.Equal(["proposed", "accepted", "cleared", "dispatched", "received"], new[] { proposed, accepted, cleared, dispatched, received }.Select(r => r.State));
        Assert.Equal(JsonValueKind.Null, received.Body.GetProperty("nextStep").ValueKind);
        Assert.False(received.Body.GetProperty("openDiscrepancy").GetBoolean());
        Assert.Equal("0.1.0", received.Body.GetProperty("lines")[1].GetProperty("deadOnArrival").GetString());

        var bear = await GetAsync(theirRegistrar, $"/api/v1/specimens/{Bear}");
        var history = await GetAsync(theirRegistrar, $"/api/v1/specimens/{Bear}/events");
        var ducksLeft = await GetAsync(registrar, $"/api/v1/specimens/{Ducks}");
        var timeline = await GetAsync(theirCurator, $"{Transfers}/{id}/timeline");

        Assert.Equal("PYONGYANG", bear.Body.GetProperty("holder").GetProperty("code").GetString());
        Assert.Equal("PYONGYANG", bear.Body.GetProperty("owner").GetProperty("code").GetString());
        var moves = history.Body.GetProperty("events").EnumerateArray()
            .Where(e => e.GetProperty("transfer").ValueKind == JsonValueKind.String && e.GetProperty("transfer").GetGuid() == id)
            .Select(e => e.GetProperty("type").GetString());
        Assert.Equal(["dispatch", "arrival"], moves);
        Assert.Equal("MOSCOW", ducksLeft.Body.GetProperty("holder").GetProperty("code").GetString());
        Assert.Equal("7.6.0", ducksLeft.Body.GetProperty("counts").GetString());
        Assert.Equal(
            [
                ("drafted", "sender", "registrar@MOSCOW", null),
                ("proposed", "sender", "curator@MOSCOW", null),
                ("accepted", "receiver", "curator@PYONGYANG", null),
                ("approved", "sender", "authority@RU", null),
                ("cleared", "sender", "curator@MOSCOW", "Health certificates issued; gift approved by both ministries"),
                ("dispatched", "sender", "registrar@MOSCOW", null),
                ("received", "receiver", "registrar@PYONGYANG", null),
            ],
            timeline.Body.EnumerateArray().Select(s => (Text(s, "action"), Text(s, "party"), Text(s, "by"), Text(s, "reason"))));
        var steps = timeline.Body.EnumerateArray().ToDictionary(s => Text(s, "action")!, StringComparer.Ordinal);
        Assert.Equal(DateTimeOffset.Parse(DispatchedAt, CultureInfo.InvariantCulture), steps["dispatched"].GetProperty("at").GetDateTimeOffset());
        Assert.Equal(DateTimeOffset.Parse(ArrivedAt, CultureInfo.InvariantCulture), steps["received"].GetProperty("at").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_receiver_drafts_and_requests_animals_and_the_sender_accepts()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        using var curator = await AsAsync(factory, "curator@MOSCOW");
        using var theirCurator = await AsAsync(factory, "curator@PYONGYANG");
        var sheBear = await MarkAvailableAsync(curator, SheBear);

        var drafted = await PostAsync(theirCurator, Transfers, new
        {
            sender = "MOSCOW",
            receiver = "PYONGYANG",
            terms = "loan",
            returnDue = "2029-06-01",
            initiatedBy = "receiver",
            lines = new[] { new { specimen = sheBear.ToString() } },
        });
        var id = drafted.Body.GetProperty("id").GetGuid();
        // The sender's curator may not send the receiver's draft on: the domain's party rule, not a missing role.
        var proposedBySender = await PostAsync(curator, $"{Transfers}/{id}/propose", null, ifMatch: drafted.ETag);
        var requested = await StepAsync(theirCurator, id, "request", drafted);
        var acceptedByItself = await PostAsync(theirCurator, $"{Transfers}/{id}/accept", null, ifMatch: requested.ETag);
        var accepted = await StepAsync(curator, id, "accept", requested);

        Assert.Equal(HttpStatusCode.Created, drafted.Code);
        Assert.Equal("receiver", Text(drafted.Body, "initiatedBy"));
        Assert.Equal(("request", "PYONGYANG"), NextStep(drafted));
        AssertRefused(proposedBySender, ("transfer.wrong-party", "party"));
        Assert.Equal("proposed", requested.State);
        Assert.Equal(("accept", "MOSCOW"), NextStep(requested));
        AssertForbidden(acceptedByItself);
        Assert.Equal("accepted", accepted.State);
        Assert.Equal(("clear", "MOSCOW"), NextStep(accepted));
        Assert.Equal(
            [("drafted", "receiver", "curator@PYONGYANG"), ("requested", "receiver", "curator@PYONGYANG"), ("accepted", "sender", "curator@MOSCOW")],
            accepted.Body.GetProperty("timeline").EnumerateArray().Select(s => (Text(s, "action"), Text(s, "party"), Text(s, "by"))));
    }

    /// <summary>
    /// Issue #18, item 1: a request named another zoo's animal that its requester could not read, was answered with
    /// the animal's global id, taxon, sex and transponder, and took the animal off its holder's hands. A request now
    /// names only what its requester may read or what the holder has marked available (by the global id the list of
    /// available animals gives); any other id gets the answer an unknown one does; and the animal is taken only when
    /// the sender accepts, which conflicts (409) while another transfer has it.
    /// </summary>
    [Fact]
    public async Task A_request_names_only_animals_readable_or_available_and_takes_them_only_when_accepted()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        using var requester = await AsAsync(factory, "registrar@PYONGYANG");
        using var theirCurator = await AsAsync(factory, "curator@PYONGYANG");
        using var berlin = await AsAsync(factory, "curator@BERLIN");
        const string Crane = "BER-00143";
        var crane = (await GetAsync(berlin, $"/api/v1/specimens/{Crane}")).Body.GetProperty("id").GetGuid();
        object Request(string specimen) => new { sender = "BERLIN", receiver = "PYONGYANG", terms = "gift", initiatedBy = "receiver", lines = new[] { new { specimen } } };

        var byIdentifier = await PostAsync(requester, Transfers, Request(Crane));
        var byGlobalId = await PostAsync(requester, Transfers, Request(crane.ToString()));
        var unknown = await PostAsync(requester, Transfers, Request("BER-99999"));
        var unseen = await GetAsync(requester, $"/api/v1/specimens/{Crane}");

        // Unreadable and unknown get one answer, naming only what the requester typed.
        Assert.Equal(HttpStatusCode.NotFound, unseen.Code);
        foreach (var (reply, typed) in new[] { (byIdentifier, Crane), (byGlobalId, crane.ToString()), (unknown, "BER-99999") })
        {
            AssertRefused(reply, ("transfer.not-held", "lines[0].specimen"));
            Assert.Equal($"BERLIN has no animal '{typed}' that you may name: ask for one it has marked available for transfer, by its global id.",
                reply.Body.GetProperty("errors").GetProperty("lines[0].specimen")[0].GetString());
        }

        await MarkAvailableAsync(berlin, Crane);
        var listed = await GetAsync(requester, "/api/v1/available?taxon=Grus japonensis");
        var item = Assert.Single(listed.Body.GetProperty("items").EnumerateArray(), i => i.GetProperty("specimen").GetGuid() == crane);
        Assert.Equal(["specimen", "kind", "taxon", "sex", "counts", "birthDate", "birthDateEstimated", "age", "institution", "note"], item.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("male", "2023-05-18", 3, "BERLIN"), (Text(item, "sex"), Text(item, "birthDate"), item.GetProperty("age").GetInt32(), Text(item.GetProperty("institution"), "code")));

        var drafted = await PostAsync(requester, Transfers, Request(crane.ToString()));
        Assert.Equal(HttpStatusCode.Created, drafted.Code);
        var id = drafted.Body.GetProperty("id").GetGuid();
        var line = drafted.Body.GetProperty("lines")[0];
        // Until Berlin accepts, Pyongyang sees of the crane what the list shows, not its transponder.
        Assert.Equal((JsonValueKind.Null, 0), (line.GetProperty("name").ValueKind, line.GetProperty("identifiers").GetArrayLength()));
        var plan = await requester.GetStringAsync($"{Transfers}/{id}/transport-plan", Ct);
        Assert.DoesNotContain("643920605977664", plan, StringComparison.Ordinal);
        Assert.DoesNotContain(Crane, plan, StringComparison.Ordinal);
        var requested = await StepAsync(theirCurator, id, "request", drafted);

        // Asked for, the crane is still Berlin's to offer elsewhere; while that offer is open, the request is a conflict.
        var offered = await PostAsync(berlin, Transfers, new { sender = "BERLIN", receiver = "PRAGUE", terms = "gift", lines = new[] { new { specimen = Crane } } });
        Assert.Equal(HttpStatusCode.Created, offered.Code);
        var conflict = await PostAsync(berlin, $"{Transfers}/{id}/accept", null, ifMatch: requested.ETag);
        Assert.Equal(HttpStatusCode.Conflict, conflict.Code);
        Assert.Contains("is already on another open transfer", Text(conflict.Body, "detail"), StringComparison.Ordinal);
        Assert.Equal("proposed", (await GetAsync(requester, $"{Transfers}/{id}")).State);

        await StepAsync(berlin, offered.Body.GetProperty("id").GetGuid(), "cancel", offered, new { reason = "Pyongyang asked first" });
        var accepted = await StepAsync(berlin, id, "accept", requested);
        var seen = await GetAsync(requester, $"{Transfers}/{id}");
        Assert.Equal("accepted", accepted.State);
        Assert.Contains("transponder:643920605977664", seen.Body.GetProperty("lines")[0].GetProperty("identifiers").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal(id, (await GetAsync(berlin, $"/api/v1/specimens/{Crane}")).Body.GetProperty("onTransfer").GetGuid());
    }

    /// <summary>
    /// Both requests are held at the door of their write until both have read the transfer, the race an API must
    /// settle. Left to chance, the second might read after the first committed and be told, rightly but beside the
    /// point, that the transfer is no longer cleared (400).
    /// </summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Two_dispatches_at_once_and_two_receipts_at_once_each_get_one_200_and_one_409(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, withSample: true);
        await using var factory = new MenagerieFactory(database);
        var pairs = new WritesInPairs();
        await using var racing = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.ConfigureDbContext<SqliteMenagerieDbContext>((_, o) => o.AddInterceptors(pairs));
            s.ConfigureDbContext<PostgresMenagerieDbContext>((_, o) => o.AddInterceptors(pairs));
        }));
        using var registrar = await AsAsync(factory, "registrar@MOSCOW");
        using var coordinator = await AsAsync(factory, "transport-coordinator@MOSCOW");
        using var theirRegistrar = await AsAsync(factory, "registrar@PYONGYANG");
        using var theirRegistrarElsewhere = await AsAsync(factory, "registrar@PYONGYANG");
        var id = await ClearedAsync(factory, new { specimen = Bear });
        var dispatch = $"{Transfers}/{id}/dispatch";
        var receive = $"{Transfers}/{id}/receive";
        var receipt = new { at = ArrivedAt, lines = new[] { new { line = 1, outcome = "arrived" } } };

        var dispatches = await RaceAsync(racing, (registrar, dispatch, new { at = DispatchedAt }), (coordinator, dispatch, new { at = DispatchedAt }));
        var afterDispatch = await GetAsync(registrar, $"{Transfers}/{id}");
        var receipts = await RaceAsync(racing, (theirRegistrar, receive, receipt), (theirRegistrarElsewhere, receive, receipt));
        var afterReceipt = await GetAsync(theirRegistrar, $"{Transfers}/{id}");
        var history = await GetAsync(theirRegistrar, $"/api/v1/specimens/{Bear}/events");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], dispatches.Select(r => r.Code).Order());
        Assert.Equal("application/problem+json", dispatches.Single(r => r.Code == HttpStatusCode.Conflict).MediaType);
        Assert.Equal("dispatched", afterDispatch.State);
        Assert.Equal(dispatches.Single(r => r.Code == HttpStatusCode.OK).Version, afterDispatch.Version);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], receipts.Select(r => r.Code).Order());
        Assert.Equal("received", afterReceipt.State);
        Assert.Equal(["drafted", "proposed", "accepted", "approved", "cleared", "dispatched", "received"],
            afterReceipt.Body.GetProperty("timeline").EnumerateArray().Select(s => Text(s, "action")));
        Assert.Equal(1, history.Body.GetProperty("events").EnumerateArray().Count(e => Text(e, "type") == "dispatch"));
        Assert.Equal(1, history.Body.GetProperty("events").EnumerateArray().Count(e => Text(e, "type") == "arrival"));
    }

    [Fact]
    public async Task A_dispatch_or_receipt_retried_with_its_idempotency_key_changes_nothing_and_the_key_is_not_reused()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        using var registrar = await AsAsync(factory, "registrar@MOSCOW");
        using var theirRegistrar = await AsAsync(factory, "registrar@PYONGYANG");
        var id = await ClearedAsync(factory, new { specimen = Bear });
        var cleared = await GetAsync(registrar, $"{Transfers}/{id}");
        var receipt = new { at = ArrivedAt, lines = new[] { new { line = 1, outcome = "arrived" } } };

        var dispatched = await PostAsync(registrar, $"{Transfers}/{id}/dispatch", new { at = DispatchedAt }, cleared.ETag, key: "dispatch-1");
        var ledger = await database.LedgerEntriesAsync();
        // A retry resends the same request, If-Match included: it is answered from the key, not refused as stale.
        var dispatchRetried = await PostAsync(registrar, $"{Transfers}/{id}/dispatch", new { at = DispatchedAt }, cleared.ETag, key: "dispatch-1");
        var dispatchChanged = await PostAsync(registrar, $"{Transfers}/{id}/dispatch", new { at = "2026-11-28T07:00:00Z" }, key: "dispatch-1");
        var ledgerAfterDispatchRetries = await database.LedgerEntriesAsync();
        var received = await PostAsync(theirRegistrar, $"{Transfers}/{id}/receive", receipt, dispatched.ETag, key: "receipt-1");
        var ledgerAfterReceipt = await database.LedgerEntriesAsync();
        var receiptRetried = await PostAsync(theirRegistrar, $"{Transfers}/{id}/receive", receipt, dispatched.ETag, key: "receipt-1");
        var receiptChanged = await PostAsync(theirRegistrar, $"{Transfers}/{id}/receive",
            new { at = ArrivedAt, lines = new[] { new { line = 1, outcome = "dead" } } }, key: "receipt-1");
        var ledgerAfterReceiptRetries = await database.LedgerEntriesAsync();
        var after = await GetAsync(theirRegistrar, $"{Transfers}/{id}");
        var history = await GetAsync(theirRegistrar, $"/api/v1/specimens/{Bear}/events");

        Assert.Equal(HttpStatusCode.OK, dispatched.Code);
        Assert.Equal(HttpStatusCode.OK, dispatchRetried.Code);
        Assert.Equal(dispatched.Version, dispatchRetried.Version);
        Assert.Equal(dispatched.ETag, dispatchRetried.ETag);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, dispatchChanged.Code);
        Assert.Equal("application/problem+json", dispatchChanged.MediaType);
        Assert.Equal(ledger, ledgerAfterDispatchRetries);
        Assert.Equal(HttpStatusCode.OK, received.Code);
        Assert.Equal(HttpStatusCode.OK, receiptRetried.Code);
        Assert.Equal(received.Version, receiptRetried.Version);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, receiptChanged.Code);
        Assert.Equal(ledgerAfterReceipt, ledgerAfterReceiptRetries);
        Assert.Equal("received", after.State);
        Assert.Equal(received.Version, after.Version);
        Assert.Equal(["drafted", "proposed", "accepted", "approved", "cleared", "dispatched", "received"],
            after.Body.GetProperty("timeline").EnumerateArray().Select(s => Text(s, "action")));
        Assert.Equal(["dispatch", "arrival"], history.Body.GetProperty("events").EnumerateArray()
            .Select(e => Text(e, "type")).Where(t => t is "dispatch" or "arrival" or "death"));
    }

    [Fact]
    public async Task Steps_by_the_wrong_party_or_role_get_403_and_to_anyone_else_a_transfer_does_not_exist()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        using var registrar = await AsAsync(factory, "registrar@MOSCOW");
        using var curator = await AsAsync(factory, "curator@MOSCOW");
        using var viewer = await AsAsync(factory, "viewer@MOSCOW");
        using var theirCurator = await AsAsync(factory, "curator@PYONGYANG");
        using var theirRegistrar = await AsAsync(factory, "registrar@PYONGYANG");
        var loan = await BerlinPragueLoanAsync(factory);

        var draftedByViewer = await PostAsync(viewer, Transfers, Gift(new { specimen = Bear }));
        var proposed = await PostAsync(curator, Transfers, Gift(new { specimen = Bear }) with { Submit = true });
        var id = proposed.Body.GetProperty("id").GetGuid();
        // Moscow's curator is not the receiver's: the accept is refused by party before the domain is asked.
        var acceptedByProposer = await PostAsync(curator, $"{Transfers}/{id}/accept", null);
        var acceptedByRegistrar = await PostAsync(theirRegistrar, $"{Transfers}/{id}/accept", null);
        var accepted = await StepAsync(theirCurator, id, "accept", proposed);
        var papers = await PapersAsync(factory, id);
        var cleared = await StepAsync(curator, id, "clear", papers, new { reason = "Health certificate issued" });
        var dispatchedByReceiver = await PostAsync(theirRegistrar, $"{Transfers}/{id}/dispatch", new { at = DispatchedAt });
        var dispatchedByCurator = await PostAsync(curator, $"{Transfers}/{id}/dispatch", new { at = DispatchedAt });
        var after = await GetAsync(registrar, $"{Transfers}/{id}");
        var loanRead = await GetAsync(curator, $"{Transfers}/{loan}");
        var loanTimeline = await GetAsync(curator, $"{Transfers}/{loan}/timeline");
        var loanDispatched = await PostAsync(registrar, $"{Transfers}/{loan}/dispatch", new { at = DispatchedAt });
        var loanCancelled = await PostAsync(curator, $"{Transfers}/{loan}/cancel", new { reason = "not ours" });
        var loanInList = await GetAsync(registrar, Transfers);

        AssertForbidden(draftedByViewer);
        Assert.Equal(HttpStatusCode.Created, proposed.Code);
        AssertForbidden(acceptedByProposer);
        AssertForbidden(acceptedByRegistrar);
        AssertForbidden(dispatchedByReceiver);
        AssertForbidden(dispatchedByCurator);
        Assert.Equal("cleared", after.State);
        Assert.Equal(cleared.Version, after.Version);
        Assert.All([loanRead, loanTimeline, loanDispatched, loanCancelled], r =>
        {
            Assert.Equal(HttpStatusCode.NotFound, r.Code);
            Assert.Equal("application/problem+json", r.MediaType);
        });
        Assert.DoesNotContain(loanInList.Body.EnumerateArray(), t => t.GetProperty("id").GetGuid() == loan);
    }

    [Fact]
    public async Task Steps_that_break_the_rules_get_400_with_each_violation_and_change_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        using var registrar = await AsAsync(factory, "registrar@MOSCOW");
        using var curator = await AsAsync(factory, "curator@MOSCOW");
        using var theirCurator = await AsAsync(factory, "curator@PYONGYANG");
        using var theirRegistrar = await AsAsync(factory, "registrar@PYONGYANG");
        await DucksAsync(registrar);
        var proposed = await PostAsync(curator, Transfers, Gift(new { specimen = Bear }, new { specimen = Ducks, counts = "3.4.0" }) with { Submit = true });
        var id = proposed.Body.GetProperty("id").GetGuid();

        var taken = await PostAsync(registrar, Transfers, Gift(new { specimen = Lioness }, new { specimen = Bear }));
        var declinedWithoutReason = await PostAsync(theirCurator, $"{Transfers}/{id}/decline", null);
        var cancelledWithoutReason = await PostAsync(curator, $"{Transfers}/{id}/cancel", new { reason = "  " });
        var accepted = await StepAsync(theirCurator, id, "accept", proposed);
        var papers = await PapersAsync(factory, id);
        var cleared = await StepAsync(curator, id, "clear", papers, new { reason = "Health certificates issued" });
        var dispatched = await StepAsync(registrar, id, "dispatch", cleared, new { at = DispatchedAt });
        var countsAmiss = await PostAsync(theirRegistrar, $"{Transfers}/{id}/receive", new
        {
            at = ArrivedAt,
            lines = new object[] { new { line = 1, outcome = "arrived" }, new { line = 2, arrived = "3.3.0" } },
        });
        var cancelledInTransit = await PostAsync(curator, $"{Transfers}/{id}/cancel", new { reason = "Changed our minds" });
        var dispatchedAgain = await PostAsync(registrar, $"{Transfers}/{id}/dispatch", new { at = DispatchedAt });
        var after = await GetAsync(theirRegistrar, $"{Transfers}/{id}");

        AssertRefused(taken, ("transfer.specimen-taken", "lines[0].specimen"), ("transfer.specimen-taken", "lines[1].specimen"));
        AssertRefused(declinedWithoutReason, ("transfer.reason", "reason"));
        AssertRefused(cancelledWithoutReason, ("transfer.reason", "reason"));
        Assert.Equal(proposed.Version + 1, accepted.Version);
        AssertRefused(countsAmiss, ("receipt.counts", "lines[1]"));
        // Steps the transfer has gone past conflict with it as it now is, as when another client took one first.
        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict), (cancelledInTransit.Code, dispatchedAgain.Code));
        Assert.Equal("application/problem+json", dispatchedAgain.MediaType);
        Assert.Contains("A transfer that is dispatched cannot be", Text(dispatchedAgain.Body, "detail"), StringComparison.Ordinal);
        Assert.Equal("dispatched", after.State);
        Assert.Equal(dispatched.Version, after.Version);
        Assert.Equal(JsonValueKind.Null, after.Body.GetProperty("receivedAt").ValueKind);
        Assert.Equal(["drafted", "proposed", "accepted", "approved", "cleared", "dispatched"], after.Body.GetProperty("timeline").EnumerateArray().Select(s => Text(s, "action")));
    }

    [Fact]
    public async Task A_planned_departure_is_kept_changed_by_either_curator_and_the_requirements_are_evaluated_on_it()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        using var registrar = await AsAsync(factory, "registrar@MOSCOW");
        using var curator = await AsAsync(factory, "curator@MOSCOW");
        using var theirCurator = await AsAsync(factory, "curator@PYONGYANG");

        var drafted = await PostAsync(registrar, Transfers, Gift(new { specimen = Bear }) with { PlannedDeparture = "2026-12-10" });
        var id = drafted.Body.GetProperty("id").GetGuid();
        var read = await GetAsync(curator, $"{Transfers}/{id}");
        var onThePlan = await GetAsync(curator, $"{Transfers}/{id}/requirements");
        var asked = await GetAsync(curator, $"{Transfers}/{id}/requirements?on=2026-12-01");
        var byRegistrar = await PutDepartureAsync(registrar, id, "2026-12-12", read.ETag);
        var tooFar = await PutDepartureAsync(curator, id, "2040-01-01", read.ETag);
        var byTheirCurator = await PutDepartureAsync(theirCurator, id, "2026-12-14", read.ETag);
        var stale = await PutDepartureAsync(curator, id, "2026-12-15", read.ETag);
        var moved = await GetAsync(curator, $"{Transfers}/{id}/requirements");
        var cleared = await PutDepartureAsync(curator, id, null, byTheirCurator.ETag);
        var today = await GetAsync(curator, $"{Transfers}/{id}/requirements");

        Assert.Equal(HttpStatusCode.Created, drafted.Code);
        Assert.Equal("2026-12-10", Text(drafted.Body, "plannedDeparture"));
        Assert.Equal("2026-12-10", Text(read.Body, "plannedDeparture"));
        Assert.Equal(("2026-12-10", "2026-12-01"), (Text(onThePlan.Body, "on"), Text(asked.Body, "on")));
        AssertForbidden(byRegistrar);
        AssertRefused(tooFar, ("transfer.planned-departure", "plannedDeparture"));
        Assert.Equal((HttpStatusCode.OK, "2026-12-14"), (byTheirCurator.Code, Text(byTheirCurator.Body, "plannedDeparture")));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.Code);
        Assert.Equal("2026-12-14", Text(moved.Body, "on"));
        Assert.Equal(JsonValueKind.Null, cleared.Body.GetProperty("plannedDeparture").ValueKind);
        Assert.Equal("2026-11-29", Text(today.Body, "on"));
        await using var db = TestDatabase.Open(database.Options);
        var entry = await db.LedgerEntries.Where(e => e.EntityType == "Transfer" && e.EntityId == id.ToString()).OrderByDescending(e => e.Sequence).Skip(1).FirstAsync(Ct);
        Assert.Equal(("curator@PYONGYANG", "planned departure set to 2026-12-14"), (entry.Actor, entry.Reason));
    }

    [Fact]
    public async Task The_planned_departure_cannot_change_once_the_animals_are_dispatched()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        using var registrar = await AsAsync(factory, "registrar@MOSCOW");
        using var curator = await AsAsync(factory, "curator@MOSCOW");
        var id = await ClearedAsync(factory, new { specimen = Bear });
        var dispatched = await StepAsync(registrar, id, "dispatch", await GetAsync(registrar, $"{Transfers}/{id}"), new { at = DispatchedAt });

        var refused = await PutDepartureAsync(curator, id, "2026-12-01", dispatched.ETag);

        Assert.Equal(HttpStatusCode.Conflict, refused.Code);
        Assert.Equal(JsonValueKind.Null, (await GetAsync(curator, $"{Transfers}/{id}")).Body.GetProperty("plannedDeparture").ValueKind);
    }

    [Fact]
    public async Task Document_types_are_answered_by_the_shipment_files_names_and_read_by_the_old_ones_too()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        using var registrar = await AsAsync(factory, "registrar@MOSCOW");
        var november = (await GetAsync(registrar, $"{Transfers}?status=accepted")).Body.EnumerateArray().Single().GetProperty("id").GetGuid();

        var registered = await PostAsync(registrar, $"{Transfers}/{november}/documents",
            new { type = "veterinaryImportConditions", number = "KP-VIC-2024-07", issuingAuthority = "State Veterinary Administration", issuingState = "KP", issuedOn = "2024-11-10" });
        var unknown = await PostAsync(registrar, $"{Transfers}/{november}/documents",
            new { type = "permit", number = "X-1", issuingAuthority = "Somebody", issuingState = "KP", issuedOn = "2024-11-10" });
        var documents = await GetAsync(registrar, $"{Transfers}/{november}/documents");
        var transfer = await GetAsync(registrar, $"{Transfers}/{november}");

        Assert.Equal((HttpStatusCode.Created, "veterinary-import-conditions"), (registered.Code, Text(registered.Body, "type")));
        AssertRefused(unknown, ("document.type", "type"));
        Assert.Equal(["export-permit", "ministry-approval", "veterinary-certificate", "veterinary-import-conditions"],
            documents.Body.EnumerateArray().Select(d => Text(d, "type")).Order(StringComparer.Ordinal));
        Assert.Equal("2024-11-20", Text(transfer.Body, "plannedDeparture"));
        Assert.All(transfer.Body.GetProperty("documents").EnumerateArray(), d => Assert.False(Text(d, "type")!.Any(char.IsAsciiLetterUpper), Text(d, "type")));
        await using var db = TestDatabase.Open(database.Options);
        var entry = await db.LedgerEntries.Where(e => e.EntityType == "TransferDocument").OrderByDescending(e => e.Sequence).FirstAsync(Ct);
        Assert.Contains("\"Type\":\"veterinary-import-conditions\"", entry.After, StringComparison.Ordinal);
        Assert.StartsWith("veterinary-import-conditions KP-VIC-2024-07 registered", entry.Reason, StringComparison.Ordinal);
    }

    private static Task<Reply> PutDepartureAsync(HttpClient client, Guid id, string? day, string? ifMatch) =>
        SendAsync(client, HttpMethod.Put, $"{Transfers}/{id}/planned-departure", new { plannedDeparture = day }, ifMatch, null);

    /// <summary>An answer: its status, ETag, media type and JSON body (undefined when empty).</summary>
    private sealed record Reply(HttpStatusCode Code, string? ETag, string? MediaType, JsonElement Body)
    {
        public string? State => Text(Body, "status");
        public long Version => Body.GetProperty("version").GetInt64();
    }

    /// <summary>A new transfer from Moscow to Pyongyang, a gift of these lines.</summary>
    private sealed record NewTransfer(object[] Lines)
    {
        public string Sender { get; init; } = "MOSCOW";
        public string Receiver { get; init; } = "PYONGYANG";
        public string Terms { get; init; } = "gift";
        public string? PlannedDeparture { get; init; }
        public bool Submit { get; init; }
    }

    private static NewTransfer Gift(params object[] lines) => new(lines);

    /// <summary>
    /// Holds each save that changes a transfer until a second one comes, then lets both go on: two requests sent
    /// at once have then both read the transfer before either of them writes.
    /// </summary>
    private sealed class WritesInPairs : DbTransactionInterceptor
    {
        private readonly Lock _lock = new();
        private TaskCompletionSource? _first;

        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
            DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            if (eventData.Context?.ChangeTracker.Entries<Transfer>().Any(e => e.State == EntityState.Modified) != true)
                return result;
            TaskCompletionSource partner;
            lock (_lock)
            {
                if (_first is { } first)
                {
                    _first = null;
                    first.SetResult();
                    return result;
                }
                partner = _first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            await partner.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            return result;
        }
    }

    /// <summary>Sends two requests at once to the racing host, each with the credentials of a signed-in client.</summary>
    private static async Task<Reply[]> RaceAsync(WebApplicationFactory<Program> racing, params (HttpClient As, string Url, object Body)[] requests)
    {
        var clients = requests.Select(r =>
        {
            var client = racing.CreateClient();
            client.DefaultRequestHeaders.Authorization = r.As.DefaultRequestHeaders.Authorization;
            return client;
        }).ToList();
        try
        {
            return await Task.WhenAll(requests.Select((r, i) => PostAsync(clients[i], r.Url, r.Body)));
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    private static Task<HttpClient> AsAsync(MenagerieFactory factory, string user) => factory.ClientAsSampleUserAsync(user);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task The_November_transfer_shows_its_requirements_and_a_curator_confirms_a_warning_over_the_api(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, withSample: true);
        await using var factory = new MenagerieFactory(database);
        using var curator = await AsAsync(factory, "curator@MOSCOW");
        using var viewer = await AsAsync(factory, "viewer@PYONGYANG");
        var list = await GetAsync(curator, $"{Transfers}?status=accepted");
        var november = list.Body.EnumerateArray().Single().GetProperty("id").GetGuid();

        var requirements = await GetAsync(viewer, $"{Transfers}/{november}/requirements?on=2024-11-20");
        var badDay = await GetAsync(curator, $"{Transfers}/{november}/requirements?on=20.11.2024");
        var temperature = requirements.Body.GetProperty("requirements").EnumerateArray().Single(r => Text(r, "rule") == "W-01");
        var confirmed = await PostAsync(curator, $"{Transfers}/{november}/overrides",
            new { rule = "W-01", lines = temperature.GetProperty("lines").EnumerateArray().Select(l => l.GetInt32()).ToArray(), reason = "Heated hold agreed with the crew" });
        var byViewer = await PostAsync(viewer, $"{Transfers}/{november}/overrides", new { rule = "W-01", lines = Array.Empty<int>(), reason = "no" });
        var after = await GetAsync(curator, $"{Transfers}/{november}/requirements?on=2024-11-20");

        Assert.Equal(HttpStatusCode.OK, requirements.Code);
        Assert.Equal(("blocked", "2024-11-20"), (Text(requirements.Body, "verdict"), Text(requirements.Body, "on")));
        Assert.Contains(requirements.Body.GetProperty("requirements").EnumerateArray(), r => Text(r, "rule") == "C-01" && Text(r, "severity") == "block" && Text(r, "status") == "missing");
        AssertRefused(badDay, ("requirements.on", "on"));
        Assert.Equal(HttpStatusCode.Created, confirmed.Code);
        AssertForbidden(byViewer);
        var w01 = after.Body.GetProperty("requirements").EnumerateArray().Single(r => Text(r, "rule") == "W-01");
        Assert.Equal(("curator@MOSCOW", "Heated hold agreed with the crew"), (Text(w01.GetProperty("override"), "by"), Text(w01.GetProperty("override"), "reason")));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task The_November_transport_plan_journey_and_welfare_log_over_the_api(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, withSample: true);
        await using var factory = new MenagerieFactory(database);
        using var coordinator = await AsAsync(factory, "transport-coordinator@MOSCOW");
        using var vet = await AsAsync(factory, "veterinarian@PYONGYANG");
        using var viewer = await AsAsync(factory, "viewer@PYONGYANG");
        using var pragueVet = await factory.ClientAsAsync("veterinarian@PRAGUE", new MembershipInput(Role.Veterinarian, "PRAGUE"));
        var list = await GetAsync(coordinator, $"{Transfers}?status=accepted");
        var november = list.Body.EnumerateArray().Single().GetProperty("id").GetGuid();

        var plan = await GetAsync(viewer, $"{Transfers}/{november}/transport-plan");
        var journey = await GetAsync(coordinator, $"{Transfers}/{november}/journey");
        var changed = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(journey.Body.GetRawText())!;
        changed["checkEveryHours"] = JsonSerializer.SerializeToElement(6);
        var replaced = await SendAsync(coordinator, HttpMethod.Put, $"{Transfers}/{november}/journey", changed, null, null);
        var byViewer = await SendAsync(viewer, HttpMethod.Put, $"{Transfers}/{november}/journey", changed, null, null);
        var beforeDispatch = await PostAsync(vet, $"{Transfers}/{november}/welfare-checks",
            new { at = "2024-11-20T05:00:00Z", crates = new[] { "C06" }, temperatureC = 18.5, condition = "preening", fed = false, watered = true, attendant = "Dr Kim" });
        var loan = (await GetAsync(pragueVet, $"{Transfers}?status=dispatched")).Body.EnumerateArray().Single().GetProperty("id").GetGuid();
        var check = await PostAsync(pragueVet, $"{Transfers}/{loan}/welfare-checks",
            new { at = "2026-11-24T11:00:00Z", crates = new[] { "C01" }, temperatureC = 18.5, condition = "alert", fed = false, watered = true, attendant = "Dr Novak" });
        var after = await GetAsync(viewer, $"{Transfers}/{november}/transport-plan");
        var log = await GetAsync(pragueVet, $"{Transfers}/{loan}/welfare-checks");
        using var labels = await viewer.GetAsync(new Uri($"{Transfers}/{november}/transport-documents/labels.pdf", UriKind.Relative), Ct);
        using var unknown = await viewer.GetAsync(new Uri($"{Transfers}/{november}/transport-documents/invoice.pdf", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, plan.Code);
        Assert.Equal(("warnings", 19), (Text(plan.Body, "verdict"), plan.Body.GetProperty("crates").GetArrayLength()));
        Assert.True(plan.Body.GetProperty("loading").GetProperty("feasible").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, replaced.Code);
        AssertForbidden(byViewer);
        Assert.Contains(after.Body.GetProperty("findings").EnumerateArray(), f => Text(f, "rule") == "W-02");
        AssertRefused(beforeDispatch, ("welfare.not-dispatched", "at"));
        Assert.Equal(HttpStatusCode.Created, check.Code);
        var entry = Assert.Single(log.Body.EnumerateArray());
        Assert.Equal((18.5m, "Dr Novak"), (entry.GetProperty("temperatureC").GetDecimal(), Text(entry, "attendant")));
        Assert.Equal((HttpStatusCode.OK, "application/pdf"), (labels.StatusCode, labels.Content.Headers.ContentType?.MediaType));
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await labels.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(19, pdf.NumberOfPages);
        Assert.Contains(pdf.GetPages(), p => p.GetImages().Any());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_November_loading_plan_is_drawn_as_svg_for_those_who_may_read_its_plan()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        using var viewer = await AsAsync(factory, "viewer@PYONGYANG");
        using var berlin = await AsAsync(factory, "registrar@BERLIN");
        using var nobody = factory.CreateClient();
        var november = (await GetAsync(viewer, $"{Transfers}?status=accepted")).Body.EnumerateArray().Single().GetProperty("id").GetGuid();
        var url = new Uri($"{Transfers}/{november}/transport-plan.svg", UriKind.Relative);

        using var drawn = await viewer.GetAsync(url, Ct);
        using var elsewhere = await berlin.GetAsync(url, Ct);
        var json = await GetAsync(berlin, $"{Transfers}/{november}/transport-plan");
        using var anonymous = await nobody.GetAsync(url, Ct);
        using var unknown = await viewer.GetAsync(new Uri($"{Transfers}/{Guid.NewGuid()}/transport-plan.svg", UriKind.Relative), Ct);

        Assert.Equal((HttpStatusCode.OK, "image/svg+xml"), (drawn.StatusCode, drawn.Content.Headers.ContentType?.MediaType));
        var svg = System.Xml.Linq.XDocument.Parse(await drawn.Content.ReadAsStringAsync(Ct)).Root!;
        System.Xml.Linq.XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(19, svg.Descendants(ns + "g").Count(g => g.Attribute("data-crate") is not null));
        Assert.Contains(svg.Descendants(ns + "a"), a => (string?)a.Attribute("href") == "/specimens/MOS-00037");
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (elsewhere.StatusCode, json.Code));
        Assert.Equal("application/problem+json", elsewhere.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_November_loading_plan_is_drawn_as_png_too_the_svg_at_twice_its_size_with_its_words_inked()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var factory = new MenagerieFactory(database);
        using var viewer = await AsAsync(factory, "viewer@PYONGYANG");
        using var berlin = await AsAsync(factory, "registrar@BERLIN");
        var november = (await GetAsync(viewer, $"{Transfers}?status=accepted")).Body.EnumerateArray().Single().GetProperty("id").GetGuid();
        var loan = (await GetAsync(berlin, $"{Transfers}?status=dispatched")).Body.EnumerateArray().Single().GetProperty("id").GetGuid();

        var svg = System.Xml.Linq.XDocument.Parse(await viewer.GetStringAsync(new Uri($"{Transfers}/{november}/transport-plan.svg", UriKind.Relative), Ct)).Root!;
        using var drawn = await viewer.GetAsync(new Uri($"{Transfers}/{november}/transport-plan.png", UriKind.Relative), Ct);
        using var elsewhere = await berlin.GetAsync(new Uri($"{Transfers}/{november}/transport-plan.png", UriKind.Relative), Ct);
        using var holdless = await berlin.GetAsync(new Uri($"{Transfers}/{loan}/transport-plan.png", UriKind.Relative), Ct);

        Assert.Equal((HttpStatusCode.OK, "image/png"), (drawn.StatusCode, drawn.Content.Headers.ContentType?.MediaType));
        using var png = SkiaSharp.SKBitmap.Decode(await drawn.Content.ReadAsByteArrayAsync(Ct));
        // The SVG's size is in millimetres; the PNG has two pixels for each of its CSS pixels (96 to the inch).
        var millimetres = double.Parse(((string)svg.Attribute("width")!).TrimEnd('m'), CultureInfo.InvariantCulture);
        Assert.Equal(millimetres / 25.4 * 96 * 2, png.Width, 1.0);
        var viewBoxWidth = double.Parse(((string)svg.Attribute("viewBox")!).Split(' ')[2], CultureInfo.InvariantCulture);
        var perUnit = png.Width / viewBoxWidth;
        // The heading's band (300 to 700 units from the top) holds words only: dark there means the words were drawn.
        var inked = 0;
        for (var y = (int)(300 * perUnit); y < (int)(700 * perUnit); y++)
        {
            for (var x = 0; x < png.Width; x++)
            {
                var c = png.GetPixel(x, y);
                if (c.Red < 100 && c.Green < 100 && c.Blue < 100)
                    inked++;
            }
        }
        Assert.True(inked > 500, $"The heading of the PNG has {inked} dark pixels: its words were not drawn.");
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (elsewhere.StatusCode, holdless.StatusCode));
        Assert.Contains("records no hold", await holdless.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    /// <summary>
    /// What lets the animals clear and leave, registered by Moscow's registrar: Pyongyang's comparable
    /// documentation (the DPRK is not a CITES Party), Moscow's export permit after it, and the veterinary
    /// certificate of an examination the day before dispatch; and the approval of the authority of RU, which the
    /// sample's Russia requires (L-04). The answer to that approval is the transfer as it then is.
    /// </summary>
    private static async Task<Reply> PapersAsync(MenagerieFactory factory, Guid id)
    {
        using var registrar = await AsAsync(factory, "registrar@MOSCOW");
        foreach (var (type, state, issued) in new[] { ("comparable-documentation", "KP", "2026-10-28"), ("export-permit", "RU", "2026-11-07"), ("veterinary-certificate", "RU", "2026-11-27") })
        {
            var registered = await PostAsync(registrar, $"{Transfers}/{id}/documents",
                new { type, number = $"{state}-{type}-{id:N}", issuingAuthority = $"Authority of {state}", issuingState = state, issuedOn = issued });
            Assert.Equal(HttpStatusCode.Created, registered.Code);
        }
        using var authority = await factory.ClientAsAsync("authority@RU", new MembershipInput(Role.Authority, Country: "RU"));
        var approved = await PostAsync(authority, $"{Transfers}/{id}/sign-off", new { decision = "approve" });
        Assert.Equal(HttpStatusCode.OK, approved.Code);
        return approved;
    }

    /// <summary>Proposed by Moscow's curator, accepted by Pyongyang's and cleared: ready to dispatch.</summary>
    private static async Task<Guid> ClearedAsync(MenagerieFactory factory, params object[] lines)
    {
        using var curator = await AsAsync(factory, "curator@MOSCOW");
        using var theirCurator = await AsAsync(factory, "curator@PYONGYANG");
        var proposed = await PostAsync(curator, Transfers, Gift(lines) with { Submit = true });
        Assert.Equal(HttpStatusCode.Created, proposed.Code);
        var id = proposed.Body.GetProperty("id").GetGuid();
        await StepAsync(theirCurator, id, "accept", proposed);
        var papers = await PapersAsync(factory, id);
        await StepAsync(curator, id, "clear", papers, new { reason = "Health certificate issued" });
        return id;
    }

    private static async Task DucksAsync(HttpClient registrar)
    {
        var created = await PostAsync(registrar, "/api/v1/specimens", new
        {
            kind = "group",
            taxon = "Aix galericulata",
            first = new { type = "acquisition", date = "2020-04-01", institution = "MOSCOW", fromName = "private breeder", counts = "10.10.0" },
            identifiers = new[] { new { scheme = "local", value = Ducks } },
        });
        Assert.Equal(HttpStatusCode.Created, created.Code);
    }

    private static async Task<Guid> BerlinPragueLoanAsync(MenagerieFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Access>().ActAsOperator();
        var transfers = Assert.IsType<Outcome<IReadOnlyList<TransferSummary>>.Ok>(
            await scope.ServiceProvider.GetRequiredService<TransferQueries>().ListAsync(new TransferFilter(), Ct)).Value;
        return transfers.Single(t => t.Sender == "BERLIN" && t.Status == TransferStatus.Dispatched).Id;
    }

    /// <summary>Takes a step with If-Match from the answer before; it succeeds and answers with the new version's ETag.</summary>
    private static async Task<Reply> StepAsync(HttpClient client, Guid id, string action, Reply previous, object? body = null)
    {
        var reply = await PostAsync(client, $"{Transfers}/{id}/{action}", body, ifMatch: previous.ETag);
        Assert.True(reply.Code == HttpStatusCode.OK, $"{action}: {(int)reply.Code} {reply.Body}");
        Assert.Equal($"\"{reply.Version}\"", reply.ETag);
        Assert.NotEqual(previous.ETag, reply.ETag);
        return reply;
    }

    private static void AssertRefused(Reply reply, params (string Code, string Field)[] violations)
    {
        Assert.True(reply.Code == HttpStatusCode.BadRequest, $"{(int)reply.Code} {reply.Body}");
        Assert.Equal("application/problem+json", reply.MediaType);
        Assert.Equal(violations, reply.Body.GetProperty("violations").EnumerateArray().Select(v => (Text(v, "code")!, Text(v, "field")!)));
        Assert.All(violations, v => Assert.True(reply.Body.GetProperty("errors").TryGetProperty(v.Field, out _)));
    }

    private static void AssertForbidden(Reply reply)
    {
        Assert.True(reply.Code == HttpStatusCode.Forbidden, $"{(int)reply.Code} {reply.Body}");
        Assert.Equal("application/problem+json", reply.MediaType);
    }

    private static (string? Action, string? Institution) NextStep(Reply reply) =>
        (Text(reply.Body.GetProperty("nextStep"), "action"), Text(reply.Body.GetProperty("nextStep"), "institution"));

    private static string? Text(JsonElement element, string property) => element.GetProperty(property).GetString();

    /// <summary>A curator of the holder marks the animal available for transfer; its global id.</summary>
    private static async Task<Guid> MarkAvailableAsync(HttpClient curator, string reference)
    {
        var read = await GetAsync(curator, $"/api/v1/specimens/{reference}");
        var marked = await SendAsync(curator, HttpMethod.Put, $"/api/v1/specimens/{reference}/availability", new { available = true, note = "surplus" }, read.ETag, null);
        Assert.True(marked.Code == HttpStatusCode.OK, $"{(int)marked.Code} {marked.Body}");
        return read.Body.GetProperty("id").GetGuid();
    }

    private static Task<Reply> GetAsync(HttpClient client, string url) => SendAsync(client, HttpMethod.Get, url, null, null, null);

    private static Task<Reply> PostAsync(HttpClient client, string url, object? body, string? ifMatch = null, string? key = null) =>
        SendAsync(client, HttpMethod.Post, url, body, ifMatch, key);

    private static async Task<Reply> SendAsync(HttpClient client, HttpMethod method, string url, object? body, string? ifMatch, string? key)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
            request.Content = JsonContent.Create(body, body.GetType());
        if (ifMatch is not null)
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        if (key is not null)
            request.Headers.Add("Idempotency-Key", key);
        using var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return new Reply(response.StatusCode, response.Headers.ETag?.Tag, response.Content.Headers.ContentType?.MediaType,
            text.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(text));
    }
}
