using Menagerie.App.Studbooks;

namespace Menagerie.App.Tests.Studbooks;

/// <summary>
/// The shared pedigrees, found like the genetics conformance test finds them: $MENAGERIE_PEDIGREES,
/// else ../shared/data/pedigrees beside the repository root (the folder holding Menagerie.slnx);
/// tests that need them are skipped with the reason when neither is there.
/// </summary>
internal static class SharedPedigrees
{
    private static readonly Lazy<string?> LazyRoot = new(Menagerie.Testing.SharedPedigreeFolder.Find);

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
}
