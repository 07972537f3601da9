namespace Menagerie.Domain.Transfers;

public enum TransferAction
{
    Drafted,
    Proposed,
    Requested,
    Accepted,
    Declined,
    Cleared,
    Cancelled,
    Dispatched,
    Received,
    MissingFound,
    MissingLost,

    /// <summary>The authority of the sender's or the receiver's country approved the transfer.</summary>
    Approved,

    /// <summary>The authority of the sender's or the receiver's country objected, with the reason.</summary>
    Objected,

    /// <summary>The authority withdrew its objection.</summary>
    ObjectionWithdrawn,
}

/// <summary>One step of a transfer's timeline: what was done, by whom for which party, when, and why.</summary>
public sealed class TransferStep
{
    private TransferStep() { By = ""; }

    public TransferId TransferId { get; private set; }
    public int Number { get; private set; }
    public TransferAction Action { get; private set; }
    public TransferParty Party { get; private set; }
    public string By { get; private set; }

    /// <summary>When the step was recorded.</summary>
    public DateTime RecordedAt { get; private set; }

    /// <summary>When it happened, where that is not when it was recorded: a dispatch, an arrival.</summary>
    public DateTime? At { get; private set; }

    public string? Reason { get; private set; }

    internal static TransferStep Create(TransferId transfer, int number, TransferAction action, TransferParty party, string by, DateTime recordedAt, DateTime? at, string? reason) =>
        new() { TransferId = transfer, Number = number, Action = action, Party = party, By = by, RecordedAt = recordedAt, At = at, Reason = reason };
}
