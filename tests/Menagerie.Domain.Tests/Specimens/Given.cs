using Menagerie.Domain.Specimens;

namespace Menagerie.Domain.Tests.Specimens;

/// <summary>Institutions and events for specimen tests.</summary>
internal static class Given
{
    public static readonly InstitutionId Moscow = new(Guid.Parse("00000000-0000-0000-0000-000000000001"));
    public static readonly InstitutionId Pyongyang = new(Guid.Parse("00000000-0000-0000-0000-000000000002"));
    public static readonly InstitutionId Prague = new(Guid.Parse("00000000-0000-0000-0000-000000000003"));
    public static readonly TaxonId Lion = new(Guid.Parse("00000000-0000-0000-0000-0000000000a1"));
    public static readonly DateTime Now = new(2026, 11, 29, 10, 0, 0, DateTimeKind.Utc);

    public static PartialDate On(int year, int month, int day) => new(new DateOnly(year, month, day), false);

    public static EventDetails Birth(DateOnly date, InstitutionId at) => new() { Type = EventType.Birth, Date = new(date, false), Institution = at };

    public static EventDetails Acquisition(DateOnly date, InstitutionId by, InstitutionId? from = null, SexCounts? counts = null) => new()
    {
        Type = EventType.Acquisition,
        Date = new(date, false),
        Institution = by,
        Counterparty = from,
        CounterpartyName = from is null ? "wild" : null,
        Counts = counts,
    };

    public static EventDetails Disposition(DateOnly date, InstitutionId? to = null, SexCounts? counts = null) => new()
    {
        Type = EventType.Disposition,
        Date = new(date, false),
        Counterparty = to,
        CounterpartyName = to is null ? "private collection" : null,
        Counts = counts,
    };

    public static EventDetails Death(DateOnly date, SexCounts? counts = null) => new() { Type = EventType.Death, Date = new(date, false), Counts = counts };

    public static Specimen Individual(EventDetails first, Sex sex = Sex.Female) =>
        Specimen.Create(SpecimenId.New(), SpecimenKind.Individual, Lion, sex, null, EventId.New(), first, Now, "test").Value;

    public static Specimen Group(EventDetails first) =>
        Specimen.Create(SpecimenId.New(), SpecimenKind.Group, Lion, Sex.Unknown, null, EventId.New(), first, Now, "test").Value;

    public static IReadOnlyList<RuleViolation> Record(this Specimen specimen, EventDetails details) =>
        specimen.Record(EventId.New(), details, Now, "test");
}
