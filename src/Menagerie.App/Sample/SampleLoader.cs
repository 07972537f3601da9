using System.Globalization;
using System.Reflection;
using Menagerie.App.Files;
using Menagerie.App.Persistence;
using Menagerie.App.Specimens;
using Menagerie.Domain.Specimens;
using Microsoft.EntityFrameworkCore;

namespace Menagerie.App.Sample;

public abstract record SampleLoadResult
{
    private SampleLoadResult() { }

    public sealed record Loaded(int Countries, int Institutions, int Taxa, int Specimens, int Events, int Transfers, int AlreadyPresent) : SampleLoadResult;

    /// <summary>
    /// Every problem in the files; nothing was written. <paramref name="Unreadable"/>: a file cannot be read as CSV (or
    /// JSON) at all — empty, not text, a quote never closed.
    /// </summary>
    public sealed record Rejected(IReadOnlyList<InputProblem> Problems, bool Unreadable = false) : SampleLoadResult;
}

/// <summary>
/// Loads a collection from five CSV files (countries, institutions, taxa, specimens, events), and
/// optionally its transfers (transfers, transfer_lines, and transfer_journeys.json), the format of <c>samples/collection</c>. Everything is checked and
/// saved in one transaction, a part at a time as it is checked; any problem rolls it all back and is reported with every other. What
/// is already in the records (same country code, institution code, scientific name, or a specimen's
/// first identifier) is left as it is, so loading twice adds nothing.
/// </summary>
public sealed partial class SampleLoader(MenagerieDbContext db)
{
    public static readonly string[] Files = ["countries.csv", "institutions.csv", "taxa.csv", "specimens.csv", "events.csv", "transfers.csv", "transfer_lines.csv", "transfer_documents.csv"];

    /// <summary>A collection without transfers leaves these out.</summary>
    private static readonly string[] OptionalFiles = ["transfers.csv", "transfer_lines.csv", "transfer_documents.csv"];

    /// <summary>The journeys of the transfers, by transfer key, where recorded (optional).</summary>
    public const string JourneysFile = "transfer_journeys.json";

    /// <summary>The sample collection shipped inside Menagerie.</summary>
    public Task<SampleLoadResult> LoadBuiltInAsync(CancellationToken ct)
    {
        var assembly = typeof(SampleLoader).Assembly;
        return LoadAsync(name => Open(assembly, "Menagerie.Sample." + name), ct);

        static TextReader? Open(Assembly assembly, string resource) =>
            assembly.GetManifestResourceStream(resource) is { } stream ? new StreamReader(stream) : null;
    }

    public Task<SampleLoadResult> LoadDirectoryAsync(string directory, CancellationToken ct) =>
        LoadAsync(name => File.Exists(Path.Combine(directory, name)) ? new StreamReader(Path.Combine(directory, name)) : null, ct);

    private async Task<SampleLoadResult> LoadAsync(Func<string, TextReader?> open, CancellationToken ct)
    {
        var problems = new List<InputProblem>();
        var tables = new Dictionary<string, List<CsvRow>>(StringComparer.Ordinal);
        var unreadable = new HashSet<string>(StringComparer.Ordinal);
        var notCsv = false;
        foreach (var (file, columns) in Columns)
        {
            using var reader = open(file);
            if (reader is null && OptionalFiles.Contains(file))
            {
                tables[file] = [];
                continue;
            }
            if (reader is null)
            {
                problems.Add(new(file, 0, "file", "The file is missing."));
                unreadable.Add(file);
                continue;
            }
            var (rows, headerProblems) = await CsvTable.ReadAsync(reader, file, columns, ct);
            problems.AddRange(headerProblems);
            if (headerProblems.Count > 0)
                unreadable.Add(file);
            // CsvTable names a file that is not CSV at all under "file", a column's problem under the column.
            notCsv |= headerProblems.Any(p => p.Field == "file");
            tables[file] = rows;
        }

        // A rejected load rolls back the parts it saved: in a transaction of its own, never in a caller's.
        if (db.Database.CurrentTransaction is not null)
            throw new InvalidOperationException("A collection is loaded in a transaction of its own.");
        try
        {
            return await db.InTransactionAsync(attempt => CheckAndSaveAsync(open, tables, unreadable, [.. problems], notCsv, attempt), ct);
        }
        catch (RejectedLoad rejected)
        {
            return rejected.Result;
        }
    }

    /// <summary>
    /// How many specimens, with their histories, one save writes. A save's cost grows faster than its size (every
    /// tracked row is looked at again for each save's changes), and what it tracks stays in memory until it is done,
    /// so a large collection is written a part at a time, each part then let go.
    /// </summary>
    internal int SpecimensPerSave { get; set; } = 1_000;

    private const string Reason = "sample collection loaded";

    /// <summary>
    /// Checks the files and saves what they hold, in the caller's transaction: the countries, institutions and taxa,
    /// then the specimens a part at a time as soon as each part is checked (so that only one part is held in memory),
    /// then those on transfers with the transfers. Saving stops at the first problem while checking goes on; any
    /// problem rolls the whole load back (<see cref="RejectedLoad"/>) and is reported with all the others. Under the
    /// provider's execution strategy, a transient failure of PostgreSQL checks and loads it all again.
    /// </summary>
    private async Task<SampleLoadResult> CheckAndSaveAsync(
        Func<string, TextReader?> open, Dictionary<string, List<CsvRow>> tables, HashSet<string> unreadable, List<InputProblem> problems, bool notCsv, CancellationToken ct)
    {
        (_specimensSaved, _eventsSaved, _census) = (0, 0, new());
        var onTransfers = tables["transfer_lines.csv"].Select(l => l["specimen"] ?? "").ToHashSet(StringComparer.Ordinal);
        var batch = new Batch(db, problems, onTransfers, SaveSpecimensAsync, SpecimensPerSave);
        // Each file's rows are checked when it and the files it refers to could be read, so that one
        // bad header does not bury the other files' problems, nor flood them with its consequences.
        bool Readable(params string[] files) => !files.Any(unreadable.Contains);
        if (Readable("countries.csv"))
            await batch.CountriesAsync(tables["countries.csv"], ct);
        if (Readable("countries.csv", "institutions.csv"))
            await batch.InstitutionsAsync(tables["institutions.csv"], ct);
        if (Readable("taxa.csv"))
            await batch.TaxaAsync(tables["taxa.csv"], ct);
        if (problems.Count == 0)
        {
            db.Countries.AddRange(batch.NewCountries);
            db.Institutions.AddRange(batch.NewInstitutions);
            db.Taxa.AddRange(batch.NewTaxa);
            await SavePartAsync(ct);
        }
        if (unreadable.Count == 0)
        {
            await batch.SpecimensAsync(tables["specimens.csv"], tables["events.csv"], ct);
            if (problems.Count == 0)
                batch.Transfers(tables["transfers.csv"], tables["transfer_lines.csv"], tables["transfer_documents.csv"]);
            if (problems.Count == 0 && await ReadAllAsync(open, JourneysFile, ct) is { } journeys)
                batch.Journeys(journeys);
        }
        if (problems.Count > 0)
            throw new RejectedLoad(new(problems.OrderBy(p => Array.IndexOf(Files, p.File)).ThenBy(p => p.Line).ToList(), notCsv || batch.JourneysUnreadable));

        await _census.ApplyAsync(db, ct);
        await SavePartAsync(ct);
        var kept = batch.Kept.Distinct(ReferenceEqualityComparer.Instance).Cast<Specimen>().ToList();
        db.Specimens.AddRange(kept);
        db.Transfers.AddRange(batch.NewTransfers);
        db.TransferDocuments.AddRange(batch.NewDocuments);
        db.TransferJourneys.AddRange(batch.NewJourneys);
        await SavePartAsync(ct);
        return new SampleLoadResult.Loaded(
            batch.NewCountries.Count, batch.NewInstitutions.Count, batch.NewTaxa.Count, _specimensSaved + kept.Count,
            _eventsSaved + kept.Sum(s => s.Events.Count), batch.NewTransfers.Count, batch.AlreadyPresent);
    }

    private int _specimensSaved;
    private int _eventsSaved;

    /// <summary>
    /// The census changes of the parts saved so far, applied once after them: each part's own would read and
    /// rewrite much the same rows again (the animals of a collection share their days).
    /// </summary>
    private PeriodCensus _census = new();

    private async Task SaveSpecimensAsync(IReadOnlyList<Specimen> part, CancellationToken ct)
    {
        db.Specimens.AddRange(part);
        await db.InsertAddedAsync(Reason, _census, ct);
        _specimensSaved += part.Count;
        _eventsSaved += part.Sum(s => s.Events.Count);
    }

    /// <summary>A load with problems, thrown out of its transaction so that nothing of it stays.</summary>
    private sealed class RejectedLoad(SampleLoadResult.Rejected result) : Exception("The collection has problems; nothing was loaded.")
    {
        public SampleLoadResult.Rejected Result { get; } = result;
    }

    private async Task SavePartAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(Reason, ct);
        db.ChangeTracker.Clear();
    }

    private static async Task<byte[]?> ReadAllAsync(Func<string, TextReader?> open, string file, CancellationToken ct)
    {
        using var reader = open(file);
        return reader is null ? null : System.Text.Encoding.UTF8.GetBytes(await reader.ReadToEndAsync(ct));
    }

    private static readonly (string File, string[] Columns)[] Columns =
    [
        ("countries.csv", ["code", "name", "cites_party", "cites_entry_into_force", "status_as_of", "status_source"]),
        ("institutions.csv", ["code", "name", "country"]),
        ("taxa.csv", ["scientific_name", "common_name", "rank", "class"]),
        ("specimens.csv", ["key", "kind", "taxon", "sex", "name", "identifiers"]),
        ("events.csv", ["specimen", "type", "date"]),
        ("transfers.csv", ["key", "sender", "receiver", "terms", "status"]),
        ("transfer_lines.csv", ["transfer", "specimen"]),
        ("transfer_documents.csv", ["transfer", "type", "number", "issuing_authority", "issuing_state", "issued_on"]),
    ];

    /// <summary>The CSV column a domain field comes from, so a problem names what the person can see in the file.</summary>
    private static string Column(string field) => field switch
    {
        "fromName" => "from_name",
        "toName" => "to_name",
        "weightKg" => "weight_kg",
        "scientificName" => "scientific_name",
        "commonName" => "common_name",
        "taxonClass" => "class",
        "timeZone" => "time_zone",
        "citesEntryIntoForce" => "cites_entry_into_force",
        "statusSource" => "status_source",
        "returnDue" => "return_due",
        "plannedDeparture" => "planned_departure",
        _ => field,
    };

    private static bool TryParseFlag(string? text, out bool value)
    {
        value = text?.ToUpperInvariant() is "TRUE" or "YES" or "1" or "Y";
        return text is null || value || text.ToUpperInvariant() is "FALSE" or "NO" or "0" or "N";
    }

    private static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
