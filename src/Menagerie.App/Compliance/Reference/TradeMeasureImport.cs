using Menagerie.App.Files;
using Menagerie.App.Persistence;
using Menagerie.Domain;
using Menagerie.Domain.Compliance;
using Microsoft.EntityFrameworkCore;

namespace Menagerie.App.Compliance.Reference;

public enum TradeMeasureKind
{
    Suspensions,
    Quotas,
}

/// <summary>
/// A Species+ download in the records: its file, the day it is current to, how many rows it holds, how many apply
/// today (suspensions in force, quotas of this year), and the names it gives that the checklist does not know —
/// a measure on such a name reaches only lines recorded under it.
/// </summary>
public sealed record TradeMeasureListView(TradeMeasureKind Kind, string File, DateOnly AsOf, int Rows, int Current, IReadOnlyList<string> NamesNotInChecklist);

/// <summary>A download imported: its rows as now in the records, and how many rows of the last one they replace.</summary>
public sealed record TradeMeasureImported(TradeMeasureListView List, int Replaced);

public abstract record TradeMeasureImportResult
{
    private TradeMeasureImportResult() { }

    /// <summary>As the web app and the API answer it: each problem of the file as the command line prints it.</summary>
    public Outcome<TradeMeasureImported> ToOutcome() => this switch
    {
        Imported i => new Outcome<TradeMeasureImported>.Ok(new TradeMeasureImported(i.List, i.Replaced)),
        Rejected r => r.Problems.Select(p => new RuleViolation("measures.file", p.Field == "asOf" ? "asOf" : "file", Wording.FromString(p.ToString()))).ToList(),
        Forbidden f => new Outcome<TradeMeasureImported>.Forbidden(f.Message),
        _ => throw new InvalidOperationException(GetType().Name),
    };

    public sealed record Imported(TradeMeasureListView List, int Replaced) : TradeMeasureImportResult;

    /// <summary>Every problem in the file, each with line and column; nothing was changed.</summary>
    public sealed record Rejected(IReadOnlyList<InputProblem> Problems) : TradeMeasureImportResult;

    public sealed record Forbidden(string Message) : TradeMeasureImportResult;
}

/// <summary>
/// Replaces the recommendations to suspend trade, or the export quotas, in the records with those of a Species+
/// download (rule C-23 reads them). All or nothing; every row removed and added is a ledger entry with the file named.
/// </summary>
public sealed class TradeMeasureImport(MenagerieDbContext db, Accounts.Access access, TimeProvider clock)
{
    public const string AdministratorsOnly = "Trade suspensions and quotas are imported by an administrator.";

    /// <param name="kind">Which download: "CITES Suspensions" or "CITES Quotas".</param>
    /// <param name="file">The file's name, which its problems and every measure's source name.</param>
    /// <param name="content">The file's bytes.</param>
    /// <param name="asOf">The day the download is current to: by default the latest update its Species+ file name carries.</param>
    /// <param name="ct">Cancels the import; nothing is then changed.</param>
    public async Task<TradeMeasureImportResult> ImportAsync(TradeMeasureKind kind, string file, Stream content, DateOnly? asOf, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(content);
        if (!access.IsAdministrator)
            return new TradeMeasureImportResult.Forbidden(AdministratorsOnly);
        var name = Path.GetFileName(file);
        if (name.Length > SpeciesPlusDownload.MaxNameLength)
            return Refuse("file", $"The file's name is {name.Length} characters long; at most {SpeciesPlusDownload.MaxNameLength} are kept.");
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if ((asOf ?? SpeciesPlusDownload.UpdatedOn(name)) is not { } day)
            return Refuse("asOf", "Give the day the download was made (yyyy-MM-dd): its file name does not carry it as Species+ names its downloads.");
        if (day > today)
            return Refuse("asOf", $"The download cannot be current to {day:yyyy-MM-dd}, which is still to come.");
        using var text = CsvTable.OpenText(content);
        var countries = ReferenceData.Countries();
        return kind switch
        {
            TradeMeasureKind.Suspensions => await SpeciesPlusDownload.ReadSuspensionsAsync(text, name, day, countries, ct) switch
            {
                ReadResult<IReadOnlyList<TradeSuspensionRecord>>.Read { Value: var rows } => await ReplaceAsync(db.TradeSuspensions, kind, rows, name, day, ct),
                ReadResult<IReadOnlyList<TradeSuspensionRecord>>.Rejected { Problems: var problems } => new TradeMeasureImportResult.Rejected(problems),
                _ => throw new InvalidOperationException("A read is either read or rejected."),
            },
            _ => await SpeciesPlusDownload.ReadQuotasAsync(text, name, day, countries, ct) switch
            {
                ReadResult<IReadOnlyList<ExportQuotaRecord>>.Read { Value: var rows } => await ReplaceAsync(db.ExportQuotas, kind, rows, name, day, ct),
                ReadResult<IReadOnlyList<ExportQuotaRecord>>.Rejected { Problems: var problems } => new TradeMeasureImportResult.Rejected(problems),
                _ => throw new InvalidOperationException("A read is either read or rejected."),
            },
        };

        TradeMeasureImportResult Refuse(string field, string message) => new TradeMeasureImportResult.Rejected([new(name, 0, field, message)]);
    }

    /// <summary>The suspensions and the quotas in the records, each as its download, or null where none was imported; names are looked up in <paramref name="checklist"/>.</summary>
    internal static async Task<(TradeMeasureListView? Suspensions, TradeMeasureListView? Quotas)> ListsAsync(MenagerieDbContext db, Checklist checklist, DateOnly today, CancellationToken ct)
    {
        var suspensions = await db.TradeSuspensions.AsNoTracking().ToListAsync(ct);
        var quotas = await db.ExportQuotas.AsNoTracking().ToListAsync(ct);
        return (View(suspensions, checklist, today), View(quotas, checklist, today));
    }

    private async Task<TradeMeasureImportResult> ReplaceAsync<T>(DbSet<T> table, TradeMeasureKind kind, IReadOnlyList<T> rows, string file, DateOnly asOf, CancellationToken ct)
        where T : class, IDownloadedMeasure
    {
        var replaced = await db.InTransactionAsync(async attempt =>
        {
            var old = await table.ToListAsync(attempt);
            var last = old.Count == 0 ? 0 : old.Max(r => r.Number);
            foreach (var row in rows)
                row.NumberAfter(last);
            table.RemoveRange(old);
            table.AddRange(rows);
            var what = kind == TradeMeasureKind.Suspensions ? "CITES trade suspensions" : "CITES export quotas";
            await db.SaveChangesAsync($"{what} imported from the Species+ download {file} (current to {asOf:yyyy-MM-dd}): {rows.Count} rows, replacing {old.Count}", attempt);
            db.ChangeTracker.Clear();
            return old.Count;
        }, ct);
        var (suspensions, quotas) = await ListsAsync(db, await ReferenceData.LoadAsync(db, ct), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
        var view = kind == TradeMeasureKind.Suspensions ? suspensions : quotas;
        return new TradeMeasureImportResult.Imported(view ?? new TradeMeasureListView(kind, file, asOf, 0, 0, []), replaced);
    }

    private static TradeMeasureListView? View(List<TradeSuspensionRecord> rows, Checklist checklist, DateOnly today)
    {
        if (rows.Count == 0)
            return null;
        return new(TradeMeasureKind.Suspensions, rows[0].File, rows[0].AsOf, rows.Count, rows.Count(r => r.ToSuspension().InForceOn(today)),
            Unknown(rows.Select(r => r.Taxon), checklist));
    }

    private static TradeMeasureListView? View(List<ExportQuotaRecord> rows, Checklist checklist, DateOnly today)
    {
        if (rows.Count == 0)
            return null;
        return new(TradeMeasureKind.Quotas, rows[0].File, rows[0].AsOf, rows.Count, rows.Count(r => r.Year == today.Year && r.Quota >= 0),
            Unknown(rows.Select(r => r.Taxon), checklist));
    }

    private static List<string> Unknown(IEnumerable<string?> taxa, Checklist checklist) =>
        [.. taxa.OfType<string>().Where(t => checklist.Taxon(t) is null).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)];
}
