using Menagerie.App.Studbooks.Plots;
using Menagerie.Domain;
using Menagerie.Genetics.Pedigrees;
using Menagerie.Genetics.Population;
using Microsoft.Extensions.Caching.Memory;

namespace Menagerie.App.Studbooks;

/// <summary>One individual as the studbook page's table lists it, on the analysis's day.</summary>
public sealed record StudbookIndividualRow(
    string Id, Sex Sex, int? Age, bool Alive, bool InReference, double Inbreeding, double MeanKinship, int? Rank, string? Sire, string? Dam);

/// <summary>
/// A stored studbook analysed on a day, as its pages, plots, pair table and gene drops use it. A stored studbook
/// never changes (a new edition is a new upload), so this stays true for as long as it is kept.
/// </summary>
public sealed class StudbookResults
{
    private readonly Lazy<AnalysisReport> _report;
    private readonly Lazy<StudbookIndividualRow[]> _individuals;

    internal StudbookResults(StudbookAnalysis analysis, IReadOnlyList<PedigreeRow> rows, string fileName, DateOnly on)
    {
        Analysis = analysis;
        Rows = rows;
        FileName = fileName;
        On = on;
        _report = new(analysis.Report);
        _individuals = new(Table);
    }

    public StudbookAnalysis Analysis { get; }
    public IReadOnlyList<PedigreeRow> Rows { get; }
    public string FileName { get; }

    /// <summary>The day the analysis is for: who was alive and how old.</summary>
    public DateOnly On { get; }

    public AnalysisReport Report => _report.Value;

    /// <summary>Every individual in file order, parents added because they were not listed last.</summary>
    public IReadOnlyList<StudbookIndividualRow> Individuals => _individuals.Value;

    private StudbookIndividualRow[] Table()
    {
        var pedigree = Analysis.Pedigree;
        var living = StudbookAnalysis.LivingOn(pedigree, Rows, On);
        var born = new DateOnly?[pedigree.Count];
        foreach (var row in Rows)
        {
            if (pedigree.IndexOf(row.Id) is var i and >= 0)
                born[i] = StudbookAnalysis.Born(row);
        }
        // Rank 1 is the reference animal with the lowest mean kinship: the most genetically valuable.
        var rank = new int?[pedigree.Count];
        var members = Analysis.Reference.Members.ToArray();
        var mk = Analysis.MeanKinship.Values.ToArray();
        Array.Sort(members, (a, b) => mk[a] != mk[b] ? mk[a].CompareTo(mk[b]) : string.CompareOrdinal(pedigree.Ids[a], pedigree.Ids[b]));
        for (var k = 0; k < members.Length; k++)
            rank[members[k]] = k + 1;
        var rows = new StudbookIndividualRow[pedigree.Count];
        var next = 0;
        foreach (var individual in Report.Individuals)
        {
            var i = pedigree.IndexOf(individual.Id);
            var age = living[i] && born[i] is { } birth && birth <= On ? StudbookPlotData.Age(birth, On) : (int?)null;
            rows[next++] = new StudbookIndividualRow(
                individual.Id, pedigree.Sexes[i], age, living[i], individual.InReference, individual.Inbreeding, individual.MeanKinship, rank[i],
                pedigree.Sires[i] < 0 ? null : pedigree.Ids[pedigree.Sires[i]], pedigree.Dams[i] < 0 ? null : pedigree.Ids[pedigree.Dams[i]]);
        }
        return rows;
    }
}

/// <summary>How far an analysis has got, for a page that shows it while it runs.</summary>
public enum AnalysisStage
{
    Reading,
    Inbreeding,
    Summarising,
    Done,
}

/// <summary>An analysis of a stored studbook, running or done, shared by every request that asks for the same one.</summary>
public sealed class StudbookAnalysisJob
{
    internal StudbookAnalysisJob(DateTime startedAt, int bytes)
    {
        StartedAt = startedAt;
        Bytes = bytes;
    }

    public DateTime StartedAt { get; }

    /// <summary>The size of the studbook file, in bytes.</summary>
    public int Bytes { get; }

    public AnalysisStage Stage { get; internal set; }

    /// <summary>The analysis, or every problem that stops it (an unreadable file, an empty reference population).</summary>
    public Task<Outcome<StudbookResults>> Result { get; internal set; } = null!;
}

/// <summary>
/// The analyses of stored studbooks this process has made, kept while they are used: a studbook page, its plots
/// and its pair table read the one analysis rather than each reading the file again. Keyed by the studbook, the
/// reference rule and the day; a stored studbook never changes, so an entry never goes stale.
/// </summary>
public sealed class StudbookAnalyses(TimeProvider clock) : IDisposable
{
    // Sized by the file's bytes: an analysis takes some five times its file in memory, so about 1 GB at most.
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 200_000_000 });

    internal StudbookAnalysisJob? Find(Guid studbook, ReferenceRule rule, DateOnly on) =>
        _cache.TryGetValue((studbook, rule, on), out StudbookAnalysisJob? job) ? job : null;

    /// <summary>The job for this key, started on the thread pool from the file unless another request started it first.</summary>
    internal StudbookAnalysisJob Start(Guid studbook, ReferenceRule rule, DateOnly on, string reference, string fileName, byte[] content)
    {
        lock (_cache)
        {
            if (Find(studbook, rule, on) is { } running)
                return running;
            var job = new StudbookAnalysisJob(clock.GetUtcNow().UtcDateTime, content.Length);
            job.Result = Task.Run(() => AnalyseAsync(job, rule, on, reference, fileName, content));
            _cache.Set((studbook, rule, on), job, new MemoryCacheEntryOptions { Size = Math.Max(1, content.Length), SlidingExpiration = TimeSpan.FromMinutes(30) });
            // A failure that is not the file's (out of memory, say) is not kept: the next request tries again.
            _ = job.Result.ContinueWith(_ => _cache.Remove((studbook, rule, on)), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            return job;
        }
    }

    public void Dispose() => _cache.Dispose();

    private static async Task<Outcome<StudbookResults>> AnalyseAsync(
        StudbookAnalysisJob job, ReferenceRule rule, DateOnly on, string reference, string fileName, byte[] content)
    {
        // The file validated when it was uploaded; a later Menagerie may read it more strictly.
        using var text = new StreamReader(new MemoryStream(content, writable: false), detectEncodingFromByteOrderMarks: true);
        var load = await StudbookLoader.LoadAsync(text, fileName, CancellationToken.None, keepRows: true);
        if (load is not StudbookLoad.Loaded loaded)
            return new Outcome<StudbookResults>.Invalid(StudbookRecords.Problems(load));
        var population = StudbookAnalysis.SelectReference(loaded.Pedigree, loaded.Rows, rule, on);
        if (population.Count == 0)
        {
            return new Outcome<StudbookResults>.Invalid([new("studbook.reference", "reference",
                rule == ReferenceRule.Auto
                    ? Wording.Of($"The automatic reference population of {fileName} is empty on {on:yyyy-MM-dd}; choose another: ref, alive or leaves.")
                    : $"The reference population ({reference}) of {fileName} is empty on {on:yyyy-MM-dd}; choose another: ref, alive or leaves.")]);
        }
        job.Stage = AnalysisStage.Inbreeding;
        var results = new StudbookResults(StudbookAnalysis.Compute(loaded.Pedigree, population), loaded.Rows, fileName, on);
        job.Stage = AnalysisStage.Summarising;
        _ = results.Report;
        _ = results.Individuals;
        job.Stage = AnalysisStage.Done;
        return new Outcome<StudbookResults>.Ok(results);
    }
}
