using System.Globalization;
using Menagerie.App.Studbooks;
using Menagerie.Genetics.Population;

namespace Menagerie.App.Tests.Studbooks;

/// <summary>
/// Every shared pedigree read by the product's reader and analysed as <c>studbook analyze</c> does,
/// against reference/SUMMARY.csv (kinship2, nadiv, pedigreemm, pedigree): the reader's column
/// aliases and alive/ref flags decide the reference population, so a reading mistake shows here.
/// </summary>
public sealed class SharedPedigreeTests
{
    public static TheoryData<string> Datasets =>
        SharedPedigrees.Root is null ? [""] : [.. Summary().Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Datasets))]
    public async Task Analysis_of_shared_dataset_matches_the_reference_summary(string dataset)
    {
        SharedPedigrees.SkipUnlessPresent();
        var expected = Summary()[dataset];

        var load = await SharedPedigrees.LoadAsync(dataset + ".csv");

        var loaded = Assert.IsType<StudbookLoad.Loaded>(load);
        Assert.DoesNotContain(loaded.Problems, p => p.IsError);
        var analysis = StudbookAnalysis.Compute(loaded.Pedigree, StudbookAnalysis.SelectReference(loaded.Pedigree, ReferenceRule.Auto));
        var s = analysis.Report().Summary;
        Assert.Equal(((int)expected["n"], (int)expected["n_ref"]), (s.Individuals, s.Reference));
        Assert.Equal(expected["GD"], s.GeneDiversity, 1e-9);
        Assert.Equal(expected["meanF_all"], s.MeanInbreeding, 1e-9);
        Assert.Equal(1, s.Fge / expected["FGE"], 1e-9);
        Assert.Equal(1, s.Fe / expected["FE"], 1e-9);
    }

    private static Dictionary<string, Dictionary<string, double>> Summary()
    {
        var lines = File.ReadAllLines(Path.Combine(SharedPedigrees.Root!, "reference", "SUMMARY.csv"));
        var header = lines[0].Split(',');
        string[] wanted = ["n", "n_ref", "GD", "FGE", "FE", "meanF_all"];
        return lines.Skip(1).Select(l => l.Split(',')).ToDictionary(
            f => f[0],
            f => wanted.ToDictionary(w => w, w => double.Parse(f[Array.IndexOf(header, w)], CultureInfo.InvariantCulture), StringComparer.Ordinal),
            StringComparer.Ordinal);
    }
}
