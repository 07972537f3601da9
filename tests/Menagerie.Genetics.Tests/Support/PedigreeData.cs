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

    private static string Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("MENAGERIE_PEDIGREES");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Directory.Exists(fromEnvironment)
                ? fromEnvironment
                : throw new DirectoryNotFoundException($"MENAGERIE_PEDIGREES points to '{fromEnvironment}', which does not exist.");
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Menagerie.slnx")))
            {
                var shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "pedigrees"));
                if (Directory.Exists(Path.Combine(shared, "reference")))
                {
                    return shared;
                }

                break;
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "TestData", "pedigrees");
    }
}
