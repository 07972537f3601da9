using System.Globalization;
using Menagerie.App.Accounts;
using Menagerie.App.Files;
using Menagerie.App.Persistence;
using Menagerie.App.Persistence.Configurations;
using Menagerie.App.Specimens;
using Menagerie.App.Studbooks.Plots;
using Menagerie.App.Work;
using Menagerie.Domain;
using Microsoft.EntityFrameworkCore;

namespace Menagerie.App.Studbooks;

/// <summary>
/// A studbook file to keep: its name (e.g. the taxon and region it manages), its taxon by scientific name,
/// the identifier scheme that links its individuals to specimens (default <c>studbook</c>), the file as sent, and
/// the date its data were extracted (yyyy-MM-dd), unless the file has an as_of column.
/// </summary>
public sealed record StudbookUpload(string? Name, string? Taxon, string? Scheme, string? FileName, byte[]? Content, string? AsOf = null);

/// <summary>An individual of the studbook and the specimen that carries its id in the studbook's scheme.</summary>
public sealed record StudbookLink(string Individual, Guid Specimen);

/// <summary>A stored studbook; <c>linked</c> lists only the specimens the reader may see.</summary>
public sealed record StudbookView(
    Guid Id, string Name, TaxonRef? Taxon, string Scheme, string Keeper, string File, int Rows, int Individuals, DateTime UploadedAt,
    DateOnly? AsOf, IReadOnlyList<StudbookLink> Linked)
{
    /// <summary>
    /// The specimen each individual is linked to. An id that several visible specimens carry names none of them
    /// for certain: it is left unlinked.
    /// </summary>
    public static IReadOnlyDictionary<string, Guid> Unambiguous(IEnumerable<StudbookLink> links) =>
        links.GroupBy(l => l.Individual, StringComparer.Ordinal)
            .Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single().Specimen, StringComparer.Ordinal);
}

/// <summary>The studbook as stored, and the warnings its file drew (errors would have stopped it).</summary>
public sealed record StudbookUploaded(StudbookView Studbook, IReadOnlyList<string> Warnings);

/// <summary>
/// Studbooks kept in the records. A studbook keeper uploads one; its keeper, the members of every
/// institution that holds or owns one of its linked animals, and administrators read it, its analysis and
/// its plots. To anyone else it does not exist.
/// </summary>
public sealed class StudbookRecords(MenagerieDbContext db, Access access, StudbookAnalyses analyses, BackgroundRuns runs)
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
        foreach (var (text, field) in new[] { (upload.Name, "name"), (upload.Taxon, "taxon"), (upload.Scheme, "scheme"), (upload.FileName, "file") })
        {
            if (PlainText.Problem(text, field) is { } refused)
                problems.Add(refused);
        }
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
        DateOnly? asOf = null;
        if (!string.IsNullOrWhiteSpace(upload.AsOf))
        {
            if (!DateOnly.TryParseExact(upload.AsOf.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                problems.Add(new("studbook.asOf", "asOf", $"'{upload.AsOf}' is not a date written YYYY-MM-DD."));
            else if (day > DateOnly.FromDateTime(db.UtcNow))
                problems.Add(new("studbook.asOf", "asOf", $"The data cannot have been extracted on {day:yyyy-MM-dd}, which is still to come."));
            else
                asOf = day;
        }
        var file = FileName(upload.FileName, name);
        StudbookLoad.Loaded? loaded = null;
        if (upload.Content is not { Length: > 0 } content)
            problems.Add(new("studbook.file", "file", "A studbook needs its file: a CSV with id, sire and dam columns, or a PMx/SPARKS exchange.csv."));
        else if (await LoadAsync(content, file, ct) is var load && load is StudbookLoad.Loaded l)
            loaded = l;
        else
            problems.AddRange(Problems(load));
        if (loaded?.AsOf is { } extracted && asOf is { } given && extracted != given)
            problems.Add(new("studbook.asOf", "asOf", $"The file says its data were extracted on {extracted:yyyy-MM-dd}, not {given:yyyy-MM-dd}."));
        if (problems.Count > 0)
            return problems;

        var studbook = Studbook.Upload(
            name, taxon, scheme, keeper.Value, file, upload.Content!, db.UtcNow, asOf ?? loaded!.AsOf, loaded!.Rows.Count, loaded.Pedigree.Ids);
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
    /// The analysis on a day (yyyy-MM-dd; by default the day the data were extracted, else today), running or
    /// done: a page shows its progress while it runs. <paramref name="reference"/> is auto, ref, alive or leaves.
    /// </summary>
    public async Task<Outcome<StudbookAnalysisJob>> AnalyseAsync(Guid id, string? reference, string? on, CancellationToken ct)
    {
        var problems = new List<RuleViolation>();
        if (!StudbookAnalysis.TryParseReference(reference, out var rule))
            problems.Add(new("studbook.reference", "reference", $"'{reference}' is not a reference population: {StudbookAnalysis.ReferenceWords}."));
        DateOnly? day = null;
        if (!string.IsNullOrEmpty(on))
        {
            if (DateOnly.TryParseExact(on, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                day = parsed;
            else
                problems.Add(new("studbook.on", "on", $"'{on}' is not a date written YYYY-MM-DD."));
        }
        if (!await CanReadAsync(id, ct))
            return NotFound<StudbookAnalysisJob>(id);
        if (problems.Count > 0)
            return problems;
        var asOf = await db.Studbooks.Where(s => s.Id == id).Select(s => s.AsOf).SingleAsync(ct);
        var onDay = day ?? asOf ?? DateOnly.FromDateTime(db.UtcNow);
        if (analyses.Find(id, rule, onDay) is { } job)
            return new Outcome<StudbookAnalysisJob>.Ok(job);
        var stored = await db.Studbooks.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.FileName, s.Content }).SingleAsync(ct);
        return new Outcome<StudbookAnalysisJob>.Ok(analyses.Start(id, rule, onDay, reference ?? "auto", stored.FileName, stored.Content));
    }

    /// <summary>The analysis on a day, waited for.</summary>
    public async Task<Outcome<StudbookResults>> ResultsAsync(Guid id, string? reference, string? on, CancellationToken ct) =>
        await AnalyseAsync(id, reference, on, ct) switch
        {
            Outcome<StudbookAnalysisJob>.Ok { Value: var job } => await job.Result.WaitAsync(ct),
            var failed => failed.As<StudbookResults>(),
        };

    /// <summary>
    /// The analysis of <c>menagerie studbook analyze --format json</c>, on a day, with the specimen of each
    /// individual linked to one the reader may see.
    /// </summary>
    public async Task<Outcome<AnalysisReport>> AnalysisAsync(Guid id, string? reference, string? on, CancellationToken ct)
    {
        var analysed = await ResultsAsync(id, reference, on, ct);
        if (analysed is not Outcome<StudbookResults>.Ok { Value: var results })
            return analysed.As<AnalysisReport>();
        var report = results.Report;
        var specimens = StudbookView.Unambiguous((await LinksAsync([id], ct)).Select(l => l.Link));
        var individuals = report.Individuals
            .Select(i => specimens.TryGetValue(i.Id, out var specimen) ? i with { Specimen = specimen } : i).ToList();
        return new Outcome<AnalysisReport>.Ok(report with { Individuals = individuals });
    }

    /// <summary>
    /// One plot, by the name <c>studbook plot</c> gives its file (mean-kinship, age-sex-pyramid,
    /// founder-representation; pedigree with an individual) and its format (svg, png), for the analysis on a day;
    /// its words in the reader's language through <paramref name="say"/>, English without it.
    /// </summary>
    public async Task<Outcome<StudbookPlotImage>> PlotAsync(
        Guid id, string plot, string? individual, string format, string? reference, string? on, Func<Wording, string>? say, CancellationToken ct)
    {
        StudbookPlotKind? kind = individual is null ? StudbookPlots.PopulationPlot(plot)
            : plot == StudbookPlots.Name(StudbookPlotKind.Pedigree) ? StudbookPlotKind.Pedigree : null;
        PlotImageFormat? image = format switch { "svg" => PlotImageFormat.Svg, "png" => PlotImageFormat.Png, _ => null };
        if (kind is null || image is null)
            return new Outcome<StudbookPlotImage>.NotFound($"There is no plot '{plot}.{format}': plots are mean-kinship, age-sex-pyramid, founder-representation and pedigree/ID, as .svg or .png.");
        var analysed = await ResultsAsync(id, reference, on, ct);
        if (analysed is not Outcome<StudbookResults>.Ok { Value: var results })
            return analysed.As<StudbookPlotImage>();
        return StudbookPlots.Render(results.Analysis, results.Rows, results.FileName, results.On, kind.Value, individual, image.Value, say) is { } rendered
            ? new Outcome<StudbookPlotImage>.Ok(rendered)
            : new Outcome<StudbookPlotImage>.NotFound($"'{individual}' is not an individual of studbook {id}.");
    }

    /// <summary>The most pairs a table lists.</summary>
    public const int MaxPairs = 1000;

    /// <summary>The most iterations one gene drop runs.</summary>
    public const int MaxIterations = 100_000;

    /// <summary>The problem of a seed a form could not read as a number.</summary>
    public static RuleViolation UnreadableSeed { get; } = new("studbook.seed", "seed", "A gene drop's seed is a whole number from 0 to 18446744073709551615.");

    /// <summary>The <paramref name="top"/> best male × female pairs of the reference population on a day, as <c>studbook pairs</c> ranks them.</summary>
    public async Task<Outcome<PairsReport>> PairsAsync(Guid id, string? reference, string? on, int top, CancellationToken ct)
    {
        var analysed = await ResultsAsync(id, reference, on, ct);
        if (analysed is not Outcome<StudbookResults>.Ok { Value: var results })
            return analysed.As<PairsReport>();
        var problems = new List<RuleViolation>();
        if (top is < 1 or > MaxPairs)
            problems.Add(new("studbook.top", "top", $"The pair table lists from 1 to {MaxPairs:N0} pairs."));
        var candidates = StudbookPairs.CountCandidates(results.Analysis.Pedigree, results.Analysis.Reference);
        if (candidates > StudbookPairs.MaxCandidates)
            problems.Add(new("studbook.pairs", "reference", $"The reference population has {candidates:N0} male × female pairs, more than the {StudbookPairs.MaxCandidates:N0} that can be ranked; choose a smaller one."));
        return problems.Count > 0 ? problems : new Outcome<PairsReport>.Ok(StudbookPairs.Rank(results.Analysis, top));
    }

    /// <summary>
    /// Starts a gene drop of the reference population on a day in the background and returns at once; the
    /// person who started it follows it with <see cref="GeneDropAsync"/>.
    /// </summary>
    public async Task<Outcome<GeneDropRun>> StartGeneDropAsync(Guid id, GeneDropRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var analysed = await ResultsAsync(id, request.Reference, request.On, ct);
        if (analysed is not Outcome<StudbookResults>.Ok { Value: var results })
            return analysed.As<GeneDropRun>();
        if (request.Iterations is < 2 or > MaxIterations)
            return new Outcome<GeneDropRun>.Invalid([new("studbook.iterations", "iterations", $"A gene drop runs from 2 to {MaxIterations:N0} iterations.")]);
        var asked = request with { Reference = request.Reference ?? "auto", On = results.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
        var run = runs.Start(db.ActorName, id, request.Iterations, asked,
            (progress, stop) => Task.FromResult<object>(StudbookGeneDrop.Run(results.Analysis, request.Iterations, request.Seed, stop, progress)));
        return new Outcome<GeneDropRun>.Created(GeneDropRun.Of(run));
    }

    /// <summary>A gene drop this person started, running or done.</summary>
    public async Task<Outcome<GeneDropRun>> GeneDropAsync(Guid id, Guid run, CancellationToken ct) =>
        await CanReadAsync(id, ct) && runs.Find(run, db.ActorName) is { } found && found.Subject == id
            ? new Outcome<GeneDropRun>.Ok(GeneDropRun.Of(found))
            : new Outcome<GeneDropRun>.NotFound($"No gene drop {run} of studbook {id}.");

    private static async Task<StudbookLoad> LoadAsync(byte[] content, string file, CancellationToken ct)
    {
        using var bytes = new MemoryStream(content, writable: false);
        using var text = CsvTable.OpenText(bytes);
        return await StudbookLoader.LoadAsync(text, file, ct, keepRows: true);
    }

    /// <summary>Every problem of a file that cannot be stored or analysed, each as the command line prints it.</summary>
    internal static List<RuleViolation> Problems(StudbookLoad load) => load is StudbookLoad.Unreadable unreadable
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
    /// scheme, as the identifiers are now; only specimens the reader may see count.
    /// </summary>
    private IQueryable<Link> Links() =>
        from individual in db.StudbookIndividuals
        join studbook in db.Studbooks on individual.StudbookId equals studbook.Id
        join identifier in db.SpecimenIdentifiers
            on new { studbook.Scheme, Value = individual.IndividualId } equals new { identifier.Scheme, identifier.Value }
        join specimen in access.Readable(db.Specimens) on identifier.SpecimenId equals specimen.Id
        select new Link { StudbookId = individual.StudbookId, Individual = individual.IndividualId, Specimen = specimen.Id };

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
            s.AsOf,
        }).ToListAsync(ct);
        var keeperIds = rows.Select(r => r.KeeperId).Distinct().ToList();
        var keepers = await db.Users.AsNoTracking().Where(u => keeperIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName ?? "", ct);
        var taxonIds = rows.Where(r => r.TaxonId is not null).Select(r => r.TaxonId!.Value).Distinct().ToList();
        var taxa = await db.Taxa.AsNoTracking().Where(t => taxonIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var links = (await LinksAsync(rows.ConvertAll(r => r.Id), ct)).ToLookup(l => l.Studbook, l => l.Link);
        return rows.ConvertAll(r => new StudbookView(
            r.Id, r.Name, r.TaxonId is { } t ? new TaxonRef(t.Value, taxa[t].ScientificName, taxa[t].CommonName) : null, r.Scheme,
            keepers[r.KeeperId], r.FileName, r.Rows, r.Individuals, r.UploadedAt, r.AsOf, links[r.Id].ToList()));
    }

    private static Outcome<T>.NotFound NotFound<T>(Guid id) => new($"No studbook {id}.");

    private sealed class Link
    {
        public Guid StudbookId { get; init; }
        public string Individual { get; init; } = "";
        public SpecimenId Specimen { get; init; }
    }
}
