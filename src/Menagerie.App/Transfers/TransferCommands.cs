using System.Text.Json;
using Menagerie.App.Accounts;
using Menagerie.App.Compliance;
using Menagerie.App.Institutions;
using Menagerie.App.Persistence;
using Menagerie.App.Specimens;
using Menagerie.Domain;
using Menagerie.Domain.Specimens;
using Menagerie.Domain.Transfers;
using Microsoft.EntityFrameworkCore;

namespace Menagerie.App.Transfers;

/// <summary>A specimen for a transfer, by global id or identifier; for a group, how many by sex (all when blank).</summary>
public sealed record TransferLineInput(string? Specimen, string? Counts = null);

/// <summary>A new transfer. <see cref="Submit"/> proposes it (or, drafted by the receiver, requests it) at once.</summary>
public sealed record TransferInput
{
    public string? Sender { get; init; }
    public string? Receiver { get; init; }
    public string? Terms { get; init; }
    public DateOnly? ReturnDue { get; init; }

    /// <summary>The day the animals are planned to leave; the requirements are evaluated on it until they do.</summary>
    public DateOnly? PlannedDeparture { get; init; }

    /// <summary><c>sender</c> (an offer) or <c>receiver</c> (a request); by default the party the caller works for.</summary>
    public string? InitiatedBy { get; init; }

    public IReadOnlyList<TransferLineInput?>? Lines { get; init; }
    public bool Submit { get; init; }
}

public sealed record ReasonInput(string? Reason);

/// <summary>The day the animals are planned to leave; null clears it.</summary>
public sealed record DepartureInput(DateOnly? PlannedDeparture);

public sealed record DispatchInput(DateTime? At);

/// <summary>
/// What arrived of one line. An individual takes an <see cref="Outcome"/> (arrived, dead, missing); a group
/// takes counts by sex in <see cref="Arrived"/>, <see cref="DeadOnArrival"/> and <see cref="Missing"/> (blank is none).
/// </summary>
public sealed record ReceiptLineInput
{
    public int Line { get; init; }
    public string? Outcome { get; init; }
    public string? Arrived { get; init; }
    public string? DeadOnArrival { get; init; }
    public string? Missing { get; init; }
    public IReadOnlyList<IdentifierInput?>? Identifiers { get; init; }
}

public sealed record ReceiptInput(DateTime? At, IReadOnlyList<ReceiptLineInput?>? Lines);

public sealed record ResolutionInput(string? Resolution, DateTime? At, string? Reason);

/// <summary>A client's Idempotency-Key for a state change it may retry.</summary>
public sealed record IdempotencyKey(string Key);

/// <summary>
/// Every step of a transfer's lifecycle. Each is taken by a person with the right role at the right party
/// (<see cref="TransferRoles"/>), checked by the domain, and saved whole with its ledger entries.
/// </summary>
public sealed class TransferCommands(MenagerieDbContext db, TransferQueries queries, Access access, TransferCompliance compliance)
{
    public async Task<Outcome<TransferView>> CreateAsync(TransferInput input, CancellationToken ct)
    {
        var problems = new List<RuleViolation>();
        var sender = await InstitutionAsync(input.Sender, "sender", problems, ct);
        var receiver = await InstitutionAsync(input.Receiver, "receiver", problems, ct);
        var terms = ParseTerms(input.Terms, problems);
        TransferParty? initiatedBy = input.InitiatedBy?.Trim().ToUpperInvariant() switch
        {
            null or "" => null,
            "SENDER" => TransferParty.Sender,
            "RECEIVER" => TransferParty.Receiver,
            _ => Problem(problems, "transfer.initiated-by", "initiatedBy", $"'{input.InitiatedBy}' is not a party: sender or receiver."),
        };
        if (sender is null || receiver is null || problems.Count > 0)
            return problems;

        var party = initiatedBy
            ?? (access.Has(sender.Id, TransferRoles.Draft) || !access.Has(receiver.Id, TransferRoles.Draft) ? TransferParty.Sender : TransferParty.Receiver);
        var drafting = party == TransferParty.Sender ? sender : receiver;
        if (!access.Has(drafting.Id, TransferRoles.Draft))
            return Forbidden($"A transfer is drafted by a {TransferRoles.Describe(TransferRoles.Draft)} of {drafting.Code}, the {party.ToString().ToLowerInvariant()}.");
        if (input.Submit && !access.Has(drafting.Id, TransferRoles.Decide))
            return Forbidden($"A transfer is {(party == TransferParty.Sender ? "proposed" : "requested")} by a curator of {drafting.Code}.");

        var lines = new List<LineRequest>();
        foreach (var (line, i) in InputList.Present(input.Lines, "lines", problems))
        {
            var field = $"lines[{i}]";
            SexCounts? counts = null;
            if (!string.IsNullOrWhiteSpace(line.Counts))
            {
                if (SexCounts.TryParse(line.Counts, out var parsed))
                    counts = parsed;
                else
                    problems.Add(new("transfer.counts", field + ".counts", SexCounts.Unreadable(line.Counts)));
            }
            // Named among what the sender holds, so that a local id used by two zoos is not ambiguous; and only an
            // animal the party may read, or one its holder has marked available, by the global id the list of them
            // gives. Any other id, whether unknown or not the party's to see, gets the same answer.
            var reference = line.Specimen ?? "";
            var byGlobalId = Guid.TryParse(reference.Trim(), out _);
            switch (await SpecimenLookup.FindAsync(db, reference, ct, SpecimenLookup.Reading.History, visible: s => access.CanRead(s) || (byGlobalId && s.AvailableForTransfer), heldBy: sender.Id))
            {
                case SpecimenLookup.Found { Specimen: var specimen }:
                    lines.Add(new LineRequest(specimen, counts));
                    break;
                // The receiver asking for animals learns no more of the sender's records than the names it gave.
                case SpecimenLookup.Ambiguous a when party == TransferParty.Sender:
                    problems.Add(new("specimen.ambiguous", field + ".specimen", a.Message));
                    break;
                case SpecimenLookup.Ambiguous:
                    problems.Add(new("specimen.ambiguous", field + ".specimen", $"'{line.Specimen}' names more than one animal at {sender.Code}; ask for it by its global id."));
                    break;
                case SpecimenLookup.Missing when party == TransferParty.Sender:
                    problems.Add(new("transfer.not-held", field + ".specimen", $"{sender.Code} holds no specimen '{line.Specimen}'."));
                    break;
                default:
                    problems.Add(new("transfer.not-held", field + ".specimen",
                        $"{sender.Code} has no animal '{line.Specimen}' that you may name: ask for one it has marked available for transfer, by its global id."));
                    break;
            }
        }
        if (problems.Count > 0)
            return problems;

        var now = db.UtcNow;
        var drafted = Transfer.Draft(TransferId.New(), sender.Id, receiver.Id, terms!.Value, input.ReturnDue, party, lines, now, db.ActorName, input.PlannedDeparture);
        if (!drafted.IsValid)
            return drafted.Violations.ToList();
        var transfer = drafted.Value;
        if (input.Submit)
            transfer.Submit(party, now, db.ActorName);
        db.Transfers.Add(transfer);
        var verb = input.Submit ? (party == TransferParty.Sender ? "proposed" : "requested") : "drafted";
        return await SaveAsync(transfer, $"transfer of {transfer.Animals.Total} animals from {sender.Code} to {receiver.Code} {verb}", ct, created: true);
    }

    /// <summary>The sender sends its draft to the receiver.</summary>
    public Task<Outcome<TransferView>> ProposeAsync(Guid id, long? expected, CancellationToken ct) => SubmitAsync(id, TransferParty.Sender, expected, ct);

    /// <summary>The receiver sends its request to the sender.</summary>
    public Task<Outcome<TransferView>> RequestAsync(Guid id, long? expected, CancellationToken ct) => SubmitAsync(id, TransferParty.Receiver, expected, ct);

    /// <summary>
    /// Either party's curator sets or clears the day the animals are planned to leave, until they are dispatched.
    /// The requirements are evaluated on that day; the dispatch is checked again on its own.
    /// </summary>
    public Task<Outcome<TransferView>> PlanDepartureAsync(Guid id, DepartureInput input, long? expected, CancellationToken ct) =>
        StepAsync(id, expected, t => (access.Has(t.SenderId, TransferRoles.Decide) || !access.Has(t.ReceiverId, TransferRoles.Decide) ? TransferParty.Sender : TransferParty.Receiver, TransferRoles.Decide),
            input.PlannedDeparture is { } day ? $"planned departure set to {day:yyyy-MM-dd}" : "planned departure cleared",
            (t, _, _) => t.PlanDeparture(input.PlannedDeparture, db.UtcNow), ct);

    /// <summary>The other party agrees; a sender accepting a request takes its animals now (409 when one has changed since).</summary>
    public Task<Outcome<TransferView>> AcceptAsync(Guid id, long? expected, CancellationToken ct) =>
        StepAsync(id, expected, t => (TransferRoles.Other(t.InitiatedBy), TransferRoles.Decide), "transfer accepted",
            (t, party, specimens) => t.Accept(party, db.UtcNow, db.ActorName, specimens.Get), ct, loadSpecimens: t => t.Lines.Select(l => l.SpecimenId));

    public Task<Outcome<TransferView>> DeclineAsync(Guid id, string? reason, long? expected, CancellationToken ct) =>
        StepAsync(id, expected, t => (TransferRoles.Other(t.InitiatedBy), TransferRoles.Decide), reason ?? "transfer declined",
            (t, party, specimens) => t.Decline(party, reason, db.UtcNow, db.ActorName, specimens.Get), ct, loadSpecimens: t => t.Lines.Select(l => l.SpecimenId));

    /// <summary>
    /// The sender's curator states, with the grounds, that the animals may leave; nothing that blocks may remain on
    /// the day they are planned to leave (today when none is planned), as the requirements show it.
    /// </summary>
    public Task<Outcome<TransferView>> ClearAsync(Guid id, string? reason, long? expected, CancellationToken ct) =>
        StepAsync(id, expected, _ => (TransferParty.Sender, TransferRoles.Decide), reason ?? "transfer cleared",
            (t, _, _) => t.Clear(reason, db.UtcNow, db.ActorName), ct,
            gate: (t, token) => t.Status == TransferStatus.Accepted
                ? compliance.BlocksAsync(t, t.PlannedDeparture ?? DateOnly.FromDateTime(db.UtcNow), "clearance", token)
                : NoBlocks);

    /// <summary>Either party's curator cancels, with the reason, until the animals are dispatched.</summary>
    public Task<Outcome<TransferView>> CancelAsync(Guid id, string? reason, long? expected, CancellationToken ct) =>
        StepAsync(id, expected, t => (access.Has(t.SenderId, TransferRoles.Decide) || !access.Has(t.ReceiverId, TransferRoles.Decide) ? TransferParty.Sender : TransferParty.Receiver, TransferRoles.Decide),
            reason ?? "transfer cancelled",
            (t, party, specimens) => t.Cancel(party, reason, db.UtcNow, db.ActorName, specimens.Get), ct, loadSpecimens: t => t.Lines.Select(l => l.SpecimenId));

    /// <summary>
    /// The animals leave the sender at the given time; from then the transfer holds them. The requirements are
    /// checked again on the dispatch date: a permit may have run out since clearance.
    /// </summary>
    public Task<Outcome<TransferView>> DispatchAsync(Guid id, DispatchInput input, long? expected, IdempotencyKey? key, CancellationToken ct) =>
        StepAsync(id, expected, _ => (TransferParty.Sender, TransferRoles.Dispatch), "transfer dispatched",
            (t, _, specimens) =>
            {
                if (input.At is not { } at)
                    return [new("transfer.dispatch", "at", "The dispatch needs its date and time (UTC).")];
                var done = t.Dispatch(Instants.FromClient(at), db.UtcNow, db.ActorName, specimens.Get);
                specimens.AddNew(done);
                return done.Violations;
            },
            ct, loadSpecimens: t => t.Lines.Select(l => l.SpecimenId), key: key is null ? null : (key, "transfer.dispatch", input),
            gate: (t, token) => t.Status == TransferStatus.Cleared && input.At is { } at
                ? compliance.BlocksAsync(t, DateOnly.FromDateTime(Instants.FromClient(at)), "dispatch", token)
                : NoBlocks);

    private static readonly Task<IReadOnlyList<RuleViolation>> NoBlocks = Task.FromResult<IReadOnlyList<RuleViolation>>([]);

    /// <summary>The receiver reconciles every dispatched animal: arrived alive, dead on arrival, or missing.</summary>
    public Task<Outcome<TransferView>> ReceiveAsync(Guid id, ReceiptInput input, long? expected, IdempotencyKey? key, CancellationToken ct) =>
        StepAsync(id, expected, _ => (TransferParty.Receiver, TransferRoles.Receive), "transfer received",
            (t, _, specimens) =>
            {
                var problems = new List<RuleViolation>();
                if (input.At is null)
                    problems.Add(new("transfer.receipt", "at", "The receipt needs the date and time (UTC) the animals arrived."));
                var receipts = Receipts(t, input.Lines, problems);
                if (problems.Count > 0)
                    return problems;
                var done = t.Receive(Instants.FromClient(input.At!.Value), receipts, db.UtcNow, db.ActorName, specimens.Get);
                specimens.AddNew(done);
                return done.Violations;
            },
            ct, loadSpecimens: t => t.Lines.Where(l => l.ShippedId is not null).Select(l => l.ShippedId!.Value), key: key is null ? null : (key, "transfer.receive", input));

    /// <summary>Closes a line's discrepancy: its missing animals were found at the receiver, or are declared lost.</summary>
    public Task<Outcome<TransferView>> ResolveAsync(Guid id, int line, ResolutionInput input, long? expected, CancellationToken ct)
    {
        var resolution = input.Resolution?.Trim().ToUpperInvariant() switch
        {
            "FOUND" => MissingResolution.Found,
            "LOST" => (MissingResolution?)MissingResolution.Lost,
            _ => null,
        };
        // Found animals arrive at the receiver, so its registrar records them; either party's registrar may declare them lost.
        return StepAsync(id, expected,
            t => (resolution == MissingResolution.Lost && !access.Has(t.ReceiverId, TransferRoles.Receive) ? TransferParty.Sender : TransferParty.Receiver, TransferRoles.Receive),
            input.Reason ?? "missing animals resolved",
            (t, party, specimens) =>
            {
                if (resolution is null)
                    return [new("receipt.resolution", "resolution", $"'{input.Resolution}' is not a resolution: found or lost.")];
                var at = Instants.FromClient(input.At ?? db.UtcNow);
                return t.ResolveMissing(line, resolution.Value, at, input.Reason, party, db.UtcNow, db.ActorName, specimens.Get);
            },
            ct, loadSpecimens: t => t.Lines.Where(l => l.MissingId is not null).Select(l => l.MissingId!.Value));
    }

    private Task<Outcome<TransferView>> SubmitAsync(Guid id, TransferParty party, long? expected, CancellationToken ct) =>
        StepAsync(id, expected, _ => (party, TransferRoles.Decide), party == TransferParty.Sender ? "transfer proposed" : "transfer requested",
            (t, p, _) => t.Submit(p, db.UtcNow, db.ActorName), ct);

    /// <summary>
    /// Loads the transfer, checks that the caller may see it and act for the party the step needs, and that
    /// the If-Match version is current; runs the step on the domain and saves it whole, or nothing.
    /// </summary>
    private async Task<Outcome<TransferView>> StepAsync(
        Guid id, long? expected, Func<Transfer, (TransferParty Party, Role[] Roles)> actor, string reason,
        Func<Transfer, TransferParty, SpecimenSet, IReadOnlyList<RuleViolation>> act, CancellationToken ct,
        Func<Transfer, IEnumerable<SpecimenId>>? loadSpecimens = null, (IdempotencyKey Key, string Operation, object Request)? key = null,
        Func<Transfer, CancellationToken, Task<IReadOnlyList<RuleViolation>>>? gate = null)
    {
        var transfer = await TransferQueries.Whole(db.Transfers).FirstOrDefaultAsync(t => t.Id == new TransferId(id), ct);
        if (transfer is null || !await queries.CanReadAsync(transfer, ct))
            return new Outcome<TransferView>.NotFound($"No transfer {id}.");

        var operation = key is { } k ? $"{k.Operation} {id}" : "";
        var request = key is { } r ? JsonSerializer.Serialize(r.Request, Json.Options) : "";
        if (key is { } first && await ReplayAsync(first.Key, operation, request, transfer.Id, transfer, ct) is { } replayed)
            return replayed;
        var (party, roles) = actor(transfer);
        if (!access.Has(transfer.Institution(party), roles))
        {
            var code = await db.Institutions.AsNoTracking().Where(i => i.Id == transfer.Institution(party)).Select(i => i.Code).SingleAsync(ct);
            return Forbidden($"This step is taken by a {TransferRoles.Describe(roles)} of {code}, the {party.ToString().ToLowerInvariant()}.");
        }
        if (expected is { } version && version != transfer.Version)
            return new Outcome<TransferView>.Stale(transfer.Version);

        if (gate is not null && await gate(transfer, ct) is { Count: > 0 } blocked)
            return blocked.ToList();
        var specimens = new SpecimenSet(await LoadAsync(loadSpecimens?.Invoke(transfer) ?? [], ct));
        var violations = act(transfer, party, specimens);
        // A step the transfer is no longer in a state for conflicts with the transfer as it now is: most often
        // another person took a step first (a second dispatch, a cancel after dispatch), as a race loser is told;
        // and so does accepting a request whose animals have changed since it was made.
        if (violations.Count > 0 && violations.All(v => v.Code is "transfer.status" or Transfer.AnimalsChanged))
            return new Outcome<TransferView>.Conflict(violations[0].Wording);
        if (violations.Count > 0)
            return violations.ToList();
        db.Specimens.AddRange(specimens.Added);
        if (key is { } used)
            db.IdempotentRequests.Add(IdempotentRequest.Create(db.ActorName, used.Key.Key, operation, request, db.UtcNow));

        var saved = await SaveAsync(transfer, reason, ct);
        // A retry that raced its own first attempt finds the first one's key once that has committed.
        if (saved is Outcome<TransferView>.Conflict && key is { } retried && await ReplayAsync(retried.Key, operation, request, transfer.Id, null, ct) is { } replay)
            return replay;
        return saved;
    }

    /// <summary>
    /// The answer to a retry: the transfer as it is now when the key was used for this very request, 422 when for
    /// another. The transfer as just read is shown as it is; after a lost race it is read again by its id.
    /// </summary>
    private async Task<Outcome<TransferView>?> ReplayAsync(
        IdempotencyKey key, string operation, string request, TransferId id, Transfer? current, CancellationToken ct)
    {
        var seen = await db.IdempotentRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Caller == db.ActorName && r.Key == key.Key, ct);
        if (seen is null)
            return null;
        if (!seen.Matches(operation, request))
            return new Outcome<TransferView>.KeyReused($"The Idempotency-Key '{key.Key}' was used for another request ({seen.Operation}); nothing was changed.");
        current ??= await TransferQueries.Whole(db.Transfers.AsNoTracking()).FirstAsync(t => t.Id == id, ct);
        return new Outcome<TransferView>.Ok(await queries.ViewAsync(current, ct));
    }

    private async Task<Outcome<TransferView>> SaveAsync(Transfer transfer, string reason, CancellationToken ct, bool created = false)
    {
        try
        {
            await db.SaveChangesAsync(reason, ct);
        }
        catch (DbUpdateException e) when (Saving.IsWriteConflict(e))
        {
            db.ChangeTracker.Clear();
            return new Outcome<TransferView>.Conflict("Another change to this transfer, or to one of its animals, was saved first; read it again and retry.");
        }
        var view = await queries.ViewAsync(transfer, ct);
        return created ? new Outcome<TransferView>.Created(view) : new Outcome<TransferView>.Ok(view);
    }

    private async Task<Dictionary<SpecimenId, Specimen>> LoadAsync(IEnumerable<SpecimenId> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0)
            return [];
        return await db.Specimens.Include(s => s.Identifiers).Include(s => s.Events).Include(s => s.Holdings).AsSplitQuery()
            .Where(s => wanted.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
    }

    private static List<LineReceipt> Receipts(Transfer t, IReadOnlyList<ReceiptLineInput?>? inputs, List<RuleViolation> problems)
    {
        var receipts = new List<LineReceipt>();
        foreach (var (input, i) in InputList.Present(inputs, "lines", problems))
        {
            var field = $"lines[{i}]";
            var line = t.Lines.FirstOrDefault(l => l.Number == input.Line);
            if (line is null)
            {
                problems.Add(new("receipt.line", field + ".line", $"The transfer has no line {input.Line}."));
                continue;
            }
            var identifiers = new List<(string, string)>();
            foreach (var (identifier, j) in InputList.Present(input.Identifiers, $"{field}.identifiers", problems))
            {
                if (string.IsNullOrWhiteSpace(identifier.Scheme) || string.IsNullOrWhiteSpace(identifier.Value))
                    problems.Add(new("event.identifier", $"{field}.identifiers[{j}]", "An identifier needs its scheme and its value."));
                else
                    identifiers.Add((identifier.Scheme, identifier.Value));
            }
            if (line.Kind == SpecimenKind.Individual && !string.IsNullOrWhiteSpace(input.Outcome))
            {
                if (ReceiptLines.Outcome(input.Outcome, line.Counts) is var (arrived, dead, missing))
                    receipts.Add(new LineReceipt(line.Number, arrived, dead, missing, identifiers));
                else
                    problems.Add(new("receipt.outcome", field + ".outcome", $"'{input.Outcome}' is not an outcome: arrived, dead or missing."));
                continue;
            }
            receipts.Add(new LineReceipt(line.Number, Counts(input.Arrived, field + ".arrived"), Counts(input.DeadOnArrival, field + ".deadOnArrival"),
                Counts(input.Missing, field + ".missing"), identifiers));
        }
        return receipts;

        SexCounts Counts(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text))
                return SexCounts.Zero;
            if (SexCounts.TryParse(text, out var counts))
                return counts;
            problems.Add(new("receipt.counts", field, SexCounts.Unreadable(text)));
            return SexCounts.Zero;
        }
    }

    private async Task<Domain.Institutions.Institution?> InstitutionAsync(string? codeOrId, string field, List<RuleViolation> problems, CancellationToken ct)
    {
        var institution = string.IsNullOrWhiteSpace(codeOrId) ? null : await InstitutionCommands.FindAsync(db, codeOrId, ct);
        if (institution is null)
            problems.Add(new("institution.unknown", field, string.IsNullOrWhiteSpace(codeOrId) ? Wording.Of($"The {field} is missing.") : $"There is no institution '{codeOrId}' in these records."));
        return institution;
    }

    private static TransferTerms? ParseTerms(string? text, List<RuleViolation> problems)
    {
        if (Words.TryParse<TransferTerms>(text, out var terms))
            return terms;
        problems.Add(new("transfer.terms", "terms", string.IsNullOrWhiteSpace(text)
            ? Wording.Of("The terms are missing: gift, loan, exchange, sale or loan-return.")
            : $"'{text}' are not terms: gift, loan, exchange, sale or loan-return."));
        return null;
    }

    private static TransferParty? Problem(List<RuleViolation> problems, string code, string field, Wording message)
    {
        problems.Add(new(code, field, message));
        return null;
    }

    private static Outcome<TransferView> Forbidden(string message) => new Outcome<TransferView>.Forbidden(message);

    /// <summary>The specimens a step works on, tracked; specimens it creates (split-off groups) are added to it.</summary>
    private sealed class SpecimenSet(Dictionary<SpecimenId, Specimen> loaded)
    {
        public List<Specimen> Added { get; } = [];

        public Specimen Get(SpecimenId id) => loaded.TryGetValue(id, out var s) ? s : Added.Single(a => a.Id == id);

        public void AddNew(Result<IReadOnlyList<Specimen>> result)
        {
            if (result.IsValid)
                Added.AddRange(result.Value);
        }
    }
}
