namespace Menagerie.App.Compliance.Reference;

/// <summary>A set of reference files read by name: a folder on disk, or a copy embedded in Menagerie.</summary>
public sealed class ReferenceFolder
{
    private readonly Func<string, Stream?> _open;

    private ReferenceFolder(string description, Func<string, Stream?> open)
    {
        Description = description;
        _open = open;
    }

    public string Description { get; }

    /// <summary>The 2013 CITES Checklist snapshot shipped inside Menagerie.</summary>
    public static ReferenceFolder EmbeddedSnapshot { get; } = Embedded("Menagerie.Reference.Checklist2013.", "the embedded 2013 CITES Checklist snapshot");

    /// <summary>Menagerie's own reference files: parties, listing corrections, domesticated forms, native ranges, sanctions.</summary>
    public static ReferenceFolder EmbeddedTables { get; } = Embedded("Menagerie.Reference.", "Menagerie's embedded reference files");

    public static ReferenceFolder OnDisk(string directory) =>
        new(directory, name => Path.Combine(directory, name) is var path && File.Exists(path) ? File.OpenRead(path) : null);

    private static ReferenceFolder Embedded(string prefix, string description) =>
        new(description, name => typeof(ReferenceFolder).Assembly.GetManifestResourceStream(prefix + name));

    /// <summary>
    /// The file's text with every line ending made LF, or null if there is no such file. The snapshot's
    /// countries file ends its lines with CR alone (old Mac style), which a CSV reader would take as one line.
    /// </summary>
    public async Task<TextReader?> OpenAsync(string file, CancellationToken ct)
    {
        await using var stream = _open(file);
        if (stream is null)
            return null;
        using var reader = new StreamReader(stream);
        var text = await reader.ReadToEndAsync(ct);
        return new StringReader(text.ReplaceLineEndings("\n"));
    }
}
