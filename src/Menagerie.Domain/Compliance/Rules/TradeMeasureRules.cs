using Menagerie.Domain.Transfers;

namespace Menagerie.Domain.Compliance.Rules;

/// <summary>§1.3 C-23: recommendations to suspend trade and export quotas, from the zoo's own Species+ downloads.</summary>
public static class TradeMeasureRules
{
    private const string MeasureSource = "CITES Notifications to the Parties, as Species+ lists them (CITES suspensions and quotas downloads); Res. Conf. 14.3 (compliance), Res. Conf. 14.7 (national export quotas)";

    public static readonly ComplianceRule C23 = new("C-23", "Trade suspensions and export quotas", MeasureSource, Measures);

    private static IEnumerable<Requirement> Measures(ComplianceContext c)
    {
        var exporter = c.Shipment.Exporter;
        var importer = c.Shipment.Importer;
        var listed = c.ListedLines.ToList();
        if (listed.Count == 0)
            return [];
        // A recommendation for a taxon concerns exports of it; one for every listed species concerns trade with the state either way.
        var suspensions = c.Checklist.SuspensionsOf(exporter)
            .Concat(c.Checklist.SuspensionsOf(importer).Where(s => s.Taxon is null))
            .Where(s => s.InForceOn(c.On))
            .Select(s => (Suspension: s, Lines: Covered(c.Checklist, listed, s.Taxon, s.Sources)))
            .Where(s => s.Lines.Count > 0)
            .Select(s => Suspended(c, s.Suspension, s.Lines));
        var quotas = c.Checklist.QuotasOf(exporter)
            .Where(q => q.Year == c.On.Year && q.Quota >= 0 && q.CoversLiveAnimals)
            .Select(q => (Quota: q, Lines: Covered(c.Checklist, listed, q.Taxon, q.Sources)))
            .Where(q => q.Lines.Count > 0)
            .Select(q => Quota(c, q.Quota, q.Lines));
        return [.. suspensions, .. quotas];
    }

    /// <summary>The listed lines a measure for a taxon (null: every listed species) and these sources reaches.</summary>
    private static List<int> Covered(Checklist checklist, List<(ShipmentLine Line, ListingResolution Listing, CitesRoute Route)> listed, string? taxon, IReadOnlyList<char> sources) =>
        [.. listed.Where(x => Covers(checklist, x.Listing, taxon) && TradeMeasureNotes.Covers(sources, x.Line.Source)).Select(x => x.Line.Number)];

    private static Requirement Suspended(ComplianceContext c, TradeSuspension s, List<int> lines)
    {
        var what = s.Taxon is null ? "all CITES-listed species" : Wording.FromString(s.Taxon);
        var state = c.Checklist.Party(s.State)?.Name ?? s.State;
        if (s.Scope == SuspensionScope.CommercialTrade && c.Shipment.Terms != TransferTerms.Sale && c.Shipment.Purpose != 'T')
        {
            return ComplianceContext.Condition("C-23", Severity.Warn, MeasureSource, lines, met: false,
                $"{s.StartNotification}: commercial trade with {state} ({s.State}) in {what} is to be suspended since {s.Start:yyyy-MM-dd} ({Details(s.Notes, s.Source)}); this transfer is not a sale: confirm with the Management Authority that it is not for primarily commercial purposes");
        }
        return ComplianceContext.Condition("C-23", Severity.Block, MeasureSource, lines, met: false,
            $"{s.StartNotification}: trade with {state} ({s.State}) in {what} is to be suspended since {s.Start:yyyy-MM-dd} ({Details(s.Notes, s.Source)}): no Party should accept these specimens while it stands");
    }

    private static Requirement Quota(ComplianceContext c, ExportQuota q, List<int> lines)
    {
        var state = c.Checklist.Party(q.State)?.Name ?? q.State;
        var unit = q.Unit.Length == 0 ? "" : " " + q.Unit;
        return q.Quota == 0
            ? ComplianceContext.Condition("C-23", Severity.Block, MeasureSource, lines, met: false,
                $"{state} ({q.State}) published a zero export quota for {q.Taxon} for {q.Year} ({Details(q.Notes, q.Source)}): none may be exported that year")
            : ComplianceContext.Condition("C-23", Severity.Info, MeasureSource, lines, met: true,
                $"{state} ({q.State}) published an export quota of {q.Quota:0.##}{unit} for {q.Taxon} for {q.Year} ({Details(q.Notes, q.Source)}): the exporting Management Authority counts these specimens against it");
    }

    private static string Details(string notes, string source) => string.IsNullOrWhiteSpace(notes) ? source : $"{notes.Trim().TrimEnd('.')}; {source}";

    /// <summary>Whether a measure for a taxon (null: every listed species) reaches a line's taxon: the taxon itself, a synonym of it, or a taxon above it.</summary>
    private static bool Covers(Checklist checklist, ListingResolution listing, string? taxon) =>
        taxon is null || listing.InLineage(taxon) || (checklist.Taxon(taxon)?.AcceptedName is { } accepted && listing.InLineage(accepted));
}
