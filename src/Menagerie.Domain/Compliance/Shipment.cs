using Menagerie.Domain.Documents;
using Menagerie.Domain.Transfers;

namespace Menagerie.Domain.Compliance;

/// <summary>An Article VII exemption claimed for a line.</summary>
public enum Exemption
{
    None,

    /// <summary>Art. VII(5): bred in captivity, a captive-breeding certificate instead of permits.</summary>
    CaptiveBreeding,

    /// <summary>Art. VII(4): Appendix I bred in captivity for commercial purposes by a registered operation.</summary>
    RegisteredCaptiveBreeding,

    /// <summary>Art. VII(2): acquired before the Convention applied to it.</summary>
    PreConvention,

    /// <summary>Art. VII(3): personal or household effects.</summary>
    PersonalEffects,

    /// <summary>Art. VII(6): scientific exchange between registered institutions.</summary>
    ScientificExchange,

    /// <summary>Art. VII(7): travelling zoo, circus or exhibition.</summary>
    TravellingExhibition,
}

public enum TransportMode
{
    Air,
    Road,
    Rail,
    Sea,
}

/// <summary>A temperature range in degrees Celsius.</summary>
public sealed record TemperatureRange(decimal Min, decimal Max)
{
    public bool Within(TemperatureRange allowed) => Min >= allowed.Min && Max <= allowed.Max;

    public override string ToString() => $"{Min} to {Max} °C";
}

/// <summary>
/// A consignment to check: who sends it from which state to which, when it leaves, why, on what terms,
/// how it travels, the animals by line and the documents held. The same shape comes from a shipment file
/// or from a transfer in the database.
/// </summary>
public sealed record Shipment
{
    /// <summary>The consignment's own reference (a transfer key): a document presented for another consignment cannot serve this one.</summary>
    public string Reference { get; init; } = "";

    /// <summary>ISO code of the exporting state.</summary>
    public required string Exporter { get; init; }

    /// <summary>ISO code of the importing state.</summary>
    public required string Importer { get; init; }

    /// <summary>The day it leaves.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>CITES purpose code (Z zoo, B breeding, Q travelling exhibition, T commercial …).</summary>
    public char Purpose { get; init; } = 'Z';

    public TransferTerms Terms { get; init; } = TransferTerms.Gift;

    /// <summary>The exporter re-exports specimens it imported earlier.</summary>
    public bool ReExport { get; init; }

    /// <summary>The cooperative conservation programme both institutions take part in (Art. VII(5) for Appendix I).</summary>
    public string? CooperativeProgramme { get; init; }

    /// <summary>A recorded Res. Conf. 5.10 assessment that non-commercial aspects clearly predominate.</summary>
    public string? CommercialityAssessment { get; init; }

    public ShipmentTransport Transport { get; init; } = new();

    /// <summary>Quarantine arranged before export and after arrival (where and how long), if recorded.</summary>
    public string? Quarantine { get; init; }

    /// <summary>How many days before departure the clinical examination may be (the importer's condition).</summary>
    public int ExaminationWindowDays { get; init; } = 10;

    public IReadOnlyList<ShipmentLine> Lines { get; init; } = [];
    public IReadOnlyList<ShipmentDocument> Documents { get; init; } = [];

    /// <summary>
    /// What the authorities of the two states said of a transfer in the records, by state; null for a shipment file,
    /// which records no sign-off: there a ministry-approval document of the state stands for its authority's approval.
    /// </summary>
    public IReadOnlyList<AuthoritySignOff>? SignOffs { get; init; }
}

/// <summary>
/// Where a state's authority stands on the consignment: whether it approved (by whom, when), and an objection it has
/// not withdrawn (by whom, when, why).
/// </summary>
public sealed record AuthoritySignOff(string State, string? ApprovedBy, DateTime? ApprovedAt, string? ObjectedBy, DateTime? ObjectedAt, string? Objection)
{
    public bool Approved => ApprovedBy is not null;
    public bool Objects => ObjectedBy is not null;
}

public sealed record ShipmentTransport
{
    public TransportMode Mode { get; init; } = TransportMode.Air;

    /// <summary>A state aircraft or an operator not bound by the IATA LAR.</summary>
    public bool StateAircraft { get; init; }

    /// <summary>ISO codes of transit states, in order.</summary>
    public IReadOnlyList<string> Transit { get; init; } = [];

    public bool VeterinarianTravelling { get; init; }

    /// <summary>Forecast ground temperatures at origin, transit and destination, lowest and highest.</summary>
    public TemperatureRange? Forecast { get; init; }

    /// <summary>How animals are kept within their range where the forecast falls outside it (heated holding, transfer).</summary>
    public string? TemperaturePlan { get; init; }

    /// <summary>Crates and equipment come back rather than stay at the destination; null when not recorded.</summary>
    public bool? EquipmentReturned { get; init; }

    /// <summary>The air waybill of carriage by an airline; null when none is recorded (road, sea, a state aircraft).</summary>
    public AirWaybill? AirWaybill { get; init; }
}

/// <summary>What the air waybill says: its number, whether it also lists goods other than the animals, and its special handling codes.</summary>
public sealed record AirWaybill
{
    public string Number { get; init; } = "";
    public bool OtherGoods { get; init; }
    public IReadOnlyList<string> HandlingCodes { get; init; } = [];
}

/// <summary>Who signed a Shipper's Certification for Live Animals (T-14).</summary>
public enum CertificationSigner
{
    Shipper,

    /// <summary>An agent the shipper authorised in writing.</summary>
    AuthorisedAgent,

    CargoAgent,
    Consolidator,
    Forwarder,
    IndirectCarrier,
}

/// <summary>One line of a shipment: a taxon and how many, by sex, with what the rules need to know of them.</summary>
public sealed record ShipmentLine
{
    /// <summary>Position in the shipment, from 1.</summary>
    public required int Number { get; init; }

    /// <summary>The scientific name as recorded: a species, a subspecies, or only a genus or family when not identified.</summary>
    public required string Taxon { get; init; }

    public required int Count { get; init; }

    /// <summary>male, female, unknown, or counts written 1.1.0.</summary>
    public string? Sex { get; init; }

    /// <summary>CITES source code (C, F, W, D, R, I, O, U).</summary>
    public char? Source { get; init; }

    /// <summary>ISO code of the population or lineage of origin; null when not recorded.</summary>
    public string? Population { get; init; }

    /// <summary>The animals are of the domesticated form.</summary>
    public bool Domestic { get; init; }

    public Exemption Exemption { get; init; }

    /// <summary>The operation registered with the CITES Secretariat that bred them (Art. VII(4)).</summary>
    public string? RegisteredOperation { get; init; }

    /// <summary>When they were acquired (removed from the wild or born), for a pre-Convention claim.</summary>
    public DateOnly? AcquiredOn { get; init; }

    /// <summary>The crate they travel in; lines sharing a crate share it.</summary>
    public string? Crate { get; init; }

    /// <summary>Animals of one species in one crate are known to be compatible.</summary>
    public bool Compatible { get; init; }

    public bool Sedated { get; init; }

    /// <summary>The day of the clinical examination before departure.</summary>
    public DateOnly? ExaminedOn { get; init; }

    /// <summary>The temperature range the examining veterinarian has written for them, replacing the default.</summary>
    public TemperatureRange? Temperature { get; init; }

    /// <summary>How messages name the line: "line 2 (2 × Ursus arctos)".</summary>
    public string Label => $"line {Number} ({Count} × {Taxon})";
}

/// <summary>A document held for the shipment, as the rules see it.</summary>
public sealed record ShipmentDocument
{
    public required DocumentType Type { get; init; }
    public required string Number { get; init; }

    /// <summary>ISO code of the issuing state.</summary>
    public required string IssuingState { get; init; }

    public string IssuingAuthority { get; init; } = "";
    public required DateOnly IssuedOn { get; init; }
    public DateOnly? ValidFrom { get; init; }
    public DateOnly? ValidUntil { get; init; }

    /// <summary>Lines covered and how many of each (null: all of the line); empty means the whole shipment.</summary>
    public IReadOnlyList<(int Line, int? Count)> Covers { get; init; } = [];

    /// <summary>Other consignments this document was presented for.</summary>
    public IReadOnlyList<string> AlsoUsedFor { get; init; } = [];

    /// <summary>Who signed it, where that matters (a Shipper's Certification, T-14); null when not recorded.</summary>
    public CertificationSigner? SignedBy { get; init; }

    /// <summary>How many of a line it covers: 0 when it does not name the line.</summary>
    public int Covering(ShipmentLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (Covers.Count == 0)
            return line.Count;
        foreach (var (number, count) in Covers)
        {
            if (number == line.Number)
                return count ?? line.Count;
        }
        return 0;
    }
}
