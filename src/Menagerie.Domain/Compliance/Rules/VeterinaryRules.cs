using Menagerie.Domain.Documents;

namespace Menagerie.Domain.Compliance.Rules;

/// <summary>§3: the veterinary certificate, its age, the importer's conditions and quarantine.</summary>
public static class VeterinaryRules
{
    public static readonly ComplianceRule V01 = new("V-01", "International veterinary certificate", "WOAH Terrestrial Code Arts. 5.1.1–5.1.2, 5.2.1–5.2.2", Certificate);
    public static readonly ComplianceRule V02 = new("V-02", "Clinical examination shortly before departure", "50 CFR 14.105(a)–(b) (10 days); the importer's conditions set N", Examination);
    public static readonly ComplianceRule V03 = new("V-03", "Importer's veterinary import conditions", "WOAH Terrestrial Code Art. 5.1.2", c => c.ImporterIsParty ? [ImportConditions(c, V03!)] : []);
    public static readonly ComplianceRule V04 = new("V-04", "Quarantine recorded", "Reg. (EU) 2020/688 Art. 63 (≥30 days into a confined establishment)", Quarantine);
    public static readonly ComplianceRule V07 = new("V-07", "Disease statements by species group", "Importer-specific (UNSOURCED); structure of EAEU Decision 317", DiseaseStatements);
    public static readonly ComplianceRule L10 = new("L-10", "Importing non-Party's permits and veterinary conditions unknown", "transfer-rules §5.2 (UNSOURCED: no DPRK source)", c => c.ImporterIsParty ? [] : [ImportConditions(c, L10!)]);

    private static readonly (string Taxon, Wording Group, Wording Statements)[] Groups =
    [
        ("Carnivora", "carnivores", "rabies"),
        ("Bovidae", "bovids", "foot-and-mouth disease, tuberculosis, brucellosis, lumpy skin disease"),
        ("Psittaciformes", "psittacines", "avian influenza (HPAI), Newcastle disease, chlamydiosis"),
        ("Aves", "birds", "avian influenza (HPAI), Newcastle disease"),
    ];

    private static IEnumerable<Requirement> Certificate(ComplianceContext c) =>
        c.Shipment.Lines.Select(line => c.NeedDocument("V-01", Severity.Block, V01.Source, line, DocumentType.VeterinaryHealthCertificate, c.Shipment.Exporter,
            $"{line.Label} needs an international veterinary certificate signed by a veterinarian authorised by {c.Shipment.Exporter}'s Veterinary Authority, meeting {c.Shipment.Importer}'s requirements"));

    private static IEnumerable<Requirement> Examination(ComplianceContext c)
    {
        var departure = c.Shipment.Date;
        var window = c.Shipment.ExaminationWindowDays;
        foreach (var line in c.Shipment.Lines)
        {
            // The latest examination before departure counts; a certificate issued after it cannot speak for it.
            var certified = c.Shipment.Documents.Where(d => d.Type == DocumentType.VeterinaryHealthCertificate && d.Covering(line) > 0).Select(d => d.IssuedOn).ToList();
            var examined = line.ExaminedOn ?? (certified.Where(d => d <= departure).Select(d => (DateOnly?)d).Max() ?? certified.Select(d => (DateOnly?)d).Min());
            var days = departure.DayNumber - examined?.DayNumber;
            var status = examined is null ? RequirementStatus.Missing
                : days > window ? RequirementStatus.Expired
                : days < 0 ? RequirementStatus.NotYetValid
                : RequirementStatus.Satisfied;
            yield return new Requirement
            {
                Rule = "V-02",
                Severity = Severity.Block,
                Status = status,
                Lines = [line.Number],
                Source = V02.Source,
                Message = examined is null
                    ? Wording.Of($"{line.Label}: no clinical examination is recorded; it must be within {window} days before departure on {departure:yyyy-MM-dd}")
                    : $"{line.Label} was examined {examined:yyyy-MM-dd}, {days} days before departure on {departure:yyyy-MM-dd} (at most {window} allowed)",
            };
        }
    }

    private static Requirement ImportConditions(ComplianceContext c, ComplianceRule rule) =>
        c.Evidence(rule.Id, Severity.Warn, rule.Source, c.Shipment.Lines.Select(l => l.Number), DocumentType.VeterinaryImportConditions,
            c.ImporterIsParty
                ? Wording.Of($"{c.Shipment.Importer}'s veterinary import conditions (or import permit of its veterinary authority) for these species groups")
                : $"{c.Shipment.Importer}'s import permits, veterinary import conditions and competent authority are not in the reference data: obtain its veterinary import conditions before departure",
            c.Shipment.Importer);

    private static IEnumerable<Requirement> Quarantine(ComplianceContext c)
    {
        var recorded = !string.IsNullOrWhiteSpace(c.Shipment.Quarantine);
        yield return ComplianceContext.Condition("V-04", Severity.Warn, V04.Source, c.Shipment.Lines.Select(l => l.Number), recorded, recorded
            ? Wording.Of($"Quarantine: {c.Shipment.Quarantine}")
            : "Record pre-export isolation and post-arrival quarantine (where, how many days)");
    }

    private static IEnumerable<Requirement> DiseaseStatements(ComplianceContext c)
    {
        var byGroup = c.Lines
            .Select(x => (x.Line, Group: Groups.FirstOrDefault(g => x.Listing.InLineage(g.Taxon))))
            .Where(x => x.Group.Group is not null)
            .GroupBy(x => x.Group);
        // The statements are the importer's to set: with its conditions in hand and a certificate issued, the check is met.
        var conditions = c.Shipment.Documents.Any(d => d.Type == DocumentType.VeterinaryImportConditions && d.IssuingState == c.Shipment.Importer && DocumentNames.IsUsableOn(d, c.On));
        foreach (var group in byGroup)
        {
            var certified = group.All(x => c.Shipment.Documents.Any(d => d.Type == DocumentType.VeterinaryHealthCertificate && d.Covering(x.Line) > 0));
            yield return ComplianceContext.Condition("V-07", Severity.Warn, V07.Source, group.Select(x => x.Line.Number), conditions && certified, conditions && certified
                ? Wording.Of($"The veterinary certificate for {group.Key.Group} follows {c.Shipment.Importer}'s import conditions ({group.Key.Statements})")
                : $"The veterinary certificate for {group.Key.Group} should carry {c.Shipment.Importer}'s statements on {group.Key.Statements}: obtain the importer's conditions and confirm them");
        }
    }
}
