using PdfSharp;

namespace Menagerie.App.Transport.Documents;

/// <summary>
/// The list of contents that travels with the shipment (T-13): the transfer, the parties, the LAR edition the
/// crates were checked against (T-00), the journey, and every animal line with its identifiers, crates and the
/// documents that cover it.
/// </summary>
internal static class ShipmentManifest
{
    private static readonly SheetColumn[] Columns =
    [
        new("Line", 0.4), new("Specimen", 1.1), new("Scientific name", 1.3), new("Common name", 1.2), new("Sex / count", 0.8),
        new("Identifiers", 1.8), new("Crates", 0.8), new("Covering documents", 2.6),
    ];

    public static byte[] Render(TransportPapers papers)
    {
        var style = new FieldStyle(DocumentFont.Bold(9), DocumentFont.Regular(9), 110);
        using var sheets = Print.Start(papers, "Shipment manifest — live animals", PageOrientation.Landscape, style);
        var plan = papers.Plan;
        sheets.Field("LAR edition", plan.Journey.LarEdition ?? "Not recorded", style);
        sheets.Field("Container table", plan.ContainerTable, style);
        var journey = plan.Journey;
        sheets.Field("Journey", journey.Legs.Count == 0 ? "No legs recorded" : string.Join("\n", journey.Legs.Select(Print.Leg)), style);
        if (journey.ExpectedDuration is { } duration)
            sheets.Field("Expected duration", Print.Duration(duration), style);
        if (journey.Attendant is { Length: > 0 } attendant)
            sheets.Field("Attendant", attendant, style);
        sheets.Field("Crates", $"{plan.Crates.Count} crates, {Print.Animals(plan.Crates.Sum(c => c.AnimalCount))}, {Print.Kg(plan.Crates.Sum(c => c.GrossKg))} gross", style);
        sheets.Space(10);
        sheets.Table(Columns, papers.Lines.Select(line => Row(papers, line)), DocumentFont.Regular(8), DocumentFont.Bold(8));
        return sheets.Finish($"Shipment manifest · transfer {papers.Reference} · {papers.Shipper.Code} → {papers.Consignee.Code}");
    }

    private static string[] Row(TransportPapers papers, ManifestLine line)
    {
        var crates = papers.Plan.CratesOf(line.Line).Select(c => c.Number).ToList();
        return
        [
            line.Line.ToString(System.Globalization.CultureInfo.InvariantCulture),
            line.Name is { Length: > 0 } name ? $"{line.Specimen}\n{name}" : line.Specimen,
            line.Taxon,
            line.CommonName,
            $"{line.Sex}\n{Print.Animals(line.Count)}",
            line.Identifiers.Count == 0 ? "—" : string.Join("\n", line.Identifiers),
            crates.Count == 0 ? "not crated" : string.Join(", ", crates),
            line.Documents.Count == 0 ? "—" : string.Join("\n", line.Documents),
        ];
    }
}
