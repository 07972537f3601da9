namespace Menagerie.Domain;

public readonly record struct InstitutionId(Guid Value)
{
    public static InstitutionId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct TaxonId(Guid Value)
{
    public static TaxonId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct SpecimenId(Guid Value)
{
    public static SpecimenId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct EventId(Guid Value)
{
    public static EventId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct TransferId(Guid Value)
{
    public static TransferId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}

public readonly record struct DocumentId(Guid Value)
{
    public static DocumentId New() => new(Guid.CreateVersion7());
    public override string ToString() => Value.ToString();
}
