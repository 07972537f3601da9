using Menagerie.Domain.Documents;
using Menagerie.Domain.Transfers;

namespace Menagerie.Domain.Compliance.Rules;

/// <summary>§1.6: the Article VII exemptions, and their misuse.</summary>
public static class ExemptionRules
{
    public static readonly ComplianceRule C41 = new("C-41", "Appendix I bred for commercial purposes by a registered operation", "CITES Art. VII(4); Res. Conf. 12.10", RegisteredOperation);
    public static readonly ComplianceRule C42 = new("C-42", "Captive-breeding certificate instead of permits", "CITES Art. VII(5); Res. Conf. 11.14; Res. Conf. 12.10", CaptiveBreedingCertificate);
    public static readonly ComplianceRule C43 = new("C-43", "Born in captivity is not bred in captivity", "Res. Conf. 10.16 as codified in 50 CFR 23.63(c), 23.24(d)", BredInCaptivity);
    public static readonly ComplianceRule C44 = new("C-44", "Pre-Convention certificate", "CITES Art. VII(2); Res. Conf. 13.6", PreConvention);
    public static readonly ComplianceRule C45 = new("C-45", "Personal effects are not for institutions", "CITES Art. VII(3); Menagerie policy for institutional transfers", c => Misuse(c, Exemption.PersonalEffects, C45!, "The personal or household effects exemption (Art. VII(3)) is not available for a transfer between institutions"));
    public static readonly ComplianceRule C46 = new("C-46", "Scientific exchange never covers live animals", "CITES Art. VII(6)", c => Misuse(c, Exemption.ScientificExchange, C46!, "The scientific exchange exemption (Art. VII(6)) covers preserved museum specimens and live plant material, never live animals"));
    public static readonly ComplianceRule C47 = new("C-47", "Travelling exhibitions only travel", "CITES Art. VII(7); 50 CFR 23.54(b)(3)", TravellingExhibition);

    private static IEnumerable<Requirement> RegisteredOperation(ComplianceContext c)
    {
        foreach (var (line, listing) in c.Lines.Where(x => x.Line.Exemption == Exemption.RegisteredCaptiveBreeding && x.Listing.Appendix == Appendix.I))
        {
            var registered = line.Source == 'D' && !string.IsNullOrWhiteSpace(line.RegisteredOperation);
            yield return ComplianceContext.Condition("C-41", Severity.Block, C41.Source, [line.Number], registered, registered
                ? Wording.Of($"{line.Label} was bred by {line.RegisteredOperation}, registered with the CITES Secretariat (source D): deemed Appendix II")
                : line.Source == 'D'
                    ? Wording.Of($"{line.Label} claims Art. VII(4) but names no operation registered with the CITES Secretariat: it stays in Appendix I, and its commercial import is not allowed")
                    : $"{line.Label} claims Art. VII(4) but is not source D: it stays in Appendix I, and its commercial import is not allowed");
        }
    }

    private static IEnumerable<Requirement> CaptiveBreedingCertificate(ComplianceContext c)
    {
        foreach (var (line, listing, _) in c.ListedLines.Where(x => x.Route.ByCaptiveBreedingCertificate))
        {
            yield return c.NeedDocument("C-42", Severity.Block, C42.Source, line, DocumentType.CaptiveBreedingCertificate, c.Shipment.Exporter,
                $"{line.Label} goes on a captive-breeding certificate of {c.Shipment.Exporter} instead of permits");
            if (listing.Appendix != Appendix.I)
                continue;
            var nonCommercial = c.Shipment.Terms != TransferTerms.Sale && c.Shipment.Purpose != 'T';
            var programme = !string.IsNullOrWhiteSpace(c.Shipment.CooperativeProgramme);
            yield return ComplianceContext.Condition("C-42", Severity.Block, C42.Source, [line.Number], nonCommercial && programme, nonCommercial && programme
                ? Wording.Of($"Appendix I on a captive-breeding certificate: not for profit, between two operations of {c.Shipment.CooperativeProgramme}; no import permit is needed")
                : nonCommercial
                    ? "Appendix I goes on a captive-breeding certificate only when not for profit and between two operations in a cooperative conservation programme: record the programme"
                    : "Appendix I goes on a captive-breeding certificate only when not for profit and between two operations in a cooperative conservation programme: this shipment is commercial");
        }
    }

    private static IEnumerable<Requirement> BredInCaptivity(ComplianceContext c) =>
        c.Lines.Where(x => x.Line.Exemption is Exemption.CaptiveBreeding or Exemption.RegisteredCaptiveBreeding && x.Line.Source is not ('C' or 'D'))
            .Select(x => ComplianceContext.Condition("C-43", Severity.Block, C43.Source, [x.Line.Number], met: false,
                x.Line.Source == 'F'
                    ? Wording.Of($"{x.Line.Label} is source F (born in captivity), which does not meet 'bred in captivity': the captive-breeding routes are closed and the full procedure of its Appendix applies")
                    : x.Line.Source is { } s
                        ? Wording.Of($"{x.Line.Label} claims a captive-breeding route with source {s}: only C (or D for a registered operation) qualifies")
                        : $"{x.Line.Label} claims a captive-breeding route with no source recorded: only C (or D for a registered operation) qualifies"));

    private static IEnumerable<Requirement> PreConvention(ComplianceContext c)
    {
        foreach (var (line, listing, _) in c.ListedLines.Where(x => x.Route.ByPreConventionCertificate))
        {
            yield return c.NeedDocument("C-44", Severity.Block, C44.Source, line, DocumentType.PreConventionCertificate, c.Shipment.Exporter,
                $"{line.Label} goes as pre-Convention: a pre-Convention certificate of {c.Shipment.Exporter} stating the acquisition date is needed");
            var firstListed = listing.Lineage.Select(c.Checklist.FirstListed).Where(d => d is not null).Min();
            var before = line.AcquiredOn is { } acquired && firstListed is { } listed && acquired < listed;
            yield return ComplianceContext.Condition("C-44", Severity.Block, C44.Source, [line.Number], before, before
                ? Wording.Of($"Acquired {line.AcquiredOn:yyyy-MM-dd}, before the species entered the Appendices on {firstListed:yyyy-MM-dd}")
                : line.AcquiredOn is null
                    ? Wording.Of($"{line.Label}: record the acquisition date (removal from the wild or birth) for a pre-Convention claim")
                    : firstListed is { } d
                        ? Wording.Of($"Acquired {line.AcquiredOn:yyyy-MM-dd}, not before the species entered the Appendices on {d:yyyy-MM-dd}: it is not pre-Convention")
                        : $"Acquired {line.AcquiredOn:yyyy-MM-dd}, not before the species entered the Appendices: it is not pre-Convention");
        }
    }

    private static IEnumerable<Requirement> Misuse(ComplianceContext c, Exemption exemption, ComplianceRule rule, Wording message) =>
        c.Lines.Where(x => x.Line.Exemption == exemption)
            .Select(x => ComplianceContext.Condition(rule.Id, Severity.Block, rule.Source, [x.Line.Number], met: false, $"{x.Line.Label}: {message}"));

    private static IEnumerable<Requirement> TravellingExhibition(ComplianceContext c)
    {
        foreach (var (line, _) in c.Lines.Where(x => x.Line.Exemption == Exemption.TravellingExhibition))
        {
            if (c.Shipment.Terms is not (TransferTerms.Loan or TransferTerms.LoanReturn))
            {
                yield return ComplianceContext.Condition("C-47", Severity.Block, C47.Source, [line.Number], met: false,
                    $"{line.Label}: the travelling-exhibition exemption (Art. VII(7)) is not for a permanent transfer such as a {new Term(c.Shipment.Terms)}");
                continue;
            }
            yield return c.NeedDocument("C-47", Severity.Block, C47.Source, line, DocumentType.TravellingExhibitionCertificate, c.Shipment.Exporter,
                $"{line.Label} travels as an exhibition: a travelling-exhibition certificate of {c.Shipment.Exporter} is needed");
        }
    }
}
