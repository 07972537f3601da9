using Menagerie.App.Studbooks;

namespace Menagerie.App.Tests.Studbooks;

/// <summary>
/// The shared pedigrees, found like the genetics conformance test finds them: $MENAGERIE_PEDIGREES,
/// else ../shared/data/pedigrees beside the repository root (the folder holding Menagerie.slnx);
/// tests that need them are skipped with the reason when neither is there.
/// </summary>
internal static class SharedPedigrees
{
    private static readonly Lazy<string?> LazyRoot = new(Locate);

    /// <summary>The shared pedigrees folder, or null when it is not on this machine.</summary>
    public static string? Root => LazyRoot.Value;

    public static void SkipUnlessPresent() =>
        Assert.SkipWhen(Root is null, "The shared pedigrees are not here: set MENAGERIE_PEDIGREES or put them at ../shared/data/pedigrees beside the repository.");

    /// <summary>Loads input/<paramref name="name"/> as the command line does.</summary>
    public static Task<StudbookLoad> LoadAsync(string name)
    {
        SkipUnlessPresent();
        return StudbookLoader.LoadAsync(Path.Combine(Root!, "input", name), TestContext.Current.CancellationToken);
    }

    private static string? Locate()
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
                return Directory.Exists(Path.Combine(shared, "input")) ? shared : null;
            }
        }
        return null;
    }
}
