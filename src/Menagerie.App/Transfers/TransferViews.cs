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

    public static string Describe(IEnumerable<Role> roles) => string.Join(" or ", roles.Select(r => r switch
    {
        Role.TransportCoordinator => "transport coordinator",
        Role.StudbookKeeper => "studbook keeper",
        _ => r.ToString().ToLowerInvariant(),
    }));
}
