using PdfSharp;
using PdfSharp.Drawing;

namespace Menagerie.App.Transport.Documents;

/// <summary>
/// The data of the Shipper's Certification for Live Animals (T-14): the animals by common and scientific name in
/// English with their number, and the statements the shipper signs. Signature, name and date stay blank: only the
/// shipper or an agent authorised in writing may complete them.
/// </summary>
internal static class ShippersCertificationForm
{
    private static readonly SheetColumn[] Columns = [new("Number", 0.8), new("Common name (English)", 2.2), new("Scientific name", 2.2), new("Line", 0.5)];

    public static byte[] Render(TransportPapers papers)
    {
        using var sheets = Print.Start(papers, "Shipper's Certification for Live Animals", PageOrientation.Portrait, new FieldStyle(DocumentFont.Bold(10), DocumentFont.Regular(10), 100));
        sheets.Space(6);
        sheets.Paragraph("To be completed in duplicate and signed by the shipper or an agent authorised in writing — not by an IATA cargo agent, consolidator, forwarder or indirect carrier. One copy stays with the accepting carrier; one travels with the shipment to destination.", DocumentFont.Italic(9));
        sheets.Space(10);
        sheets.Table(Columns, papers.Lines.Select(l => new[] { $"{l.Count}", l.CommonName, l.Taxon, $"{l.Line}" }), DocumentFont.Regular(10), DocumentFont.Bold(10));
        sheets.Space(12);
        sheets.Paragraph("I hereby certify that:", DocumentFont.Bold(10));
        foreach (var statement in Statements(papers))
        {
            sheets.Space(3);
            sheets.Paragraph("☐  " + statement, DocumentFont.Regular(10), indent: 8);
        }
        sheets.Space(20);
        foreach (var blank in new[] { "Name and title of signatory", "Signature", "Place and date" })
        {
            sheets.KeepTogether(30);
            sheets.Paragraph($"{blank}:", DocumentFont.Regular(10));
            sheets.Graphics.DrawLine(XPens.Black, PdfSheets.Left + 180, sheets.Y - 2, PdfSheets.Left + sheets.Width, sheets.Y - 2);
            sheets.Space(16);
        }
        return sheets.Finish($"Shipper's Certification for Live Animals · transfer {papers.Reference}");
    }

    private static IEnumerable<string> Statements(TransportPapers papers)
    {
        yield return "Advance arrangements have been made with the carriers on the route and with the consignee at destination.";
        yield return "This consignment is fully and accurately described above by common and scientific name, is properly packed and marked, and is in proper condition for carriage by air according to the IATA Live Animals Regulations and all applicable carrier and government regulations.";
        yield return "The animals are in good health and condition and fit to travel; any wild-caught animals have been acclimatised.";
        var cites = Print.Cites(papers).ToList();
        if (cites.Count > 0)
            yield return $"CITES permits/certificates are attached to the air waybill: {string.Join("; ", cites.Select(d => $"{d.Type} {d.Number}"))}.";
    }
}
