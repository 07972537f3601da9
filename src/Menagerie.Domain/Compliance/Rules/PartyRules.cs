using Menagerie.Domain.Documents;

namespace Menagerie.Domain.Compliance.Rules;

/// <summary>§0 and §1.7: who is a Party, and what a non-Party's documents must show.</summary>
public static class PartyRules
{
    public static readonly ComplianceRule P01 = new("P-01", "CITES Party status, re-checked before approval", "CITES chronological list of Parties (cites.org/eng/disc/parties/chronolo.php); 90-day re-check is Menagerie policy", PartyStatus);
    public static readonly ComplianceRule C63 = new("C-63", "Form of non-Party documents", "50 CFR 23.23(b)", NonPartyDocumentForm);
    public static readonly ComplianceRule C64 = new("C-64", "Non-Party competent authority known to the Secretariat", "Res. Conf. 9.5 (paraphrase UNSOURCED)", NonPartyAuthority);

    private static IEnumerable<Requirement> PartyStatus(ComplianceContext c)
    {
        var states = new[] { c.Shipment.Exporter, c.Shipment.Importer }.Concat(c.Shipment.Transport.Transit).Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var state in states)
        {
            var status = c.Checklist.Party(state);
            if (status is null)
            {
                yield return ComplianceContext.Condition("P-01", Severity.Warn, P01.Source, [], met: false,
                    $"No CITES Party status is recorded for {state}: it is treated as a non-Party until its status is recorded");
                continue;
            }
            var age = c.On.DayNumber - status.AsOf.DayNumber;
            if (status.IsParty && !status.IsPartyOn(c.On))
            {
                yield return ComplianceContext.Condition("P-01", Severity.Warn, P01.Source, [], met: true,
                    $"{status.Name} ({state}) is a Party only from {status.EntryIntoForce:yyyy-MM-dd} ({status.Source}): on {c.On:yyyy-MM-dd} it is a non-Party");
                continue;
            }
            yield return new Requirement
            {
                Rule = "P-01",
                Severity = Severity.Warn,
                Lines = [],
                Source = P01.Source,
                Status = age > c.Settings.PartyStatusMaxAgeDays ? RequirementStatus.Expired : RequirementStatus.Satisfied,
                Message = (status.IsParty, age > c.Settings.PartyStatusMaxAgeDays) switch
                {
                    (true, false) => Wording.Of($"{status.Name} ({state}) is a Party since {status.EntryIntoForce:yyyy-MM-dd} as of {status.AsOf:yyyy-MM-dd} ({status.Source})"),
                    (false, false) => $"{status.Name} ({state}) is not a Party as of {status.AsOf:yyyy-MM-dd} ({status.Source})",
                    (true, true) => $"{status.Name} ({state}) is a Party since {status.EntryIntoForce:yyyy-MM-dd} as of {status.AsOf:yyyy-MM-dd} ({status.Source}); that is more than {c.Settings.PartyStatusMaxAgeDays} days before {c.On:yyyy-MM-dd}: re-check it against the CITES list of Parties",
                    (false, true) => $"{status.Name} ({state}) is not a Party as of {status.AsOf:yyyy-MM-dd} ({status.Source}); that is more than {c.Settings.PartyStatusMaxAgeDays} days before {c.On:yyyy-MM-dd}: re-check it against the CITES list of Parties",
                },
            };
        }
    }

    private static IEnumerable<Requirement> NonPartyDocumentForm(ComplianceContext c) =>
        c.Shipment.Documents.Where(d => d.Type == DocumentType.ComparableDocumentation).Select(d => ComplianceContext.Condition(
            "C-63", Severity.Warn, C63.Source, d.Covers.Select(x => x.Line), met: false,
            $"Comparable documentation {d.Number} of {d.IssuingState}: confirm it clearly shows what it is and carries the standard CITES data (scientific name, quantity, source and purpose codes, importer and exporter)"));

    private static IEnumerable<Requirement> NonPartyAuthority(ComplianceContext c)
    {
        var nonParties = new[] { (c.Shipment.Exporter, c.ExporterIsParty), (c.Shipment.Importer, c.ImporterIsParty) }.Where(s => !s.Item2).Select(s => s.Item1).ToList();
        var listed = c.ListedLines.Select(x => x.Line.Number).ToList();
        if (nonParties.Count == 0 || listed.Count == 0)
            return [];
        return nonParties.Select(state => ComplianceContext.Condition("C-64", Severity.Warn, C64.Source, listed, met: false,
            $"{state} is not a Party: confirm that the authority issuing its comparable documentation is a competent authority notified to the CITES Secretariat (not established for every non-Party)"));
    }
}
