using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Menagerie.App.Transport.Documents;

/// <summary>A table column: its heading and its share of the text width.</summary>
internal sealed record SheetColumn(string Header, double Share);

/// <summary>How a document prints its label-and-value fields.</summary>
internal sealed record FieldStyle(XFont Label, XFont Value, double LabelWidth);

/// <summary>
/// A PDF written top to bottom on A4 pages: wrapped paragraphs and tables that continue on a new page, repeating
/// the table heading, and a footer with the page number once the page count is known.
/// </summary>
internal sealed class PdfSheets : IDisposable
{
    public const double Margin = 36;
    private const double FooterHeight = 18;
    private const double CellPadding = 3;

    private static readonly XPen Rule = new(XColors.Gray, 0.5);
    private static readonly XBrush HeaderFill = new XSolidBrush(XColor.FromArgb(230, 230, 230));

    private readonly PdfDocument _document = new();
    private readonly PageOrientation _orientation;
    private XGraphics? _graphics;

    public PdfSheets(string title, PageOrientation orientation)
    {
        DocumentFont.EnsureRegistered();
        _document.Info.Title = title;
        _document.Info.Creator = "Menagerie";
        _orientation = orientation;
        NewPage();
    }

    public XGraphics Graphics => _graphics ?? throw new ObjectDisposedException(nameof(PdfSheets));
    public PdfPage Page => _document.Pages[^1];
    public double Y { get; set; }
    public static double Left => Margin;
    public double Width => Page.Width.Point - 2 * Margin;
    public double Bottom => Page.Height.Point - Margin - FooterHeight;

    public void NewPage()
    {
        _graphics?.Dispose();
        var page = _document.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = _orientation;
        _graphics = XGraphics.FromPdfPage(page);
        Y = Margin;
    }

    public void Space(double points) => Y += points;

    /// <summary>Starts a new page unless <paramref name="height"/> more points fit on this one.</summary>
    public void KeepTogether(double height)
    {
        if (Y + height > Bottom)
            NewPage();
    }

    /// <summary>Wrapped text at the cursor, breaking to a new page between lines.</summary>
    public void Paragraph(string text, XFont font, double indent = 0, XBrush? brush = null)
    {
        var height = font.GetHeight();
        foreach (var line in Wrap(Graphics, text, font, Width - indent))
        {
            KeepTogether(height);
            Graphics.DrawString(line, font, brush ?? XBrushes.Black, new XRect(Left + indent, Y, Width - indent, height), XStringFormats.TopLeft);
            Y += height;
        }
    }

    /// <summary>A label and its value beside it, each wrapped within its own column.</summary>
    public void Field(string label, string value, FieldStyle style)
    {
        var (labelFont, valueFont, labelWidth) = style;
        var labels = Wrap(Graphics, label, labelFont, labelWidth - 6);
        var values = Wrap(Graphics, value, valueFont, Width - labelWidth);
        KeepTogether(Math.Max(labels.Count * labelFont.GetHeight(), Math.Min(values.Count, 3) * valueFont.GetHeight()));
        var labelY = Y;
        foreach (var line in labels)
        {
            Graphics.DrawString(line, labelFont, XBrushes.Black, new XRect(Left, labelY, labelWidth, labelFont.GetHeight()), XStringFormats.TopLeft);
            labelY += labelFont.GetHeight();
        }
        foreach (var line in values)
        {
            KeepTogether(valueFont.GetHeight());
            Graphics.DrawString(line, valueFont, XBrushes.Black, new XRect(Left + labelWidth, Y, Width - labelWidth, valueFont.GetHeight()), XStringFormats.TopLeft);
            Y += valueFont.GetHeight();
        }
        Y = Math.Max(Y, labelY);
    }

    /// <summary>A ruled table across the text width; a row that does not fit starts a new page under a repeated heading.</summary>
    public void Table(IReadOnlyList<SheetColumn> columns, IEnumerable<IReadOnlyList<string>> rows, XFont font, XFont headerFont)
    {
        var total = columns.Sum(c => c.Share);
        var widths = columns.Select(c => Width * c.Share / total).ToArray();
        var header = columns.Select(c => c.Header).ToArray();
        KeepTogether(RowHeight(header, widths, headerFont) + 2 * font.GetHeight());
        Row(header, widths, headerFont, HeaderFill);
        foreach (var row in rows)
        {
            if (Y + RowHeight(row, widths, font) > Bottom)
            {
                NewPage();
                Row(header, widths, headerFont, HeaderFill);
            }
            Row(row, widths, font, null);
        }
    }

    private double RowHeight(IReadOnlyList<string> cells, double[] widths, XFont font) =>
        cells.Select((c, i) => Wrap(Graphics, c, font, widths[i] - 2 * CellPadding).Count).Max() * font.GetHeight() + 2 * CellPadding;

    private void Row(IReadOnlyList<string> cells, double[] widths, XFont font, XBrush? fill)
    {
        var height = RowHeight(cells, widths, font);
        if (fill is not null)
            Graphics.DrawRectangle(fill, Left, Y, Width, height);
        var x = Left;
        for (var i = 0; i < widths.Length; i++)
        {
            var y = Y + CellPadding;
            foreach (var line in Wrap(Graphics, cells[i], font, widths[i] - 2 * CellPadding))
            {
                Graphics.DrawString(line, font, XBrushes.Black, new XRect(x + CellPadding, y, widths[i] - 2 * CellPadding, font.GetHeight()), XStringFormats.TopLeft);
                y += font.GetHeight();
            }
            x += widths[i];
        }
        Y += height;
        Graphics.DrawLine(Rule, Left, Y, Left + Width, Y);
    }

    /// <summary>The finished PDF; <paramref name="footer"/>, when given, is printed on every page with "page x of y".</summary>
    public byte[] Finish(string? footer)
    {
        _graphics?.Dispose();
        _graphics = null;
        if (footer is not null)
        {
            var font = DocumentFont.Regular(8);
            for (var i = 0; i < _document.PageCount; i++)
            {
                var page = _document.Pages[i];
                using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
                var box = new XRect(Margin, page.Height.Point - Margin - font.GetHeight(), page.Width.Point - 2 * Margin, font.GetHeight());
                graphics.DrawString(footer, font, XBrushes.Gray, box, XStringFormats.TopLeft);
                graphics.DrawString(string.Create(CultureInfo.InvariantCulture, $"Page {i + 1} of {_document.PageCount}"), font, XBrushes.Gray, box, XStringFormats.TopRight);
            }
        }
        using var stream = new MemoryStream();
        _document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    public void Dispose()
    {
        _graphics?.Dispose();
        _document.Dispose();
    }

    /// <summary>Lines of at most <paramref name="width"/> points: breaks at spaces, and inside a word only when the word alone is wider.</summary>
    public static List<string> Wrap(XGraphics graphics, string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (graphics.MeasureString(candidate, font).Width <= width)
                {
                    line = candidate;
                    continue;
                }
                if (line.Length > 0)
                    lines.Add(line);
                line = word;
                while (line.Length > 1 && graphics.MeasureString(line, font).Width > width)
                {
                    var fits = Fits(graphics, line, font, width);
                    lines.Add(line[..fits]);
                    line = line[fits..];
                }
            }
            lines.Add(line);
        }
        return lines;
    }

    private static int Fits(XGraphics graphics, string word, XFont font, double width)
    {
        var n = word.Length - 1;
        while (n > 1 && graphics.MeasureString(word[..n], font).Width > width)
            n--;
        return n;
    }
}
