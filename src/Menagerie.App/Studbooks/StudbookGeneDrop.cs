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
