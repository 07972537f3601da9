using Menagerie.App.Files;
using Menagerie.Domain.Taxa;

namespace Menagerie.App.Compliance.Reference;

/// <summary>A record of the snapshot files: rank and record id. Record ids repeat across ranks.</summary>
internal readonly record struct SnapshotKey(string Rank, int RecId)
{
    public override string ToString() => $"{Rank}:{RecId}";
}

/// <summary>
/// The taxa of one snapshot file by (rank, record id), and the full scientific name each stands for. The
/// files give only the last epithet ("arctos") and the parent's record, so a species is named by walking to
/// its genus ("Ursus arctos") and a subspecies to its species; names above the genus come in upper case
/// ("PSITTACIFORMES") and are capitalised.
/// </summary>
internal sealed class SnapshotTree
{
    public static readonly string[] Ranks = ["KINGDOM", "PHYLUM", "CLASS", "ORDER", "FAMILY", "SUBFAMILY", "GENUS", "SPECIES", "SUBSPECIES"];

    private readonly Dictionary<SnapshotKey, Row> _rows = [];
    private readonly Dictionary<SnapshotKey, string?> _names = [];
    private readonly SnapshotTree? _parents;
    private Dictionary<SnapshotKey, List<SnapshotKey>>? _children;

    /// <param name="rows">The rows of the taxa or the synonyms file.</param>
    /// <param name="parentColumn">The parent's record id column: "ParentRecID" in the taxa file, "Parent recID" in the synonyms file.</param>
    /// <param name="parents">
    /// Where parents not in this file are found: the synonyms file names its species under accepted genera too.
    /// Given for the synonyms file, whose records repeat.
    /// </param>
    /// <param name="problems">Where the problems of the rows are added.</param>
    public SnapshotTree(IEnumerable<CsvRow> rows, string parentColumn, List<InputProblem> problems, SnapshotTree? parents = null)
    {
        _parents = parents;
        foreach (var row in rows)
        {
            if (row["Scientific name"] is null && row["Rank"] is null && row["RecID"] is null)
                continue;
            var before = problems.Count;
            var rank = ParseRank(row, "Rank", problems);
            var id = ParseId(row, "RecID", problems);
            if (row["Scientific name"] is null)
                problems.Add(row.Problem("Scientific name", "The name is missing."));
            SnapshotKey? parent = null;
            if (row["ParentRank"] is not null || row[parentColumn] is not null)
            {
                var parentRank = ParseRank(row, "ParentRank", problems);
                var parentId = ParseId(row, parentColumn, problems);
                if (parentRank is not null && parentId is not null)
                    parent = new(parentRank, parentId.Value);
            }
            if (problems.Count > before)
                continue;
            var key = new SnapshotKey(rank!, id!.Value);
            var cites = row["Designation"]?.Contains("CITES", StringComparison.OrdinalIgnoreCase) ?? true;
            var hybrid = string.Equals(row["Status"], "H", StringComparison.OrdinalIgnoreCase);
            var added = new Row(key, row["Scientific name"]!, parent, cites, hybrid);
            if (_rows.TryGetValue(key, out var existing))
            {
                // The synonyms file repeats a record once for each accepted name it stands for; a repeat that
                // names something else leaves the record ambiguous, and so without a name.
                if (parents is null)
                    problems.Add(row.Problem("RecID", $"The record {key} is in the file twice."));
                else if (!string.Equals(existing.Epithet, added.Epithet, StringComparison.Ordinal) || existing.Parent != added.Parent)
                    _names[key] = null;
                continue;
            }
            _rows.Add(key, added);
        }
    }

    public bool Contains(SnapshotKey key) => _rows.ContainsKey(key);

    /// <summary>The full scientific name, or null for a record whose parents cannot be followed, or a hybrid ("huso x acipenser baerii").</summary>
    public string? Name(SnapshotKey key)
    {
        if (!_rows.TryGetValue(key, out var row))
            return _parents?.Name(key);
        if (_names.TryGetValue(key, out var known))
            return known;
        _names[key] = null; // a record that is its own ancestor gets no name rather than a stack overflow
        var name = row switch
        {
            { Hybrid: true } => null,
            { Key.Rank: "SPECIES" or "SUBSPECIES" } => row.Parent is { } p && Name(p) is { } parent ? $"{parent} {row.Epithet}" : null,
            _ => ReferenceText.Capitalised(row.Epithet),
        };
        return _names[key] = name;
    }

    /// <summary>
    /// The taxa Menagerie keeps, each with the name of its parent: classes to subspecies. Kingdoms and phyla
    /// are left out (no listing is made at those ranks), and so are subfamilies, whose genera hang from the
    /// family above them. Where two records give one name, a record of the CITES checklist wins over one
    /// kept only for the CMS.
    /// </summary>
    public IEnumerable<(SnapshotKey Key, TaxonRank Rank, string Name, string? Parent)> Taxa()
    {
        foreach (var row in _rows.Values.OrderBy(r => r.Cites ? 0 : 1))
        {
            if (Rank(row.Key.Rank) is not { } rank || Name(row.Key) is not { } name)
                continue;
            yield return (row.Key, rank, name, LineageParent(row));
        }
    }

    /// <summary>The genera directly under a subfamily, which carry its listing.</summary>
    public IEnumerable<SnapshotKey> Genera(SnapshotKey subfamily)
    {
        _children ??= _rows.Values.Where(r => r.Parent is not null).GroupBy(r => r.Parent!.Value).ToDictionary(g => g.Key, g => g.Select(r => r.Key).ToList());
        return _children.TryGetValue(subfamily, out var children) ? children.Where(c => c.Rank == "GENUS") : [];
    }

    public static TaxonRank? Rank(string rank) => rank switch
    {
        "CLASS" => TaxonRank.Class,
        "ORDER" => TaxonRank.Order,
        "FAMILY" => TaxonRank.Family,
        "GENUS" => TaxonRank.Genus,
        "SPECIES" => TaxonRank.Species,
        "SUBSPECIES" => TaxonRank.Subspecies,
        _ => null,
    };

    public static string? ParseRank(CsvRow row, string column, List<InputProblem> problems)
    {
        var rank = row[column]?.ToUpperInvariant();
        if (rank is not null && Ranks.Contains(rank, StringComparer.Ordinal))
            return rank;
        problems.Add(row.Problem(column, $"'{row[column]}' is not a rank: {string.Join(", ", Ranks)} (in any case)."));
        return null;
    }

    public static int? ParseId(CsvRow row, string column, List<InputProblem> problems)
    {
        if (int.TryParse(row[column], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
            return id;
        problems.Add(row.Problem(column, $"'{row[column]}' is not a record id (a whole number)."));
        return null;
    }

    private string? LineageParent(Row row)
    {
        var parent = row.Parent;
        while (parent is { Rank: "SUBFAMILY" } subfamily && _rows.TryGetValue(subfamily, out var above))
            parent = above.Parent;
        return parent is { Rank: not ("KINGDOM" or "PHYLUM") } key ? Name(key) : null;
    }

    private sealed record Row(SnapshotKey Key, string Epithet, SnapshotKey? Parent, bool Cites, bool Hybrid);
}
