using System.Globalization;
using Menagerie.Domain;
using Menagerie.Genetics.Pedigrees;
using Menagerie.Genetics.Population;
using ScottPlot;

namespace Menagerie.App.Studbooks.Plots;

/// <summary>What to plot: the studbook's name for the titles, the folder to write to, the date ages are counted to, and an optional individual whose pedigree is charted.</summary>
public sealed record StudbookPlotRequest(string Studbook, string Folder, DateOnly On, string? Individual);

/// <summary>How writing the plots ended.</summary>
public abstract record StudbookPlotResult
{
    private StudbookPlotResult() { }

    /// <summary>Every file written, SVG then PNG of each plot.</summary>
    public sealed record Written(IReadOnlyList<string> Files) : StudbookPlotResult;

    /// <summary>The individual asked for is not in the studbook; nothing was written.</summary>
    public sealed record UnknownIndividual(string Id) : StudbookPlotResult;
}

/// <summary>The plots a studbook keeper expects; each is named, as a file and in the API, by <see cref="StudbookPlots.Name"/>.</summary>
public enum StudbookPlotKind
{
    MeanKinship,
    AgeSexPyramid,
    FounderRepresentation,

    /// <summary>One individual's parents, grandparents and great-grandparents.</summary>
    Pedigree,
}

public enum PlotImageFormat
{
    Svg,
    Png,
}

/// <summary>One plot drawn in memory, for a host that serves it rather than writing a file.</summary>
public sealed record StudbookPlotImage(PlotImageFormat Format, byte[] Content)
{
    public string MediaType => Format == PlotImageFormat.Svg ? "image/svg+xml" : "image/png";
}

/// <summary>
/// The plots a studbook keeper expects — mean kinship distribution, age–sex pyramid, founder
/// representation and one individual's pedigree chart — each written as SVG and PNG. Titles, axis titles and
/// legends are <see cref="Wording"/>s: English for the command line and the API, the reader's language on a page.
/// </summary>
public static class StudbookPlots
{
    public const int Width = 1000;
    public const int Height = 600;

    private static readonly StudbookPlotKind[] PopulationPlots =
        [StudbookPlotKind.MeanKinship, StudbookPlotKind.AgeSexPyramid, StudbookPlotKind.FounderRepresentation];

    /// <summary>The plot's name: its file's name without the extension, and its name in the API.</summary>
    public static string Name(StudbookPlotKind kind) => kind switch
    {
        StudbookPlotKind.MeanKinship => "mean-kinship",
        StudbookPlotKind.AgeSexPyramid => "age-sex-pyramid",
        StudbookPlotKind.FounderRepresentation => "founder-representation",
        _ => "pedigree",
    };

    /// <summary>The population plot of that name (the pedigree chart, which needs an individual, is not one).</summary>
    public static StudbookPlotKind? PopulationPlot(string name) =>
        PopulationPlots.Where(k => string.Equals(Name(k), name, StringComparison.Ordinal)).Select(k => (StudbookPlotKind?)k).FirstOrDefault();

    public static StudbookPlotResult Write(StudbookAnalysis analysis, IReadOnlyList<PedigreeRow> rows, StudbookPlotRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(request);
        PedigreeChart? chart = null;
        if (request.Individual is { } id)
        {
            chart = StudbookPlotData.Ancestors(analysis.Pedigree, id);
            if (chart is null)
                return new StudbookPlotResult.UnknownIndividual(id);
        }
        PlotFont.EnsureRegistered();
        Directory.CreateDirectory(request.Folder);
        var name = Path.GetFileName(request.Studbook);
        var files = new List<string>();
        foreach (var kind in PopulationPlots)
        {
            ct.ThrowIfCancellationRequested();
            Save(Draw(kind, analysis, rows, name, request.On, chart: null, new PlotWords(null)), request.Folder, Name(kind), files);
        }
        if (chart is not null)
        {
            ct.ThrowIfCancellationRequested();
            Save(Draw(StudbookPlotKind.Pedigree, analysis, rows, name, request.On, chart, new PlotWords(null)), request.Folder, "pedigree-" + FileSafe(chart.Individual), files);
        }
        return new StudbookPlotResult.Written(files);
    }

    /// <summary>
    /// One plot, drawn as <see cref="Write"/> draws it; <paramref name="individual"/> is needed for the pedigree
    /// chart alone. Null when that individual is not in the studbook. <paramref name="say"/> puts the plot's words
    /// into the reader's language; without it they are English.
    /// </summary>
    public static StudbookPlotImage? Render(
        StudbookAnalysis analysis, IReadOnlyList<PedigreeRow> rows, string studbook, DateOnly on, StudbookPlotKind kind, string? individual,
        PlotImageFormat format, Func<Wording, string>? say = null)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(rows);
        PedigreeChart? chart = null;
        if (kind == StudbookPlotKind.Pedigree)
        {
            chart = individual is null ? null : StudbookPlotData.Ancestors(analysis.Pedigree, individual);
            if (chart is null)
                return null;
        }
        PlotFont.EnsureRegistered();
        using var plot = Draw(kind, analysis, rows, studbook, on, chart, new PlotWords(say));
        var content = format == PlotImageFormat.Svg
            ? System.Text.Encoding.UTF8.GetBytes(Svg(plot))
            : plot.GetImageBytes(Width, Height, ImageFormat.Png);
        return new StudbookPlotImage(format, content);
    }

    private static Plot Draw(
        StudbookPlotKind kind, StudbookAnalysis analysis, IReadOnlyList<PedigreeRow> rows, string studbook, DateOnly on, PedigreeChart? chart, PlotWords words)
    {
        var reference = ReferenceName(analysis.Reference);
        Plot plot;
        switch (kind)
        {
            case StudbookPlotKind.MeanKinship:
                plot = MeanKinshipPlot(StudbookPlotData.MeanKinship(analysis), studbook, reference, words);
                break;
            case StudbookPlotKind.AgeSexPyramid:
                plot = PyramidPlot(StudbookPlotData.AgeSex(analysis.Pedigree, rows, on), studbook, words);
                break;
            case StudbookPlotKind.FounderRepresentation:
                plot = FounderPlot(StudbookPlotData.Founders(analysis), studbook, reference, words);
                break;
            default:
                ArgumentNullException.ThrowIfNull(chart);
                var index = analysis.Pedigree.IndexOf(chart.Individual);
                plot = PedigreeChartPlot.Create(
                    chart, studbook, $"F = {analysis.Inbreeding[index]:0.0000}, MK = {analysis.MeanKinship.Values[index]:0.0000} ({reference})", words);
                break;
        }
        // Set last, so that every text the plot has by now is drawn in a font that has its letters.
        var family = words.NeedsHangul ? PlotFont.HangulFamily : PlotFont.Family;
        plot.Font.Set(family);
        foreach (var text in plot.GetPlottables().OfType<ScottPlot.Plottables.Text>())
            text.LabelFontName = family;
        return plot;
    }

    /// <summary>The reference population as a title names it, e.g. "reference: alive, 332 animals".</summary>
    public static Wording ReferenceName(ReferencePopulation reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        switch (reference.Rule)
        {
            case ReferenceRule.ReferenceColumn:
                return $"reference: ref column, {reference.Count:N0} animals";
            case ReferenceRule.Alive:
                return $"reference: alive, {reference.Count:N0} animals";
            case ReferenceRule.Leaves:
                return $"reference: individuals without offspring, {reference.Count:N0} animals";
            default:
                return $"reference: chosen individuals, {reference.Count:N0} animals";
        }
    }

    internal static Plot MeanKinshipPlot(MeanKinshipHistogram histogram, string studbook, Wording reference, PlotWords words)
    {
        var plot = NewPlot(words.Say($"Mean kinship — {studbook}\n{reference}"));
        var width = histogram.Edges[1] - histogram.Edges[0];
        var bars = histogram.Counts.Select((count, k) => new Bar
        {
            Position = histogram.Edges[k] + (width / 2),
            Value = count,
            Size = width,
            FillColor = Colors.SteelBlue,
            LineWidth = 0,
        }).ToList();
        plot.Add.Bars(bars);
        var mean = plot.Add.VerticalLine(histogram.PopulationMean, 2, Colors.DarkRed, LinePattern.Dashed);
        mean.LegendText = words.Say($"population mean MK {histogram.PopulationMean:0.00000}");
        plot.ShowLegend(Alignment.UpperRight);
        plot.XLabel(words.Say("mean kinship MK"));
        plot.YLabel(words.Say("number of animals"));
        plot.Axes.Bottom.TickGenerator = Numbers(v => v.ToString("0.####", CultureInfo.InvariantCulture));
        plot.Axes.Left.TickGenerator = Numbers(v => v.ToString("0", CultureInfo.InvariantCulture));
        plot.Axes.Margins(bottom: 0);
        return plot;
    }

    internal static Plot PyramidPlot(AgeSexPyramid pyramid, string studbook, PlotWords words)
    {
        var plot = NewPlot(words.Say($"Age–sex pyramid — {studbook}\nliving animals on {pyramid.On:yyyy-MM-dd}: {pyramid.Living:N0}"));
        var bars = new List<Bar>();
        foreach (var c in pyramid.Classes)
        {
            bars.Add(new Bar { Position = c.From, Value = -c.Males, FillColor = Colors.SteelBlue, LineWidth = 0, Size = c.Width * 0.9 });
            bars.Add(new Bar { Position = c.From, Value = c.Females, FillColor = Colors.IndianRed, LineWidth = 0, Size = c.Width * 0.9 });
        }
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = words.Say("males"), FillColor = Colors.SteelBlue });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = words.Say("females"), FillColor = Colors.IndianRed });
        plot.ShowLegend(Alignment.UpperRight);
        var unknownSex = pyramid.Classes.Sum(c => c.Unknown);
        var u = pyramid.UnknownAge;
        plot.XLabel(words.Say(
            $"← males · animals · females →   (not drawn: {unknownSex} of unknown sex; of unknown age {u.Males} males, {u.Females} females, {u.Unknown} unknown sex)"));
        plot.YLabel(words.Say("age (years)"));
        plot.Axes.Bottom.TickGenerator = Numbers(v => Math.Abs(v).ToString("0", CultureInfo.InvariantCulture));
        var ages = new ScottPlot.TickGenerators.NumericManual();
        foreach (var c in pyramid.Classes)
            ages.AddMajor(c.From, c.Width == 1 ? Integer(c.From) : $"{Integer(c.From)}–{Integer(c.From + c.Width - 1)}");
        plot.Axes.Left.TickGenerator = ages;
        var widest = pyramid.Classes.Count == 0 ? 1 : pyramid.Classes.Max(c => Math.Max(c.Males, c.Females));
        plot.Axes.SetLimitsX(-widest * 1.15, widest * 1.15);
        plot.Add.VerticalLine(0, 1, Colors.Black);
        return plot;
    }

    internal static Plot FounderPlot(FounderRepresentation founders, string studbook, Wording reference, PlotWords words)
    {
        var plot = NewPlot(words.Say(
            $"Founder representation — {studbook}\n{reference}; {founders.Founders.Count:N0} of {founders.AllFounders:N0} founders contribute, FE = {founders.FounderEquivalents:0.00}"));
        var bars = founders.Founders.Select((f, k) => new Bar
        {
            Position = k + 1,
            Value = f.Contribution,
            FillColor = f.Kind == FounderKind.Founder ? Colors.SeaGreen : Colors.Gray,
            LineWidth = 0,
        }).ToList();
        plot.Add.Bars(bars);
        var equal = plot.Add.HorizontalLine(founders.EqualShare, 2, Colors.DarkRed, LinePattern.Dashed);
        equal.LegendText = words.Say($"equal share 1/{founders.Founders.Count} = {founders.EqualShare:0.0000}");
        plot.ShowLegend(Alignment.UpperRight);
        plot.YLabel(words.Say("contribution p"));
        plot.Axes.Left.TickGenerator = Numbers(v => v.ToString("0.###", CultureInfo.InvariantCulture));
        if (founders.Founders.Count <= 30)
        {
            var ticks = new ScottPlot.TickGenerators.NumericManual();
            for (var k = 0; k < founders.Founders.Count; k++)
                ticks.AddMajor(k + 1, FounderLabel(founders.Founders[k], words));
            plot.Axes.Bottom.TickGenerator = ticks;
            plot.Axes.Bottom.TickLabelStyle.Rotation = -45;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
            plot.XLabel(words.Say("founder"));
        }
        else
        {
            plot.Axes.Bottom.TickGenerator = Numbers(v => v.ToString("0", CultureInfo.InvariantCulture));
            plot.XLabel(words.Say("founders, ranked by contribution (grey: the unknown parent of a half-founder)"));
        }
        plot.Axes.Margins(bottom: 0);
        return plot;
    }

    private static string FounderLabel(FounderShare share, PlotWords words) =>
        share.Kind == FounderKind.Founder ? share.Founder : words.Say($"unknown parent of {share.Founder}");

    internal static Plot NewPlot(string title)
    {
        var plot = new Plot();
        plot.Font.Set(PlotFont.Family);
        plot.Title(title);
        return plot;
    }

    private static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static ScottPlot.TickGenerators.NumericAutomatic Numbers(Func<double, string> format) => new() { LabelFormatter = format };

    private static void Save(Plot plot, string folder, string name, List<string> files)
    {
        using var owned = plot;
        var svg = Path.Combine(folder, name + ".svg");
        var png = Path.Combine(folder, name + ".png");
        File.WriteAllText(svg, Svg(owned));
        owned.SavePng(png, Width, Height);
        files.Add(svg);
        files.Add(png);
    }

    // Skia's SVG writer names each glyph by the first character the font maps to it; NanumGothic maps its space
    // to U+0001 as well, a character XML forbids, which would leave a Korean plot unreadable to every browser.
    private static string Svg(Plot plot)
    {
        var svg = plot.GetSvgXml(Width, Height);
        return string.Create(svg.Length, svg, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
                span[i] = source[i] < ' ' && source[i] is not ('\t' or '\n' or '\r') ? ' ' : source[i];
        });
    }

    // Ids are written by people: anything but letters, digits, '-' and '_' becomes '_' in a file name.
    private static string FileSafe(string id) =>
        string.Concat(id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}

/// <summary>The words of one plot in its reader's language, noting whether any of them needs a font with Hangul.</summary>
internal sealed class PlotWords(Func<Wording, string>? say)
{
    public bool NeedsHangul { get; private set; }

    public string Say(Wording wording)
    {
        var text = say is null ? wording.ToString() : say(wording);
        NeedsHangul |= PlotFont.HasHangul(text);
        return text;
    }
}
