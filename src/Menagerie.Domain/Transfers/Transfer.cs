using System.Diagnostics.CodeAnalysis;
using Menagerie.Domain.Specimens;

namespace Menagerie.Domain.Transfers;

public enum TransferTerms
{
    Gift,

    /// <summary>The receiver holds the animals; the owner does not change. Has a return date.</summary>
    Loan,

    Exchange,
    Sale,

    /// <summary>Animals on loan going back to their owner.</summary>
    LoanReturn,
}

public enum TransferStatus
{
    Draft,
    Proposed,
    Accepted,
    Cleared,
    Dispatched,
    Received,
    Declined,
    Cancelled,
}

public enum TransferParty
{
    Sender,
    Receiver,
}

/// <summary>A specimen to put on a transfer, and for a group how many of it by sex (all of it when not given).</summary>
public sealed record LineRequest(Specimen Specimen, SexCounts? Counts);

/// <summary>What the receiver found of one line: counts by sex arrived alive, dead on arrival and missing, and the receiver's own identifiers.</summary>
public sealed record LineReceipt(int Line, SexCounts Arrived, SexCounts DeadOnArrival, SexCounts Missing, IReadOnlyList<(string Scheme, string Value)> Identifiers);

/// <summary>
/// One agreed movement of specimens from a sending to a receiving institution. Each step of its
/// lifecycle is taken by one party: the initiator proposes (or, the receiver, requests), the other
/// accepts or declines, the sender clears and dispatches, the receiver reconciles what arrived. The
/// specimens' own histories record the move, so nothing is retyped at the other end.
/// </summary>
public sealed partial class Transfer
{
    /// <summary>
    /// The code of what stops a sender accepting a request because its animals changed since (taken by another
    /// transfer, gone, fewer): the request conflicts with the records as they now are.
    /// </summary>
    public const string AnimalsChanged = "transfer.animals-changed";

    /// <summary>The longest reason a step or a line's resolution keeps.</summary>
    public const int MaxReasonLength = 1000;

    private readonly List<TransferLine> _lines = [];
    private readonly List<TransferStep> _steps = [];

    private Transfer() { }

    public TransferId Id { get; private set; }
    public InstitutionId SenderId { get; private set; }
    public InstitutionId ReceiverId { get; private set; }
    public TransferTerms Terms { get; private set; }

    /// <summary>When a loan is due back at its owner.</summary>
    public DateOnly? ReturnDue { get; private set; }

    public TransferStatus Status { get; private set; }

    /// <summary>The party that drafted it: the sender offering animals, or the receiver asking for them.</summary>
    public TransferParty InitiatedBy { get; private set; }

    /// <summary>The day the animals are planned to leave; the requirements are evaluated on it until they do.</summary>
    public DateOnly? PlannedDeparture { get; private set; }

    public DateTime? DispatchedAt { get; private set; }
    public DateTime? ReceivedAt { get; private set; }
    public long Version { get; private set; }

    public IReadOnlyList<TransferLine> Lines => _lines;
    public IReadOnlyList<TransferStep> Steps => _steps;

    /// <summary>Until it is received, declined or cancelled; a received transfer with missing animals stays open until they are resolved.</summary>
    public bool IsOpen => Status is not (TransferStatus.Declined or TransferStatus.Cancelled) && (Status != TransferStatus.Received || HasOpenDiscrepancy);

    public bool HasOpenDiscrepancy => _lines.Any(l => l.HasOpenDiscrepancy);

    public SexCounts Animals => _lines.Aggregate(SexCounts.Zero, (sum, l) => sum + l.Counts);

    public TransferParty? PartyOf(InstitutionId institution) =>
        institution == SenderId ? TransferParty.Sender : institution == ReceiverId ? TransferParty.Receiver : null;

    public InstitutionId Institution(TransferParty party) => party == TransferParty.Sender ? SenderId : ReceiverId;

    /// <summary>
    /// Whether the sender has agreed to part with the animals: an offer is its own word, a request once it is accepted.
    /// From then the transfer has taken its animals, and its parties see its lines whole.
    /// </summary>
    public bool SenderAgreed => InitiatedBy == TransferParty.Sender || _steps.Any(s => s.Action == TransferAction.Accepted);

    /// <summary>
    /// Drafts a transfer of specimens the sender holds. An offer puts each of them on it at once; a request takes
    /// none until the sender accepts it, so that asking for an animal never stops its holder from using it.
    /// </summary>
    public static Result<Transfer> Draft(
        TransferId id, InstitutionId sender, InstitutionId receiver, TransferTerms terms, DateOnly? returnDue, TransferParty initiatedBy,
        IReadOnlyList<LineRequest> lines, DateTime now, string by, DateOnly? plannedDeparture = null)
    {
        var problems = new List<RuleViolation>();
        if (sender == receiver)
            problems.Add(new("transfer.parties", "receiver", "The sender and the receiver must be different institutions."));
        if (!Enum.IsDefined(terms))
            problems.Add(new("transfer.terms", "terms", $"'{terms}' is not a kind of terms."));
        if (terms == TransferTerms.Loan && returnDue is null)
            problems.Add(new("transfer.return-due", "returnDue", "A loan needs the date the animals are due back."));
        if (terms != TransferTerms.Loan && returnDue is not null)
            problems.Add(new("transfer.return-due", "returnDue", "Only a loan has a return date."));
        if (returnDue is { } due && due <= DateOnly.FromDateTime(now))
            problems.Add(new("transfer.return-due", "returnDue", "The return date must be in the future."));
        if (lines.Count == 0)
            problems.Add(new("transfer.lines", "lines", "A transfer needs at least one specimen."));
        problems.AddRange(CheckDeparture(plannedDeparture, now));

        var transfer = new Transfer
        {
            Id = id,
            SenderId = sender,
            ReceiverId = receiver,
            Terms = terms,
            ReturnDue = returnDue,
            InitiatedBy = initiatedBy,
            PlannedDeparture = plannedDeparture,
        };
        var seen = new HashSet<SpecimenId>();
        for (var i = 0; i < lines.Count; i++)
        {
            var (specimen, counts) = (lines[i].Specimen, lines[i].Counts);
            var field = $"lines[{i}]";
            if (!seen.Add(specimen.Id))
                problems.Add(new("transfer.lines", field + ".specimen", $"Specimen {specimen.Id} is on the transfer twice."));
            problems.AddRange(CheckHeld(specimen, sender, field));
            if (initiatedBy == TransferParty.Sender)
                problems.AddRange(CheckFree(specimen, id, field));
            problems.AddRange(CheckOwner(specimen, terms, sender, receiver, field));
            if (specimen.Kind == SpecimenKind.Individual && counts is { } c && c != SexCounts.Of(specimen.Sex))
                problems.Add(new("transfer.counts", field + ".counts", "Counts apply to groups; an individual goes whole."));
            if (specimen.Kind == SpecimenKind.Group && counts is { } part && (part.IsZero || part.IsNegative || !specimen.Counts.Covers(part)))
                problems.Add(new("transfer.counts", field + ".counts", $"The group holds {specimen.Counts}; {part} cannot be taken from it."));
            transfer._lines.Add(TransferLine.Create(id, i + 1, specimen, specimen.Kind == SpecimenKind.Group ? counts ?? specimen.Counts : SexCounts.Of(specimen.Sex)));
        }
        if (problems.Count > 0)
            return problems;
        if (initiatedBy == TransferParty.Sender)
        {
            foreach (var line in lines)
                line.Specimen.Reserve(id);
        }
        transfer.Step(TransferAction.Drafted, initiatedBy, by, now, null, null);
        return transfer;
    }

    /// <summary>
    /// Sets the day the animals are planned to leave, or clears it, until they are dispatched. A day already
    /// past is kept as stated: a transfer may be recorded after its plan was made, as the reference shipments are.
    /// </summary>
    public IReadOnlyList<RuleViolation> PlanDeparture(DateOnly? day, DateTime now)
    {
        if (Status is not (TransferStatus.Draft or TransferStatus.Proposed or TransferStatus.Accepted or TransferStatus.Cleared))
            return [new("transfer.status", "status", $"The planned departure can be changed until the animals are dispatched; this transfer is {Word(Status)}.")];
        if (CheckDeparture(day, now).ToList() is { Count: > 0 } problems)
            return problems;
        PlannedDeparture = day;
        return [];
    }

    /// <summary>A planned departure within the dates the records take (<see cref="Plausible"/>).</summary>
    private static IEnumerable<RuleViolation> CheckDeparture(DateOnly? day, DateTime now)
    {
        if (day is { } early && Plausible.TooEarly(early))
            yield return new("transfer.planned-departure", "plannedDeparture", Plausible.BeforeEarliest(early));
        if (day is { } ahead && Plausible.TooFarAhead(ahead, now))
            yield return new("transfer.planned-departure", "plannedDeparture", Plausible.BeyondPlanning(ahead));
    }

    /// <summary>The initiator sends the draft to the other party: a proposal from the sender, a request from the receiver.</summary>
    public IReadOnlyList<RuleViolation> Submit(TransferParty party, DateTime now, string by)
    {
        if (Status != TransferStatus.Draft)
            return NotNow(TransferAction.Proposed);
        if (party != InitiatedBy)
            return [new("transfer.wrong-party", "party", $"This transfer was drafted by the {Word(InitiatedBy)}, who sends it to the other party.")];
        Status = TransferStatus.Proposed;
        Step(party == TransferParty.Sender ? TransferAction.Proposed : TransferAction.Requested, party, by, now, null, null);
        return [];
    }

    /// <summary>
    /// The other party agrees. A sender accepting a request puts its animals on the transfer now, so each must still be
    /// the sender's to give and on no other open transfer; what has changed since the request is a
    /// <see cref="AnimalsChanged"/> violation, a conflict with the records as they now are.
    /// </summary>
    public IReadOnlyList<RuleViolation> Accept(TransferParty party, DateTime now, string by, Func<SpecimenId, Specimen> specimen)
    {
        if (Status != TransferStatus.Proposed)
            return NotNow(TransferAction.Accepted);
        if (party == InitiatedBy)
            return [new("transfer.wrong-party", "party", $"The {Word(Other(InitiatedBy))} accepts what the {Word(InitiatedBy)} proposed.")];
        if (InitiatedBy == TransferParty.Receiver)
        {
            if (ChangedSinceRequested(specimen) is { Count: > 0 } changed)
                return changed;
            foreach (var line in _lines)
                specimen(line.SpecimenId).Reserve(Id);
        }
        Status = TransferStatus.Accepted;
        Step(TransferAction.Accepted, party, by, now, null, null);
        return [];
    }

    public IReadOnlyList<RuleViolation> Decline(TransferParty party, string? reason, DateTime now, string by, Func<SpecimenId, Specimen> specimen)
    {
        if (Status != TransferStatus.Proposed)
            return NotNow(TransferAction.Declined);
        if (party == InitiatedBy)
            return [new("transfer.wrong-party", "party", $"The {Word(Other(InitiatedBy))} declines; the {Word(InitiatedBy)} may cancel instead.")];
        if (!Reasoned(reason, "Declining a transfer needs the reason.", out var noReason))
            return [noReason];
        Status = TransferStatus.Declined;
        ReleaseAll(specimen);
        Step(TransferAction.Declined, party, by, now, null, reason.Trim());
        return [];
    }

    /// <summary>
    /// Until the compliance checks take this over, clearance is an explicit act of the sender, recorded with
    /// who and why: that the animals may leave.
    /// </summary>
    public IReadOnlyList<RuleViolation> Clear(string? reason, DateTime now, string by)
    {
        if (Status != TransferStatus.Accepted)
            return NotNow(TransferAction.Cleared);
        if (!Reasoned(reason, "Clearing a transfer needs the grounds on which the animals may leave.", out var noReason))
            return [noReason];
        Status = TransferStatus.Cleared;
        Step(TransferAction.Cleared, TransferParty.Sender, by, now, null, reason.Trim());
        return [];
    }

    public IReadOnlyList<RuleViolation> Cancel(TransferParty party, string? reason, DateTime now, string by, Func<SpecimenId, Specimen> specimen)
    {
        if (Status is not (TransferStatus.Draft or TransferStatus.Proposed or TransferStatus.Accepted or TransferStatus.Cleared))
            return [new("transfer.status", "status", $"A transfer can be cancelled until it is dispatched; this one is {Word(Status)}.")];
        if (!Reasoned(reason, "Cancelling a transfer needs the reason.", out var noReason))
            return [noReason];
        Status = TransferStatus.Cancelled;
        ReleaseAll(specimen);
        Step(TransferAction.Cancelled, party, by, now, null, reason.Trim());
        return [];
    }

    /// <summary>
    /// The animals leave the sender: from <paramref name="at"/> the transfer holds them. A line taking part
    /// of a group splits that part off into a group of its own, which travels. On violations the caller
    /// must not save: the specimens checked before the failing one may have been changed.
    /// </summary>
    public Result<IReadOnlyList<Specimen>> Dispatch(DateTime at, DateTime now, string by, Func<SpecimenId, Specimen> specimen)
    {
        if (Status != TransferStatus.Cleared)
            return NotNow(TransferAction.Dispatched).ToList();
        var problems = new List<RuleViolation>();
        if (at > now)
            problems.Add(new("transfer.future", "at", "The dispatch time is in the future."));
        foreach (var line in _lines)
        {
            var s = specimen(line.SpecimenId);
            problems.AddRange(CheckHeld(s, SenderId, $"lines[{line.Number - 1}]"));
            problems.AddRange(CheckFree(s, Id, $"lines[{line.Number - 1}]"));
            problems.AddRange(CheckOwner(s, Terms, SenderId, ReceiverId, $"lines[{line.Number - 1}]"));
            if (s.Kind == SpecimenKind.Group && !s.Counts.Covers(line.Counts))
                problems.Add(new("transfer.counts", $"lines[{line.Number - 1}].counts", $"The group now holds {s.Counts}; {line.Counts} cannot leave it."));
        }
        if (problems.Count > 0)
            return problems;

        var created = new List<Specimen>();
        var date = new PartialDate(DateOnly.FromDateTime(at), false);
        foreach (var line in _lines)
        {
            var field = $"lines[{line.Number - 1}].";
            var shipped = specimen(line.SpecimenId);
            if (shipped.Kind == SpecimenKind.Group && line.Counts != shipped.Counts)
            {
                var split = Split(shipped, line.Counts, at, Keeper.At(SenderId), now, by);
                if (!split.IsValid)
                    return Prefixed(split.Violations, field);
                shipped.Release(Id);
                shipped = split.Value;
                created.Add(shipped);
            }
            var recorded = shipped.Record(EventId.New(), new EventDetails
            {
                Type = EventType.Dispatch,
                Date = date,
                At = at,
                Institution = SenderId,
                Transfer = Id,
                Counts = shipped.Kind == SpecimenKind.Group ? line.Counts : null,
            }, now, by);
            if (recorded.Count > 0)
                return Prefixed(recorded, field);
            line.Shipped(shipped.Id);
        }
        Status = TransferStatus.Dispatched;
        DispatchedAt = at;
        Step(TransferAction.Dispatched, TransferParty.Sender, by, now, at, null);
        return created;
    }

    /// <summary>
    /// The receiver accounts for every dispatched animal: arrived alive (now held by the receiver, and owned
    /// by it unless on loan), dead on arrival (a death in transit), or missing (still held by the transfer,
    /// an open discrepancy). Problems name the receipt by its position, <c>lines[i]</c>. On violations the
    /// caller must not save.
    /// </summary>
    public Result<IReadOnlyList<Specimen>> Receive(DateTime at, IReadOnlyList<LineReceipt> receipts, DateTime now, string by, Func<SpecimenId, Specimen> specimen)
    {
        if (Status != TransferStatus.Dispatched)
            return NotNow(TransferAction.Received).ToList();
        var problems = new List<RuleViolation>();
        if (at > now)
            problems.Add(new("transfer.future", "at", "The arrival time is in the future."));
        if (at < DispatchedAt)
            problems.Add(new("transfer.arrival-before-dispatch", "at", $"The animals cannot arrive before they were dispatched ({DispatchedAt:yyyy-MM-dd HH:mm} UTC)."));
        // Problems are named by the receipt's position (lines[i]), as the receiver wrote them; a transfer
        // line no receipt mentions, by the whole list.
        var byLine = new Dictionary<int, (LineReceipt Receipt, int Index)>();
        for (var i = 0; i < receipts.Count; i++)
        {
            var r = receipts[i];
            if (_lines.All(l => l.Number != r.Line))
                problems.Add(new("receipt.line", $"lines[{i}].line", $"The transfer has no line {r.Line}."));
            else if (!byLine.TryAdd(r.Line, (r, i)))
                problems.Add(new("receipt.line", $"lines[{i}].line", $"Line {r.Line} is reconciled twice."));
        }
        foreach (var line in _lines)
        {
            if (!byLine.TryGetValue(line.Number, out var entry))
            {
                problems.Add(new("receipt.unaccounted", "lines", $"Line {line.Number} ({line.Counts}) is not accounted for: say how many arrived alive, dead on arrival or missing."));
                continue;
            }
            var r = entry.Receipt;
            if (r.Arrived.IsZero && r.Identifiers.Count > 0)
                problems.Add(new("receipt.identifiers", $"lines[{entry.Index}].identifiers", $"Nothing of line {line.Number} arrived to carry the receiver's identifiers."));
            var total = r.Arrived + r.DeadOnArrival + r.Missing;
            if (r.Arrived.IsNegative || r.DeadOnArrival.IsNegative || r.Missing.IsNegative || total != line.Counts)
            {
                problems.Add(new("receipt.counts", $"lines[{entry.Index}]",
                    $"Line {line.Number} dispatched {line.Counts}, but arrived {r.Arrived} + dead on arrival {r.DeadOnArrival} + missing {r.Missing} make {total}."));
            }
        }
        if (problems.Count > 0)
            return problems;

        var created = new List<Specimen>();
        var date = new PartialDate(DateOnly.FromDateTime(at), false);
        foreach (var line in _lines)
        {
            var (r, index) = byLine[line.Number];
            var shipped = specimen(line.ShippedId!.Value);
            var field = $"lines[{index}].";
            Specimen? missing = null;
            var recorded = new List<RuleViolation>();
            if (!r.DeadOnArrival.IsZero)
            {
                recorded.AddRange(shipped.Record(EventId.New(), new EventDetails
                {
                    Type = EventType.Death,
                    Date = date,
                    At = at,
                    Transfer = Id,
                    Text = "Dead on arrival",
                    Counts = shipped.Kind == SpecimenKind.Group ? r.DeadOnArrival : null,
                }, now, by));
            }
            if (!r.Missing.IsZero)
            {
                if (r.Arrived.IsZero)
                {
                    missing = shipped;
                }
                else
                {
                    var split = Split(shipped, r.Missing, at, Keeper.OnTransfer(Id), now, by);
                    if (!split.IsValid)
                        return Prefixed(split.Violations, field);
                    missing = split.Value;
                    created.Add(missing);
                }
                recorded.AddRange(missing.Record(EventId.New(), new EventDetails { Type = EventType.ReportedMissing, Date = date, At = at, Transfer = Id }, now, by));
            }
            if (!r.Arrived.IsZero)
            {
                recorded.AddRange(Arrive(shipped, r.Arrived, date, at, now, by));
                foreach (var (scheme, value) in r.Identifiers)
                {
                    recorded.AddRange(shipped.Record(EventId.New(), new EventDetails
                    {
                        Type = EventType.IdentifierAdded,
                        Date = date,
                        // At the arrival, not from the start of its day: a group split off at a dispatch that same day begins only then.
                        At = at,
                        Institution = ReceiverId,
                        IdentifierScheme = scheme.Trim(),
                        IdentifierValue = value.Trim(),
                    }, now, by));
                }
            }
            if (recorded.Count > 0)
                return Prefixed(recorded, field);
            if (missing != shipped)
                shipped.Release(Id);
            line.Reconciled(r.Arrived, r.DeadOnArrival, r.Missing, missing?.Id);
        }
        Status = TransferStatus.Received;
        ReceivedAt = at;
        Step(TransferAction.Received, TransferParty.Receiver, by, now, at, null);
        return created;
    }

    /// <summary>Closes a line's discrepancy: the missing animals were found (and arrive at the receiver) or are declared lost.</summary>
    public IReadOnlyList<RuleViolation> ResolveMissing(
        int lineNumber, MissingResolution resolution, DateTime at, string? reason, TransferParty party, DateTime now, string by, Func<SpecimenId, Specimen> specimen)
    {
        var line = _lines.FirstOrDefault(l => l.Number == lineNumber);
        if (line is null)
            return [new("receipt.line", "line", $"The transfer has no line {lineNumber}.")];
        if (!line.HasOpenDiscrepancy)
            return [new("receipt.no-discrepancy", "line", $"Line {lineNumber} has no missing animals to account for.")];
        if (!Reasoned(reason, resolution == MissingResolution.Found ? "Say where and how the animals were found." : "Declaring animals lost needs the reason.", out var noReason))
            return [noReason];
        if (at > now)
            return [new("transfer.future", "at", "The time is in the future.")];
        var missing = specimen(line.MissingId!.Value);
        var date = new PartialDate(DateOnly.FromDateTime(at), false);
        var recorded = resolution == MissingResolution.Found
            ? Arrive(missing, line.Missing!.Value, date, at, now, by)
            : missing.Record(EventId.New(), new EventDetails { Type = EventType.Lost, Date = date, At = at, Transfer = Id, Reason = reason.Trim() }, now, by);
        if (recorded.Count > 0)
            return recorded;
        missing.Release(Id);
        line.Resolve(resolution, reason.Trim());
        Step(resolution == MissingResolution.Found ? TransferAction.MissingFound : TransferAction.MissingLost, party, by, now, at, reason.Trim());
        return [];
    }

    private IReadOnlyList<RuleViolation> Arrive(Specimen s, SexCounts counts, PartialDate date, DateTime at, DateTime now, string by) =>
        s.Record(EventId.New(), new EventDetails
        {
            Type = EventType.Arrival,
            Date = date,
            At = at,
            Institution = ReceiverId,
            Transfer = Id,
            Owner = Terms == TransferTerms.Loan ? s.OwnerId : ReceiverId,
            Counts = s.Kind == SpecimenKind.Group ? counts : null,
        }, now, by);

    /// <summary>Splits part of a group off for this transfer; the new group is on it.</summary>
    private Result<Specimen> Split(Specimen group, SexCounts part, DateTime at, Keeper keeper, DateTime now, string by)
    {
        var child = Groups.Split(group, part, at, keeper, now, by, Id, $"{part} split off for transfer {Id}");
        if (child.IsValid)
            child.Value.Reserve(Id);
        return child;
    }

    /// <summary>
    /// Only the owner gives, sells, exchanges or lends an animal; a loan return goes back to the owner.
    /// Without this an institution holding an animal on loan could pass its ownership on.
    /// </summary>
    private static IEnumerable<RuleViolation> CheckOwner(Specimen s, TransferTerms terms, InstitutionId sender, InstitutionId receiver, string field)
    {
        if (terms == TransferTerms.LoanReturn && s.OwnerId != receiver)
            yield return new("transfer.owner", field + ".specimen", $"Specimen {s.Id} is not owned by the receiver; a loan return goes back to the owner.");
        else if (terms != TransferTerms.LoanReturn && s.OwnerId != sender)
            yield return new("transfer.owner", field + ".specimen", $"Specimen {s.Id} is not owned by the sender, so it cannot be passed on: the sender holds it on loan. Return it to its owner with a loan return.");
    }

    private static IEnumerable<RuleViolation> CheckHeld(Specimen s, InstitutionId sender, string field)
    {
        if (s.Status != SpecimenStatus.Held || s.HolderId != sender)
            yield return new("transfer.not-held", field + ".specimen", s.HolderId is null || s.HolderId == sender
                ? Wording.Of($"Specimen {s.Id} is not held by the sender (it is {Word(s.Status)}).")
                : $"Specimen {s.Id} is not held by the sender (it is {Word(s.Status)} elsewhere).");
    }

    private static IEnumerable<RuleViolation> CheckFree(Specimen s, TransferId transfer, string field)
    {
        if (s.OnTransfer is { } other && other != transfer)
            yield return new("transfer.specimen-taken", field + ".specimen", $"Specimen {s.Id} is already on another open transfer.");
    }

    /// <summary>What stops the sender giving the animals a request asked for: gone from it, taken by another transfer, fewer in a group.</summary>
    private List<RuleViolation> ChangedSinceRequested(Func<SpecimenId, Specimen> specimen)
    {
        var changed = new List<RuleViolation>();
        foreach (var line in _lines)
        {
            var s = specimen(line.SpecimenId);
            var field = $"lines[{line.Number - 1}]";
            var gone = CheckHeld(s, SenderId, field).ToList();
            changed.AddRange(gone.Concat(CheckFree(s, Id, field)));
            if (gone.Count == 0)
                changed.AddRange(CheckOwner(s, Terms, SenderId, ReceiverId, field));
            if (gone.Count == 0 && s.Kind == SpecimenKind.Group && !s.Counts.Covers(line.Counts))
                changed.Add(new("transfer.counts", field + ".counts", $"The group now holds {s.Counts}; {line.Counts} cannot be taken from it."));
        }
        return changed.Select(v => v with { Code = AnimalsChanged }).ToList();
    }

    private void ReleaseAll(Func<SpecimenId, Specimen> specimen)
    {
        foreach (var line in _lines)
            specimen(line.SpecimenId).Release(Id);
    }

    private void Step(TransferAction action, TransferParty party, string by, DateTime now, DateTime? at, string? reason) =>
        _steps.Add(TransferStep.Create(Id, _steps.Count + 1, action, party, by, now, at, reason));

    /// <summary>Whether the step has its reason, required and kept whole: one too long to keep is refused rather than cut.</summary>
    private static bool Reasoned([NotNullWhen(true)] string? reason, Wording missing, [NotNullWhen(false)] out RuleViolation? problem)
    {
        problem = string.IsNullOrWhiteSpace(reason) ? new("transfer.reason", "reason", missing)
            : reason.Trim().Length > MaxReasonLength ? new("transfer.reason", "reason", $"The reason is longer than {MaxReasonLength} characters.")
            : null;
        return problem is null;
    }

    private List<RuleViolation> NotNow(TransferAction step) =>
        [new("transfer.status", "status", $"A transfer that is {Word(Status)} cannot be {Word(step)}.")];

    private static List<RuleViolation> Prefixed(IEnumerable<RuleViolation> violations, string prefix) =>
        violations.Select(v => v with { Field = prefix + v.Field }).ToList();

    private static TransferParty Other(TransferParty party) => party == TransferParty.Sender ? TransferParty.Receiver : TransferParty.Sender;

    private static Term Word(Enum value) => new(value);
}
