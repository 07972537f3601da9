namespace Menagerie.Genetics.Tests.Support;

/// <summary>
/// Where the shared reference pedigrees are: $MENAGERIE_PEDIGREES, else ../shared/data/pedigrees
/// beside the repository root (the folder holding Menagerie.slnx), else the MIT-licensed copy
/// shipped with this test project.
/// </summary>
internal static class PedigreeData
{
    private static readonly Lazy<string> LazyRoot = new(Locate);

    public static string Root => LazyRoot.Value;

    public static string Input(string dataset) => Path.Combine(Root, "input", dataset + ".csv");

    public static string Reference(string dataset, string file) => Path.Combine(Root, "reference", dataset, file);

    public static bool Has(string dataset, string file) => File.Exists(Reference(dataset, file));

    /// <summary>Datasets with an input file and a reference folder, sorted by name.</summary>
    public static IReadOnlyList<string> Datasets() =>
        [.. Directory.GetDirectories(Path.Combine(Root, "reference"))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(d => File.Exists(Input(d)))
            .Order(StringComparer.Ordinal)];

    private static string Locate() =>
        Menagerie.Testing.SharedPedigreeFolder.Find() ?? Path.Combine(AppContext.BaseDirectory, "TestData", "pedigrees");
}
