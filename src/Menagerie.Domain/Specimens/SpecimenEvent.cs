namespace Menagerie.Domain.Specimens;

public enum EventType
{
    /// <summary>Born or hatched at an institution.</summary>
    Birth,

    /// <summary>Came into an institution's keeping: from the wild, a private owner, or another institution.</summary>
    Acquisition,

    /// <summary>Left an institution's keeping, to another institution or out of the collection records.</summary>
    Disposition,

    Death,

    /// <summary>A move within the holding institution (enclosure, building).</summary>
    Move,

    IdentifierAdded,
    Weight,
    Note,

    /// <summary>Withdraws an earlier event recorded in error, with no replacement.</summary>
    Retraction,

    /// <summary>Left the sending institution on a transfer: from now until arrival the transfer holds it.</summary>
    Dispatch,

    /// <summary>Arrived alive at the receiving institution of a transfer, or was found there after going missing.</summary>
    Arrival,

    /// <summary>Not among the animals that arrived: still held by the transfer, as an open discrepancy.</summary>
    ReportedMissing,

    /// <summary>Declared lost after going missing on a transfer; it leaves these records.</summary>
    Lost,

    /// <summary>Body measurements taken to size a crate (and a weighing with them, where done).</summary>
    Measurement,

    /// <summary>An attendant's check on the journey: temperature, condition, food and water, sedation.</summary>
    WelfareCheck,

    /// <summary>Part of a group became a group of its own (<see cref="EventDetails.Related"/> names it).</summary>
    SplitOff,

    /// <summary>The first event of a group formed from part of another (<see cref="EventDetails.Related"/> names that one).</summary>
    SplitFrom,

    /// <summary>The whole group joined another group of the same taxon and holder (<see cref="EventDetails.Related"/>); its own record ends.</summary>
    MergedInto,

    /// <summary>Another group joined this one (<see cref="EventDetails.Related"/> names it), adding its counts.</summary>
    MergedFrom,
}

/// <summary>
/// What a registrar states about an event, before it is checked against the specimen's history.
/// Which fields an event needs depends on its <see cref="Type"/>.
/// </summary>
public sealed record EventDetails
{
    public required EventType Type { get; init; }
    public required PartialDate Date { get; init; }

    /// <summary>The UTC instant, where the time of day is known (dispatches, arrivals).</summary>
    public DateTime? At { get; init; }

    /// <summary>Birth place, acquiring institution.</summary>
    public InstitutionId? Institution { get; init; }

    /// <summary>Acquired from, or disposed to, an institution in these records.</summary>
    public InstitutionId? Counterparty { get; init; }

    /// <summary>Acquired from, or disposed to, someone outside these records ("wild", "private owner").</summary>
    public string? CounterpartyName { get; init; }

    /// <summary>Owner, where it is not the holder (an animal on loan).</summary>
    public InstitutionId? Owner { get; init; }

    /// <summary>For a group: how many, by sex, the event concerns.</summary>
    public SexCounts? Counts { get; init; }

    public SpecimenId? Sire { get; init; }
    public SpecimenId? Dam { get; init; }
    public string? IdentifierScheme { get; init; }
    public string? IdentifierValue { get; init; }
    public decimal? WeightKg { get; init; }

    /// <summary>A measurement: body length, elbow height, shoulder width and standing height in centimetres.</summary>
    public Measured? Measured { get; init; }

    /// <summary>A welfare check on the journey.</summary>
    public WelfareObservation? Welfare { get; init; }

    /// <summary>The note, the cause of death, or the new location of a move.</summary>
    public string? Text { get; init; }

    /// <summary>The transfer a dispatch, arrival, loss or death in transit belongs to.</summary>
    public TransferId? Transfer { get; init; }

    /// <summary>The other group of a split or a merge.</summary>
    public SpecimenId? Related { get; init; }

    /// <summary>The earlier event this one corrects; it stays in the history, marked superseded.</summary>
    public EventId? Supersedes { get; init; }

    public string? Reason { get; init; }

    public DateTime OrderingInstant => At ?? Date.StartUtc;

    /// <summary>A correction or a retraction: it changes what earlier events say, so the whole history is replayed with it.</summary>
    public bool RewritesHistory => Supersedes is not null || Type == EventType.Retraction;
}

/// <summary>
/// An event as recorded: appended to a specimen's history and never changed afterwards. A correction
/// is a later event whose <see cref="EventDetails.Supersedes"/> names this one.
/// </summary>
public sealed class SpecimenEvent
{
    private SpecimenEvent() { RecordedBy = ""; }

    public EventId Id { get; private set; }
    public SpecimenId SpecimenId { get; private set; }

    /// <summary>Position in the specimen's history, in the order events were recorded.</summary>
    public int Sequence { get; private set; }

    public EventType Type { get; private set; }
    public DateOnly Date { get; private set; }
    public bool DateEstimated { get; private set; }
    public DateTime? At { get; private set; }
    public InstitutionId? InstitutionId { get; private set; }
    public InstitutionId? CounterpartyId { get; private set; }
    public string? CounterpartyName { get; private set; }
    public InstitutionId? OwnerId { get; private set; }
    public SexCounts? Counts { get; private set; }
    public SpecimenId? SireId { get; private set; }
    public SpecimenId? DamId { get; private set; }
    public string? IdentifierScheme { get; private set; }
    public string? IdentifierValue { get; private set; }
    public decimal? WeightKg { get; private set; }
    public decimal? LengthCm { get; private set; }
    public decimal? ElbowHeightCm { get; private set; }
    public decimal? WidthCm { get; private set; }
    public decimal? HeightCm { get; private set; }
    public decimal? TemperatureC { get; private set; }
    public bool? Fed { get; private set; }
    public bool? Watered { get; private set; }
    public string? Sedation { get; private set; }
    public string? Attendant { get; private set; }
    public string? Text { get; private set; }
    public TransferId? TransferId { get; private set; }
    public SpecimenId? RelatedId { get; private set; }
    public EventId? Supersedes { get; private set; }
    public string? Reason { get; private set; }
    public DateTime RecordedAt { get; private set; }
    public string RecordedBy { get; private set; }

    public EventDetails Details => new()
    {
        Type = Type,
        Date = new PartialDate(Date, DateEstimated),
        At = At,
        Institution = InstitutionId,
        Counterparty = CounterpartyId,
        CounterpartyName = CounterpartyName,
        Owner = OwnerId,
        Counts = Counts,
        Sire = SireId,
        Dam = DamId,
        IdentifierScheme = IdentifierScheme,
        IdentifierValue = IdentifierValue,
        WeightKg = WeightKg,
        Measured = Type == EventType.Measurement ? new Measured(LengthCm, ElbowHeightCm, WidthCm, HeightCm) : null,
        Welfare = Type == EventType.WelfareCheck ? new WelfareObservation(TemperatureC, Fed, Watered, Sedation, Attendant) : null,
        Text = Text,
        Transfer = TransferId,
        Related = RelatedId,
        Supersedes = Supersedes,
        Reason = Reason,
    };

    internal static SpecimenEvent Create(EventId id, SpecimenId specimen, int sequence, EventDetails details, DateTime recordedAt, string recordedBy) =>
        new()
        {
            Id = id,
            SpecimenId = specimen,
            Sequence = sequence,
            Type = details.Type,
            Date = details.Date.Date,
            DateEstimated = details.Date.Estimated,
            At = details.At,
            InstitutionId = details.Institution,
            CounterpartyId = details.Counterparty,
            CounterpartyName = details.CounterpartyName,
            OwnerId = details.Owner,
            Counts = details.Counts,
            SireId = details.Sire,
            DamId = details.Dam,
            IdentifierScheme = details.IdentifierScheme,
            IdentifierValue = details.IdentifierValue,
            WeightKg = details.WeightKg,
            LengthCm = details.Measured?.LengthCm,
            ElbowHeightCm = details.Measured?.ElbowHeightCm,
            WidthCm = details.Measured?.WidthCm,
            HeightCm = details.Measured?.HeightCm,
            TemperatureC = details.Welfare?.TemperatureC,
            Fed = details.Welfare?.Fed,
            Watered = details.Welfare?.Watered,
            Sedation = details.Welfare?.Sedation,
            Attendant = details.Welfare?.Attendant,
            Text = details.Text,
            TransferId = details.Transfer,
            RelatedId = details.Related,
            Supersedes = details.Supersedes,
            Reason = details.Reason,
            RecordedAt = recordedAt,
            RecordedBy = recordedBy,
        };
}

/// <summary>Measurements in centimetres as the LAR takes them: body length, elbow height, shoulder width, standing height.</summary>
public sealed record Measured(decimal? LengthCm, decimal? ElbowHeightCm, decimal? WidthCm, decimal? HeightCm);

/// <summary>What an attendant saw and did at a welfare check: the temperature at the crate, food and water given, any sedation (drug and dose) and who checked.</summary>
public sealed record WelfareObservation(decimal? TemperatureC, bool? Fed, bool? Watered, string? Sedation, string? Attendant);
