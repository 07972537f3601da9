using System.Globalization;
using System.Reflection;
using Menagerie.App.Files;
using Menagerie.App.Persistence;
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
/// optionally its transfers (transfers, transfer_lines, and transfer_journeys.json), the format of <c>samples/collection</c>. Everything is checked first and saved in one transaction; what
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

        // Each file's rows are checked when it and the files it refers to could be read, so that one
        // bad header does not bury the other files' problems, nor flood them with its consequences.
        var batch = new Batch(db, problems);
        bool Readable(params string[] files) => !files.Any(unreadable.Contains);
        if (Readable("countries.csv"))
            await batch.CountriesAsync(tables["countries.csv"], ct);
        if (Readable("countries.csv", "institutions.csv"))
            await batch.InstitutionsAsync(tables["institutions.csv"], ct);
        if (Readable("taxa.csv"))
            await batch.TaxaAsync(tables["taxa.csv"], ct);
        if (unreadable.Count == 0)
        {
            await batch.SpecimensAsync(tables["specimens.csv"], tables["events.csv"], ct);
            if (problems.Count == 0)
                batch.Transfers(tables["transfers.csv"], tables["transfer_lines.csv"], tables["transfer_documents.csv"]);
            if (problems.Count == 0 && await ReadAllAsync(open, JourneysFile, ct) is { } journeys)
                batch.Journeys(journeys);
        }
        if (problems.Count > 0)
            return new SampleLoadResult.Rejected(problems.OrderBy(p => Array.IndexOf(Files, p.File)).ThenBy(p => p.Line).ToList(), notCsv || batch.JourneysUnreadable);

        // The rows are no longer needed; what is saved is in the batch.
        tables.Clear();
        await SaveAsync(batch, ct);
        return new SampleLoadResult.Loaded(
            batch.NewCountries.Count, batch.NewInstitutions.Count, batch.NewTaxa.Count, batch.NewSpecimens.Count,
            batch.NewSpecimens.Sum(s => s.Events.Count), batch.NewTransfers.Count, batch.AlreadyPresent);
    }

    /// <summary>
    /// How many specimens, with their histories, one save writes. A save's cost grows faster than its size (every
    /// tracked row is looked at again for each save's changes), and what it tracks stays in memory until it is done,
    /// so a large collection is written a part at a time, each part then let go.
    /// </summary>
    internal int SpecimensPerSave { get; set; } = 1_000;

    private const string Reason = "sample collection loaded";

    /// <summary>
    /// Saves the batch in one transaction, a part at a time: all of it or, on any failure, none. Under the provider's
    /// execution strategy, so that a transient failure of PostgreSQL retries the whole load, not the part that failed.
    /// </summary>
    private Task<bool> SaveAsync(Batch batch, CancellationToken ct) =>
        db.InTransactionAsync(async attempt =>
        {
            db.Countries.AddRange(batch.NewCountries);
            db.Institutions.AddRange(batch.NewInstitutions);
            db.Taxa.AddRange(batch.NewTaxa);
            await SavePartAsync(attempt);
            foreach (var part in batch.NewSpecimens.Distinct(ReferenceEqualityComparer.Instance).Cast<Specimen>()
                .Where(s => !batch.OnTransfers.Contains(s)).Chunk(SpecimensPerSave))
            {
                db.Specimens.AddRange(part);
                await db.InsertAddedAsync(Reason, attempt);
            }
            db.Specimens.AddRange(batch.OnTransfers);
            db.Transfers.AddRange(batch.NewTransfers);
            db.TransferDocuments.AddRange(batch.NewDocuments);
            db.TransferJourneys.AddRange(batch.NewJourneys);
            await SavePartAsync(attempt);
            return true;
        }, ct);

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
