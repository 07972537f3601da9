using Menagerie.Domain;
using Menagerie.Genetics.Pedigrees;
using ScottPlot;

namespace Menagerie.App.Studbooks.Plots;

/// <summary>
/// An individual's pedigree drawn left to right: the individual, then each generation of ancestors
/// in its own column, sire above dam, joined by elbow lines; unknown parents in grey boxes reading "unknown".
/// </summary>
internal static class PedigreeChartPlot
{
    private const double Column = 3;
    private const double BoxWidth = 2.3;
    private const double BoxHeight = 0.8;

    public static Plot Create(PedigreeChart chart, string studbook, Wording facts, PlotWords words)
    {
        var plot = StudbookPlots.NewPlot(words.Say($"Pedigree of {chart.Individual} — {studbook}\n{facts}"));
        var rows = 1 << chart.Generations;
        foreach (var box in chart.Boxes)
        {
            var (x, y) = Centre(box, rows);
            if (box.Generation > 0)
                Connect(plot, Centre(new PedigreeChartBox(box.Generation - 1, box.Slot / 2, null, Sex.Unknown), rows), (x, y));
            var rectangle = plot.Add.Rectangle(x - (BoxWidth / 2), x + (BoxWidth / 2), y - (BoxHeight / 2), y + (BoxHeight / 2));
            rectangle.FillColor = box.Id is null ? Colors.WhiteSmoke : box.Sex == Sex.Male ? Colors.LightSteelBlue : box.Sex == Sex.Female ? Colors.MistyRose : Colors.Gainsboro;
            rectangle.LineColor = box.Id is null ? Colors.Gray : Colors.Black;
            var text = plot.Add.Text(words.Say(Label(box)), x, y);
            text.LabelAlignment = Alignment.MiddleCenter;
            text.LabelFontSize = box.Generation < 3 ? 14 : 12;
            text.LabelFontColor = box.Id is null ? Colors.Gray : Colors.Black;
        }
        foreach (var axis in plot.Axes.GetAxes())
            axis.IsVisible = axis == plot.Axes.Title;
        plot.HideGrid();
        plot.Axes.SetLimits(-BoxWidth / 2 - 0.2, (chart.Generations * Column) + (BoxWidth / 2) + 0.2, 0, rows);
        return plot;
    }

    private static Wording Label(PedigreeChartBox box)
    {
        if (box.Id is null)
            return "unknown";
        switch (box.Sex)
        {
            case Sex.Male:
                return $"{box.Id} (male)";
            case Sex.Female:
                return $"{box.Id} (female)";
            case Sex.Hermaphrodite:
                return $"{box.Id} (hermaphrodite)";
            default:
                return $"{box.Id} (sex unknown)";
        }
    }

    private static (double X, double Y) Centre(PedigreeChartBox box, int rows)
    {
        var span = (double)rows / (1 << box.Generation);
        return (box.Generation * Column, rows - ((box.Slot + 0.5) * span));
    }

    private static void Connect(Plot plot, (double X, double Y) child, (double X, double Y) parent)
    {
        var from = child.X + (BoxWidth / 2);
        var to = parent.X - (BoxWidth / 2);
        var middle = (from + to) / 2;
        foreach (var (x1, y1, x2, y2) in new[] { (from, child.Y, middle, child.Y), (middle, child.Y, middle, parent.Y), (middle, parent.Y, to, parent.Y) })
        {
            var line = plot.Add.Line(x1, y1, x2, y2);
            line.LineColor = Colors.DimGray;
            line.LineWidth = 1.5f;
        }
    }
}
