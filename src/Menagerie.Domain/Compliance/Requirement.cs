using Menagerie.Domain.Documents;

namespace Menagerie.Domain.Compliance;

/// <summary>What an unmet requirement does: a block stops the transfer, a warning needs a person's confirmation, info is a note.</summary>
public enum Severity
{
    Block,
    Warn,
    Info,
}

public enum RequirementStatus
{
    Satisfied,
    Missing,
    Expired,
    NotYetValid,
    InsufficientQuantity,
}

public enum Verdict
{
    Clear,
    Warnings,
    Blocked,
}

/// <summary>What document would satisfy a requirement: its type, the issuing state, the day it must be valid and how many it must cover.</summary>
public sealed record DocumentNeed(DocumentType Type, string? IssuingState, DateOnly ValidOn, int Quantity);

/// <summary>A named person's confirmation of a warning, with the reason; blocks cannot be overridden.</summary>
public sealed record RequirementOverride(string Rule, IReadOnlyList<int> Lines, string By, string Reason, DateTime At);

/// <summary>
/// What a rule demands of some lines of a shipment (or of the whole of it): the rule and its source,
/// how serious a gap is, whether it is met now and by which document, and a sentence saying why.
/// </summary>
public sealed record Requirement
{
    public required string Rule { get; init; }
    public required Severity Severity { get; init; }
    public required RequirementStatus Status { get; init; }

    /// <summary>The shipment lines it concerns; empty for the shipment as a whole.</summary>
    public IReadOnlyList<int> Lines { get; init; } = [];

    public required Wording Message { get; init; }
    public required string Source { get; init; }
    public DocumentNeed? Need { get; init; }
    public ShipmentDocument? SatisfiedBy { get; init; }
    public RequirementOverride? Override { get; init; }

    /// <summary>Counts against the verdict: unmet, and not a warning someone has confirmed.</summary>
    public bool IsOpen => Status != RequirementStatus.Satisfied && Severity != Severity.Info && !(Severity == Severity.Warn && Override is not null);
}

/// <summary>The requirements of a shipment on a day, and the verdict they add up to.</summary>
public sealed record ComplianceReport(DateOnly On, IReadOnlyList<Requirement> Requirements, IReadOnlyList<ListingResolution> Listings)
{
    public Verdict Verdict =>
        Requirements.Any(r => r.IsOpen && r.Severity == Severity.Block) ? Verdict.Blocked
        : Requirements.Any(r => r.IsOpen) ? Verdict.Warnings
        : Verdict.Clear;

    public IEnumerable<Requirement> Blocks => Requirements.Where(r => r.IsOpen && r.Severity == Severity.Block);
}

/// <summary>A kind of document put into a sentence: written as shipment files name it, said in the reader's words on a page.</summary>
public readonly record struct DocumentName(DocumentType Type)
{
    public override string ToString() => DocumentNames.Name(Type);
}

/// <summary>The names documents go by in shipment files and reports, and how long each may be used.</summary>
public static class DocumentNames
{
    private static readonly Dictionary<DocumentType, string> Names = new()
    {
        [DocumentType.CitesExportPermit] = "export-permit",
        [DocumentType.CitesImportPermit] = "import-permit",
        [DocumentType.CitesReExportCertificate] = "re-export-certificate",
        [DocumentType.CertificateOfOrigin] = "certificate-of-origin",
        [DocumentType.CaptiveBreedingCertificate] = "captive-breeding-certificate",
        [DocumentType.ComparableDocumentation] = "comparable-documentation",
        [DocumentType.VeterinaryHealthCertificate] = "veterinary-certificate",
        [DocumentType.OwnershipDeed] = "ownership-deed",
        [DocumentType.MinistryApproval] = "ministry-approval",
        [DocumentType.Other] = "other",
        [DocumentType.PreConventionCertificate] = "pre-convention-certificate",
        [DocumentType.TravellingExhibitionCertificate] = "travelling-exhibition-certificate",
        [DocumentType.VeterinaryImportConditions] = "veterinary-import-conditions",
        [DocumentType.ShippersCertification] = "shippers-certification",
        [DocumentType.SanctionsReview] = "sanctions-review",
        [DocumentType.CargoInspection] = "cargo-inspection",
        [DocumentType.PartyScreening] = "party-screening",
        [DocumentType.NationalExportPermit] = "national-export-permit",
    };

    private static readonly Dictionary<string, DocumentType> ByName = Names.ToDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);

    public static IEnumerable<string> All => Names.Values;

    public static string Name(DocumentType type) => Names[type];

    public static bool TryParse(string? name, out DocumentType type) => ByName.TryGetValue(name?.Trim() ?? "", out type);

    /// <summary>
    /// The longest a document may be used after issue: export permits and re-export certificates 6 months
    /// (Art. VI(2), C-50); import permits and certificates of origin 12 months, travelling-exhibition
    /// certificates 3 years (Res. Conf. 12.3 as codified in 50 CFR 23.54, C-51). Comparable documentation
    /// of a non-Party stands in for an import permit and is held to its limit.
    /// </summary>
    public static int? MaxMonths(DocumentType type) => type switch
    {
        DocumentType.CitesExportPermit or DocumentType.CitesReExportCertificate => 6,
        DocumentType.CitesImportPermit or DocumentType.CertificateOfOrigin or DocumentType.ComparableDocumentation => 12,
        DocumentType.TravellingExhibitionCertificate => 36,
        _ => null,
    };

    /// <summary>The last day a document may be used: its stated end, cut short by the longest use the rules allow.</summary>
    public static DateOnly? UsableUntil(ShipmentDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var limit = MaxMonths(document.Type) is { } months ? document.IssuedOn.AddMonths(months) : (DateOnly?)null;
        return (document.ValidUntil, limit) switch
        {
            ({ } until, { } max) => until < max ? until : max,
            ({ } until, null) => until,
            (null, var max) => max,
        };
    }

    public static bool IsUsableOn(ShipmentDocument document, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(document);
        return (document.ValidFrom ?? document.IssuedOn) <= day && !(UsableUntil(document) < day);
    }
}
