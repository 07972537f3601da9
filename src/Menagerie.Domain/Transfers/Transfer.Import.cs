using Menagerie.Domain.Specimens;

namespace Menagerie.Domain.Transfers;

/// <summary>One line of a transfer as the sending installation recorded it: the specimen named, how many, and the one that travelled.</summary>
public sealed record LineAsRecorded(int Number, SpecimenId Specimen, SexCounts Counts, SpecimenId Shipped);

/// <summary>One step of a transfer's timeline as the sending installation recorded it.</summary>
public sealed record StepAsRecorded(int Number, TransferAction Action, TransferParty Party, string By, DateTime RecordedAt, DateTime? At, string? Reason);

public sealed partial class Transfer
{
    /// <summary>
    /// A transfer another installation dispatched, arriving in these records with the same id, lines and
    /// timeline, so that the receiver reconciles it here with <see cref="Receive"/>. Its travelling
    /// specimens must already be restored (see <see cref="Specimen.Restore"/>) and in transit on it; they are
    /// put on it as its open transfer.
    /// </summary>
    public static Result<Transfer> Incoming(
        TransferId id, InstitutionId sender, InstitutionId receiver, TransferTerms terms, DateOnly? returnDue, TransferParty initiatedBy,
        DateTime dispatchedAt, IReadOnlyList<LineAsRecorded> lines, IReadOnlyList<StepAsRecorded> steps, Func<SpecimenId, Specimen?> specimen)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(specimen);
        var problems = new List<RuleViolation>();
        if (sender == receiver)
            problems.Add(new("transfer.parties", "receiver", "The sender and the receiver must be different institutions."));
        if (!Enum.IsDefined(terms))
            problems.Add(new("transfer.terms", "terms", $"'{terms}' is not a kind of terms."));
        if (!Enum.IsDefined(initiatedBy))
            problems.Add(new("transfer.initiated-by", "initiatedBy", $"'{initiatedBy}' is not a party."));
        if ((terms == TransferTerms.Loan) != (returnDue is not null))
            problems.Add(new("transfer.return-due", "returnDue", "A loan, and only a loan, has a return date."));
        if (lines.Count == 0)
            problems.Add(new("transfer.lines", "lines", "A transfer needs at least one specimen."));
        var seen = new HashSet<SpecimenId>();
        for (var i = 0; i < lines.Count; i++)
            problems.AddRange(CheckIncomingLine(lines[i], i, id, sender, seen, specimen));
        problems.AddRange(CheckTimeline(steps, initiatedBy, dispatchedAt));
        if (problems.Count > 0)
            return problems;

        var transfer = new Transfer
        {
            Id = id,
            SenderId = sender,
            ReceiverId = receiver,
            Terms = terms,
            ReturnDue = returnDue,
            InitiatedBy = initiatedBy,
            Status = TransferStatus.Dispatched,
            DispatchedAt = dispatchedAt,
        };
        foreach (var line in lines)
        {
            var added = TransferLine.Create(id, line.Number, specimen(line.Specimen)!, line.Counts);
            added.Shipped(line.Shipped);
            transfer._lines.Add(added);
        }
        foreach (var s in steps)
            transfer._steps.Add(TransferStep.Create(id, s.Number, s.Action, s.Party, s.By, s.RecordedAt, s.At, s.Reason));
        foreach (var line in lines)
            specimen(line.Shipped)!.Reserve(id);
        return transfer;
    }

    private static IEnumerable<RuleViolation> CheckIncomingLine(
        LineAsRecorded line, int i, TransferId id, InstitutionId sender, HashSet<SpecimenId> seen, Func<SpecimenId, Specimen?> specimen)
    {
        var field = $"lines[{i}]";
        if (line.Number != i + 1)
            yield return new("transfer.lines", field + ".number", $"Line {i + 1} is numbered {line.Number}; lines are numbered 1, 2, 3….");
        if (!seen.Add(line.Specimen))
            yield return new("transfer.lines", field + ".specimen", $"Specimen {line.Specimen} is on the transfer twice.");
        var named = specimen(line.Specimen);
        var shipped = specimen(line.Shipped);
        if (named is null || shipped is null)
        {
            yield return new("transfer.lines", field + ".specimen", $"Line {line.Number} names specimen {(named is null ? line.Specimen : line.Shipped)}, whose record is not included.");
            yield break;
        }
        var counts = named.Kind == SpecimenKind.Group ? line.Counts : SexCounts.Of(named.Sex);
        if (line.Counts != counts || line.Counts.IsZero || line.Counts.IsNegative)
            yield return new("transfer.counts", field + ".counts", $"Line {line.Number} sends {line.Counts}, which specimen {named.Id} cannot.");
        if (shipped.Id != named.Id && !(shipped.Kind == SpecimenKind.Group && shipped.Events[0].Type == EventType.SplitFrom && shipped.Events[0].RelatedId == named.Id))
            yield return new("transfer.lines", field + ".shipped", $"Specimen {shipped.Id} travels for line {line.Number}, but it is neither specimen {named.Id} nor a group split off it.");
        if (shipped.TaxonId != named.TaxonId)
            yield return new("transfer.lines", field + ".shipped", $"Specimen {shipped.Id} is not of the taxon of specimen {named.Id}.");
        if (shipped.Status != SpecimenStatus.InTransit || shipped.InTransitOn != id || (shipped.Kind == SpecimenKind.Group && shipped.Counts != line.Counts))
            yield return new("transfer.not-in-transit", field + ".shipped", $"The history of specimen {shipped.Id} does not have it in transit on transfer {id} as line {line.Number} says.");
        else if (!shipped.Events.Any(e => e.Type == EventType.Dispatch && e.TransferId == id && e.InstitutionId == sender && !shipped.IsSuperseded(e.Id)))
            yield return new("transfer.not-in-transit", field + ".shipped", $"The history of specimen {shipped.Id} does not record its dispatch from the sender on transfer {id}.");
    }

    /// <summary>
    /// The only timeline that reaches "dispatched": drafted, proposed (or requested), accepted, cleared, dispatched, each by its
    /// party; the authorities' sign-offs may come between them, and are numbered with them.
    /// </summary>
    private static IEnumerable<RuleViolation> CheckTimeline(IReadOnlyList<StepAsRecorded> recorded, TransferParty initiatedBy, DateTime dispatchedAt)
    {
        for (var i = 0; i < recorded.Count; i++)
        {
            var s = recorded[i];
            if (s.Number != i + 1)
                yield return new("transfer.timeline", $"steps[{i}]", $"Step {i + 1} of this transfer is numbered {s.Number}; steps are numbered 1, 2, 3….");
            if (IsSignOff(s.Action) && (string.IsNullOrWhiteSpace(s.By) || !Enum.IsDefined(s.Party) || (s.Action == TransferAction.Objected && string.IsNullOrWhiteSpace(s.Reason))))
                yield return new("transfer.timeline", $"steps[{i}]", "An authority's sign-off names who took it and for which party's country, and an objection its reason.");
        }
        var steps = recorded.Select((s, i) => (Step: s, Index: i)).Where(x => !IsSignOff(x.Step.Action)).ToList();
        var other = initiatedBy == TransferParty.Sender ? TransferParty.Receiver : TransferParty.Sender;
        (TransferAction Action, TransferParty Party)[] expected =
        [
            (TransferAction.Drafted, initiatedBy),
            (initiatedBy == TransferParty.Sender ? TransferAction.Proposed : TransferAction.Requested, initiatedBy),
            (TransferAction.Accepted, other),
            (TransferAction.Cleared, TransferParty.Sender),
            (TransferAction.Dispatched, TransferParty.Sender),
        ];
        if (steps.Count != expected.Length)
        {
            yield return new("transfer.timeline", "steps", "A dispatched transfer's timeline is drafted, proposed (or requested), accepted, cleared and dispatched, in that order.");
            yield break;
        }
        for (var i = 0; i < steps.Count; i++)
        {
            var (s, index) = steps[i];
            var field = $"steps[{index}]";
            if (s.Action != expected[i].Action || s.Party != expected[i].Party)
                yield return new("transfer.timeline", field, $"Step {index + 1} of this transfer is {Word(expected[i].Action)} by the {Word(expected[i].Party)}, not {Word(s.Action)} by the {Word(s.Party)}.");
            if (string.IsNullOrWhiteSpace(s.By))
                yield return new("transfer.timeline", field + ".by", "Every step names who took it.");
        }
        if (steps[^1].Step.At != dispatchedAt)
            yield return new("transfer.timeline", $"steps[{steps[^1].Index}].at", "The dispatch step's time is not the transfer's dispatch time.");
        if (string.IsNullOrWhiteSpace(steps[3].Step.Reason))
            yield return new("transfer.reason", $"steps[{steps[3].Index}].reason", "Clearing a transfer records the grounds on which the animals may leave.");
    }
}
