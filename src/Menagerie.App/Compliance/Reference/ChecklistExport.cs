using Menagerie.App.Files;
using Menagerie.Domain.Compliance;
using Menagerie.Domain.Taxa;

namespace Menagerie.App.Compliance.Reference;

/// <summary>
/// Reads one CSV export of the current CITES Checklist (checklist.cites.org, Species+). Columns, found by
/// name in any case: <c>Scientific Name</c>, <c>Rank</c> and <c>Listing</c> (I, II, III, a split such as
/// I/II, or NC for not listed), and optionally <c>Class</c>, <c>Order</c>, <c>Family</c>, <c>Genus</c>,
/// <c>Party</c> (the Appendix-III listing Party, by name or ISO code), <c>Full note</c> or
/// <c>Annotation</c>, <c>Listed under</c>, <c>Effective from</c>, and Menagerie's own <c>Populations</c>
/// ("I: BT,CN,MN,MX", the Appendix the other populations are in left out). A split listing takes its
/// populations from that column or, failing it, from the note's sentences ("The populations of Bhutan,
/// China, Mexico and Mongolia are included in Appendix I. All other populations are included in Appendix
/// II."). Rows of ranks Menagerie does not keep (kingdom, phylum, subfamily, variety …) are passed over:
/// the export gives each species its own listing.
/// </summary>
public static class ChecklistExport
{
    private static readonly string[] RequiredColumns = ["Scientific Name", "Rank", "Listing"];

    private static readonly HashSet<string> OtherRanks = new(StringComparer.OrdinalIgnoreCase)
    {
        "Kingdom", "Phylum", "Subphylum", "Subclass", "Infraclass", "Superorder", "Suborder", "Infraorder", "Superfamily",
        "Subfamily", "Tribe", "Subgenus", "Variety", "Form", "Subvariety",
    };

    /// <summary>Reads the file at <paramref name="path"/>; its listings carry <paramref name="source"/> (by default the file's name) and <paramref name="asOf"/>.</summary>
    public static async Task<ReadResult<ChecklistContents>> ReadAsync(string path, DateOnly asOf, string? source, CountryNames countries, CancellationToken ct)
    {
        var file = Path.GetFileName(path);
        if (!File.Exists(path))
            return new ReadResult<ChecklistContents>.Rejected([new(file, 0, "file", $"There is no file {path}.")]);
        using var text = new StreamReader(path);
        return await ReadAsync(text, file, asOf, source ?? file, countries, ct);
    }

    public static async Task<ReadResult<ChecklistContents>> ReadAsync(
        TextReader text, string file, DateOnly asOf, string source, CountryNames countries, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(countries);
        var (rows, problems) = await CsvTable.ReadAsync(text, file, RequiredColumns, ct);
        if (problems.Count > 0)
            return new ReadResult<ChecklistContents>.Rejected(problems);

        var taxa = new Dictionary<string, ChecklistTaxon>(StringComparer.OrdinalIgnoreCase);
        var implied = new Dictionary<string, ChecklistTaxon>(StringComparer.OrdinalIgnoreCase);
        var lines = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var listings = new List<CitesListing>();
        var firstListed = new Dictionary<string, DateOnly>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            var before = problems.Count;
            var rank = Rank(row, problems);
            var name = row["Scientific Name"] is { } n ? Name(n, rank) : null;
            if (name is null)
                problems.Add(row.Problem("Scientific Name", "The name is missing."));
            var appendices = Appendices(row, problems);
            DateOnly? effective = row["Effective from"] is { } e ? Date(row, e, problems) : null;
            if (problems.Count > before || rank is null)
                continue;
            if (lines.TryGetValue(name!, out var line))
            {
                problems.Add(row.Problem("Scientific Name", $"{name} is also on line {line}."));
                continue;
            }
            lines[name!] = row.Line;
            taxa[name!] = new ChecklistTaxon(name!, rank.Value, Parent(row, rank.Value, name!));
            Imply(row, rank.Value, name!, implied);
            if (appendices.Count == 0)
                continue;
            var rowListings = Listings(row, name!, appendices, effective ?? asOf, source, asOf, countries, problems);
            listings.AddRange(rowListings);
            if (effective is { } date && rowListings.Any(l => l.Appendix != Appendix.NotListed))
                firstListed[name!] = date;
        }
        if (problems.Count > 0)
            return new ReadResult<ChecklistContents>.Rejected(problems);
        foreach (var (name, taxon) in implied)
            taxa.TryAdd(name, taxon);
        return new ReadResult<ChecklistContents>.Read(new ChecklistContents
        {
            Source = source,
            AsOf = asOf,
            Taxa = taxa.Values.ToList(),
            Listings = listings,
            FirstListed = firstListed,
        });
    }

    private static TaxonRank? Rank(CsvRow row, List<InputProblem> problems)
    {
        var word = row["Rank"];
        if (Enum.TryParse<TaxonRank>(word, ignoreCase: true, out var rank) && Enum.IsDefined(rank) && !word!.Any(char.IsAsciiDigit))
            return rank;
        if (word is null || !OtherRanks.Contains(word))
            problems.Add(row.Problem("Rank", $"'{word}' is not a rank: {string.Join(", ", Enum.GetNames<TaxonRank>())}, or a rank whose rows are passed over ({string.Join(", ", OtherRanks.Order(StringComparer.Ordinal))})."));
        return null;
    }

    /// <summary>Names above the genus capitalised ("FELIDAE" → "Felidae"); a binomial with its genus capitalised and its epithets in lower case.</summary>
    private static string Name(string text, TaxonRank? rank)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (rank is TaxonRank.Species or TaxonRank.Subspecies && words.Length > 1)
            return string.Join(' ', [ReferenceText.Capitalised(words[0]), .. words[1..].Select(w => w.ToLowerInvariant())]);
        return ReferenceText.Capitalised(string.Join(' ', words));
    }

    private static string? Higher(string? name) => name is null ? null : ReferenceText.Capitalised(name);

    private static string? Parent(CsvRow row, TaxonRank rank, string name) => rank switch
    {
        TaxonRank.Order => Higher(row["Class"]),
        TaxonRank.Family => Higher(row["Order"]),
        TaxonRank.Genus => Higher(row["Family"]),
        TaxonRank.Species => Higher(row["Genus"]) ?? (name.Contains(' ', StringComparison.Ordinal) ? name[..name.IndexOf(' ', StringComparison.Ordinal)] : null),
        TaxonRank.Subspecies => name.Split(' ') is { Length: > 2 } words ? $"{words[0]} {words[1]}" : null,
        _ => null,
    };

    /// <summary>The higher taxa a row names in its Class, Order, Family and Genus columns, so that every name's lineage can be walked.</summary>
    private static void Imply(CsvRow row, TaxonRank rank, string name, Dictionary<string, ChecklistTaxon> implied)
    {
        var chain = new (TaxonRank Rank, string? Name)[]
        {
            (TaxonRank.Class, Higher(row["Class"])),
            (TaxonRank.Order, Higher(row["Order"])),
            (TaxonRank.Family, Higher(row["Family"])),
            (TaxonRank.Genus, Higher(row["Genus"]) ?? (rank >= TaxonRank.Species ? name.Split(' ')[0] : null)),
            (TaxonRank.Species, rank == TaxonRank.Subspecies ? Parent(row, rank, name) : null),
        };
        string? above = null;
        foreach (var (level, levelName) in chain.Where(c => c.Rank < rank))
        {
            if (levelName is null)
                continue;
            implied.TryAdd(levelName, new ChecklistTaxon(levelName, level, above));
            above = levelName;
        }
    }

    /// <summary>"I", "II/III", "I/II/NC": the Appendices of the row, NC standing for populations not listed.</summary>
    private static List<Appendix> Appendices(CsvRow row, List<InputProblem> problems)
    {
        var appendices = new List<Appendix>();
        foreach (var word in (row["Listing"] ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (string.Equals(word, "NC", StringComparison.OrdinalIgnoreCase))
                appendices.Add(Appendix.NotListed);
            else if (ReferenceText.TryParseAppendix(word, out var appendix) && appendix != Appendix.NotListed)
                appendices.Add(appendix);
            else
            {
                problems.Add(row.Problem("Listing", $"'{row["Listing"]}' is not a listing: I, II, III, a split such as I/II, or NC."));
                return [];
            }
        }
        return appendices.Distinct().ToList();
    }

    private static DateOnly? Date(CsvRow row, string text, List<InputProblem> problems)
    {
        if (ReferenceText.TryParseIsoDate(text, out var date) || ReferenceText.TryParseDayFirstDate(text, out date))
            return date;
        problems.Add(row.Problem("Effective from", $"'{text}' is not a date (yyyy-MM-dd or dd/MM/yyyy)."));
        return null;
    }

    private static List<CitesListing> Listings(
        CsvRow row, string name, List<Appendix> appendices, DateOnly effective, string source, DateOnly asOf, CountryNames countries, List<InputProblem> problems)
    {
        var note = ReferenceText.PlainNote(row["Full note"] ?? row["Annotation"]);
        var annotation = row["Listed under"] is { } under && !string.Equals(under, name, StringComparison.OrdinalIgnoreCase)
            ? $"Listed under {under}. {note}".Trim()
            : note;
        var parties = appendices.Contains(Appendix.III) ? Parties(row, countries, problems) : [];
        var populations = Populations.Split(row, appendices, note, countries, problems);
        if (populations is null)
            return [];
        var listings = new List<CitesListing>();
        foreach (var appendix in appendices)
        {
            var (included, excluded) = populations[appendix];
            var listing = new CitesListing
            {
                Taxon = name,
                Appendix = appendix,
                EffectiveFrom = effective,
                Populations = included,
                ExcludedPopulations = excluded,
                ExcludesDomesticated = ReferenceText.ExcludesDomesticated(note),
                Annotation = annotation,
                Source = source,
                AsOf = asOf,
            };
            if (appendix == Appendix.III && parties.Count > 0)
                listings.AddRange(parties.Select(p => listing with { ListingParty = p }));
            else
                listings.Add(listing);
        }
        return listings;
    }

    /// <summary>The Party column: ISO codes or names, separated by semicolons (or commas where no country name holds one).</summary>
    private static List<string> Parties(CsvRow row, CountryNames countries, List<InputProblem> problems)
    {
        var codes = new List<string>();
        foreach (var item in (row["Party"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var names = countries.Code(item) is null ? item.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [item];
            foreach (var party in names)
            {
                if (countries.Code(party) is { } code)
                    codes.Add(code);
                else
                    problems.Add(row.Problem("Party", $"'{party}' is not a country Menagerie knows, by name or ISO code."));
            }
        }
        return codes.Distinct(StringComparer.Ordinal).ToList();
    }
}
