using Menagerie.App.Work;
using Menagerie.Genetics.Population;

namespace Menagerie.App.Studbooks;

/// <summary>
/// A gene drop's estimate of gene diversity beside the pedigree's exact value, and how many of the
/// founder alleles survive in the reference population.
/// </summary>
public sealed record GeneDropReport(
    int Iterations,
    ulong Seed,
    int Reference,
    double GeneDiversity,
    double StandardError,
    double PedigreeGeneDiversity,
    int FounderAlleles,
    double FounderAllelesRetained);

public static class StudbookGeneDrop
{
    public static GeneDropReport Run(StudbookAnalysis analysis, int iterations, ulong seed, CancellationToken ct, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var result = GeneDrop.Run(analysis.Pedigree, analysis.Reference, iterations, seed, cancellationToken: ct, progress: progress);
        var retained = 0.0;
        foreach (var r in result.FounderAlleleRetention)
            retained += r;
        return new GeneDropReport(
            iterations, seed, analysis.Reference.Count, result.GeneDiversity, result.StandardError,
            analysis.MeanKinship.GeneDiversity, result.FounderAlleleRetention.Length, retained);
    }
}

/// <summary>A gene drop asked for: the reference population and day as for the analysis, the iterations and the seed.</summary>
public sealed record GeneDropRequest(string? Reference, string? On, int Iterations = 1000, ulong Seed = 1);

/// <summary>A gene drop of a stored studbook, running or done; <see cref="Result"/> once it is done.</summary>
public sealed record GeneDropRun(
    Guid Id, Guid Studbook, RunState State, int Iterations, int Done, string Reference, string On, ulong Seed, DateTime StartedAt, DateTime? FinishedAt,
    GeneDropReport? Result)
{
    internal static GeneDropRun Of(BackgroundRun run)
    {
        var asked = (GeneDropRequest)run.Details;
        return new GeneDropRun(
            run.Id, run.Subject, run.State, asked.Iterations, run.Done, asked.Reference ?? "auto", asked.On ?? "", asked.Seed, run.StartedAt, run.FinishedAt,
            run.Result as GeneDropReport);
    }
}
