using Menagerie.App;
using Menagerie.App.Compliance;
using Menagerie.App.Transfers;
using Menagerie.Domain;
using Menagerie.Domain.Transfers;
using Menagerie.Web.Http;
using Microsoft.AspNetCore.Mvc;

namespace Menagerie.Web.Transfers;

public static class TransferEndpoints
{
    private const string IdempotencyHeader = "Idempotency-Key";

    public static void MapTransferEndpoints(this IEndpointRouteBuilder api)
    {
        var transfers = api.MapGroup("/transfers").WithTags("Transfers");
        transfers.MapGet("/", async (string? view, string? status, bool? open, TransferQueries queries, HttpContext http, CancellationToken ct) =>
            {
                var problems = new List<RuleViolation>();
                var filter = new TransferFilter(QueryWords.Word(view, TransferListView.All, "view", problems), QueryWords.Optional<TransferStatus>(status, "status", problems), open ?? false);
                return problems.Count > 0 ? OutcomeResults.Invalid(problems) : (await queries.ListAsync(filter, ct)).ToHttp(http);
            })
            .WithSummary("The transfers your institutions are party to (or, for an authority, those of your country): view=incoming, outgoing, inTransit or needsMyAction; status; open=true.")
            .Produces<IReadOnlyList<TransferSummary>>();
        transfers.MapPost("/", async (TransferInput input, TransferCommands commands, HttpContext http, CancellationToken ct) =>
                (await commands.CreateAsync(input, ct)).ToHttp(http, t => t.Version, t => $"/api/v1/transfers/{t.Id}"))
            .WithSummary("Drafts a transfer (submit=true proposes it, or requests it when drafted by the receiver, at once). Lines name specimens by id or identifier; a group line may take counts by sex, e.g. 12.13.0.")
            .Produces<TransferView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        transfers.MapGet("/{id:guid}", async (Guid id, TransferQueries queries, HttpContext http, CancellationToken ct) =>
                (await queries.GetAsync(id, ct)).ToHttp(http, t => t.Version))
            .WithSummary("A transfer: parties, terms, lines, what it waits for, and its timeline.")
            .Produces<TransferView>().ProducesProblem(StatusCodes.Status404NotFound);
        transfers.MapGet("/{id:guid}/timeline", async (Guid id, TransferQueries queries, HttpContext http, CancellationToken ct) =>
                (await queries.TimelineAsync(id, ct)).ToHttp(http))
            .WithSummary("Each step of the transfer: what was done, by whom for which party, when, and why.")
            .Produces<IReadOnlyList<TransferStepView>>().ProducesProblem(StatusCodes.Status404NotFound);

        transfers.MapGet("/{id:guid}/requirements", async (Guid id, string? on, TransferCompliance compliance, HttpContext http, CancellationToken ct) =>
            {
                var (day, invalid) = QueryDates.Day(on, "requirements.on", "on");
                if (invalid is not null)
                    return invalid;
                return (await compliance.RequirementsAsync(id, day, ct)).ToHttp(http);
            })
            .WithSummary("What the transfer needs before its animals may leave: every requirement with its rule, severity (block, warn, info), status (satisfied, missing, expired, not-yet-valid, insufficient-quantity), the lines it concerns, the document that meets it and its source; on=YYYY-MM-DD evaluates time limits on that day (default: the dispatch date, else the planned departure, else today).")
            .Produces<ComplianceView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        transfers.MapPut("/{id:guid}/planned-departure", async (Guid id, DepartureInput input, TransferCommands commands, HttpContext http, CancellationToken ct) =>
                await OutcomeResults.IfMatchAsync(http, async version => (await commands.PlanDepartureAsync(id, input, version, ct)).ToHttp(http, t => t.Version)))
            .WithSummary("Either party's curator sets the day the animals are planned to leave (plannedDeparture, YYYY-MM-DD; null clears it), until they are dispatched. The requirements are evaluated on it by default. Send If-Match with the ETag you read.")
            .ProducesConditionalWrite<TransferView>();

        transfers.MapGet("/{id:guid}/overrides", async (Guid id, TransferCompliance compliance, HttpContext http, CancellationToken ct) =>
                (await compliance.OverridesAsync(id, ct)).ToHttp(http))
            .WithSummary("The warnings confirmed for the transfer: rule, lines, who and why.")
            .Produces<IReadOnlyList<OverrideView>>().ProducesProblem(StatusCodes.Status404NotFound);
        transfers.MapPost("/{id:guid}/overrides", async (Guid id, OverrideInput input, TransferCompliance compliance, HttpContext http, CancellationToken ct) =>
                (await compliance.OverrideAsync(id, input, ct)).ToHttp(http, location: _ => $"/api/v1/transfers/{id}/overrides"))
            .WithSummary("A curator of either party confirms an open warning, named by rule and lines as the requirements list them, with the reason. Blocks cannot be overridden.")
            .Produces<OverrideView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);

        transfers.MapGet("/{id:guid}/documents", async (Guid id, TransferDocuments documents, HttpContext http, CancellationToken ct) =>
                (await documents.ListAsync(id, ct)).ToHttp(http))
            .WithSummary("The permits and certificates registered for the transfer.")
            .Produces<IReadOnlyList<DocumentView>>().ProducesProblem(StatusCodes.Status404NotFound);
        transfers.MapPost("/{id:guid}/documents", async (Guid id, DocumentInput input, TransferDocuments documents, HttpContext http, CancellationToken ct) =>
                (await documents.RegisterAsync(id, input, ct)).ToHttp(http, location: d => $"/api/v1/transfers/{id}/documents/{d.Id}/file"))
            .WithSummary("Registers a permit or certificate: type, number, issuing authority and state, issue date, validity, the lines it covers (none: the whole shipment), and optionally the scan as base64.")
            .Produces<DocumentView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        transfers.MapGet("/{id:guid}/documents/{documentId:guid}/file", async (Guid id, Guid documentId, TransferDocuments documents, HttpContext http, CancellationToken ct) =>
                await documents.FileAsync(id, documentId, ct) is Outcome<DocumentFile>.Ok { Value: var file }
                    ? (IResult)TypedResults.File(file.Content, file.ContentType, file.Name)
                    : TypedResults.Problem("No such document with a file attached.", statusCode: StatusCodes.Status404NotFound))
            .WithSummary("The document's attached scan.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        Step(transfers, "propose", "The sender's curator proposes its draft to the receiver.",
            (c, id, _, v, ct) => c.ProposeAsync(id, v, ct));
        Step(transfers, "request", "The receiver's curator sends its request to the sender.",
            (c, id, _, v, ct) => c.RequestAsync(id, v, ct));
        Step(transfers, "accept", "The other party's curator accepts.",
            (c, id, _, v, ct) => c.AcceptAsync(id, v, ct));
        Step(transfers, "decline", "The other party's curator declines, with the reason.",
            (c, id, r, v, ct) => c.DeclineAsync(id, r?.Reason, v, ct));
        Step(transfers, "clear", "The sender's curator clears the animals to leave, with the grounds.",
            (c, id, r, v, ct) => c.ClearAsync(id, r?.Reason, v, ct));
        Step(transfers, "cancel", "Either party's curator cancels, with the reason, until dispatch.",
            (c, id, r, v, ct) => c.CancelAsync(id, r?.Reason, v, ct));

        transfers.MapPost("/{id:guid}/sign-off", async (Guid id, SignOffInput input, TransferSignOffs signOffs, HttpContext http, CancellationToken ct) =>
                await OutcomeResults.IfMatchAsync(http, async version => (await signOffs.SignOffAsync(id, input, version, ct)).ToHttp(http, t => t.Version)))
            .WithSummary("The authority of the sender's or the receiver's country signs the transfer off until dispatch: decision=approve (registers its ministry approval), object with a reason (blocks clearance and dispatch, L-04), or withdraw its objection. Send If-Match with the ETag you read.")
            .ProducesConditionalWrite<TransferView>();

        transfers.MapPost("/{id:guid}/dispatch", async (Guid id, DispatchInput input, [FromHeader(Name = IdempotencyHeader)] string? key, TransferCommands commands, HttpContext http, CancellationToken ct) =>
                await WithKeyAsync(http, key, k => OutcomeResults.IfMatchAsync(http, async version => (await commands.DispatchAsync(id, input, version, k, ct)).ToHttp(http, t => t.Version))))
            .WithSummary("The sender's registrar or transport coordinator dispatches the animals at a date and time; the transfer holds them until receipt. Idempotency-Key makes a retry harmless.")
            .ProducesConditionalWrite<TransferView>().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        transfers.MapPost("/{id:guid}/receive", async (Guid id, ReceiptInput input, [FromHeader(Name = IdempotencyHeader)] string? key, TransferCommands commands, HttpContext http, CancellationToken ct) =>
                await WithKeyAsync(http, key, k => OutcomeResults.IfMatchAsync(http, async version => (await commands.ReceiveAsync(id, input, version, k, ct)).ToHttp(http, t => t.Version))))
            .WithSummary("The receiver's registrar reconciles every line: arrived alive, dead on arrival or missing (counts by sex for groups), with its own identifiers. Idempotency-Key makes a retry harmless.")
            .ProducesConditionalWrite<TransferView>().ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        transfers.MapPost("/{id:guid}/lines/{line:int}/resolve", async (Guid id, int line, ResolutionInput input, TransferCommands commands, HttpContext http, CancellationToken ct) =>
                await OutcomeResults.IfMatchAsync(http, async version => (await commands.ResolveAsync(id, line, input, version, ct)).ToHttp(http, t => t.Version)))
            .WithSummary("Closes a line's discrepancy: its missing animals were found (they arrive at the receiver) or are declared lost, with the reason.")
            .ProducesConditionalWrite<TransferView>();
    }

    private static void Step(RouteGroupBuilder transfers, string action, string summary,
        Func<TransferCommands, Guid, ReasonInput?, long?, CancellationToken, Task<Outcome<TransferView>>> run) =>
        transfers.MapPost($"/{{id:guid}}/{action}", async (Guid id, [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] ReasonInput? input, TransferCommands commands, HttpContext http, CancellationToken ct) =>
                await OutcomeResults.IfMatchAsync(http, async version => (await run(commands, id, input, version, ct)).ToHttp(http, t => t.Version)))
            .WithSummary(summary + " Send If-Match with the ETag you read.")
            .ProducesConditionalWrite<TransferView>();

    private static Task<IResult> WithKeyAsync(HttpContext http, string? key, Func<IdempotencyKey?, Task<IResult>> write)
    {
        if (key is null)
            return write(null);
        if (key.Length is 0 or > IdempotentRequest.MaxKeyLength)
            return Task.FromResult(OutcomeResults.Invalid([new("idempotency-key", IdempotencyHeader, $"An Idempotency-Key has 1 to {IdempotentRequest.MaxKeyLength} characters.")]));
        return write(new IdempotencyKey(key));
    }
}
