using Menagerie.Domain.Documents;

namespace Menagerie.Domain.Compliance.Rules;

/// <summary>§1.5: how long permits may be used, one consignment per permit, and the data they carry.</summary>
public static class DocumentRules
{
    public static readonly ComplianceRule C50 = new("C-50", "Export permits are used within 6 months", "CITES Art. VI(2)", c => Validity(c, C50!, DocumentType.CitesExportPermit, DocumentType.CitesReExportCertificate));
    public static readonly ComplianceRule C51 = new("C-51", "Validity of import permits, certificates and comparable documentation", "Res. Conf. 12.3 as codified in 50 CFR 23.54(b)–(c) (VERIFY against the current Res. Conf. 12.3)",
        c => Validity(c, C51!, DocumentType.CitesImportPermit, DocumentType.CertificateOfOrigin, DocumentType.ComparableDocumentation, DocumentType.TravellingExhibitionCertificate));
    public static readonly ComplianceRule C53 = new("C-53", "One consignment per permit", "CITES Art. VI(5)", OneConsignment);
    public static readonly ComplianceRule C56 = new("C-56", "Source code on every permit", "50 CFR 23.23(c); 50 CFR 23.24 (source codes)", SourceCodes);

    private static readonly DocumentType[] CitesDocuments =
    [
        DocumentType.CitesExportPermit, DocumentType.CitesImportPermit, DocumentType.CitesReExportCertificate, DocumentType.CertificateOfOrigin,
        DocumentType.CaptiveBreedingCertificate, DocumentType.ComparableDocumentation, DocumentType.PreConventionCertificate, DocumentType.TravellingExhibitionCertificate,
    ];

    private static IReadOnlyList<int> Lines(ComplianceContext c, ShipmentDocument d) =>
        d.Covers.Count == 0 ? [.. c.Shipment.Lines.Select(l => l.Number)] : [.. d.Covers.Select(x => x.Line)];

    private static IEnumerable<Requirement> Validity(ComplianceContext c, ComplianceRule rule, params DocumentType[] types)
    {
        foreach (var document in c.Shipment.Documents.Where(d => types.Contains(d.Type)))
        {
            var from = document.ValidFrom ?? document.IssuedOn;
            var until = DocumentNames.UsableUntil(document);
            var status = from > c.On ? RequirementStatus.NotYetValid : until < c.On ? RequirementStatus.Expired : RequirementStatus.Satisfied;
            var limit = DocumentNames.MaxMonths(document.Type);
            yield return new Requirement
            {
                Rule = rule.Id,
                Severity = Severity.Block,
                Status = status,
                Lines = Lines(c, document),
                SatisfiedBy = document,
                Source = rule.Source,
                Message = status switch
                {
                    RequirementStatus.Expired => Wording.Of($"{new DocumentName(document.Type)} {document.Number}, issued {document.IssuedOn:yyyy-MM-dd}, may be used from {from:yyyy-MM-dd} until {until:yyyy-MM-dd} ({limit} months at most); on {c.On:yyyy-MM-dd} it can no longer be used and cannot be extended"),
                    RequirementStatus.NotYetValid => $"{new DocumentName(document.Type)} {document.Number}, issued {document.IssuedOn:yyyy-MM-dd}, may be used from {from:yyyy-MM-dd} until {until:yyyy-MM-dd} ({limit} months at most); on {c.On:yyyy-MM-dd} it is not yet valid",
                    _ => $"{new DocumentName(document.Type)} {document.Number}, issued {document.IssuedOn:yyyy-MM-dd}, may be used from {from:yyyy-MM-dd} until {until:yyyy-MM-dd} ({limit} months at most)",
                },
            };
        }
    }

    private static IEnumerable<Requirement> OneConsignment(ComplianceContext c)
    {
        foreach (var document in c.Shipment.Documents.Where(d => CitesDocuments.Contains(d.Type)))
        {
            var others = document.AlsoUsedFor.Where(o => !string.Equals(o, c.Shipment.Reference, StringComparison.OrdinalIgnoreCase)).ToList();
            if (others.Count == 0)
                continue;
            yield return new Requirement
            {
                Rule = "C-53",
                Severity = Severity.Block,
                Status = RequirementStatus.Missing,
                Lines = Lines(c, document),
                SatisfiedBy = document,
                Source = C53.Source,
                Message = $"{new DocumentName(document.Type)} {document.Number} was presented for {string.Join(", ", others)} too: each consignment needs its own document",
            };
        }
    }

    private static IEnumerable<Requirement> SourceCodes(ComplianceContext c)
    {
        foreach (var (line, _, _) in c.ListedLines)
        {
            var (severity, message) = line.Source switch
            {
                null => (Severity.Warn, Wording.Of($"{line.Label}: record the CITES source code (C, F, W …); every permit carries it")),
                'A' => (Severity.Block, $"{line.Label}: source A is for artificially propagated plants, never animals"),
                'U' => (Severity.Warn, $"{line.Label}: source U (unknown) needs a justification the Management Authority accepts"),
                'I' => (Severity.Warn, $"{line.Label}: source I (confiscated or seized) needs an explanation"),
                'O' => (Severity.Warn, $"{line.Label}: source O (pre-Convention) is used together with another code"),
                _ => (Severity.Info, ""),
            };
            if (severity != Severity.Info)
                yield return ComplianceContext.Condition("C-56", severity, C56.Source, [line.Number], met: false, message);
        }
    }
}
