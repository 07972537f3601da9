using PdfSharp;

namespace Menagerie.App.Transport.Documents;

/// <summary>
/// What the air waybill for the animals carries: the special handling code AVI (T-16), the nature and quantity
/// of goods by common English name and count (T-15), pieces, gross weight and each crate's size, and the note
/// for the captain that live animals are aboard (T-18).
/// </summary>
internal static class AirWaybillHandlingData
{
    private static readonly SheetColumn[] Crates = [new("Crate", 0.7), new("Outer L × W × H", 1.5), new("Gross weight", 1), new("Contents", 2.6), new("Temperature", 1.3)];

    public static byte[] Render(TransportPapers papers)
    {
        var style = new FieldStyle(DocumentFont.Bold(10), DocumentFont.Regular(10), 150);
        using var sheets = Print.Start(papers, "Air waybill — handling data", PageOrientation.Portrait, style);
        var plan = papers.Plan;
        sheets.Space(6);
        sheets.Field("Special handling code", "AVI", style with { Value = DocumentFont.Bold(20) });
        sheets.Field("Nature and quantity of goods", string.Join("\n", NatureAndQuantity(papers)), style);
        sheets.Paragraph("Live animals only: no other goods are carried on this air waybill.", DocumentFont.Bold(9), indent: 150);
        sheets.Field("Number of pieces", $"{plan.Crates.Count}", style);
        sheets.Field("Gross weight", Print.Kg(plan.Crates.Sum(c => c.GrossKg)), style);
        sheets.Field("Handling information", HandlingInformation(papers), style);
        sheets.Space(10);
        sheets.Table(Crates, plan.Crates.Select(c => new[]
        {
            c.Number, c.Outer.ToString(), Print.Kg(c.GrossKg),
            string.Join("\n", c.Occupants.Select(o => $"{o.Count} {o.CommonName} ({o.Taxon})")), c.Temperature.ToString(),
        }), DocumentFont.Regular(9), DocumentFont.Bold(9));
        sheets.Space(12);
        sheets.Paragraph("NOTIFICATION TO CAPTAIN (NOTOC)", DocumentFont.Bold(11));
        sheets.Paragraph(
            $"Live animals (AVI) are aboard: {Print.Animals(plan.Crates.Sum(c => c.AnimalCount))} in {plan.Crates.Count} crates, {Print.Kg(plan.Crates.Sum(c => c.GrossKg))} gross. " +
            "List them on the NOTOC with their loading position, and keep the hold within each crate's temperature range.", DocumentFont.Regular(10));
        return sheets.Finish($"Air waybill handling data · transfer {papers.Reference}");
    }

    /// <summary>Common English names and counts, one line each, summed where several lines are the same species.</summary>
    private static IEnumerable<string> NatureAndQuantity(TransportPapers papers) =>
        papers.Lines.GroupBy(l => (l.CommonName, l.Taxon))
            .Select(g => $"{g.Sum(l => l.Count)} × {(g.Key.CommonName is { Length: > 0 } name ? name : g.Key.Taxon)}");

    private static string HandlingInformation(TransportPapers papers)
    {
        var notes = new List<string> { "Shipper's Certification for Live Animals attached (T-14)." };
        if (Print.Cites(papers).Any())
            notes.Add("CITES permits/certificates attached to the air waybill.");
        if (papers.Plan.Crates.Any(c => c.Requirement.Padlocks))
            notes.Add("Padlocked crates: keys travel with the documents.");
        // RGP-85, still cited by Russian airports, wants this sentence on the AWB (T-22).
        if (string.Equals(papers.Shipper.Country, "RU", StringComparison.OrdinalIgnoreCase))
            notes.Add("Невыход животных из клетки гарантируется (escape of the animals from the crates is guaranteed against).");
        return string.Join("\n", notes);
    }
}
