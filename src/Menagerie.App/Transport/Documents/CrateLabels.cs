using PdfSharp;
using PdfSharp.Drawing;
using QRCoder;

namespace Menagerie.App.Transport.Documents;

/// <summary>
/// One A4 landscape label per crate: "LIVE ANIMALS" (T-10) in letters over 2.5 cm tall (T-12), "THIS WAY UP" with
/// upright arrows (T-11), the contents by scientific name and count with shipper and consignee (T-13), the
/// 24-hour contact, how the crate is built and handled, and a QR code for each animal's record.
/// </summary>
internal static class CrateLabels
{
    // 97 pt DejaVu Sans capitals are 71 pt (2.5 cm) tall: the least T-12 allows.
    private const double LiveAnimalsSize = 97;
    private const double QrSize = 150;

    private static readonly XColor Green = XColor.FromArgb(0, 128, 60);
    private static readonly byte[] Black = [0, 0, 0, 255];
    private static readonly byte[] White = [255, 255, 255, 255];

    public static byte[] Render(TransportPapers papers, Uri baseUrl)
    {
        using var sheets = new PdfSheets($"Crate labels, transfer {papers.Reference}", PageOrientation.Landscape);
        var crates = papers.Plan.Crates;
        if (crates.Count == 0)
        {
            sheets.Paragraph("No crates are proposed for this transfer: record the animals' measurements and a container requirement for each.", DocumentFont.Bold(14));
            foreach (var block in papers.Plan.Blocks)
                sheets.Paragraph($"{block.Rule}: {block.Message}", DocumentFont.Regular(10));
            return sheets.Finish(null);
        }
        for (var i = 0; i < crates.Count; i++)
        {
            if (i > 0)
                sheets.NewPage();
            Label(sheets, papers, crates[i], crates.Count, baseUrl);
        }
        return sheets.Finish($"Crate labels · transfer {papers.Reference} · {papers.Shipper.Code} → {papers.Consignee.Code}");
    }

    private static void Label(PdfSheets sheets, TransportPapers papers, Domain.Transport.Crate crate, int crateCount, Uri baseUrl)
    {
        var g = sheets.Graphics;
        // A narrower margin than the other documents' so that "LIVE ANIMALS" in bold at 97 pt fits inside its frame.
        const double margin = 20;
        double left = margin, top = margin, width = sheets.Page.Width.Point - 2 * margin;

        g.DrawRectangle(new XPen(Green, 6), left, top, width, 112);
        g.DrawString("LIVE ANIMALS", DocumentFont.Bold(LiveAnimalsSize), new XSolidBrush(Green), new XRect(left, top, width, 112), XStringFormats.Center);

        var row = top + 124;
        Arrows(g, left, row, 60);
        g.DrawString("THIS WAY UP", DocumentFont.Bold(30), XBrushes.Black, new XRect(left + 80, row, 320, 60), XStringFormats.CenterLeft);
        g.DrawString($"CRATE {crate.Number} of {crateCount}", DocumentFont.Bold(30), XBrushes.Black, new XRect(left, row, width - 80, 60), XStringFormats.CenterRight);
        Arrows(g, left + width - 60, row, 60);

        var body = row + 72;
        g.DrawLine(new XPen(XColors.Black, 1), left, body - 6, left + width, body - 6);
        const double qrColumn = 230;
        var text = new TextColumn(g, left, body, width - qrColumn - 20);
        Contents(text, crate);
        Parties(text, papers);
        Handling(new TextColumn(g, left + width - qrColumn, Codes(g, papers, crate, left + width - qrColumn, body, qrColumn, baseUrl), qrColumn), crate);
    }

    private static void Contents(TextColumn text, Domain.Transport.Crate crate)
    {
        text.Heading("CONTENTS");
        foreach (var o in crate.Occupants)
        {
            text.Write(o.Taxon, DocumentFont.Font(24, XFontStyleEx.BoldItalic));
            var name = o.Name is { Length: > 0 } n ? $" {n}" : "";
            text.Write($"{o.CommonName} · {Print.Animals(o.Count)} · {o.Specimen}{name}", DocumentFont.Regular(14));
        }
        text.Gap(12);
    }

    private static void Parties(TextColumn text, TransportPapers papers)
    {
        var half = (text.Width - 16) / 2;
        var shipper = new TextColumn(text.Graphics, text.X, text.Y, half);
        var consignee = new TextColumn(text.Graphics, text.X + half + 16, text.Y, half);
        foreach (var (column, heading, party) in new[] { (shipper, "SHIPPER", papers.Shipper), (consignee, "CONSIGNEE", papers.Consignee) })
        {
            column.Heading(heading);
            column.Write(Print.Party(party), DocumentFont.Bold(12));
            column.Write(Print.Address(party), DocumentFont.Regular(12));
        }
        text.Y = Math.Max(shipper.Y, consignee.Y) + 12;
        text.Heading("24-HOUR CONTACT");
        text.Write(Print.Contact(papers), DocumentFont.Bold(15));
    }

    /// <summary>
    /// A QR code for every animal in the crate, side by side, so whoever opens the crate at either end reaches each
    /// animal's record; crates hold one line today, but the codes shrink to fit if they hold more. Returns the y under them.
    /// </summary>
    private static double Codes(XGraphics g, TransportPapers papers, Domain.Transport.Crate crate, double x, double y, double width, Uri baseUrl)
    {
        var specimens = crate.Occupants.Select(o => papers.Lines.FirstOrDefault(l => l.Line == o.Line)).OfType<ManifestLine>().ToList();
        if (specimens.Count == 0)
            return y;
        var size = Math.Min(QrSize, (width - 8 * (specimens.Count - 1)) / specimens.Count);
        var caption = DocumentFont.Regular(9);
        for (var i = 0; i < specimens.Count; i++)
        {
            var url = TransportDocuments.SpecimenUrl(baseUrl, specimens[i].SpecimenId);
            using var image = QrImage(url);
            var left = x + i * (size + 8);
            g.DrawImage(image, left, y, size, size);
            g.DrawString(specimens[i].Specimen, caption, XBrushes.Black, new XRect(left, y + size, size, caption.GetHeight()), XStringFormats.TopCenter);
        }
        return y + size + caption.GetHeight() + 8;
    }

    private static XImage QrImage(Uri url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url.AbsoluteUri, QRCodeGenerator.ECCLevel.M);
        using var png = new PngByteQRCode(data);
        // PDFsharp reads 1-bit palette PNGs but not the 1-bit greyscale ones QRCoder writes by default; 8 pixels a
        // module keeps the rows whole bytes, which its palette reader needs.
        return XImage.FromStream(new MemoryStream(png.GetGraphic(8, Black, White)));
    }

    private static void Handling(TextColumn text, Domain.Transport.Crate crate)
    {
        var requirement = crate.Requirement;
        text.Heading("CONTAINER");
        var font = DocumentFont.Regular(11);
        text.Write($"Container requirement: {requirement.ReferenceText}", font);
        if (requirement.Padlocks)
            text.Write("Padlocked — keys travel with the documents", DocumentFont.Bold(11));
        text.Write(requirement.FeedFromOutside
            ? "Feed and water from outside only: do not open the crate. Feeding and watering instructions travel attached (T-19)."
            : "Do not feed or water unless the attached instructions say so. Do not open the crate.", font);
        text.Write($"Temperature {crate.Temperature}", DocumentFont.Bold(11));
        text.Write($"Gross weight {Print.Kg(crate.GrossKg)}", DocumentFont.Bold(11));
        text.Write($"Outer size {crate.Outer}", font);
    }

    /// <summary>Two upright arrows over a bar, the "This Way Up" pictogram, in a square of side <paramref name="size"/>.</summary>
    private static void Arrows(XGraphics g, double x, double y, double size)
    {
        var brush = XBrushes.Black;
        g.DrawRectangle(brush, x, y + size - 5, size, 5);
        foreach (var centre in new[] { x + size * 0.27, x + size * 0.73 })
        {
            g.DrawPolygon(brush, [new XPoint(centre, y), new XPoint(centre - 12, y + 18), new XPoint(centre + 12, y + 18)], XFillMode.Winding);
            g.DrawRectangle(brush, centre - 4, y + 17, 8, size - 26);
        }
    }

    /// <summary>Text written down a column of fixed width, wrapping, from a starting point.</summary>
    private sealed class TextColumn(XGraphics graphics, double x, double y, double width)
    {
        public XGraphics Graphics => graphics;
        public double X => x;
        public double Y { get; set; } = y;
        public double Width => width;

        public void Heading(string text) => Write(text, DocumentFont.Bold(9), XBrushes.DimGray);

        public void Write(string text, XFont font, XBrush? brush = null)
        {
            foreach (var line in PdfSheets.Wrap(graphics, text, font, width))
            {
                graphics.DrawString(line, font, brush ?? XBrushes.Black, new XRect(x, Y, width, font.GetHeight()), XStringFormats.TopLeft);
                Y += font.GetHeight();
            }
        }

        public void Gap(double points) => Y += points;
    }
}
