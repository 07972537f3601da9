using System.Buffers.Binary;
using System.Xml.Linq;
using Menagerie.App.Studbooks.Plots;

namespace Menagerie.App.Tests.Studbooks.Plots;

public sealed class StudbookPlotsTests : IDisposable
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("menagerie-plots-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Write_of_sample_studbook_writes_every_plot_as_svg_and_png()
    {
        var written = await WriteSampleAsync(SampleStudbook.Individual);

        var names = written.Files.Select(Path.GetFileName);
        Assert.Equal(
            ["mean-kinship.svg", "mean-kinship.png", "age-sex-pyramid.svg", "age-sex-pyramid.png",
             "founder-representation.svg", "founder-representation.png", "pedigree-GDXWJ1.svg", "pedigree-GDXWJ1.png"],
            names);
        Assert.All(written.Files, f => Assert.Equal(_folder.FullName, Path.GetDirectoryName(f)));
    }

    [Theory]
    [InlineData("mean-kinship", "Mean kinship — japanese-macaque-colony.csv", "reference: alive, 332 animals")]
    [InlineData("age-sex-pyramid", "Age–sex pyramid — japanese-macaque-colony.csv", "living animals on 2015-01-01: 332")]
    [InlineData("founder-representation", "Founder representation — japanese-macaque-colony.csv", "reference: alive, 332 animals; 206 of 1,668 founders contribute, FE = 111.11")]
    [InlineData("pedigree-GDXWJ1", "Pedigree of GDXWJ1 — japanese-macaque-colony.csv", "(reference: alive, 332 animals)")]
    public async Task Write_gives_well_formed_svg_with_its_title_in_the_embedded_font(string plot, string title, string subtitle)
    {
        await WriteSampleAsync(SampleStudbook.Individual);

        var texts = SvgTexts(Path.Combine(_folder.FullName, plot + ".svg"));

        Assert.Contains(title, texts);
        Assert.Contains(texts, t => t.Contains(subtitle, StringComparison.Ordinal));
        var svg = XDocument.Load(Path.Combine(_folder.FullName, plot + ".svg"));
        Assert.All(
            svg.Descendants().Where(e => e.Name.LocalName == "text"),
            e => Assert.Equal(PlotFont.Family, e.Attribute("font-family")?.Value));
    }

    [Theory]
    [InlineData("mean-kinship")]
    [InlineData("age-sex-pyramid")]
    [InlineData("founder-representation")]
    [InlineData("pedigree-GDXWJ1")]
    public async Task Write_gives_png_of_the_expected_size(string plot)
    {
        await WriteSampleAsync(SampleStudbook.Individual);

        var png = await File.ReadAllBytesAsync(Path.Combine(_folder.FullName, plot + ".png"), TestContext.Current.CancellationToken);

        Assert.Equal(PngSignature, png[..8]);
        // The IHDR chunk comes first: its width and height follow the signature, the length and the type.
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal((StudbookPlots.Width, StudbookPlots.Height), (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))));
    }

    [Fact]
    public async Task Pedigree_chart_names_the_parents_and_grandparents_and_shows_unknown_ones()
    {
        await WriteSampleAsync(SampleStudbook.Individual);

        var texts = SvgTexts(Path.Combine(_folder.FullName, "pedigree-GDXWJ1.svg"));

        Assert.Contains("GDXWJ1 (male)", texts);
        Assert.Contains("HLQ9SY (male)", texts);
        Assert.Contains("XFWVVX (female)", texts);
        Assert.Contains("UI3RFL (male)", texts);
        Assert.Contains("VEWC1E (female)", texts);
        Assert.Contains("U3MFSZ (male)", texts);
        Assert.Contains("L4LM1F (female)", texts);
        Assert.Equal(4, texts.Count(t => t == "unknown"));
    }

    [Fact]
    public async Task Write_without_an_individual_writes_no_pedigree_chart()
    {
        var written = await WriteSampleAsync(individual: null);

        Assert.Equal(6, written.Files.Count);
        Assert.DoesNotContain(written.Files, f => Path.GetFileName(f).StartsWith("pedigree", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Write_with_an_unknown_individual_writes_nothing()
    {
        var (loaded, analysis) = await SampleStudbook.LoadAsync();
        var folder = Path.Combine(_folder.FullName, "out");

        var result = StudbookPlots.Write(analysis, loaded.Rows, new StudbookPlotRequest(SampleStudbook.Path, folder, new DateOnly(2015, 1, 1), "NOSUCH"), TestContext.Current.CancellationToken);

        Assert.Equal(new StudbookPlotResult.UnknownIndividual("NOSUCH"), result);
        Assert.False(Directory.Exists(folder));
    }

    private async Task<StudbookPlotResult.Written> WriteSampleAsync(string? individual)
    {
        var (loaded, analysis) = await SampleStudbook.LoadAsync();
        var request = new StudbookPlotRequest(SampleStudbook.Path, _folder.FullName, new DateOnly(2015, 1, 1), individual);
        return Assert.IsType<StudbookPlotResult.Written>(StudbookPlots.Write(analysis, loaded.Rows, request, TestContext.Current.CancellationToken));
    }

    private static List<string> SvgTexts(string path) =>
        [.. XDocument.Load(path).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim())];
}
