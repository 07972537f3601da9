using Menagerie.App.Files;
using Menagerie.Domain.Compliance;

namespace Menagerie.App.Compliance.Reference;

/// <summary>
/// Reads a CITES Checklist snapshot in the layout of the UNEP-WCMC SAPI seed files: the taxa and their
/// listing history (required), synonyms and the source and purpose code tables (read when present). It gives
/// full names with their parents, synonyms pointing at accepted names, the current listings with the
/// populations and lower taxa they cover or leave out, and the date each taxon first entered the Appendices.
/// </summary>
public static partial class ChecklistSnapshot
{
    public const string TaxaFile = "animalia_taxa_utf8.csv";
    public const string LegislationFile = "animalia_legislation_utf8.csv";
    public const string SynonymsFile = "animalia_synonyms_utf8.csv";
    public const string CountriesFile = "countries_utf8.csv";
    public const string SourceCodesFile = "source_codes_utf8.csv";
    public const string PurposeCodesFile = "purpose_codes_utf8.csv";

    /// <summary>The source every listing of the shipped snapshot carries.</summary>
    public const string Source = "CITES Checklist snapshot (UNEP-WCMC SAPI seed files, BSD-3)";

    /// <summary>
    /// The date the shipped snapshot's listings are taken to be current. The seed files' last versions date
    /// from 2013-08 to 2013-11 (the snapshot's README): the set as a whole was last brought up to date at the
    /// end of that span, and the ages Menagerie warns about are counted in years, not in months.
    /// </summary>
    public static readonly DateOnly AsOf = new(2013, 11, 30);

    private static readonly string[] TaxaColumns = ["Scientific name", "Rank", "RecID", "ParentRank", "ParentRecID"];
    private static readonly string[] LegislationColumns = ["rank_name", "rec_id", "listing", "effective_from", "is_current"];
    private static readonly string[] SynonymColumns = ["Scientific name", "Rank", "RecID", "ParentRank", "Parent recID", "AcceptedRank", "AcceptedRecID"];

    /// <summary>The snapshot shipped inside Menagerie, with its own source and as-of date.</summary>
    public static Task<ReadResult<ChecklistContents>> ReadEmbeddedAsync(CancellationToken ct) =>
        ReadAsync(ReferenceFolder.EmbeddedSnapshot, Source, AsOf, ct);

    /// <summary>Reads the files of <paramref name="folder"/>; every listing carries <paramref name="source"/> and <paramref name="asOf"/>.</summary>
    public static async Task<ReadResult<ChecklistContents>> ReadAsync(ReferenceFolder folder, string source, DateOnly asOf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var problems = new List<InputProblem>();
        var taxaRows = await ReadFileAsync(folder, TaxaFile, TaxaColumns, optional: false, problems, ct);
        var legislationRows = await ReadFileAsync(folder, LegislationFile, LegislationColumns, optional: false, problems, ct);
        var synonymRows = await ReadFileAsync(folder, SynonymsFile, SynonymColumns, optional: true, problems, ct);
        var sourceRows = await ReadFileAsync(folder, SourceCodesFile, ["Source_code", "Source_English_Name"], optional: true, problems, ct);
        var purposeRows = await ReadFileAsync(folder, PurposeCodesFile, ["Purpose_code", "English_Purpose_Name"], optional: true, problems, ct);
        if (problems.Count > 0)
            return new ReadResult<ChecklistContents>.Rejected(problems);

        var tree = new SnapshotTree(taxaRows!, "ParentRecID", problems);
        var taxa = new List<ChecklistTaxon>();
        var named = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (_, rank, name, parent) in tree.Taxa())
        {
            if (named.Add(name))
                taxa.Add(new ChecklistTaxon(name, rank, parent));
        }
        taxa.AddRange(Synonyms(synonymRows ?? [], tree, named, problems));
        var (listings, firstListed) = Listings(legislationRows!, tree, source, asOf, problems);
        var sourceCodes = Codes(sourceRows ?? [], "Source_code", "Source_English_Name", problems);
        var purposeCodes = Codes(purposeRows ?? [], "Purpose_code", "English_Purpose_Name", problems);
        if (problems.Count > 0)
            return new ReadResult<ChecklistContents>.Rejected(problems);
        return new ReadResult<ChecklistContents>.Read(new ChecklistContents
        {
            Source = source,
            AsOf = asOf,
            Taxa = taxa,
            Listings = listings,
            FirstListed = firstListed,
            SourceCodes = sourceCodes,
            PurposeCodes = purposeCodes,
        });
    }

    private static async Task<List<CsvRow>?> ReadFileAsync(
        ReferenceFolder folder, string file, string[] columns, bool optional, List<InputProblem> problems, CancellationToken ct)
    {
        using var text = await folder.OpenAsync(file, ct);
        if (text is null)
        {
            if (!optional)
                problems.Add(new(file, 0, "file", $"The file is missing from {folder.Description}."));
            return null;
        }
        var (rows, headerProblems) = await CsvTable.ReadAsync(text, file, columns, ct);
        problems.AddRange(headerProblems);
        return rows;
    }

    /// <summary>
    /// Synonyms as names whose parent is their accepted name, so that walking up from a synonym reaches the
    /// accepted name's listings. A synonym spelled like an accepted name, or given for two different accepted
    /// names, is left out: it cannot say which taxon is meant.
    /// </summary>
    private static IEnumerable<ChecklistTaxon> Synonyms(List<CsvRow> rows, SnapshotTree accepted, HashSet<string> named, List<InputProblem> problems)
    {
        var tree = new SnapshotTree(rows, "Parent recID", problems, parents: accepted);
        var found = new List<(string Name, Menagerie.Domain.Taxa.TaxonRank Rank, string Accepted)>();
        foreach (var row in rows)
        {
            if (row["AcceptedRank"] is null && row["AcceptedRecID"] is null)
                continue; // a genus the file lists only as the parent of its synonyms
            var before = problems.Count;
            var reported = new List<InputProblem>(); // the synonym's own rank and id: already checked with the tree
            var rank = SnapshotTree.ParseRank(row, "Rank", reported);
            var id = SnapshotTree.ParseId(row, "RecID", reported);
            var acceptedRank = SnapshotTree.ParseRank(row, "AcceptedRank", problems);
            var acceptedId = SnapshotTree.ParseId(row, "AcceptedRecID", problems);
            if (problems.Count > before || reported.Count > 0)
                continue;
            if (SnapshotTree.Rank(rank!) is { } taxonRank
                && tree.Name(new(rank!, id!.Value)) is { } name
                && accepted.Name(new(acceptedRank!, acceptedId!.Value)) is { } acceptedName)
            {
                found.Add((name, taxonRank, acceptedName));
            }
        }
        foreach (var group in found.GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase))
        {
            var first = group.First();
            if (!named.Contains(first.Name) && group.All(s => string.Equals(s.Accepted, first.Accepted, StringComparison.Ordinal)))
            {
                named.Add(first.Name);
                yield return new ChecklistTaxon(first.Name, first.Rank, first.Accepted, first.Accepted);
            }
        }
    }

    private static Dictionary<char, string> Codes(List<CsvRow> rows, string codeColumn, string nameColumn, List<InputProblem> problems)
    {
        var codes = new Dictionary<char, string>();
        foreach (var row in rows)
        {
            var code = row[codeColumn];
            if (code is not { Length: 1 } || !char.IsAsciiLetterUpper(code[0]))
                problems.Add(row.Problem(codeColumn, $"'{code}' is not a code (one capital letter)."));
            else if (row[nameColumn] is not { } name)
                problems.Add(row.Problem(nameColumn, $"The code {code} has no name."));
            else if (!codes.TryAdd(code[0], name))
                problems.Add(row.Problem(codeColumn, $"The code {code} is in the file twice."));
        }
        return codes;
    }
}
