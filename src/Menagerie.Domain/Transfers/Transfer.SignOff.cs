namespace Menagerie.Domain.Transfers;

/// <summary>What an authority says of a transfer: it approves, it objects (with the reason), or it withdraws its objection.</summary>
public enum SignOffDecision
{
    Approve,

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "The decision's word as the API and the command line take it.")]
    Object,

    Withdraw,
}

/// <summary>
/// Where the authority of one side's country stands on a transfer: its approval, if it gave one, and an objection
/// it has not withdrawn. An objection outweighs an approval until it is withdrawn.
/// </summary>
public sealed record AuthorityStanding(TransferParty Side, TransferStep? Approval, TransferStep? Objection);

public sealed partial class Transfer
{
    /// <summary>
    /// The authority of the sender's (<paramref name="side"/> = sender) or the receiver's country signs the transfer
    /// off: it approves, objects with the reason, or withdraws its objection. Until dispatch, for an authority may
    /// object to a cleared transfer and the dispatch is checked again. An authority that objects withdraws the
    /// objection before it approves, so that the timeline says it changed its mind.
    /// </summary>
    public IReadOnlyList<RuleViolation> SignOff(TransferParty side, SignOffDecision decision, string? reason, DateTime now, string by)
    {
        if (Status is not (TransferStatus.Draft or TransferStatus.Proposed or TransferStatus.Accepted or TransferStatus.Cleared))
            return [new("transfer.status", "status", $"A transfer that is {Word(Status)} is past signing off: an authority signs off until dispatch.")];
        if (!Enum.IsDefined(side))
            throw new ArgumentOutOfRangeException(nameof(side));
        var standing = Standing(side);
        var text = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (text?.Length > MaxReasonLength)
            return [new("transfer.reason", "reason", $"The reason is longer than {MaxReasonLength} characters.")];
        RuleViolation? refused = decision switch
        {
            SignOffDecision.Approve when standing.Objection is not null =>
                new("transfer.sign-off", "decision", "The authority objects to this transfer: withdraw the objection before approving it."),
            SignOffDecision.Approve when standing.Approval is not null =>
                new("transfer.sign-off", "decision", "The authority has already approved this transfer."),
            SignOffDecision.Object when standing.Objection is not null =>
                new("transfer.sign-off", "decision", "The authority already objects to this transfer."),
            SignOffDecision.Object when text is null =>
                new("transfer.reason", "reason", "An objection needs its reason."),
            SignOffDecision.Withdraw when standing.Objection is null =>
                new("transfer.sign-off", "decision", "The authority has no objection to this transfer to withdraw."),
            SignOffDecision.Approve or SignOffDecision.Object or SignOffDecision.Withdraw => null,
            _ => new("transfer.sign-off", "decision", $"'{decision}' is not a decision: approve, object or withdraw."),
        };
        if (refused is not null)
            return [refused];
        var action = decision switch
        {
            SignOffDecision.Approve => TransferAction.Approved,
            SignOffDecision.Object => TransferAction.Objected,
            _ => TransferAction.ObjectionWithdrawn,
        };
        Step(action, side, by, now, null, text);
        return [];
    }

    /// <summary>Where the authority of that side's country stands, read from the timeline.</summary>
    public AuthorityStanding Standing(TransferParty side)
    {
        var said = _steps.Where(s => s.Party == side && IsSignOff(s.Action)).OrderBy(s => s.Number).ToList();
        var objection = said.LastOrDefault(s => s.Action is TransferAction.Objected or TransferAction.ObjectionWithdrawn) is { Action: TransferAction.Objected } open ? open : null;
        return new AuthorityStanding(side, said.LastOrDefault(s => s.Action == TransferAction.Approved), objection);
    }

    /// <summary>A step an authority takes, beside the parties' lifecycle rather than in it.</summary>
    public static bool IsSignOff(TransferAction action) =>
        action is TransferAction.Approved or TransferAction.Objected or TransferAction.ObjectionWithdrawn;
}
