namespace Menagerie.Domain.Specimens;

/// <summary>Checks of one event's own fields, before it is placed in the specimen's history.</summary>
public static class EventRules
{
    public const int MaxTextLength = 4000;
    public const int MaxReasonLength = 1000;

    /// <summary>Who an animal came from or went to, outside these records.</summary>
    public const int MaxCounterpartyNameLength = 300;

    public const int MaxSchemeLength = 50;
    public const int MaxIdentifierValueLength = 100;

    /// <summary>Far above any animal a collection weighs (a bull elephant is about 6 t), and within what the records store.</summary>
    public const decimal MaxWeightKg = 100_000m;

    /// <summary>100 m: far above any animal's length or height, and within what the records store.</summary>
    public const decimal MaxCentimetres = 10_000m;

    /// <summary>Colder or hotter than any crate on a journey is kept (W-01 asks 12.8–26.7 °C), and within what the records store.</summary>
    public const decimal MinTemperatureC = -60m;

    public const decimal MaxTemperatureC = 60m;

    /// <summary>A welfare check's sedation (drug and dose) and the attendant's name.</summary>
    public const int MaxWelfareTextLength = 300;

    public static IReadOnlyList<RuleViolation> Check(EventDetails e, SpecimenKind kind, DateTime now)
    {
        var problems = new List<RuleViolation>();
        void Add(string code, string field, Wording message) => problems.Add(new(code, field, message));

        if (!Enum.IsDefined(e.Type))
            Add("event.type", "type", $"'{e.Type}' is not an event type.");
        if (e.Date.Date > DateOnly.FromDateTime(now))
            Add("event.future", "date", $"The date {e.Date.Date:yyyy-MM-dd} is in the future.");
        if (Plausible.TooEarly(e.Date.Date))
            Add("event.date", "date", Plausible.BeforeEarliest(e.Date.Date));
        if (e.At is { } at && (at.Kind != DateTimeKind.Utc || DateOnly.FromDateTime(at) != e.Date.Date))
            Add("event.instant", "at", "The time must be a UTC instant on the event's date.");
        if (e.At > now)
            Add("event.future", "at", "The time is in the future.");

        var movesAnimals = e.Type is EventType.Birth or EventType.Acquisition or EventType.Disposition or EventType.Death
            or EventType.Dispatch or EventType.Arrival or EventType.SplitOff or EventType.SplitFrom or EventType.MergedInto or EventType.MergedFrom;
        if (kind == SpecimenKind.Group && movesAnimals && e.Counts is not { IsZero: false, IsNegative: false })
            Add("event.counts", "counts", "A group's birth, acquisition, disposition, death, dispatch, arrival or split needs the counts it concerns, as male.female.unknown (e.g. 1.2.0).");
        if (kind == SpecimenKind.Individual && e.Counts is not null)
            Add("event.counts", "counts", "Counts apply to groups only; an individual is one animal.");
        if (e.Counts is { IsNegative: true })
            Add("event.counts", "counts", "Counts cannot be negative.");
        if (e.Counts is { IsTooMany: true } tooMany)
            Add("event.counts", "counts", $"{tooMany} is more than a group holds: at most {SexCounts.MaxAnimals} animals.");

        switch (e.Type)
        {
            case EventType.Birth:
                if (e.Institution is null)
                    Add("event.institution", "institution", "A birth needs the institution where it happened.");
                if (kind == SpecimenKind.Group && (e.Sire is not null || e.Dam is not null))
                    Add("event.parents", "sire", "Parents are recorded for individuals, not for groups.");
                if (e.Sire is not null && e.Sire == e.Dam)
                    Add("event.parents", "dam", "The sire and the dam must be different animals.");
                break;
            case EventType.Acquisition:
                if (e.Institution is null)
                    Add("event.institution", "institution", "An acquisition needs the acquiring institution.");
                if (e.Counterparty is null && string.IsNullOrWhiteSpace(e.CounterpartyName))
                    Add("event.counterparty", "from", "An acquisition needs where the animal came from: an institution code or a name (e.g. 'wild').");
                if (e.Counterparty is not null && e.Counterparty == e.Institution)
                    Add("event.counterparty", "from", "An institution cannot acquire from itself.");
                break;
            case EventType.Disposition:
                if (e.Counterparty is null && string.IsNullOrWhiteSpace(e.CounterpartyName))
                    Add("event.counterparty", "to", "A disposition needs where the animal went: an institution code or a name.");
                break;
            case EventType.Move:
                if (string.IsNullOrWhiteSpace(e.Text))
                    Add("event.text", "text", "A move needs the new location.");
                break;
            case EventType.IdentifierAdded:
                if (string.IsNullOrWhiteSpace(e.IdentifierScheme))
                    Add("event.identifier", "scheme", "An identifier needs its scheme (studbook, local, transponder, band, tattoo, house name).");
                if (string.IsNullOrWhiteSpace(e.IdentifierValue))
                    Add("event.identifier", "value", "An identifier needs its value.");
                break;
            case EventType.Weight:
                if (e.WeightKg is not > 0)
                    Add("event.weight", "weightKg", "A weight must be more than 0 kg.");
                break;
            case EventType.Measurement:
                if (e.Measured is not { } m || (m.LengthCm ?? m.ElbowHeightCm ?? m.WidthCm ?? m.HeightCm) is null)
                {
                    Add("event.measurement", "lengthCm", "A measurement needs at least one of body length, elbow height, shoulder width and standing height.");
                    break;
                }
                foreach (var (field, value) in new[] { ("lengthCm", m.LengthCm), ("elbowHeightCm", m.ElbowHeightCm), ("widthCm", m.WidthCm), ("heightCm", m.HeightCm) })
                {
                    if (value is <= 0)
                        Add("event.measurement", field, $"{field} must be more than 0 cm.");
                }
                if (e.WeightKg is <= 0)
                    Add("event.weight", "weightKg", "A weight must be more than 0 kg.");
                break;
            case EventType.WelfareCheck:
                if (e.At is null)
                    Add("event.instant", "at", "A welfare check needs its time as well as its date.");
                if (e.Transfer is null)
                    Add("event.transfer", "transfer", "A welfare check belongs to the transfer on whose journey it was made.");
                if (string.IsNullOrWhiteSpace(e.Text))
                    Add("event.text", "text", "A welfare check needs the animal's condition.");
                if (string.IsNullOrWhiteSpace(e.Welfare?.Attendant))
                    Add("event.attendant", "attendant", "A welfare check needs who made it.");
                problems.AddRange(Welfare(e.Welfare));
                break;
            case EventType.Note:
                if (string.IsNullOrWhiteSpace(e.Text))
                    Add("event.text", "text", "A note needs its text.");
                break;
            case EventType.Retraction:
                if (e.Supersedes is null)
                    Add("event.supersedes", "supersedes", "A retraction names the event it withdraws.");
                break;
            case EventType.Dispatch or EventType.Arrival:
                if (e.At is null)
                    Add("event.instant", "at", e.Type == EventType.Dispatch ? "A dispatch needs its time as well as its date." : "An arrival needs its time as well as its date.");
                if (e.Institution is null)
                    Add("event.institution", "institution", e.Type == EventType.Dispatch ? "A dispatch needs the sending institution." : "An arrival needs the receiving institution.");
                if (e.Transfer is null)
                    Add("event.transfer", "transfer", "A dispatch or arrival belongs to a transfer.");
                break;
            case EventType.ReportedMissing or EventType.Lost:
                if (e.Transfer is null)
                    Add("event.transfer", "transfer", "An animal goes missing, or is declared lost, on a transfer.");
                if (e.Type == EventType.Lost && string.IsNullOrWhiteSpace(e.Reason))
                    Add("event.reason", "reason", "Declaring an animal lost needs the reason.");
                break;
            case EventType.SplitOff or EventType.SplitFrom or EventType.MergedInto or EventType.MergedFrom:
                if (kind != SpecimenKind.Group)
                    Add("split.individual", "type", "Only groups are split and merged.");
                if (e.Related is null)
                    Add("event.related", "related", "A split or a merge names the other group.");
                if (e.Type == EventType.SplitFrom && e.Institution is null && e.Transfer is null)
                    Add("event.institution", "institution", "A group formed by a split needs its holder: an institution, or the transfer it is on.");
                break;
            case EventType.Death:
                break;
        }

        if (e.WeightKg > MaxWeightKg)
            Add("event.weight", "weightKg", $"A weight above {MaxWeightKg:0} kg is not an animal's; is the unit right?");
        if (e.Measured is { } measured)
        {
            foreach (var (field, value) in new[] { ("lengthCm", measured.LengthCm), ("elbowHeightCm", measured.ElbowHeightCm), ("widthCm", measured.WidthCm), ("heightCm", measured.HeightCm) })
            {
                if (value > MaxCentimetres)
                    Add("event.measurement", field, $"{field} above {MaxCentimetres:0} cm is not an animal's; is the unit right?");
            }
        }
        if (e.Text?.Length > MaxTextLength)
            Add("event.text", "text", $"The text is longer than {MaxTextLength} characters.");
        if (e.Reason?.Length > MaxReasonLength)
            Add("event.reason", "reason", $"The reason is longer than {MaxReasonLength} characters.");
        if (e.CounterpartyName?.Length > MaxCounterpartyNameLength)
            Add("event.counterparty", e.Type == EventType.Disposition ? "toName" : "fromName", $"The name is longer than {MaxCounterpartyNameLength} characters.");
        if (e.IdentifierScheme?.Length > MaxSchemeLength)
            Add("event.identifier", "scheme", $"An identifier's scheme has at most {MaxSchemeLength} characters.");
        if (e.IdentifierValue?.Length > MaxIdentifierValueLength)
            Add("event.identifier", "value", $"An identifier's value has at most {MaxIdentifierValueLength} characters.");
        if (e.Supersedes is not null && string.IsNullOrWhiteSpace(e.Reason))
            Add("event.reason", "reason", "A correction needs the reason the earlier event was wrong.");
        return problems;
    }

    /// <summary>What is wrong with a welfare check's own values: a temperature no crate is kept at, a sedation or name too long to keep.</summary>
    public static IEnumerable<RuleViolation> Welfare(WelfareObservation? observation)
    {
        if (observation?.TemperatureC is { } t && (t < MinTemperatureC || t > MaxTemperatureC))
            yield return new("welfare.temperature", "temperatureC", $"{t} °C is not a temperature at a crate: between {MinTemperatureC} and {MaxTemperatureC} °C is expected. Is the unit right?");
        if (observation?.Sedation?.Length > MaxWelfareTextLength)
            yield return new("welfare.sedation", "sedation", $"The sedation is longer than {MaxWelfareTextLength} characters.");
        if (observation?.Attendant?.Length > MaxWelfareTextLength)
            yield return new("event.attendant", "attendant", $"The attendant's name is longer than {MaxWelfareTextLength} characters.");
    }
}
