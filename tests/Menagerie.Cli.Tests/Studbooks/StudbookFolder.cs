namespace Menagerie.Cli.Tests.Studbooks;

/// <summary>A temporary folder of studbook files for one test, deleted afterwards.</summary>
internal sealed class StudbookFolder : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("menagerie-studbook-");

    public string Path(string name) => System.IO.Path.Combine(_folder.FullName, name);

    public string Write(string name, string content)
    {
        var path = Path(name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
