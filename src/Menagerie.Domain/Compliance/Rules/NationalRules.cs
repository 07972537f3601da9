using Menagerie.Domain.Documents;

namespace Menagerie.Domain.Compliance.Rules;

/// <summary>§5: the exporting state's own regime for native species, and sanctions on the destination.</summary>
public static class NationalRules
{
    private static readonly string[] EaeuMembers = ["RU", "BY", "KZ", "AM", "KG"];

    public static readonly ComplianceRule L02 = new("L-02", "Native and Red Book species leaving the EAEU", "EEC Board Decision No. 30 of 21 Apr 2015 (permit regime for wild live animals and Red Book species); Red Book and EAEU lists not loaded", NativeSpecies);
    public static readonly ComplianceRule L20 = new("L-20", "Sanctions: luxury goods and legal review", "UNSCR 1718 (2006) OP 8(a)(iii); UNSCR 2094 Annex IV, 2270, 2321; national luxury-goods lists", LuxuryGoods);
    public static readonly ComplianceRule L21 = new("L-21", "Sanctions: cargo inspection", "UNSCR 2270 (2016) para 18; UNSCR 2321", c => Sanctioned(c, L21!, DocumentType.CargoInspection, $"All States inspect cargo destined for {c.Shipment.Importer} in their territory, airports included: record the inspection or customs clearance"));
    public static readonly ComplianceRule L22 = new("L-22", "Sanctions: crates and equipment left at the destination", "UNSCR 2397 (2017) (industrial machinery, transport vehicles, metals)", Equipment);
    public static readonly ComplianceRule L24 = new("L-24", "Sanctions: designated persons and entities", "1718 Committee sanctions list", c => Sanctioned(c, L24!, DocumentType.PartyScreening, $"Screen consignee, consignor, carrier and payer against the designated persons and entities for {c.Shipment.Importer}"));

    private static IEnumerable<Requirement> NativeSpecies(ComplianceContext c)
    {
        var exporter = c.Shipment.Exporter;
        if (!EaeuMembers.Contains(exporter, StringComparer.OrdinalIgnoreCase))
            yield break;
        foreach (var (line, listing) in c.Lines.Where(x => x.Listing.Outcome is not ListingOutcome.Domesticated && x.Listing.Taxon is not null))
        {
            if (c.Checklist.NativeRange(listing.Taxon!) is not { } range || !range.Countries.Contains(exporter, StringComparer.OrdinalIgnoreCase))
                continue;
            yield return c.NeedDocument("L-02", Severity.Warn, L02.Source, line, DocumentType.NationalExportPermit, exporter,
                $"{listing.Taxon} is native to {exporter} ({range.Source}): check its Red Book and the EAEU lists for an export permit of wild live animals");
        }
    }

    private static IEnumerable<Requirement> LuxuryGoods(ComplianceContext c)
    {
        if (c.Checklist.Sanctions(c.Shipment.Importer) is not { } regime)
            yield break;
        var horses = c.Lines.Where(x => x.Listing.InLineage("Equus") && x.Line.Domestic).Select(x => x.Line.Number).ToList();
        if (horses.Count > 0 && (c.Shipment.Exporter is "GB" || EuMembers.Contains(c.Shipment.Exporter)))
        {
            yield return ComplianceContext.Condition("L-20", Severity.Block, L20.Source, horses, met: false,
                $"Pure-bred horses are luxury goods on the {c.Shipment.Exporter} national list: they may not be supplied to {c.Shipment.Importer}");
        }
        yield return c.Evidence("L-20", Severity.Warn, L20.Source, c.Shipment.Lines.Select(l => l.Number), DocumentType.SanctionsReview,
            $"{c.Shipment.Importer} is under sanctions ({regime.Measures}): a legal review that these animals are not luxury goods under the exporter's practice and the UN measures; a state-to-state gift is not exempt by itself");
    }

    private static readonly string[] EuMembers =
        ["AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"];

    private static IEnumerable<Requirement> Sanctioned(ComplianceContext c, ComplianceRule rule, DocumentType evidence, Wording message) =>
        c.Checklist.Sanctions(c.Shipment.Importer) is null
            ? []
            : [c.Evidence(rule.Id, Severity.Warn, rule.Source, c.Shipment.Lines.Select(l => l.Number), evidence, message)];

    private static IEnumerable<Requirement> Equipment(ComplianceContext c)
    {
        if (c.Checklist.Sanctions(c.Shipment.Importer) is null)
            yield break;
        var returned = c.Shipment.Transport.EquipmentReturned == true;
        yield return ComplianceContext.Condition("L-22", returned ? Severity.Info : Severity.Warn, L22.Source, [], returned, returned
            ? Wording.Of("Crates and equipment come back: nothing stays at the destination")
            : $"Crates, cages or equipment left in {c.Shipment.Importer} need a legal review against the ban on supplying machinery, vehicles and metals; record whether they come back");
    }
}
