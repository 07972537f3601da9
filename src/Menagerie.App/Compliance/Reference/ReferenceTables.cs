using Menagerie.App.Files;
using Menagerie.Domain.Compliance;
using Menagerie.Domain.Institutions;

namespace Menagerie.App.Compliance.Reference;

/// <summary>
/// Menagerie's own reference files, each row with its source: CITES Party status of states, listing
/// corrections, the listing history (dated changes, synonyms and how far they are complete), domesticated
/// forms, native ranges and sanctions regimes.
/// </summary>
public sealed record ReferenceTables(
    IReadOnlyList<PartyStatus> Parties,
    IReadOnlyList<ListingCorrection> Corrections,
    IReadOnlyList<ListingChange> Changes,
    IReadOnlyList<ListingSynonym> Synonyms,
    IReadOnlyList<ListingCoverage> Coverage,
    IReadOnlyList<DomesticatedForm> Domesticated,
    IReadOnlyList<NativeRange> NativeRanges,
    IReadOnlyList<SanctionsRegime> Sanctions)
{
    public const string PartiesFile = "parties.csv";
    public const string CorrectionsFile = "listing-corrections.csv";
    public const string ChangesFile = "listing-changes.csv";
    public const string SynonymsFile = "listing-synonyms.csv";
    public const string CoverageFile = "listing-coverage.csv";
    public const string DomesticatedFile = "domesticated.csv";
    public const string NativeRangesFile = "native-ranges.csv";
    public const string SanctionsFile = "sanctions.csv";

    private static readonly (string File, string[] Columns)[] Columns =
    [
        (PartiesFile, ["code", "name", "party", "entry_into_force", "as_of", "source"]),
        (CorrectionsFile, ["taxon", "appendix", "effective_from", "listing_party", "populations", "excluded_populations", "excluded_taxa", "excludes_domesticated", "annotation", "as_of", "source"]),
        (ChangesFile, ["taxon", "rank", "parent", "change", "from_appendix", "to_appendix", "listing_party", "populations", "excluded_populations", "excluded_taxa", "annotation", "effective_from", "meeting", "as_of", "source"]),
        (SynonymsFile, ["name", "listed_as", "effective_from", "source"]),
        (CoverageFile, ["taxon", "appendices", "complete_to", "note"]),
        (DomesticatedFile, ["name", "wild_taxon", "source"]),
        (NativeRangesFile, ["taxon", "countries", "source"]),
        (SanctionsFile, ["destination", "measures", "source"]),
    ];

    /// <summary>The files shipped inside Menagerie.</summary>
    public static Task<ReadResult<ReferenceTables>> ReadEmbeddedAsync(CancellationToken ct) => ReadAsync(ReferenceFolder.EmbeddedTables, ct);

    public static async Task<ReadResult<ReferenceTables>> ReadAsync(ReferenceFolder folder, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var problems = new List<InputProblem>();
        var tables = new Dictionary<string, List<CsvRow>>(StringComparer.Ordinal);
        foreach (var (file, columns) in Columns)
        {
            using var text = await folder.OpenAsync(file, ct);
            if (text is null)
            {
                problems.Add(new(file, 0, "file", $"The file is missing from {folder.Description}."));
                continue;
            }
            var (rows, headerProblems) = await CsvTable.ReadAsync(text, file, columns, ct);
            problems.AddRange(headerProblems);
            tables[file] = headerProblems.Count == 0 ? rows : [];
        }
        var read = new ReferenceTables(
            ReadParties(tables.GetValueOrDefault(PartiesFile) ?? [], problems),
            ListingCorrections.Read(tables.GetValueOrDefault(CorrectionsFile) ?? [], problems),
            ListingHistory.ReadChanges(tables.GetValueOrDefault(ChangesFile) ?? [], problems),
            ListingHistory.ReadSynonyms(tables.GetValueOrDefault(SynonymsFile) ?? [], problems),
            ListingHistory.ReadCoverage(tables.GetValueOrDefault(CoverageFile) ?? [], problems),
            ReadDomesticated(tables.GetValueOrDefault(DomesticatedFile) ?? [], problems),
            ReadNativeRanges(tables.GetValueOrDefault(NativeRangesFile) ?? [], problems),
            ReadSanctions(tables.GetValueOrDefault(SanctionsFile) ?? [], problems));
        return problems.Count > 0 ? new ReadResult<ReferenceTables>.Rejected(problems) : new ReadResult<ReferenceTables>.Read(read);
    }

    /// <summary>Party status is checked as a <see cref="Country"/> is: a Party has a date of entry into force, a non-Party none, both a source.</summary>
    private static List<PartyStatus> ReadParties(List<CsvRow> rows, List<InputProblem> problems)
    {
        var parties = new List<PartyStatus>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            var before = problems.Count;
            DateOnly? entry = null;
            if (row["entry_into_force"] is not null)
                entry = Date(row, "entry_into_force", problems);
            // A flag that is neither true nor false is reported once, not again as at odds with the date.
            var party = TryFlag(row, "party", problems) ?? entry is not null;
            var asOf = Date(row, "as_of", problems);
            var country = Country.Create(row["code"] ?? "", row["name"] ?? "", party, entry, asOf, row["source"] ?? "");
            problems.AddRange(country.Violations.Select(v => row.Problem(Column(v.Field), v.Message)));
            if (problems.Count > before)
                continue;
            if (!seen.Add(country.Value.Code))
                problems.Add(row.Problem("code", $"{country.Value.Code} is in the file twice."));
            else
                parties.Add(new PartyStatus(country.Value.Code, country.Value.Name, party, entry, asOf, country.Value.StatusSource));
        }
        return parties;

        static string Column(string field) => field switch
        {
            "citesEntryIntoForce" => "entry_into_force",
            "statusSource" => "source",
            _ => field,
        };
    }

    private static List<DomesticatedForm> ReadDomesticated(List<CsvRow> rows, List<InputProblem> problems)
    {
        var forms = new List<DomesticatedForm>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            if (Required(row, problems, "name", "wild_taxon", "source") is not [var name, var wild, var source])
                continue;
            if (!seen.Add(name))
                problems.Add(row.Problem("name", $"{name} is in the file twice."));
            else
                forms.Add(new DomesticatedForm(name, wild, source));
        }
        return forms;
    }

    private static List<NativeRange> ReadNativeRanges(List<CsvRow> rows, List<InputProblem> problems)
    {
        var ranges = new List<NativeRange>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            var countries = CountryCodes(row, "countries", problems);
            if (Required(row, problems, "taxon", "countries", "source") is not [var taxon, _, var source])
                continue;
            if (!seen.Add(taxon))
                problems.Add(row.Problem("taxon", $"{taxon} is in the file twice."));
            else
                ranges.Add(new NativeRange(taxon, countries, source));
        }
        return ranges;
    }

    private static List<SanctionsRegime> ReadSanctions(List<CsvRow> rows, List<InputProblem> problems)
    {
        var regimes = new List<SanctionsRegime>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            var before = problems.Count;
            var destination = row["destination"]?.ToUpperInvariant();
            if (destination is not null && !Country.IsCode(destination))
                problems.Add(row.Problem("destination", $"'{destination}' is not an ISO 3166-1 alpha-2 code."));
            if (Required(row, problems, "destination", "measures", "source") is not [_, var measures, var source] || problems.Count > before)
                continue;
            if (!seen.Add(destination!))
                problems.Add(row.Problem("destination", $"{destination} is in the file twice."));
            else
                regimes.Add(new SanctionsRegime(destination!, measures, source));
        }
        return regimes;
    }

    /// <summary>The values of the columns, or null after reporting each one that is empty.</summary>
    internal static string[]? Required(CsvRow row, List<InputProblem> problems, params string[] columns)
    {
        var missing = columns.Where(c => row[c] is null).ToList();
        foreach (var column in missing)
            problems.Add(row.Problem(column, $"The {column} is missing."));
        return missing.Count == 0 ? columns.Select(c => row[c]!).ToArray() : null;
    }

    internal static List<string> CountryCodes(CsvRow row, string column, List<InputProblem> problems)
    {
        var codes = ReferenceText.Codes(row[column]);
        foreach (var code in codes.Where(c => !Country.IsCode(c)))
            problems.Add(row.Problem(column, $"'{code}' is not an ISO 3166-1 alpha-2 code."));
        return codes;
    }

    internal static DateOnly Date(CsvRow row, string column, List<InputProblem> problems)
    {
        if (ReferenceText.TryParseIsoDate(row[column], out var date))
            return date;
        problems.Add(row.Problem(column, $"'{row[column]}' is not a date (yyyy-MM-dd)."));
        return default;
    }

    internal static bool Flag(CsvRow row, string column, List<InputProblem> problems) => TryFlag(row, column, problems) ?? false;

    private static bool? TryFlag(CsvRow row, string column, List<InputProblem> problems)
    {
        switch (row[column]?.ToUpperInvariant())
        {
            case null or "FALSE" or "NO" or "0":
                return false;
            case "TRUE" or "YES" or "1":
                return true;
            default:
                problems.Add(row.Problem(column, $"'{row[column]}' is not true or false."));
                return null;
        }
    }
}
