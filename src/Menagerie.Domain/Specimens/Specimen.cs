namespace Menagerie.Domain.Specimens;

public enum SpecimenKind
{
    /// <summary>One animal.</summary>
    Individual,

    /// <summary>A counted set of animals recorded together (25 pheasants, a fish school).</summary>
    Group,
}

/// <summary>
/// What a record is about, for life and across institutions: its id never changes. Its history is a list
/// of events that is only ever appended to; holder, owner, counts and identifiers are derived from it.
/// </summary>
public sealed partial class Specimen
{
    public const int MaxNameLength = 200;
    public const int MaxAvailabilityNoteLength = 500;

    private readonly List<SpecimenEvent> _events = [];
    private readonly List<HoldingPeriod> _holdings = [];
    private readonly List<SpecimenIdentifier> _identifiers = [];

    private Specimen() { }

    public SpecimenId Id { get; private set; }
    public SpecimenKind Kind { get; private set; }
    public TaxonId TaxonId { get; private set; }

    /// <summary>An individual's sex; <see cref="Sex.Unknown"/> for a group, whose sexes are in its counts.</summary>
    public Sex Sex { get; private set; }

    /// <summary>House name, if the animal has one.</summary>
    public string? Name { get; private set; }

    public SpecimenStatus Status { get; private set; }
    public InstitutionId? HolderId { get; private set; }

    /// <summary>The transfer holding the specimen while it is in transit (or missing from it).</summary>
    public TransferId? InTransitOn { get; private set; }

    /// <summary>
    /// The open transfer the specimen is on, from its draft until it arrives, dies or is declared lost:
    /// one at a time. Kept on the specimen so that two transfers claiming it race on its version.
    /// </summary>
    public TransferId? OnTransfer { get; private set; }

    public InstitutionId? OwnerId { get; private set; }

    /// <summary>
    /// The institution that held the animal when it died (a group: when its last animal died); none while it lives,
    /// and none for a death in transit. Its people keep the records of the animals that died in their care.
    /// </summary>
    public InstitutionId? DiedAtId { get; private set; }

    public int Males { get; private set; }
    public int Females { get; private set; }
    public int UnknownSex { get; private set; }
    public SpecimenId? SireId { get; private set; }
    public SpecimenId? DamId { get; private set; }
    public DateOnly? BirthDate { get; private set; }
    public bool BirthDateEstimated { get; private set; }

    /// <summary>CITES source code of the animal (C bred in captivity, F born in captivity, W wild …), once established.</summary>
    public string? CitesSource { get; private set; }

    /// <summary>
    /// ISO code of the population or lineage the animal descends from (RU for a bear of Russian stock): split
    /// listings put populations in different Appendices, so without it the most restrictive applies.
    /// </summary>
    public string? Origin { get; private set; }

    /// <summary>
    /// Its holder would let it go to another institution (surplus, a breeding recommendation). The mark
    /// ends when the animal leaves its holder, dies or goes in transit.
    /// </summary>
    public bool AvailableForTransfer { get; private set; }

    /// <summary>What the holder says about the mark, e.g. "surplus male, breeding recommendation EEP 2026".</summary>
    public string? AvailabilityNote { get; private set; }

    public long Version { get; private set; }

    public SexCounts Counts => new(Males, Females, UnknownSex);
    public IReadOnlyList<SpecimenEvent> Events => _events;
    public IReadOnlyList<HoldingPeriod> Holdings => _holdings;
    public IReadOnlyList<SpecimenIdentifier> Identifiers => _identifiers;

    /// <summary>Creates a specimen with the first event of its records, a birth or an acquisition.</summary>
    public static Result<Specimen> Create(
        SpecimenId id, SpecimenKind kind, TaxonId taxon, Sex sex, string? name,
        EventId firstEventId, EventDetails first, DateTime now, string recordedBy, Func<InstitutionId, string>? nameOf = null)
    {
        var problems = CheckAttributes(kind, sex, name);
        if (first.Type is not (EventType.Birth or EventType.Acquisition or EventType.SplitFrom))
            problems.Add(new("specimen.first-event", "type", "A specimen's records begin with its birth or its acquisition."));
        if (first.Supersedes is not null)
            problems.Add(new("specimen.first-event", "supersedes", "The first event cannot correct another."));
        var specimen = new Specimen { Id = id, Kind = kind, TaxonId = taxon, Sex = sex, Name = OptionalText.From(name) };
        if (problems.Count > 0)
            return problems;
        var recorded = specimen.Record(firstEventId, first, now, recordedBy, nameOf);
        if (recorded.Count > 0)
            return recorded.ToList();
        return specimen;
    }

    /// <summary>
    /// Appends an event (or a correction of an earlier one) if the history stays consistent, and returns
    /// every rule it breaks otherwise, leaving the specimen unchanged.
    /// </summary>
    public IReadOnlyList<RuleViolation> Record(
        EventId id, EventDetails details, DateTime now, string recordedBy, Func<InstitutionId, string>? nameOf = null)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (Taken(details) is { } taken)
            return [taken];
        return Append(new EventAsRecorded(id, _events.Count + 1, details, now, recordedBy), nameOf);
    }

    /// <summary>
    /// Appends an event that comes after every event already recorded (at the same instant as the latest, or later)
    /// and corrects none, without the history being loaded: the status, holder, counts, holding periods and
    /// identifiers the specimen stores are where its history ends, so the event is checked against them alone and
    /// the answer is the one <see cref="Record"/> gives after replaying the whole history. The caller has asked the
    /// database that no event comes later, and gives the number of events recorded so far.
    /// </summary>
    public IReadOnlyList<RuleViolation> RecordLatest(
        int recordedSoFar, EventId id, EventDetails details, DateTime now, string recordedBy, Func<InstitutionId, string>? nameOf = null)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (details.RewritesHistory)
            throw new ArgumentException("A correction or a retraction changes the past: it is recorded with the whole history loaded.", nameof(details));
        if (Taken(details) is { } taken)
            return [taken];
        return Append(new EventAsRecorded(id, recordedSoFar + 1, details, now, recordedBy), candidate => LifeHistory.Continue(Id, Kind, Sex, Stored(), candidate, nameOf));
    }

    private RuleViolation? Taken(EventDetails details) =>
        OnTransfer is { } transfer && details.Type is EventType.Disposition or EventType.Acquisition
            ? new("transfer.specimen-taken", "type", $"The specimen is on transfer {transfer}; it leaves with that transfer, or once the transfer is cancelled.")
            : null;

    /// <summary>Where the history ends, as the specimen stores it.</summary>
    private LifeState Stored()
    {
        _holdings.Sort((a, b) => a.Index.CompareTo(b.Index));
        _identifiers.Sort((a, b) => a.Index.CompareTo(b.Index));
        return new LifeState(_holdings, _identifiers, Status, HolderId, InTransitOn, OwnerId, Counts, SireId, DamId,
            BirthDate is { } born ? new PartialDate(born, BirthDateEstimated) : null, []);
    }

    private IReadOnlyList<RuleViolation> Append(EventAsRecorded e, Func<InstitutionId, string>? nameOf) =>
        Append(e, candidate => LifeHistory.Replay(Id, Kind, Sex, [.. _events, candidate], nameOf));

    /// <summary>
    /// Appends an event with its own id, sequence, time and author if the history stays consistent, checked against
    /// the time it was recorded; <paramref name="replay"/> says what the history amounts to with it.
    /// </summary>
    private IReadOnlyList<RuleViolation> Append(EventAsRecorded e, Func<SpecimenEvent, LifeState> replay)
    {
        var problems = new List<RuleViolation>(EventRules.Check(e.Details, Kind, e.RecordedAt));
        if (e.Details.Supersedes is { } target)
            problems.AddRange(CheckCorrection(target, e.Details));
        if (problems.Count > 0)
            return problems;

        var candidate = SpecimenEvent.Create(e.Id, Id, e.Sequence, e.Details, e.RecordedAt, e.RecordedBy);
        var state = replay(candidate);
        if (state.Violations.Count > 0)
            return state.Violations;
        _events.Add(candidate);
        Apply(state);
        return [];
    }

    /// <summary>Changes what is said about the animal itself, not its history: its house name, and an individual's sex once it is known.</summary>
    public IReadOnlyList<RuleViolation> Describe(string? name, Sex sex)
    {
        var problems = CheckAttributes(Kind, sex, name);
        if (problems.Count > 0)
            return problems;
        if (sex != Sex)
        {
            var state = LifeHistory.Replay(Id, Kind, sex, _events);
            Sex = sex;
            Apply(state);
        }
        Name = OptionalText.From(name);
        return [];
    }

    /// <summary>CITES source codes a live animal may carry; A is for plants.</summary>
    public static readonly IReadOnlyList<string> SourceCodes = ["W", "R", "D", "C", "F", "I", "U", "O", "X"];

    /// <summary>Records what the compliance rules ask of the animal's provenance: its CITES source code and population of origin.</summary>
    public IReadOnlyList<RuleViolation> RecordOrigin(string? citesSource, string? origin)
    {
        var problems = new List<RuleViolation>();
        var source = OptionalText.From(citesSource)?.ToUpperInvariant();
        var population = OptionalText.From(origin)?.ToUpperInvariant();
        if (source is not null && !SourceCodes.Contains(source, StringComparer.Ordinal))
            problems.Add(new("specimen.cites-source", "citesSource", $"'{citesSource}' is not a CITES source code for an animal: {string.Join(", ", SourceCodes)}."));
        if (population is not null && (population.Length != 2 || !population.All(char.IsAsciiLetterUpper)))
            problems.Add(new("specimen.origin", "origin", $"'{origin}' is not an ISO 3166 two-letter code of the population of origin (e.g. RU)."));
        if (problems.Count == 0)
            (CitesSource, Origin) = (source, population);
        return problems;
    }

    /// <summary>
    /// Marks the animal as available for transfer, or withdraws the mark, with an optional note. Only an
    /// animal its holder keeps is marked either way: a dead or departed one, or one in transit, is not.
    /// </summary>
    public IReadOnlyList<RuleViolation> MarkAvailability(bool available, string? note)
    {
        var problems = new List<RuleViolation>();
        var text = OptionalText.From(note);
        if (text?.Length > MaxAvailabilityNoteLength)
            problems.Add(new("specimen.availability-note", "note", $"A note on availability is at most {MaxAvailabilityNoteLength} characters."));
        if (Status != SpecimenStatus.Held)
        {
            problems.Add(new("specimen.availability", "available", Status switch
            {
                SpecimenStatus.InTransit => Wording.Of("The animal is in transit; it is marked available, or not, by the institution that receives it."),
                SpecimenStatus.Missing => "The animal is missing from its transfer; it cannot be marked available for transfer.",
                SpecimenStatus.Dead => "The animal is dead; it cannot be marked available for transfer.",
                _ => $"The animal is no longer held in these records ({new Term(Status)}); it cannot be marked available for transfer.",
            }));
        }
        if (problems.Count == 0)
            (AvailableForTransfer, AvailabilityNote) = (available, text);
        return problems;
    }

    /// <summary>Puts the specimen on a transfer; it may be on one open transfer only.</summary>
    public IReadOnlyList<RuleViolation> Reserve(TransferId transfer)
    {
        if (OnTransfer is { } other && other != transfer)
            return [new("transfer.specimen-taken", "specimen", $"Specimen {Id} is already on transfer {other}.")];
        OnTransfer = transfer;
        return [];
    }

    /// <summary>Takes the specimen off a transfer that was cancelled or declined, or that it has completed.</summary>
    public void Release(TransferId transfer)
    {
        if (OnTransfer == transfer)
            OnTransfer = null;
    }

    public bool IsSuperseded(EventId id) => _events.Any(e => e.Supersedes == id);

    private List<RuleViolation> CheckCorrection(EventId target, EventDetails details)
    {
        var original = _events.FirstOrDefault(e => e.Id == target);
        if (original is null)
            return [new("event.supersedes", "supersedes", $"The specimen has no event {target} to correct.")];
        if (IsSuperseded(target))
            return [new("event.supersedes", "supersedes", $"Event {original.Sequence} has already been corrected; correct the latest version instead.")];
        if (original.Type == EventType.Retraction)
            return [new("event.supersedes", "supersedes", "A retraction cannot itself be corrected.")];
        if (original.TransferId is not null)
            return [new("event.supersedes", "supersedes", $"Event {original.Sequence} belongs to a transfer; it changes only through that transfer.")];
        if (original.Type is EventType.SplitOff or EventType.SplitFrom or EventType.MergedInto or EventType.MergedFrom)
            return [new("event.supersedes", "supersedes", $"Event {original.Sequence} is half of a split or a merge of two groups; it cannot be changed on one of them alone.")];
        if (details.Type != EventType.Retraction && details.Type != original.Type)
            return [new("event.supersedes", "type", $"Event {original.Sequence} is a {original.Type}; its correction must be one too, or a retraction.")];
        return [];
    }

    private void Apply(LifeState state)
    {
        // The mark is its holder's word: it ends when another holds the animal, or nobody does.
        if (state.Status != SpecimenStatus.Held || state.Holder != HolderId)
            (AvailableForTransfer, AvailabilityNote) = (false, null);
        Status = state.Status;
        (HolderId, InTransitOn, OwnerId) = (state.Holder, state.InTransitOn, state.Owner);
        DiedAtId = state.Status == SpecimenStatus.Dead && state.Holdings.Count > 0 ? state.Holdings[^1].HolderId : null;
        (Males, Females, UnknownSex) = (state.Counts.Males, state.Counts.Females, state.Counts.Unknown);
        (SireId, DamId) = (state.Sire, state.Dam);
        (BirthDate, BirthDateEstimated) = (state.BirthDate?.Date, state.BirthDate?.Estimated ?? false);
        // Loaded rows come in whatever order the database returns them (PostgreSQL: any); they are reconciled by position.
        _holdings.Sort((a, b) => a.Index.CompareTo(b.Index));
        _identifiers.Sort((a, b) => a.Index.CompareTo(b.Index));
        Reconcile(_holdings, state.Holdings, (row, value) => row.CopyFrom(value));
        Reconcile(_identifiers, state.Identifiers, (row, value) => row.CopyFrom(value));
    }

    /// <summary>Brings stored rows in line with a recomputed list, keeping unchanged rows as they are.</summary>
    private static void Reconcile<T>(List<T> rows, IReadOnlyList<T> values, Func<T, T, bool> copy)
    {
        for (var i = 0; i < Math.Min(rows.Count, values.Count); i++)
            copy(rows[i], values[i]);
        if (rows.Count > values.Count)
            rows.RemoveRange(values.Count, rows.Count - values.Count);
        for (var i = rows.Count; i < values.Count; i++)
            rows.Add(values[i]);
    }

    private static List<RuleViolation> CheckAttributes(SpecimenKind kind, Sex sex, string? name)
    {
        var problems = new List<RuleViolation>();
        if (!Enum.IsDefined(kind))
            problems.Add(new("specimen.kind", "kind", $"'{kind}' is not a kind of specimen (individual or group)."));
        if (!Enum.IsDefined(sex))
            problems.Add(new("specimen.sex", "sex", $"'{sex}' is not a sex (male, female or unknown)."));
        if (kind == SpecimenKind.Group && sex != Sex.Unknown)
            problems.Add(new("specimen.sex", "sex", "A group has counts by sex, not one sex."));
        if (name?.Length > MaxNameLength)
            problems.Add(new("specimen.name", "name", $"A house name is at most {MaxNameLength} characters."));
        return problems;
    }
}
