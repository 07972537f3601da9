using Menagerie.Domain.Documents;

namespace Menagerie.Domain.Compliance;

/// <summary>
/// One rule of the reference: its identifier, what it is about, the text it comes from, and the small pure
/// function that derives its requirements from a shipment.
/// </summary>
public sealed record ComplianceRule(string Id, string Title, string Source, Func<ComplianceContext, IEnumerable<Requirement>> Evaluate);

/// <summary>Settings that are policy rather than law, with the defaults the reference gives.</summary>
public sealed record ComplianceSettings
{
    /// <summary>Listing data older than this, measured against the check date, draws a warning.</summary>
    public int ListingMaxAgeDays { get; init; } = 365;

    /// <summary>Party status older than this draws a warning (P-01: 90 days is a policy choice).</summary>
    public int PartyStatusMaxAgeDays { get; init; } = 90;
}

/// <summary>What every rule reads: the shipment, the reference data, the day of the check and each line's listing.</summary>
public sealed class ComplianceContext
{
    public ComplianceContext(Shipment shipment, Checklist checklist, DateOnly on, ComplianceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        Shipment = shipment;
        Checklist = checklist;
        On = on;
        Settings = settings;
        Listings = shipment.Lines.Select(l => ListingResolution.Resolve(checklist, l, on)).ToList();
        ExporterStatus = checklist.Party(shipment.Exporter);
        ImporterStatus = checklist.Party(shipment.Importer);
    }

    public Shipment Shipment { get; }
    public Checklist Checklist { get; }
    public DateOnly On { get; }
    public ComplianceSettings Settings { get; }
    public IReadOnlyList<ListingResolution> Listings { get; }
    public PartyStatus? ExporterStatus { get; }
    public PartyStatus? ImporterStatus { get; }

    /// <summary>
    /// A state with no known status, or one that joined after the day of the check, is treated as a non-Party:
    /// the stricter Article X path applies.
    /// </summary>
    public bool ExporterIsParty => ExporterStatus?.IsPartyOn(On) == true;

    public bool ImporterIsParty => ImporterStatus?.IsPartyOn(On) == true;

    public IEnumerable<(ShipmentLine Line, ListingResolution Listing)> Lines => Shipment.Lines.Zip(Listings);

    /// <summary>Lines whose specimens need CITES documents, with the Appendix and route that applies to each.</summary>
    public IEnumerable<(ShipmentLine Line, ListingResolution Listing, CitesRoute Route)> ListedLines =>
        Lines.Where(x => x.Listing.NeedsCitesDocuments).Select(x => (x.Line, x.Listing, CitesRoute.For(x.Line, x.Listing)));

    /// <summary>
    /// The requirement that a document of a type, from a state, covers a line and may be used on the day of
    /// the check: satisfied, or missing, expired, not yet valid, or covering too few.
    /// </summary>
    public Requirement NeedDocument(string rule, Severity severity, string source, ShipmentLine line, DocumentType type, string? issuer, Wording message)
    {
        ArgumentNullException.ThrowIfNull(line);
        var need = new DocumentNeed(type, issuer, On, line.Count);
        var covering = Shipment.Documents
            .Where(d => d.Type == type && (issuer is null || string.Equals(d.IssuingState, issuer, StringComparison.OrdinalIgnoreCase)) && d.Covering(line) > 0)
            .ToList();
        var usable = covering.Where(d => DocumentNames.IsUsableOn(d, On)).ToList();
        var status = usable.Sum(d => d.Covering(line)) >= line.Count ? RequirementStatus.Satisfied
            : usable.Count > 0 ? RequirementStatus.InsufficientQuantity
            : covering.Any(d => (d.ValidFrom ?? d.IssuedOn) > On) ? RequirementStatus.NotYetValid
            : covering.Count > 0 ? RequirementStatus.Expired
            : RequirementStatus.Missing;
        var name = new DocumentName(type);
        var detail = status switch
        {
            RequirementStatus.Satisfied => Wording.Of($"held: {Describe(usable[0])}"),
            RequirementStatus.InsufficientQuantity => $"{Describe(usable[0])} covers {usable.Sum(d => d.Covering(line))} of {line.Count}",
            RequirementStatus.NotYetValid => $"{Describe(covering[0])} is not valid until {covering[0].ValidFrom ?? covering[0].IssuedOn:yyyy-MM-dd}",
            RequirementStatus.Expired => $"{Describe(covering[0])} could be used only until {DocumentNames.UsableUntil(covering[0]):yyyy-MM-dd}",
            _ => issuer is null ? Wording.Of($"no {name} covers it") : $"no {name} issued by {issuer} covers it",
        };
        return new()
        {
            Rule = rule,
            Severity = severity,
            Status = status,
            Lines = [line.Number],
            Source = source,
            Need = need,
            SatisfiedBy = status == RequirementStatus.Satisfied ? usable[0] : covering.FirstOrDefault(),
            Message = $"{message} — {detail}.",
        };
    }

    /// <summary>A requirement about the shipment as a whole or some lines, met or not by a recorded fact.</summary>
    public static Requirement Condition(string rule, Severity severity, string source, IEnumerable<int> lines, bool met, Wording message) => new()
    {
        Rule = rule,
        Severity = severity,
        Source = source,
        Lines = [.. lines],
        Message = message,
        Status = met ? RequirementStatus.Satisfied : RequirementStatus.Missing,
    };

    /// <summary>A requirement met by a document of a type from any issuer, for the lines named.</summary>
    public Requirement Evidence(string rule, Severity severity, string source, IEnumerable<int> lines, DocumentType type, Wording message, string? issuer = null)
    {
        var held = Shipment.Documents.FirstOrDefault(d => d.Type == type && DocumentNames.IsUsableOn(d, On)
            && (issuer is null || string.Equals(d.IssuingState, issuer, StringComparison.OrdinalIgnoreCase)));
        return new()
        {
            Rule = rule,
            Severity = severity,
            Source = source,
            Lines = [.. lines],
            SatisfiedBy = held,
            Need = new DocumentNeed(type, issuer, On, 0),
            Status = held is null ? RequirementStatus.Missing : RequirementStatus.Satisfied,
            Message = held is null ? Wording.Of($"{message} — record it as a {new DocumentName(type)}.") : $"{message} — held: {Describe(held)}.",
        };
    }

    private static Wording Describe(ShipmentDocument d) => $"{new DocumentName(d.Type)} {d.Number} ({d.IssuingState}, issued {d.IssuedOn:yyyy-MM-dd})";
}

/// <summary>How CITES applies to a listed line: the Appendix that governs it and the document route claimed.</summary>
public sealed record CitesRoute(Appendix Appendix, Exemption Exemption)
{
    public bool ByCaptiveBreedingCertificate => Exemption == Exemption.CaptiveBreeding;
    public bool ByPreConventionCertificate => Exemption == Exemption.PreConvention;
    public bool ByPermits => !ByCaptiveBreedingCertificate && !ByPreConventionCertificate;

    /// <summary>
    /// Appendix-I animals bred for commercial purposes by a registered operation are deemed Appendix II
    /// (Art. VII(4)); every other line keeps the Appendix it resolved to.
    /// </summary>
    public static CitesRoute For(ShipmentLine line, ListingResolution listing)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(listing);
        var deemedII = listing.Appendix == Appendix.I && line.Exemption == Exemption.RegisteredCaptiveBreeding
            && line.Source == 'D' && !string.IsNullOrWhiteSpace(line.RegisteredOperation);
        return new(deemedII ? Appendix.II : listing.Appendix, line.Exemption);
    }
}
