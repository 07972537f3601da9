namespace Menagerie.Domain.Compliance;

/// <summary>What a recommendation to suspend trade covers, as its notes word it.</summary>
public enum SuspensionScope
{
    AllTrade,

    /// <summary>Trade for primarily commercial purposes only (Res. Conf. 5.10).</summary>
    CommercialTrade,
}

/// <summary>
/// A CITES recommendation to suspend trade with a state (rule C-23), as Species+ lists it: for a taxon and all
/// below it, or for every CITES-listed species when <see cref="Taxon"/> is null; from the start notification's
/// date until the end notification's. The notes carry what the download has no column for — commercial trade
/// only, wild-taken specimens only — and <see cref="Scope"/> and <see cref="Sources"/> are read from them.
/// </summary>
public sealed record TradeSuspension
{
    public required string State { get; init; }
    public string? Taxon { get; init; }
    public required DateOnly Start { get; init; }
    public required string StartNotification { get; init; }
    public DateOnly? End { get; init; }

    /// <summary>False once the recommendation is withdrawn, even where the withdrawal's date is not given.</summary>
    public bool Valid { get; init; } = true;

    public string Notes { get; init; } = "";
    public SuspensionScope Scope { get; init; }

    /// <summary>The source codes covered; empty when the notes limit it to none, so every source is covered.</summary>
    public IReadOnlyList<char> Sources { get; init; } = [];

    /// <summary>The file and line it was read from.</summary>
    public required string Source { get; init; }

    public bool InForceOn(DateOnly day) => Start <= day && (End is { } end ? day < end : Valid);
}

/// <summary>
/// An export quota a state published for a taxon and calendar year (rule C-23): a zero quota means no export
/// of what it covers that year. A negative quota is one not yet communicated and limits nothing.
/// </summary>
public sealed record ExportQuota
{
    public required string State { get; init; }
    public required string Taxon { get; init; }
    public required int Year { get; init; }
    public required decimal Quota { get; init; }

    /// <summary>Empty: a number of specimens.</summary>
    public string Unit { get; init; } = "";

    public string Notes { get; init; } = "";

    /// <summary>The source codes covered, read from the notes; empty: every source.</summary>
    public IReadOnlyList<char> Sources { get; init; } = [];

    /// <summary>False when the notes name only parts and products (trophies, skins, meat …), not live animals.</summary>
    public bool CoversLiveAnimals { get; init; } = true;

    public required string Source { get; init; }
}

/// <summary>
/// Reads what the Species+ downloads say only in words: a suspension of commercial trade, wild-taken or ranched
/// specimens, parts rather than live animals. When the words say nothing of it, the measure covers everything,
/// so that a check blocks rather than clears on a guess.
/// </summary>
public static class TradeMeasureNotes
{
    private static readonly string[] Products =
        ["trophies", "trophy", "skins", "skin", "tusks", "ivory", "meat", "leather", "horns", "shells", "caviar", "bodies", "teeth", "claws", "extract"];

    /// <summary>Whether a measure limited to these source codes (none: every source) covers a specimen; one of unknown source may be covered.</summary>
    public static bool Covers(IReadOnlyList<char> sources, char? source) => sources.Count == 0 || source is null || sources.Contains(source.Value);

    public static SuspensionScope ScopeOf(string notes) =>
        notes.Contains("commercial", StringComparison.OrdinalIgnoreCase) ? SuspensionScope.CommercialTrade : SuspensionScope.AllTrade;

    /// <summary>W for wild(-taken, -caught), R for ranched, C/D/F for captive-bred: the codes named, or none.</summary>
    public static IReadOnlyList<char> SourcesOf(string notes)
    {
        var sources = new List<char>();
        if (notes.Contains("wild", StringComparison.OrdinalIgnoreCase))
            sources.Add('W');
        if (notes.Contains("ranch", StringComparison.OrdinalIgnoreCase))
            sources.Add('R');
        if (notes.Contains("captive", StringComparison.OrdinalIgnoreCase))
            sources.AddRange(['C', 'D', 'F']);
        return sources;
    }

    public static bool CoversLiveAnimals(string notes)
    {
        var words = notes.Split([' ', ',', ';', '.', ':', '(', ')', '/', '-'], StringSplitOptions.RemoveEmptyEntries);
        return words.Any(w => w.Equals("live", StringComparison.OrdinalIgnoreCase) || w.Equals("living", StringComparison.OrdinalIgnoreCase))
            || !words.Any(w => Products.Contains(w, StringComparer.OrdinalIgnoreCase));
    }
}
