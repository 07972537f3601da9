using Menagerie.Domain.Specimens;

namespace Menagerie.Domain.Transfers;

/// <summary>How a missing animal's discrepancy was closed.</summary>
public enum MissingResolution
{
    /// <summary>Found after all: it arrives at the receiver.</summary>
    Found,

    /// <summary>Declared lost: it leaves the records.</summary>
    Lost,
}

/// <summary>
/// One specimen on a transfer: an individual, or a count taken from a group by sex. After dispatch it
/// names the specimen that travelled (a new group when only part of a group went); after receipt it
/// says how many arrived alive, were dead on arrival, or are missing.
/// </summary>
public sealed class TransferLine
{
    private TransferLine() { }

    public TransferId TransferId { get; private set; }

    /// <summary>Position on the transfer, from 1.</summary>
    public int Number { get; private set; }

    public SpecimenId SpecimenId { get; private set; }
    public TaxonId TaxonId { get; private set; }
    public SpecimenKind Kind { get; private set; }

    /// <summary>How many animals the line sends, by sex: 1.0.0 for a male individual, 12.13.0 from a group.</summary>
    public SexCounts Counts { get; private set; }

    /// <summary>The specimen that travelled: the one named, or the group split off it.</summary>
    public SpecimenId? ShippedId { get; private set; }

    public SexCounts? Arrived { get; private set; }
    public SexCounts? DeadOnArrival { get; private set; }
    public SexCounts? Missing { get; private set; }

    /// <summary>The specimen still held by the transfer for the missing animals, until the discrepancy is resolved.</summary>
    public SpecimenId? MissingId { get; private set; }

    public MissingResolution? Resolution { get; private set; }
    public string? ResolutionReason { get; private set; }

    public bool HasOpenDiscrepancy => Missing is { IsZero: false } && Resolution is null;

    internal static TransferLine Create(TransferId transfer, int number, Specimen specimen, SexCounts counts) =>
        new() { TransferId = transfer, Number = number, SpecimenId = specimen.Id, TaxonId = specimen.TaxonId, Kind = specimen.Kind, Counts = counts };

    internal void Shipped(SpecimenId specimen) => ShippedId = specimen;

    internal void Reconciled(SexCounts arrived, SexCounts dead, SexCounts missing, SpecimenId? missingId) =>
        (Arrived, DeadOnArrival, Missing, MissingId) = (arrived, dead, missing, missingId);

    internal void Resolve(MissingResolution resolution, string reason) => (Resolution, ResolutionReason) = (resolution, reason);
}
