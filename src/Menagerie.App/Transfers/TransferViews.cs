using Menagerie.App.Accounts;
using Menagerie.App.Specimens;
using Menagerie.Domain.Specimens;
using Menagerie.Domain.Transfers;

namespace Menagerie.App.Transfers;

/// <summary>What the transfer waits for: the action, the party that takes it, and the roles there that may.</summary>
public sealed record NextStepView(string Action, TransferParty Party, string Institution, IReadOnlyList<Role> Roles);

/// <summary>A transfer as lists show it. <c>animals</c> is the number of animals, <c>counts</c> the same by sex.</summary>
public sealed record TransferSummary(
    Guid Id,
    TransferStatus Status,
    string Sender,
    string Receiver,
    TransferTerms Terms,
    DateOnly? ReturnDue,
    DateOnly? PlannedDeparture,
    TransferParty InitiatedBy,
    int Animals,
    string Counts,
    int Taxa,
    DateTime? DispatchedAt,
    DateTime? ReceivedAt,
    bool OpenDiscrepancy,
    NextStepView? NextStep,
    long Version);

public sealed record TransferLineView(
    int Number,
    Guid Specimen,
    SpecimenKind Kind,
    TaxonRef Taxon,
    Sex Sex,
    string? Name,
    IReadOnlyList<string> Identifiers,
    string Counts,
    Guid? Shipped,
    string? Arrived,
    string? DeadOnArrival,
    string? Missing,
    Guid? MissingSpecimen,
    MissingResolution? Resolution,
    string? ResolutionReason);

public sealed record TransferStepView(int Number, TransferAction Action, TransferParty Party, string By, DateTime RecordedAt, DateTime? At, string? Reason);

/// <summary>A transfer whole: its parties, terms, lines, timeline and documents.</summary>
public sealed record TransferView(
    Guid Id,
    TransferStatus Status,
    string Sender,
    string SenderName,
    string Receiver,
    string ReceiverName,
    TransferTerms Terms,
    DateOnly? ReturnDue,
    DateOnly? PlannedDeparture,
    TransferParty InitiatedBy,
    int Animals,
    string Counts,
    int Taxa,
    DateTime? DispatchedAt,
    DateTime? ReceivedAt,
    bool OpenDiscrepancy,
    NextStepView? NextStep,
    IReadOnlyList<TransferLineView> Lines,
    IReadOnlyList<TransferStepView> Timeline,
    IReadOnlyList<DocumentView> Documents,
    long Version);

/// <summary>
/// What a person may do to a transfer now: its steps by name (<c>accept</c>, <c>cancel</c> …), and the rest.
/// <see cref="SignOffFor"/> is the party whose country's authority the person is, while the transfer may be signed off.
/// </summary>
public sealed record TransferPermissions(
    IReadOnlyList<string> Steps, bool RegisterDocuments, bool ConfirmWarnings, bool DeclareFound, bool DeclareLost, bool PlanDeparture,
    TransferParty? SignOffFor = null)
{
    public bool May(string step) => Steps.Contains(step, StringComparer.Ordinal);
}

/// <summary>A transfer as its page shows it, with what the person looking may do to it.</summary>
public sealed record TransferPage(TransferView Transfer, TransferPermissions May);

/// <summary>Which roles take each step of a transfer, at which party: the one table both the commands and the views read.</summary>
public static class TransferRoles
{
    public static readonly Role[] Draft = [Role.Registrar, Role.Curator];
    public static readonly Role[] Decide = [Role.Curator];
    public static readonly Role[] Dispatch = [Role.Registrar, Role.TransportCoordinator];
    public static readonly Role[] Receive = [Role.Registrar];

    public static (string Action, TransferParty Party, Role[] Roles)? Next(Transfer t) => t.Status switch
    {
        TransferStatus.Draft => (t.InitiatedBy == TransferParty.Sender ? "propose" : "request", t.InitiatedBy, Decide),
        TransferStatus.Proposed => ("accept", Other(t.InitiatedBy), Decide),
        TransferStatus.Accepted => ("clear", TransferParty.Sender, Decide),
        TransferStatus.Cleared => ("dispatch", TransferParty.Sender, Dispatch),
        TransferStatus.Dispatched => ("receive", TransferParty.Receiver, Receive),
        TransferStatus.Received when t.HasOpenDiscrepancy => ("resolve", TransferParty.Receiver, Receive),
        _ => null,
    };

    public static TransferParty Other(TransferParty party) => party == TransferParty.Sender ? TransferParty.Receiver : TransferParty.Sender;

    /// <summary>
    /// The steps this person may take on the transfer now, as the commands check them: the next step where their
    /// role at its party takes it, cancelling until dispatch for a curator of either party, and a discrepancy's
    /// resolution. Whether the rules then allow the step (a block still open, say) is the step's own answer.
    /// </summary>
    public static TransferPermissions For(Transfer t, Access access)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(access);
        var steps = new List<string>();
        if (Next(t) is { Action: not "resolve" } next && access.Has(t.Institution(next.Party), next.Roles))
            steps.Add(next.Action);
        if (t.Status == TransferStatus.Proposed && access.Has(t.Institution(Other(t.InitiatedBy)), Decide))
            steps.Add("decline");
        var decides = access.Has(t.SenderId, Decide) || access.Has(t.ReceiverId, Decide);
        if (t.Status is TransferStatus.Draft or TransferStatus.Proposed or TransferStatus.Accepted or TransferStatus.Cleared && decides)
            steps.Add("cancel");
        var discrepancy = t.Status == TransferStatus.Received && t.HasOpenDiscrepancy;
        return new TransferPermissions(
            steps,
            RegisterDocuments: t.Status is not (TransferStatus.Declined or TransferStatus.Cancelled)
                && (access.Has(t.SenderId, TransferDocuments.Register) || access.Has(t.ReceiverId, TransferDocuments.Register)),
            ConfirmWarnings: decides && t.Status is not (TransferStatus.Declined or TransferStatus.Cancelled),
            DeclareFound: discrepancy && access.Has(t.ReceiverId, Receive),
            DeclareLost: discrepancy && (access.Has(t.ReceiverId, Receive) || access.Has(t.SenderId, Receive)),
            PlanDeparture: decides && t.Status is TransferStatus.Draft or TransferStatus.Proposed or TransferStatus.Accepted or TransferStatus.Cleared);
    }

    public static string Describe(IEnumerable<Role> roles) => string.Join(" or ", roles.Select(r => r switch
    {
        Role.TransportCoordinator => "transport coordinator",
        Role.StudbookKeeper => "studbook keeper",
        _ => r.ToString().ToLowerInvariant(),
    }));
}
