using Menagerie.Domain.Specimens;
using Menagerie.Domain.Taxa;
using Menagerie.Domain.Transfers;

namespace Menagerie.App.Transfers.Packages;

/// <summary>
/// What a transfer package carries, signed as it is written: the transfer, the reference data it mentions,
/// and the full record of every specimen on it. Institutions are named by code and taxa by scientific name,
/// since each installation has its own ids for them; specimens, events and the transfer keep their global ids.
/// </summary>
public sealed record PackageContent(
    string Format,
    int Version,
    string Installation,
    DateTime CreatedAt,
    PackageTransfer Transfer,
    IReadOnlyList<PackageCountry> Countries,
    IReadOnlyList<PackageInstitution> Institutions,
    IReadOnlyList<PackageTaxon> Taxa,
    IReadOnlyList<PackageSpecimen> Specimens)
{
    public const string FormatName = "menagerie.transfer";
    public const int CurrentVersion = 1;
}

/// <summary>The transfer: parties by institution code, terms, lines and timeline.</summary>
public sealed record PackageTransfer(
    Guid Id,
    string Sender,
    string Receiver,
    TransferTerms Terms,
    DateOnly? ReturnDue,
    TransferParty InitiatedBy,
    TransferStatus Status,
    DateTime DispatchedAt,
    IReadOnlyList<PackageLine> Lines,
    IReadOnlyList<PackageStep> Timeline);

/// <summary>A line: the specimen named, the counts it sends (male.female.unknown), and the specimen that travelled.</summary>
public sealed record PackageLine(int Number, Guid Specimen, string Counts, Guid Shipped);

public sealed record PackageStep(int Number, TransferAction Action, TransferParty Party, string By, DateTime RecordedAt, DateTime? At, string? Reason);

public sealed record PackageCountry(string Code, string Name, bool IsCitesParty, DateOnly? CitesEntryIntoForce, DateOnly StatusAsOf, string StatusSource);

/// <summary>An institution a package mentions; a package from an installation without time zones carries none (UTC).</summary>
public sealed record PackageInstitution(string Code, string Name, string Country, string? TimeZone = null);

public sealed record PackageTaxon(string ScientificName, string CommonName, TaxonRank Rank, string TaxonClass);

/// <summary>A specimen's record: what it is, and every event of its history as recorded, corrections and retractions included.</summary>
public sealed record PackageSpecimen(Guid Id, SpecimenKind Kind, string Taxon, Sex Sex, string? Name, IReadOnlyList<PackageEvent> Events);

/// <summary>One event with all its fields; institutions by code.</summary>
public sealed record PackageEvent
{
    public required Guid Id { get; init; }
    public required int Sequence { get; init; }
    public required EventType Type { get; init; }
    public required DateOnly Date { get; init; }
    public required bool DateEstimated { get; init; }
    public DateTime? At { get; init; }
    public string? Institution { get; init; }
    public string? Counterparty { get; init; }
    public string? CounterpartyName { get; init; }
    public string? Owner { get; init; }
    public string? Counts { get; init; }
    public Guid? Sire { get; init; }
    public Guid? Dam { get; init; }
    public string? IdentifierScheme { get; init; }
    public string? IdentifierValue { get; init; }
    public decimal? WeightKg { get; init; }
    public Measured? Measured { get; init; }
    public WelfareObservation? Welfare { get; init; }
    public string? Text { get; init; }
    public Guid? Transfer { get; init; }
    public Guid? Related { get; init; }
    public Guid? Supersedes { get; init; }
    public string? Reason { get; init; }
    public required DateTime RecordedAt { get; init; }
    public required string RecordedBy { get; init; }
}
