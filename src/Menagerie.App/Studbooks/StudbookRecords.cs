using System.Globalization;
using Menagerie.App.Accounts;
using Menagerie.App.Persistence;
using Menagerie.App.Persistence.Configurations;
using Menagerie.App.Specimens;
using Menagerie.App.Studbooks.Plots;
using Menagerie.Domain;
using Microsoft.EntityFrameworkCore;

namespace Menagerie.App.Studbooks;

/// <summary>
/// A studbook file to keep: its name (e.g. the taxon and region it manages), its taxon by scientific name,
/// the identifier scheme that links its individuals to specimens (default <c>studbook</c>), and the file as sent.
/// </summary>
public sealed record StudbookUpload(string? Name, string? Taxon, string? Scheme, string? FileName, byte[]? Content);

/// <summary>An individual of the studbook and the specimen that carries its id in the studbook's scheme.</summary>
public sealed record StudbookLink(string Individual, Guid Specimen);

/// <summary>A stored studbook; <c>linked</c> lists only the specimens the reader may see.</summary>
public sealed record StudbookView(
    Guid Id, string Name, TaxonRef? Taxon, string Scheme, string Keeper, string File, int Rows, int Individuals, DateTime UploadedAt,
    IReadOnlyList<StudbookLink> Linked);

/// <summary>The studbook as stored, and the warnings its file drew (errors would have stopped it).</summary>
public sealed record StudbookUploaded(StudbookView Studbook, IReadOnlyList<string> Warnings);

/// <summary>
/// Studbooks kept in the records. A studbook keeper uploads one; its keeper, the members of every
/// institution that holds or owns one of its linked animals, and administrators read it, its analysis and
/// its plots. To anyone else it does not exist.
/// </summary>
public sealed class StudbookRecords(MenagerieDbContext db, Access access)
{
    public async Task<Outcome<StudbookUploaded>> UploadAsync(StudbookUpload upload, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var keeper = await CurrentUserAsync(ct);
        if (keeper is null || !await db.Memberships.AnyAsync(m => m.UserId == keeper && m.Role == Role.StudbookKeeper, ct))
            return new Outcome<StudbookUploaded>.Forbidden($"A studbook is uploaded by its keeper, a user with the studbook-keeper role; {db.ActorName} is not one.");

        var problems = new List<RuleViolation>();
        var name = upload.Name?.Trim() ?? "";
        if (name.Length == 0)
            problems.Add(new("studbook.name", "name", "A studbook needs its name, e.g. the taxon and region it manages."));
        else if (name.Length > Studbook.MaxNameLength)
            problems.Add(new("studbook.name", "name", $"A studbook's name has at most {Studbook.MaxNameLength} characters."));
        var scheme = string.IsNullOrWhiteSpace(upload.Scheme) ? Studbook.DefaultScheme : upload.Scheme.Trim();
        if (scheme.Length > SpecimenIdentifierConfiguration.MaxSchemeLength)
            problems.Add(new("studbook.scheme", "scheme", $"An identifier scheme has at most {SpecimenIdentifierConfiguration.MaxSchemeLength} characters."));
        TaxonId? taxon = null;
        if (!string.IsNullOrWhiteSpace(upload.Taxon))
        {
            taxon = (await Taxa.TaxonCommands.FindAsync(db, upload.Taxon, ct))?.Id;
            if (taxon is null)
                problems.Add(new("taxon.unknown", "taxon", $"There is no taxon '{upload.Taxon}' in these records."));
        }
        var file = FileName(upload.FileName, name);
        StudbookLoad.Loaded? loaded = null;
        if (upload.Content is not { Length: > 0 } content)
            problems.Add(new("studbook.file", "file", "A studbook needs its file: a CSV with id, sire and dam columns, or a PMx/SPARKS exchange.csv."));
        else if (await LoadAsync(content, file, ct) is var load && load is StudbookLoad.Loaded l)
            loaded = l;
        else
            problems.AddRange(Problems(load));
        if (problems.Count > 0)
            return problems;

        var studbook = Studbook.Upload(name, taxon, scheme, keeper.Value, file, upload.Content!, db.UtcNow, loaded!.Rows.Count, loaded.Pedigree.Ids);
        db.Studbooks.Add(studbook);
        await db.SaveChangesAsync($"studbook {name} uploaded from {file}: {studbook.Rows} rows, {studbook.Individuals.Count} individuals", ct);
        db.ChangeTracker.Clear();
        var view = (await ViewsAsync(db.Studbooks.Where(s => s.Id == studbook.Id), ct)).Single();
        return new Outcome<StudbookUploaded>.Created(new(view, loaded.Problems.Select(p => p.ToString()).ToList()));
    }

    public async Task<Outcome<IReadOnlyList<StudbookView>>> ListAsync(CancellationToken ct)
    {
        var query = db.Studbooks.AsNoTracking();
        if (!access.IsAdministrator)
        {
            var me = await CurrentUserAsync(ct);
            var linked = Links();
            query = query.Where(s => s.KeeperId == me || linked.Any(l => l.StudbookId == s.Id));
        }
        return new Outcome<IReadOnlyList<StudbookView>>.Ok(await ViewsAsync(query.OrderByDescending(s => s.UploadedAt), ct));
    }

    public async Task<Outcome<StudbookView>> GetAsync(Guid id, CancellationToken ct) =>
        await CanReadAsync(id, ct)
            ? new Outcome<StudbookView>.Ok((await ViewsAsync(db.Studbooks.AsNoTracking().Where(s => s.Id == id), ct)).Single())
            : NotFound<StudbookView>(id);

    /// <summary>
    /// The analysis of <c>menagerie studbook analyze --format json</c>, computed afresh from the stored file, with
    /// the specimen of each individual linked to one the reader may see.
    /// </summary>
    public async Task<Outcome<AnalysisReport>> AnalysisAsync(Guid id, string? reference, CancellationToken ct)
    {
        var (analysis, _, failed) = await AnalyseAsync<AnalysisReport>(id, reference, keepRows: false, ct);
        if (analysis is null)
            return failed!;
        var report = analysis.Report();
        // An id that several visible specimens carry names none of them for certain: it is left unlinked here.
        var specimens = (await LinksAsync([id], ct)).GroupBy(l => l.Link.Individual, StringComparer.Ordinal)
            .Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single().Link.Specimen, StringComparer.Ordinal);
        var individuals = report.Individuals
            .Select(i => specimens.TryGetValue(i.Id, out var specimen) ? i with { Specimen = specimen } : i).ToList();
        return new Outcome<AnalysisReport>.Ok(report with { Individuals = individuals });
    }

    /// <summary>
    /// One plot, by the name <c>studbook plot</c> gives its file (mean-kinship, age-sex-pyramid,
    /// founder-representation; pedigree with an individual) and its format (svg, png); ages are counted to
    /// <paramref name="on"/> (yyyy-MM-dd, default today).
    /// </summary>
    public async Task<Outcome<StudbookPlotImage>> PlotAsync(
        Guid id, string plot, string? individual, string format, string? reference, string? on, CancellationToken ct)
    {
        StudbookPlotKind? kind = individual is null ? StudbookPlots.PopulationPlot(plot)
            : plot == StudbookPlots.Name(StudbookPlotKind.Pedigree) ? StudbookPlotKind.Pedigree : null;
        PlotImageFormat? image = format switch { "svg" => PlotImageFormat.Svg, "png" => PlotImageFormat.Png, _ => null };
        if (kind is null || image is null)
            return new Outcome<StudbookPlotImage>.NotFound($"There is no plot '{plot}.{format}': plots are mean-kinship, age-sex-pyramid, founder-representation and pedigree/ID, as .svg or .png.");
        var day = DateOnly.FromDateTime(db.UtcNow);
        if (on is not null && !DateOnly.TryParseExact(on, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            return new Outcome<StudbookPlotImage>.Invalid([new("studbook.on", "on", $"'{on}' is not a date written YYYY-MM-DD.")]);

        var (analysis, loaded, failed) = await AnalyseAsync<StudbookPlotImage>(id, reference, keepRows: true, ct);
        if (analysis is null)
            return failed!;
        var name = await db.Studbooks.Where(s => s.Id == id).Select(s => s.FileName).SingleAsync(ct);
        return StudbookPlots.Render(analysis, loaded!.Rows, name, day, kind.Value, individual, image.Value) is { } rendered
            ? new Outcome<StudbookPlotImage>.Ok(rendered)
            : new Outcome<StudbookPlotImage>.NotFound($"'{individual}' is not an individual of studbook {id}.");
    }

    private async Task<(StudbookAnalysis? Analysis, StudbookLoad.Loaded? Loaded, Outcome<T>? Failed)> AnalyseAsync<T>(
        Guid id, string? reference, bool keepRows, CancellationToken ct)
    {
        if (!StudbookAnalysis.TryParseReference(reference, out var rule))
            return (null, null, new Outcome<T>.Invalid([new("studbook.reference", "reference", $"'{reference}' is not a reference population: {StudbookAnalysis.ReferenceWords}.")]));
        if (!await CanReadAsync(id, ct))
            return (null, null, NotFound<T>(id));
        var stored = await db.Studbooks.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.FileName, s.Content }).SingleAsync(ct);
        // The file validated when it was uploaded; a later Menagerie may read it more strictly.
        var load = await LoadAsync(stored.Content, stored.FileName, ct, keepRows);
        if (load is not StudbookLoad.Loaded loaded)
            return (null, null, new Outcome<T>.Invalid(Problems(load)));
        var population = StudbookAnalysis.SelectReference(loaded.Pedigree, rule);
        if (population.Count == 0)
        {
            return (null, null, new Outcome<T>.Invalid([new("studbook.reference", "reference",
                reference is null
                    ? Wording.Of($"The automatic reference population of {stored.FileName} is empty; choose another: ref, alive or leaves.")
                    : $"The reference population ({reference}) of {stored.FileName} is empty; choose another: ref, alive or leaves.")]));
        }
        return (StudbookAnalysis.Compute(loaded.Pedigree, population), loaded, null);
    }

    private static async Task<StudbookLoad> LoadAsync(byte[] content, string file, CancellationToken ct, bool keepRows = true)
    {
        using var text = new StreamReader(new MemoryStream(content, writable: false), detectEncodingFromByteOrderMarks: true);
        return await StudbookLoader.LoadAsync(text, file, ct, keepRows);
    }

    /// <summary>Every problem of a file that cannot be stored or analysed, each as the command line prints it.</summary>
    private static List<RuleViolation> Problems(StudbookLoad load) => load is StudbookLoad.Unreadable unreadable
        ? [new("studbook.unreadable", "file", Wording.FromString(unreadable.Message))]
        : load.Problems.Select(p => new RuleViolation(p.IsError ? "studbook.error" : "studbook.warning", p.Line > 0 ? $"line {p.Line}" : "file", Wording.FromString(p.ToString()))).ToList();

    private static string FileName(string? uploaded, string name)
    {
        var file = Path.GetFileName(uploaded?.Trim() ?? "");
        file = file.Length > 0 ? file : name.Length > 0 ? name + ".csv" : "studbook.csv";
        return file.Length > Studbook.MaxFileNameLength ? file[..Studbook.MaxFileNameLength] : file;
    }

    private async Task<bool> CanReadAsync(Guid id, CancellationToken ct)
    {
        var keeper = await db.Studbooks.AsNoTracking().Where(s => s.Id == id).Select(s => (Guid?)s.KeeperId).SingleOrDefaultAsync(ct);
        if (keeper is null)
            return false;
        return access.IsAdministrator || keeper == await CurrentUserAsync(ct) || await Links().AnyAsync(l => l.StudbookId == id, ct);
    }

    /// <summary>The user the ledger records as acting: the signed-in user, or the command line's --as.</summary>
    private async Task<Guid?> CurrentUserAsync(CancellationToken ct)
    {
        var name = db.ActorName;
        return await db.Users.AsNoTracking().Where(u => u.UserName == name).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(ct);
    }

    /// <summary>
    /// Individual X of a studbook is linked to every specimen carrying the identifier <c>scheme:X</c> in the studbook's
    /// scheme, as the identifiers are now; only specimens the reader may see (held or owned by their institutions) count.
    /// </summary>
    private IQueryable<Link> Links()
    {
        var links = from individual in db.StudbookIndividuals
                    join studbook in db.Studbooks on individual.StudbookId equals studbook.Id
                    join identifier in db.SpecimenIdentifiers
                        on new { studbook.Scheme, Value = individual.IndividualId } equals new { identifier.Scheme, identifier.Value }
                    join specimen in db.Specimens on identifier.SpecimenId equals specimen.Id
                    select new { individual.StudbookId, individual.IndividualId, Specimen = specimen };
        if (access.ReadableInstitutions() is { } readable)
        {
            var ids = readable.ToList();
            links = links.Where(l => (l.Specimen.HolderId != null && ids.Contains(l.Specimen.HolderId.Value))
                || (l.Specimen.OwnerId != null && ids.Contains(l.Specimen.OwnerId.Value)));
        }
        return links.Select(l => new Link { StudbookId = l.StudbookId, Individual = l.IndividualId, Specimen = l.Specimen.Id });
    }

    private async Task<List<(Guid Studbook, StudbookLink Link)>> LinksAsync(List<Guid> studbooks, CancellationToken ct) =>
        (await Links().Where(l => studbooks.Contains(l.StudbookId)).ToListAsync(ct))
            .OrderBy(l => l.Individual, StringComparer.Ordinal).ThenBy(l => l.Specimen.Value)
            .Select(l => (l.StudbookId, new StudbookLink(l.Individual, l.Specimen.Value))).ToList();

    private async Task<List<StudbookView>> ViewsAsync(IQueryable<Studbook> studbooks, CancellationToken ct)
    {
        var rows = await studbooks.Select(s => new
        {
            s.Id,
            s.Name,
            s.TaxonId,
            s.Scheme,
            s.KeeperId,
            s.FileName,
            s.Rows,
            Individuals = s.Individuals.Count,
            s.UploadedAt,
        }).ToListAsync(ct);
        var keeperIds = rows.Select(r => r.KeeperId).Distinct().ToList();
        var keepers = await db.Users.AsNoTracking().Where(u => keeperIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName ?? "", ct);
        var taxonIds = rows.Where(r => r.TaxonId is not null).Select(r => r.TaxonId!.Value).Distinct().ToList();
        var taxa = await db.Taxa.AsNoTracking().Where(t => taxonIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var links = (await LinksAsync(rows.ConvertAll(r => r.Id), ct)).ToLookup(l => l.Studbook, l => l.Link);
        return rows.ConvertAll(r => new StudbookView(
            r.Id, r.Name, r.TaxonId is { } t ? new TaxonRef(t.Value, taxa[t].ScientificName, taxa[t].CommonName) : null, r.Scheme,
            keepers[r.KeeperId], r.FileName, r.Rows, r.Individuals, r.UploadedAt, links[r.Id].ToList()));
    }

    private static Outcome<T>.NotFound NotFound<T>(Guid id) => new($"No studbook {id}.");

    private sealed class Link
    {
        public Guid StudbookId { get; init; }
        public string Individual { get; init; } = "";
        public SpecimenId Specimen { get; init; }
    }
}
