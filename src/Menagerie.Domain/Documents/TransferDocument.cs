using Menagerie.Domain.Specimens;
using Menagerie.Domain.Transfers;

namespace Menagerie.Domain.Documents;

public enum DocumentType
{
    CitesExportPermit,
    CitesImportPermit,
    CitesReExportCertificate,
    CertificateOfOrigin,
    CaptiveBreedingCertificate,

    /// <summary>A non-Party's documents comparable to CITES permits (Art. X).</summary>
    ComparableDocumentation,

    VeterinaryHealthCertificate,
    OwnershipDeed,
    MinistryApproval,
    Other,

    /// <summary>A pre-Convention certificate (Art. VII(2)).</summary>
    PreConventionCertificate,

    /// <summary>A travelling-exhibition certificate (Art. VII(7)).</summary>
    TravellingExhibitionCertificate,

    /// <summary>The importing state's veterinary import conditions or import permit.</summary>
    VeterinaryImportConditions,

    /// <summary>The Shipper's Certification for Live Animals, or equivalent evidence that the LAR were met.</summary>
    ShippersCertification,

    /// <summary>A legal review of the shipment against sanctions on the destination.</summary>
    SanctionsReview,

    /// <summary>A customs record that the cargo was inspected.</summary>
    CargoInspection,

    /// <summary>Consignee, consignor, carrier and payer screened against designated persons and entities.</summary>
    PartyScreening,

    /// <summary>An export permit under the exporting state's own regime for native or Red Book species.</summary>
    NationalExportPermit,
}

/// <summary>Which line of the transfer a document covers, and for part of a group how many by sex.</summary>
public sealed class DocumentCoverage
{
    private DocumentCoverage() { }

    public DocumentId DocumentId { get; private set; }
    public int Line { get; private set; }

    /// <summary>How many of the line it covers; null for all of it.</summary>
    public SexCounts? Counts { get; private set; }

    internal static DocumentCoverage Create(DocumentId document, int line, SexCounts? counts) => new() { DocumentId = document, Line = line, Counts = counts };
}

/// <summary>What a registrar states about a permit or certificate when registering it.</summary>
public sealed record DocumentDetails
{
    public required DocumentType Type { get; init; }
    public required string Number { get; init; }
    public required string IssuingAuthority { get; init; }

    /// <summary>ISO 3166 code of the issuing state.</summary>
    public required string IssuingState { get; init; }

    public required DateOnly IssuedOn { get; init; }
    public DateOnly? ValidFrom { get; init; }
    public DateOnly? ValidUntil { get; init; }

    /// <summary>The lines it covers (with counts for part of a group); none means the whole shipment.</summary>
    public IReadOnlyList<(int Line, SexCounts? Counts)> Covers { get; init; } = [];
}

/// <summary>
/// A permit or certificate registered for a transfer: CITES permits, certificates of origin or captive
/// breeding, a non-Party's comparable documentation, veterinary health certificates, ownership deeds,
/// ministry approvals. What it covers is named by the transfer's lines; a scan of it may be attached.
/// </summary>
public sealed class TransferDocument
{
    public const int MaxFileBytes = 10 * 1024 * 1024;

    private readonly List<DocumentCoverage> _covers = [];

    private TransferDocument() { Number = IssuingAuthority = IssuingState = RecordedBy = ""; }

    public DocumentId Id { get; private set; }
    public TransferId TransferId { get; private set; }
    public DocumentType Type { get; private set; }
    public string Number { get; private set; }
    public string IssuingAuthority { get; private set; }
    public string IssuingState { get; private set; }
    public DateOnly IssuedOn { get; private set; }
    public DateOnly? ValidFrom { get; private set; }
    public DateOnly? ValidUntil { get; private set; }
    public string? FileName { get; private set; }
    public string? FileType { get; private set; }
    public byte[]? File { get; private set; }
    public DateTime RecordedAt { get; private set; }
    public string RecordedBy { get; private set; }

    public IReadOnlyList<DocumentCoverage> Covers => _covers;

    /// <summary>Registers a document for a transfer; every problem is returned at once.</summary>
    public static Result<TransferDocument> Register(
        DocumentId id, Transfer transfer, DocumentDetails details, (string Name, string ContentType, byte[] Content)? file, DateTime now, string by)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        ArgumentNullException.ThrowIfNull(details);
        var problems = new List<RuleViolation>();
        if (!Enum.IsDefined(details.Type))
            problems.Add(new("document.type", "type", $"'{details.Type}' is not a kind of document."));
        if (string.IsNullOrWhiteSpace(details.Number) || details.Number.Length > 100)
            problems.Add(new("document.number", "number", "A document needs its number, at most 100 characters."));
        if (string.IsNullOrWhiteSpace(details.IssuingAuthority) || details.IssuingAuthority.Length > 300)
            problems.Add(new("document.issuer", "issuingAuthority", "A document needs the authority that issued it, at most 300 characters."));
        if (details.IssuingState is not { Length: 2 } state || !state.All(char.IsAsciiLetter))
            problems.Add(new("document.state", "issuingState", "The issuing state is an ISO 3166 two-letter code (e.g. RU)."));
        if (details.IssuedOn > DateOnly.FromDateTime(now))
            problems.Add(new("document.issued", "issuedOn", "The issue date is in the future."));
        if (Plausible.TooEarly(details.IssuedOn))
            problems.Add(new("document.issued", "issuedOn", Plausible.BeforeEarliest(details.IssuedOn)));
        foreach (var (field, date) in new[] { ("validFrom", details.ValidFrom), ("validUntil", details.ValidUntil) })
        {
            if (date is { } d && Plausible.TooFarAhead(d, now))
                problems.Add(new("document.validity", field, Plausible.BeyondPlanning(d)));
        }
        if (details.ValidFrom < details.IssuedOn)
            problems.Add(new("document.validity", "validFrom", "A document is not valid before it is issued."));
        if (details.ValidUntil < (details.ValidFrom ?? details.IssuedOn))
            problems.Add(new("document.validity", "validUntil", "The validity ends before it begins."));
        for (var i = 0; i < details.Covers.Count; i++)
        {
            var (number, counts) = details.Covers[i];
            var line = transfer.Lines.FirstOrDefault(l => l.Number == number);
            if (line is null)
                problems.Add(new("document.covers", $"covers[{i}].line", $"The transfer has no line {number}."));
            else if (counts is { } c && (c.IsZero || c.IsNegative || !line.Counts.Covers(c)))
                problems.Add(new("document.covers", $"covers[{i}].counts", $"Line {number} carries {line.Counts}; a document cannot cover {c} of it."));
            if (details.Covers.Take(i).Any(x => x.Line == number))
                problems.Add(new("document.covers", $"covers[{i}].line", $"Line {number} is named twice."));
        }
        if (file is { } f && (f.Content.Length == 0 || f.Content.Length > MaxFileBytes || string.IsNullOrWhiteSpace(f.Name)))
            problems.Add(new("document.file", "file", $"An attached file has a name and between 1 byte and {MaxFileBytes / (1024 * 1024)} MB."));
        if (problems.Count > 0)
            return problems;

        var document = new TransferDocument
        {
            Id = id,
            TransferId = transfer.Id,
            Type = details.Type,
            Number = details.Number.Trim(),
            IssuingAuthority = details.IssuingAuthority.Trim(),
            IssuingState = details.IssuingState.ToUpperInvariant(),
            IssuedOn = details.IssuedOn,
            ValidFrom = details.ValidFrom,
            ValidUntil = details.ValidUntil,
            FileName = file?.Name.Trim(),
            FileType = file?.ContentType,
            File = file?.Content,
            RecordedAt = now,
            RecordedBy = by,
        };
        document._covers.AddRange(details.Covers.Select(c => DocumentCoverage.Create(id, c.Line, c.Counts)));
        return document;
    }

    /// <summary>Valid on that day: issued, its validity begun and not ended.</summary>
    public bool IsValidOn(DateOnly day) => (ValidFrom ?? IssuedOn) <= day && (ValidUntil is null || day <= ValidUntil);
}
