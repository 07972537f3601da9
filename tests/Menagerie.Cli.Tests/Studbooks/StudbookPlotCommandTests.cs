namespace Menagerie.Cli.Tests.Studbooks;

public sealed class StudbookPlotCommandTests
{
    private static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "studbooks", "japanese-macaque-colony.csv");

    [Fact]
    public async Task Plot_of_sample_studbook_writes_each_plot_as_svg_and_png_and_lists_them()
    {
        using var folder = new StudbookFolder();
        var output = folder.Path("plots");

        var run = await CliRun.RunAsync(null, "studbook", "plot", Sample, "--out", output, "--individual", "GDXWJ1", "--on", "2015-01-01");

        Assert.Equal((0, ""), (run.Exit, run.Error));
        string[] expected =
        [
            "mean-kinship.svg", "mean-kinship.png", "age-sex-pyramid.svg", "age-sex-pyramid.png",
            "founder-representation.svg", "founder-representation.png", "pedigree-GDXWJ1.svg", "pedigree-GDXWJ1.png",
        ];
        Assert.Equal(expected.Select(name => Path.Combine(output, name)), run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.All(expected, name => Assert.True(new FileInfo(Path.Combine(output, name)).Length > 0, name));
    }

    [Fact]
    public async Task Plot_with_reference_leaves_names_that_population_in_the_titles()
    {
        using var folder = new StudbookFolder();
        var output = folder.Path("plots");

        var run = await CliRun.RunAsync(null, "studbook", "plot", Sample, "--out", output, "--reference", "leaves");

        Assert.Equal(0, run.Exit);
        var svg = await File.ReadAllTextAsync(Path.Combine(output, "mean-kinship.svg"), TestContext.Current.CancellationToken);
        Assert.Contains("reference: individuals without offspring", svg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plot_with_an_individual_not_in_the_file_exits_2_with_a_clear_message_and_writes_nothing()
    {
        using var folder = new StudbookFolder();
        var output = folder.Path("plots");

        var run = await CliRun.RunAsync(null, "studbook", "plot", Sample, "--out", output, "--individual", "NOSUCH");

        Assert.Equal((2, ""), (run.Exit, run.Output));
        Assert.Contains($"'NOSUCH' is not an individual of {Sample}; nothing was plotted.", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Plot_of_file_with_errors_lists_them_exits_1_and_writes_nothing()
    {
        using var folder = new StudbookFolder();
        var file = folder.Write("bad.csv", "id,sire,dam,sex\na,,,F\nb,a,,M\nb,,,M\n");
        var output = folder.Path("plots");

        var run = await CliRun.RunAsync(null, "studbook", "plot", file, "--out", output);

        Assert.Equal((1, ""), (run.Exit, run.Output));
        Assert.Contains($"{file}:3: b: The sire 'a' of 'b' is recorded female.", run.Error, StringComparison.Ordinal);
        Assert.Contains($"{file}:4: b: Id 'b' is listed again", run.Error, StringComparison.Ordinal);
        Assert.Contains("2 errors, 0 warnings; nothing was analysed.", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Plot_of_a_missing_file_exits_2()
    {
        using var folder = new StudbookFolder();

        var run = await CliRun.RunAsync(null, "studbook", "plot", folder.Path("missing.csv"), "--out", folder.Path("plots"));

        Assert.Equal(2, run.Exit);
        Assert.Contains("Cannot read", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plot_without_out_is_a_usage_error()
    {
        var run = await CliRun.RunAsync(null, "studbook", "plot", Sample);

        Assert.Equal(2, run.Exit);
    }
}
