namespace Menagerie.Domain.Specimens;

/// <summary>
/// A stretch of time during which one holder kept the specimen, with the counts by sex it held
/// (1.0.0 for a male individual). The holder is an institution, or a transfer while the animal is in transit. Derived from the history: the periods of one specimen never overlap
/// and leave no gap between acquisition (or birth) and disposition (or death).
/// </summary>
public sealed class HoldingPeriod
{
    private HoldingPeriod() { }

    public SpecimenId SpecimenId { get; private set; }

    /// <summary>The period's place in the specimen's life, from 0.</summary>
    public int Index { get; private set; }

    public InstitutionId? HolderId { get; private set; }

    /// <summary>The transfer that held the specimen in transit; null when an institution held it.</summary>
    public TransferId? TransferId { get; private set; }

    public DateTime From { get; private set; }

    /// <summary>Exclusive end; null while the period is current.</summary>
    public DateTime? To { get; private set; }

    public int Males { get; private set; }
    public int Females { get; private set; }
    public int UnknownSex { get; private set; }

    public SexCounts Counts => new(Males, Females, UnknownSex);

    public bool Contains(DateTime instant) => From <= instant && (To is null || instant < To);

    internal static HoldingPeriod Open(SpecimenId specimen, int index, Keeper keeper, DateTime from, SexCounts counts) =>
        new()
        {
            SpecimenId = specimen,
            Index = index,
            HolderId = keeper.Institution,
            TransferId = keeper.Transfer,
            From = from,
            Males = counts.Males,
            Females = counts.Females,
            UnknownSex = counts.Unknown,
        };

    internal void Close(DateTime to) => To = to;

    internal HoldingPeriod Copy() => (HoldingPeriod)MemberwiseClone();

    internal bool SameAs(HoldingPeriod other) =>
        HolderId == other.HolderId && TransferId == other.TransferId && From == other.From && To == other.To && Counts == other.Counts;

    /// <summary>Copies another period's values, so that a recomputed history updates rows rather than replacing them.</summary>
    internal bool CopyFrom(HoldingPeriod other)
    {
        if (SameAs(other))
            return false;
        (HolderId, TransferId, From, To) = (other.HolderId, other.TransferId, other.From, other.To);
        (Males, Females, UnknownSex) = (other.Males, other.Females, other.UnknownSex);
        return true;
    }
}

/// <summary>Who keeps a specimen at an instant: an institution, or a transfer while it is in transit.</summary>
public readonly record struct Keeper(InstitutionId? Institution, TransferId? Transfer)
{
    public static Keeper At(InstitutionId institution) => new(institution, null);

    public static Keeper OnTransfer(TransferId transfer) => new(null, transfer);
}

/// <summary>An identifier the specimen carries: studbook number, local id, transponder, band, tattoo or house name.</summary>
public sealed class SpecimenIdentifier
{
    private SpecimenIdentifier() { Scheme = Value = ""; }

    public SpecimenId SpecimenId { get; private set; }
    public int Index { get; private set; }
    public string Scheme { get; private set; }
    public string Value { get; private set; }
    public InstitutionId? AssignedBy { get; private set; }
    public DateOnly AddedOn { get; private set; }

    internal static SpecimenIdentifier Create(SpecimenId specimen, int index, string scheme, string value, InstitutionId? assignedBy, DateOnly addedOn) =>
        new() { SpecimenId = specimen, Index = index, Scheme = scheme, Value = value, AssignedBy = assignedBy, AddedOn = addedOn };

    internal SpecimenIdentifier Copy() => (SpecimenIdentifier)MemberwiseClone();

    internal bool SameAs(SpecimenIdentifier other) =>
        string.Equals(Scheme, other.Scheme, StringComparison.Ordinal) && string.Equals(Value, other.Value, StringComparison.Ordinal)
        && AssignedBy == other.AssignedBy && AddedOn == other.AddedOn;

    internal bool CopyFrom(SpecimenIdentifier other)
    {
        if (SameAs(other))
            return false;
        (Scheme, Value, AssignedBy, AddedOn) = (other.Scheme, other.Value, other.AssignedBy, other.AddedOn);
        return true;
    }
}
