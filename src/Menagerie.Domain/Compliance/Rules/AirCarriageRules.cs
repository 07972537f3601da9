using Menagerie.Domain.Documents;

namespace Menagerie.Domain.Compliance.Rules;

/// <summary>Carriage by an airline under an air waybill: the Shipper's Certification, the waybill's contents and its handling code (transfer-rules §2.4).</summary>
internal static class AirCarriageRules
{
    public static readonly ComplianceRule T14 = new("T-14", "Shipper's Certification for Live Animals, signed by the shipper", "IATA Res. 620 Att. A; Live Animal Declaration form", ShippersCertification);
    public static readonly ComplianceRule T15 = new("T-15", "Live animals alone on their air waybill", "IATA Res. 620 Att. A", AnimalsAlone);
    public static readonly ComplianceRule T16 = new("T-16", "Special handling code AVI on the air waybill", "IATA special handling codes (jetcurrent.com glossary)", HandlingCode);

    private static readonly CertificationSigner[] MayNotSign =
        [CertificationSigner.CargoAgent, CertificationSigner.Consolidator, CertificationSigner.Forwarder, CertificationSigner.IndirectCarrier];

    private static IEnumerable<int> All(ComplianceContext c) => c.Shipment.Lines.Select(l => l.Number);

    /// <summary>Needed wherever an airline carries the animals on a waybill; whoever signed it, it must not be an IATA cargo agent, consolidator, forwarder or indirect carrier.</summary>
    private static IEnumerable<Requirement> ShippersCertification(ComplianceContext c)
    {
        var certifications = c.Shipment.Documents.Where(d => d.Type == DocumentType.ShippersCertification).ToList();
        foreach (var wrong in certifications.Where(d => d.SignedBy is { } signer && MayNotSign.Contains(signer)))
        {
            yield return ComplianceContext.Condition(T14.Id, Severity.Block, T14.Source, All(c), met: false,
                $"The Shipper's Certification {wrong.Number} is signed by a {Words(wrong.SignedBy!.Value)}: it must be signed by the shipper or an agent the shipper authorised in writing, never an IATA cargo agent, consolidator, forwarder or indirect carrier");
        }
        if (c.Shipment.Transport.AirWaybill is not null)
        {
            yield return c.Evidence(T14.Id, Severity.Block, T14.Source, All(c), DocumentType.ShippersCertification,
                "An airline carries the animals: a Shipper's Certification for Live Animals, in duplicate, with common and scientific names in English, goes with the air waybill");
        }
    }

    private static IEnumerable<Requirement> AnimalsAlone(ComplianceContext c) =>
        c.Shipment.Transport.AirWaybill is { } waybill
            ? [ComplianceContext.Condition(T15.Id, Severity.Block, T15.Source, All(c), met: !waybill.OtherGoods, waybill.OtherGoods
                ? Wording.Of($"Air waybill {waybill.Number} also lists other goods: live animals travel on a waybill of their own, its nature and quantity of goods giving the common English name and count")
                : $"Air waybill {waybill.Number} lists the live animals alone")]
            : [];

    private static IEnumerable<Requirement> HandlingCode(ComplianceContext c)
    {
        if (c.Shipment.Transport.AirWaybill is not { } waybill)
            yield break;
        var avi = waybill.HandlingCodes.Contains("AVI", StringComparer.OrdinalIgnoreCase);
        yield return ComplianceContext.Condition(T16.Id, Severity.Block, T16.Source, All(c), met: avi, avi
            ? Wording.Of($"Air waybill {waybill.Number} carries the special handling code AVI")
            : $"Air waybill {waybill.Number} lacks the special handling code AVI (live animal), on the waybill and the booking");
    }

    /// <summary>Only those who may not sign are named in a sentence.</summary>
    private static Wording Words(CertificationSigner signer) => signer switch
    {
        CertificationSigner.CargoAgent => "IATA cargo agent",
        CertificationSigner.IndirectCarrier => "indirect carrier",
        CertificationSigner.Consolidator => "consolidator",
        CertificationSigner.Forwarder => "forwarder",
        CertificationSigner.AuthorisedAgent => "authorised agent",
        _ => "shipper",
    };
}
