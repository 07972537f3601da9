namespace Menagerie.Testing;

/// <summary>
/// Where the shared reference pedigrees are: $MENAGERIE_PEDIGREES, else ../shared/data/pedigrees
/// beside the repository root (the folder holding Menagerie.slnx). Depends on nothing, so both the
/// engine's tests and the application's tests can link it.
/// </summary>
internal static class SharedPedigreeFolder
{
    /// <summary>The folder, or null when it is not on this machine.</summary>
    public static string? Find()
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
                return Directory.Exists(Path.Combine(shared, "input")) && Directory.Exists(Path.Combine(shared, "reference")) ? shared : null;
            }
        }
        return null;
    }
}
