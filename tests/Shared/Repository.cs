namespace Menagerie.Testing;

/// <summary>The checkout the tests run from, for tests that read the project's own files.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Menagerie.slnx")))
            folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Menagerie.slnx not found above " + AppContext.BaseDirectory);
    }
}
