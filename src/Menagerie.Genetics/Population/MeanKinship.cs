using Menagerie.Genetics.Kinship;
using Menagerie.Genetics.Pedigrees;

namespace Menagerie.Genetics.Population;

/// <summary>Mean kinship of every individual over a reference population, with the population's gene diversity.</summary>
public sealed class MeanKinship
{
    private readonly double[] _values;

    private MeanKinship(double[] values, double populationMean, int referenceCount)
    {
        _values = values;
        PopulationMean = populationMean;
        ReferenceCount = referenceCount;
    }

    /// <summary>MK(i) = (1/n) Σ_{j ∈ R} f(i,j) of every individual (itself included when it is a member).</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>Size n of the reference population R.</summary>
    public int ReferenceCount { get; }

    /// <summary>Mean of MK over the reference population: (1/n²) Σ_{i,j ∈ R} f(i,j).</summary>
    public double PopulationMean { get; }

    /// <summary>Gene diversity GD = 1 − mean MK over the reference population (Lacy 1995, <i>Zoo Biol.</i> 14:565–578).</summary>
    public double GeneDiversity => 1 - PopulationMean;

    /// <summary>Founder genome equivalents FGE = 1 / (2 · mean MK) (Lacy 1989, <i>Zoo Biol.</i> 8:111–123; Ballou &amp; Lacy 1995).</summary>
    public double FounderGenomeEquivalents => 1 / (2 * PopulationMean);

    /// <summary>
    /// Mean kinship of every individual without forming the N×N matrix: MK = A·x / 2 with
    /// x(j) = 1/n for members of R and 0 otherwise, A·x by Colleau's indirect method (Colleau 2002,
    /// <i>Genet. Sel. Evol.</i> 34:409–421) in time linear in the pedigree size.
    /// </summary>
    /// <param name="pedigree">A validated pedigree.</param>
    /// <param name="inbreeding">F of every individual (from <see cref="Inbreeding.Compute"/>).</param>
    /// <param name="reference">A non-empty reference population of this pedigree.</param>
    /// <returns>MK of every individual and the population statistics.</returns>
    public static MeanKinship Compute(Pedigree pedigree, ReadOnlySpan<double> inbreeding, ReferencePopulation reference)
    {
        ArgumentNullException.ThrowIfNull(pedigree);
        ArgumentNullException.ThrowIfNull(reference);
        reference.ThrowIfEmpty();
        var y = new double[pedigree.Count];
        new RelationshipOperator(pedigree, inbreeding).Multiply(reference.Weights(), y);
        System.Numerics.Tensors.TensorPrimitives.Multiply(y, 0.5, y);
        var sum = 0.0;
        foreach (var i in reference.Members)
        {
            sum += y[i];
        }

        return new MeanKinship(y, sum / reference.Count, reference.Count);
    }
}
