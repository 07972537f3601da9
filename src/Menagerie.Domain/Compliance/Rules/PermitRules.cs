using Menagerie.Domain.Documents;
using Menagerie.Domain.Transfers;

namespace Menagerie.Domain.Compliance.Rules;

/// <summary>§1.2–1.4: the permits of Articles III, IV and V between two Parties, and §1.7: Article X with a non-Party.</summary>
public static class PermitRules
{
    public static readonly ComplianceRule C10 = new("C-10", "Export permit for Appendix I", "CITES Art. III(2)", c => Export(c, C10!, Appendix.I, reExport: false));
    public static readonly ComplianceRule C11 = new("C-11", "Import permit for Appendix I", "CITES Art. III(3)", ImportPermit);
    public static readonly ComplianceRule C12 = new("C-12", "Import permit granted before the export permit", "CITES Art. III(2)(d)", PermitOrder);
    public static readonly ComplianceRule C13 = new("C-13", "Appendix I not for primarily commercial purposes", "CITES Art. III(3)(c); Res. Conf. 5.10 (Rev. CoP15)", Commercial);
    public static readonly ComplianceRule C14 = new("C-14", "Re-export certificate for Appendix I", "CITES Art. III(4)", c => Export(c, C14!, Appendix.I, reExport: true));
    public static readonly ComplianceRule C20 = new("C-20", "Export permit for Appendix II", "CITES Art. IV(2)", c => Export(c, C20!, Appendix.II, reExport: false));
    public static readonly ComplianceRule C22 = new("C-22", "Re-export certificate for Appendix II", "CITES Art. IV(5)", c => Export(c, C22!, Appendix.II, reExport: true));
    public static readonly ComplianceRule C30 = new("C-30", "Export permit from the Party that listed it in Appendix III", "CITES Art. V(2)", ExportFromListingParty);
    public static readonly ComplianceRule C31 = new("C-31", "Certificate of origin for Appendix III", "CITES Art. V(3)", CertificateOfOrigin);
    public static readonly ComplianceRule C33 = new("C-33", "Appendix III from a non-listing Party to a non-Party", "CITES Art. V(3) (import side only); certificate of origin recommended (UNSOURCED practice)", OriginToNonParty);
    public static readonly ComplianceRule C60 = new("C-60", "Export permit for trade with a non-Party", "CITES Art. X; Art. III(2), IV(2)", ExportToNonParty);
    public static readonly ComplianceRule C61 = new("C-61", "Comparable documentation of a non-Party for Appendix I", "CITES Art. X; Art. III(2)(d); 50 CFR 23.25", ComparableImport);
    public static readonly ComplianceRule C62 = new("C-62", "Comparable export documentation from a non-Party", "CITES Art. X; Res. Conf. 9.5; 50 CFR 23.25(b)(1)", ComparableExport);

    private static bool BetweenParties(ComplianceContext c) => c.ExporterIsParty && c.ImporterIsParty;

    private static DocumentType ExportDocument(ComplianceContext c) =>
        c.Shipment.ReExport ? DocumentType.CitesReExportCertificate : DocumentType.CitesExportPermit;

    private static IEnumerable<Requirement> Export(ComplianceContext c, ComplianceRule rule, Appendix appendix, bool reExport)
    {
        if (!BetweenParties(c) || c.Shipment.ReExport != reExport)
            return [];
        return c.ListedLines.Where(x => x.Route.ByPermits && x.Route.Appendix == appendix).Select(x => c.NeedDocument(
            rule.Id, Severity.Block, rule.Source, x.Line, ExportDocument(c), c.Shipment.Exporter,
            $"{x.Line.Label} is in Appendix {appendix}: {c.Shipment.Exporter}'s Management Authority must grant its {new DocumentName(ExportDocument(c))} before it leaves"));
    }

    private static IEnumerable<Requirement> ImportPermit(ComplianceContext c) =>
        c.ImporterIsParty
            ? c.ListedLines.Where(x => x.Route.ByPermits && x.Route.Appendix == Appendix.I).Select(x => c.NeedDocument(
                "C-11", Severity.Block, C11.Source, x.Line, DocumentType.CitesImportPermit, c.Shipment.Importer,
                $"{x.Line.Label} is in Appendix I: {c.Shipment.Importer} must grant an import permit first (suitable housing and care, not for primarily commercial purposes)"))
            : [];

    private static IEnumerable<Requirement> PermitOrder(ComplianceContext c)
    {
        foreach (var (line, _, route) in c.ListedLines.Where(x => x.Route.ByPermits && x.Route.Appendix == Appendix.I))
        {
            var export = c.Shipment.Documents.Where(d => d.Type == ExportDocument(c) && d.Covering(line) > 0).MinBy(d => d.IssuedOn);
            var import = c.Shipment.Documents
                .Where(d => d.Type is DocumentType.CitesImportPermit or DocumentType.ComparableDocumentation && d.IssuingState == c.Shipment.Importer && d.Covering(line) > 0)
                .MinBy(d => d.IssuedOn);
            if (export is null || import is null)
                continue;
            var ordered = export.IssuedOn >= import.IssuedOn;
            yield return new Requirement
            {
                Rule = "C-12",
                Severity = Severity.Block,
                Lines = [line.Number],
                Source = C12.Source,
                SatisfiedBy = import,
                Status = ordered ? RequirementStatus.Satisfied : RequirementStatus.NotYetValid,
                Message = ordered
                    ? Wording.Of($"{new DocumentName(import.Type)} {import.Number} ({import.IssuedOn:yyyy-MM-dd}) was granted before export permit {export.Number} ({export.IssuedOn:yyyy-MM-dd})")
                    : $"Export permit {export.Number} was issued {export.IssuedOn:yyyy-MM-dd}, before the importer's {new DocumentName(import.Type)} {import.Number} ({import.IssuedOn:yyyy-MM-dd}): the export permit may be granted only once the import is authorised",
            };
        }
    }

    private static IEnumerable<Requirement> Commercial(ComplianceContext c)
    {
        var commercial = c.Shipment.Terms == TransferTerms.Sale || c.Shipment.Purpose == 'T';
        if (!commercial)
            yield break;
        var lines = c.ListedLines.Where(x => x.Route.Appendix == Appendix.I && x.Route.ByPermits).Select(x => x.Line.Number).ToList();
        if (lines.Count == 0)
            yield break;
        var assessed = !string.IsNullOrWhiteSpace(c.Shipment.CommercialityAssessment);
        yield return new Requirement
        {
            Rule = "C-13",
            Severity = assessed ? Severity.Warn : Severity.Block,
            Status = RequirementStatus.Missing,
            Lines = lines,
            Source = C13.Source,
            Message = assessed
                ? c.Shipment.Terms == TransferTerms.Sale
                    ? Wording.Of("Appendix I specimens on a sale: the recorded assessment that non-commercial aspects clearly predominate needs a person's review")
                    : "Appendix I specimens for a commercial purpose: the recorded assessment that non-commercial aspects clearly predominate needs a person's review"
                : "Appendix I specimens may not go for primarily commercial purposes: record a Res. Conf. 5.10 assessment showing non-commercial aspects clearly predominate, or use a registered captive-breeding operation (Art. VII(4))",
        };
    }

    private static bool ListedBy(ListingResolution listing, string state) =>
        string.Equals(listing.Listing?.ListingParty, state, StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<Requirement> ExportFromListingParty(ComplianceContext c) =>
        BetweenParties(c)
            ? c.ListedLines.Where(x => x.Route.ByPermits && x.Route.Appendix == Appendix.III && ListedBy(x.Listing, c.Shipment.Exporter)).Select(x => c.NeedDocument(
                "C-30", Severity.Block, C30.Source, x.Line, DocumentType.CitesExportPermit, c.Shipment.Exporter,
                $"{x.Line.Label} is in Appendix III, listed by {c.Shipment.Exporter} itself: an export permit is needed"))
            : [];

    private static IEnumerable<Requirement> CertificateOfOrigin(ComplianceContext c) =>
        BetweenParties(c)
            ? c.ListedLines.Where(x => x.Route.ByPermits && x.Route.Appendix == Appendix.III && !ListedBy(x.Listing, c.Shipment.Exporter)).Select(x => c.NeedDocument(
                "C-31", Severity.Block, C31.Source, x.Line, DocumentType.CertificateOfOrigin, c.Shipment.Exporter,
                $"{x.Line.Label} is in Appendix III (listed by {x.Listing.Listing?.ListingParty}): {c.Shipment.Importer} admits it on a certificate of origin"))
            : [];

    private static IEnumerable<Requirement> OriginToNonParty(ComplianceContext c) =>
        c.ExporterIsParty && !c.ImporterIsParty
            ? c.ListedLines.Where(x => x.Route.ByPermits && x.Route.Appendix == Appendix.III && !ListedBy(x.Listing, c.Shipment.Exporter)).Select(x => c.NeedDocument(
                "C-33", Severity.Warn, C33.Source, x.Line, DocumentType.CertificateOfOrigin, c.Shipment.Exporter,
                $"{x.Line.Label} is in Appendix III (listed by {x.Listing.Listing?.ListingParty}) and goes to a non-Party: the treaty asks nothing on export, but a certificate of origin from {c.Shipment.Exporter} is recommended"))
            : [];

    private static IEnumerable<Requirement> ExportToNonParty(ComplianceContext c) =>
        c.ExporterIsParty && !c.ImporterIsParty
            ? c.ListedLines
                .Where(x => x.Route.ByPermits && (x.Route.Appendix is Appendix.I or Appendix.II || ListedBy(x.Listing, c.Shipment.Exporter)))
                .Select(x => c.NeedDocument(
                    "C-60", Severity.Block, C60.Source, x.Line, ExportDocument(c), c.Shipment.Exporter,
                    $"{x.Line.Label} is in Appendix {x.Route.Appendix} and goes to {c.Shipment.Importer}, not a Party: {c.Shipment.Exporter}'s own duties stand, its Management Authority must grant the {new DocumentName(ExportDocument(c))}"))
            : [];

    private static IEnumerable<Requirement> ComparableImport(ComplianceContext c) =>
        c.ExporterIsParty && !c.ImporterIsParty
            ? c.ListedLines.Where(x => x.Route.ByPermits && x.Route.Appendix == Appendix.I).Select(x => c.NeedDocument(
                "C-61", Severity.Block, C61.Source, x.Line, DocumentType.ComparableDocumentation, c.Shipment.Importer,
                $"{x.Line.Label} is in Appendix I{(x.Listing.IsSplit ? Wording.Of(" (lineage not recorded)") : "")} and goes to {c.Shipment.Importer}, not a Party: comparable documentation from {c.Shipment.Importer}'s competent authority (not detrimental, suitable housing and care, not primarily commercial) must exist before the export permit, unless a captive-breeding certificate (Art. VII(5), C-42) is used"))
            : [];

    private static IEnumerable<Requirement> ComparableExport(ComplianceContext c) =>
        !c.ExporterIsParty && c.ImporterIsParty
            ? c.ListedLines.Where(x => x.Route.ByPermits && x.Route.Appendix is Appendix.I or Appendix.II).Select(x => c.NeedDocument(
                "C-62", Severity.Block, C62.Source, x.Line, DocumentType.ComparableDocumentation, c.Shipment.Exporter,
                $"{x.Line.Label} comes from {c.Shipment.Exporter}, not a Party: comparable export documentation of its competent authority (not detrimental, legally acquired) is needed"))
            : [];
}
