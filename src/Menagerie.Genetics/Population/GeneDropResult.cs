namespace Menagerie.Genetics.Population;

/// <summary>
/// The outcome of a gene drop: gene diversity of the reference population estimated by simulation,
/// with its standard error, and how often each founder allele survives in the reference population.
/// </summary>
public sealed class GeneDropResult
{
    private readonly double[] _diversityByIteration;
    private readonly int[] _alleleOwners;
    private readonly byte[] _alleleSides;
    private readonly double[] _retention;

    internal GeneDropResult(double[] diversityByIteration, int[] alleleOwners, byte[] alleleSides, double[] retention)
    {
        _diversityByIteration = diversityByIteration;
        _alleleOwners = alleleOwners;
        _alleleSides = alleleSides;
        _retention = retention;
        var n = diversityByIteration.Length;
        var mean = diversityByIteration.Average();
        var squares = 0.0;
        foreach (var gd in diversityByIteration)
        {
            squares += (gd - mean) * (gd - mean);
        }

        GeneDiversity = mean;
        StandardError = n > 1 ? Math.Sqrt(squares / (n - 1) / n) : double.NaN;
    }

    /// <summary>Number of simulated drops.</summary>
    public int Iterations => _diversityByIteration.Length;

    /// <summary>
    /// Mean over iterations of 1 − Σ_a q(a)², q(a) the frequency of founder allele a among the 2n
    /// genes of the reference population; its expectation is the pedigree gene diversity 1 − mean MK.
    /// </summary>
    public double GeneDiversity { get; }

    /// <summary>Standard error of <see cref="GeneDiversity"/>: the iterations' standard deviation / √iterations.</summary>
    public double StandardError { get; }

    /// <summary>The gene diversity of each iteration, in iteration order.</summary>
    public ReadOnlySpan<double> GeneDiversityByIteration => _diversityByIteration;

    /// <summary>
    /// For each founder allele, the pedigree index of the individual with the unknown parent it came
    /// from: a founder owns two alleles (sire side and dam side), a half-founder one.
    /// </summary>
    public ReadOnlySpan<int> FounderAlleleOwners => _alleleOwners;

    /// <summary>For each founder allele, 0 when it came through the unknown sire, 1 through the unknown dam.</summary>
    public ReadOnlySpan<byte> FounderAlleleSides => _alleleSides;

    /// <summary>For each founder allele, the fraction of iterations in which it is present in the reference population.</summary>
    public ReadOnlySpan<double> FounderAlleleRetention => _retention;
}
