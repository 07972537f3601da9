using Menagerie.App.Studbooks;
using Menagerie.Genetics.Population;

namespace Menagerie.App.Tests.Studbooks.Plots;

/// <summary>The sample studbook shipped in samples/studbooks (the Japanese macaque colony), loaded as the command line loads it.</summary>
internal static class SampleStudbook
{
    public static readonly string Path = System.IO.Path.Combine(AppContext.BaseDirectory, "studbooks", "japanese-macaque-colony.csv");

    /// <summary>A living male whose four grandparents are recorded (some great-grandparents are not).</summary>
    public const string Individual = "GDXWJ1";

    public static async Task<(StudbookLoad.Loaded Loaded, StudbookAnalysis Analysis)> LoadAsync()
    {
        var loaded = Assert.IsType<StudbookLoad.Loaded>(await StudbookLoader.LoadAsync(Path, TestContext.Current.CancellationToken, keepRows: true));
        var reference = StudbookAnalysis.SelectReference(loaded.Pedigree, ReferenceRule.Auto);
        return (loaded, StudbookAnalysis.Compute(loaded.Pedigree, reference));
    }
}
