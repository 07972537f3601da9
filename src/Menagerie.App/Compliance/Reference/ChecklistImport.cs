using Menagerie.App.Files;
using Menagerie.App.Persistence;
using Menagerie.Domain.Compliance;
using Microsoft.EntityFrameworkCore;

namespace Menagerie.App.Compliance.Reference;

public sealed record ChecklistEditionView(
    int Number, string Source, DateOnly AsOf, DateTime ImportedAt, string ImportedBy, int Names, int Listings, int Corrections, string? Replaced, string Digest)
{
    public static ChecklistEditionView Of(ChecklistEdition e) =>
        new(e.Number, e.Source, e.AsOf, e.ImportedAt, e.ImportedBy, e.Names, e.Listings, e.Corrections, e.Replaced, e.Digest);
}

public abstract record ChecklistImportResult
{
    private ChecklistImportResult() { }

    public sealed record Imported(ChecklistEditionView Edition) : ChecklistImportResult;

    /// <summary>Every problem in the input, each with file, line and field; nothing was changed.</summary>
    public sealed record Rejected(IReadOnlyList<InputProblem> Problems) : ChecklistImportResult;

    public sealed record Forbidden(string Message) : ChecklistImportResult;
}

/// <summary>
/// Replaces the checklist in the records with one read from a folder in the snapshot layout or from one CSV
/// export of the current CITES Checklist, Menagerie's listing corrections applied where they are not older
/// than it. All or nothing, in one transaction, recorded in the ledger as one entry: the new edition.
/// </summary>
public sealed class ChecklistImport(MenagerieDbContext db, Accounts.Access access)
{
    public const int MaxSourceLength = 1000;

    /// <param name="path">A folder holding the snapshot files, or a CSV export.</param>
    /// <param name="asOf">The date the listings were current (for an export, the day it was downloaded): required for an export; a folder defaults to the 2013 snapshot's date.</param>
    /// <param name="source">What the listings are labelled with: by default the file or folder name.</param>
    /// <param name="ct">Cancels the import; nothing is then changed.</param>
    /// <param name="progress">Told 1 once the input is read and the listings are being replaced.</param>
    public async Task<ChecklistImportResult> ImportAsync(string path, DateOnly? asOf, string? source, CancellationToken ct, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!access.IsAdministrator)
            return new ChecklistImportResult.Forbidden("The checklist is replaced by an administrator.");
        switch (await ReadAsync(path, asOf, source, ct))
        {
            case ReadResult<ChecklistContents>.Read { Value: var checklist }:
                progress?.Report(1);
                var (contents, corrections) = ListingCorrection.Apply(checklist, ReferenceData.Tables().Corrections);
                return new ChecklistImportResult.Imported(await ReplaceAsync(db, contents, corrections, ct));
            case ReadResult<ChecklistContents>.Rejected { Problems: var problems }:
                return new ChecklistImportResult.Rejected(problems);
            default:
                throw new InvalidOperationException("A read is either read or rejected.");
        }
    }

    private static Task<ReadResult<ChecklistContents>> ReadAsync(string path, DateOnly? asOf, string? source, CancellationToken ct)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(path));
        if (source is { Length: > MaxSourceLength })
            return Refuse("--source", $"The source is {source.Length} characters long; at most {MaxSourceLength} are kept.");
        if (Directory.Exists(path))
            return ChecklistSnapshot.ReadAsync(ReferenceFolder.OnDisk(path), source ?? $"{name} (UNEP-WCMC SAPI seed file layout)", asOf ?? ChecklistSnapshot.AsOf, ct);
        if (!File.Exists(path))
            return Refuse("path", $"There is no file or folder {path}.");
        if (asOf is not { } exported)
            return Refuse("--as-of", "A checklist export needs the date its listings were current (the day it was downloaded): give --as-of yyyy-MM-dd.");
        return ChecklistExport.ReadAsync(path, exported, source, ReferenceData.Countries(), ct);

        Task<ReadResult<ChecklistContents>> Refuse(string field, string message) =>
            Task.FromResult<ReadResult<ChecklistContents>>(new ReadResult<ChecklistContents>.Rejected([new(name, 0, field, message)]));
    }

    /// <summary>
    /// Gives a database without a checklist the shipped one: the 2013 snapshot with Menagerie's corrections.
    /// Leaves the context tracking nothing.
    /// </summary>
    public static async Task<ChecklistEditionView?> SeedAsync(MenagerieDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.ChecklistEditions.AnyAsync(ct))
            return null;
        var (contents, corrections) = ReferenceData.EmbeddedContents();
        return await ReplaceAsync(db, contents, corrections, ct);
    }

    private static async Task<ChecklistEditionView> ReplaceAsync(MenagerieDbContext db, ChecklistContents contents, int corrections, CancellationToken ct)
    {
        var edition = await db.InTransactionAsync(async attempt =>
        {
            var previous = await db.ChecklistEditions.AsNoTracking().OrderByDescending(e => e.Number).FirstOrDefaultAsync(attempt);
            var number = (previous?.Number ?? 0) + 1;
            var names = new List<ChecklistName>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var taxon in contents.Taxa.Where(t => seen.Add(t.Name)))
                names.Add(ChecklistName.Of(number, taxon, contents.FirstListed.TryGetValue(taxon.Name, out var first) ? first : null));
            var listings = contents.Listings.Select((l, i) => ChecklistListingRecord.Of(number, i + 1, l)).ToList();
            var edition = ChecklistEdition.Create(number, contents, db.UtcNow, db.ActorName, names, listings, corrections, previous);

            await db.ChecklistListings.ExecuteDeleteAsync(attempt);
            await db.ChecklistNames.ExecuteDeleteAsync(attempt);
            var replaced = previous is null ? "" : $", replacing edition {previous.Number}";
            try
            {
                db.ChecklistEditions.Add(edition);
                db.ChecklistNames.AddRange(names);
                db.ChecklistListings.AddRange(listings);
                await db.SaveChangesAsync($"CITES checklist edition {number} imported ({contents.Source}, as of {contents.AsOf:yyyy-MM-dd}){replaced}", attempt);
            }
            finally
            {
                // Saved or not, the rows are of no further use to this context.
                db.ChangeTracker.Clear();
            }
            return edition;
        }, ct);
        return ChecklistEditionView.Of(edition);
    }
}
