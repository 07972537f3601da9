using Menagerie.App.Studbooks;

namespace Menagerie.App.Tests.Studbooks;

/// <summary>Studbook files written inline in the tests, loaded as the command line loads a file.</summary>
internal static class StudbookText
{
    /// <summary>Lacy (1989), Zoo Biol. 8:111–123: the 7-animal example with GD 13/18, FGE 1.8 and FE 3 over the leaves.</summary>
    public const string Lacy1989 = """
        id,sire,dam,sex
        A,,,U
        B,,,U
        C,A,B,U
        D,A,B,U
        E,,,U
        F,D,E,U
        G,D,E,U
        """;

    public static Task<StudbookLoad> LoadAsync(string csv, string file = "test.csv", bool keepRows = false) =>
        StudbookLoader.LoadAsync(new StringReader(csv), file, TestContext.Current.CancellationToken, keepRows);

    public static async Task<StudbookFile> ReadAsync(string csv, string file = "test.csv") =>
        await StudbookReader.ReadAsync(new StringReader(csv), file, TestContext.Current.CancellationToken);

    public static async Task<Genetics.Pedigrees.Pedigree> PedigreeAsync(string csv)
    {
        var load = await LoadAsync(csv);
        var loaded = Assert.IsType<StudbookLoad.Loaded>(load);
        return loaded.Pedigree;
    }
}
