using Menagerie.Domain.Documents;

namespace Menagerie.Domain.Compliance.Rules;

/// <summary>§5: the exporting state's own regime for native species and its authority's approval, and sanctions on the destination.</summary>
public static class NationalRules
{
    private static readonly string[] EaeuMembers = ["RU", "BY", "KZ", "AM", "KG"];

    public static readonly ComplianceRule L02 = new("L-02", "Native and Red Book species leaving the EAEU", "EEC Board Decision No. 30 of 21 Apr 2015 (permit regime for wild live animals and Red Book species); Red Book and EAEU lists not loaded", NativeSpecies);
    /// <summary>
    /// L-04: a state that has its authority approve what leaves it (a setting of its country in the records) blocks
    /// clearance until that authority has signed the transfer off; an objection of the authority of either state
    /// blocks until it is withdrawn. In a shipment file, which records no sign-off, the state's ministry-approval
    /// document stands for the approval.
    /// </summary>
    public static readonly ComplianceRule L04 = new("L-04", "The state's authority approves the transfer; an objection stops it",
        "National approval of the export, recorded for the exporting state's country in these records (Menagerie setting); for RU, the Ministry of Natural Resources and Environment oversaw the 2024 shipments to KP (reference §6)",
        AuthorityApproval);

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

    private static IEnumerable<Requirement> AuthorityApproval(ComplianceContext c)
    {
        foreach (var objecting in (c.Shipment.SignOffs ?? []).Where(s => s.Objects))
        {
            yield return ComplianceContext.Condition("L-04", Severity.Block, L04.Source, [], met: false,
                $"The authority of {objecting.State} objects ({objecting.ObjectedBy}, {objecting.ObjectedAt:yyyy-MM-dd}): {objecting.Objection}. Nothing may leave until it withdraws the objection");
        }
        var exporter = c.Shipment.Exporter;
        if (!c.Checklist.RequiresAuthorityApproval(exporter))
            yield break;
        if (c.Shipment.SignOffs is not { } signOffs)
        {
            yield return c.Evidence("L-04", Severity.Block, L04.Source, [], DocumentType.MinistryApproval,
                $"{exporter} has its authority approve every transfer leaving it", exporter);
            yield break;
        }
        yield return signOffs.FirstOrDefault(s => s.Approved && string.Equals(s.State, exporter, StringComparison.OrdinalIgnoreCase)) is { } approval
            ? ComplianceContext.Condition("L-04", Severity.Block, L04.Source, [], met: true,
                $"{exporter} has its authority approve every transfer leaving it — approved by {approval.ApprovedBy} on {approval.ApprovedAt:yyyy-MM-dd}.")
            : ComplianceContext.Condition("L-04", Severity.Block, L04.Source, [], met: false,
                $"{exporter} has its authority approve every transfer leaving it — its authority has not signed this one off (a ministry-approval document registered by a party does not stand for it).");
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
