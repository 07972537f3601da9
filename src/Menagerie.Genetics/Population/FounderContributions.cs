using Menagerie.Genetics.Kinship;
using Menagerie.Genetics.Pedigrees;

namespace Menagerie.Genetics.Population;

/// <summary>What a founder entry stands for.</summary>
public enum FounderKind
{
    /// <summary>An individual with both parents unknown.</summary>
    Founder,

    /// <summary>The unknown parent of a half-founder (an individual with exactly one known parent).</summary>
    UnknownParentOfHalfFounder,
}

/// <summary>
/// Expected genetic contribution p of each founder to the reference population, and the founder
/// equivalents FE = 1 / Σ p² (Lacy 1989, <i>Zoo Biol.</i> 8:111–123). Entries are sorted by
/// contribution, largest first, then by pedigree index; founders that contribute nothing are listed with p = 0.
/// </summary>
public sealed class FounderContributions
{
    private readonly int[] _individuals;
    private readonly FounderKind[] _kinds;
    private readonly double[] _contributions;

    private FounderContributions(int[] individuals, FounderKind[] kinds, double[] contributions)
    {
        _individuals = individuals;
        _kinds = kinds;
        _contributions = contributions;
        var sumSquares = 0.0;
        foreach (var p in contributions)
        {
            sumSquares += p * p;
        }

        FounderEquivalents = 1 / sumSquares;
    }

    /// <summary>Number of entries (founders plus unknown parents of half-founders).</summary>
    public int Count => _individuals.Length;

    /// <summary>
    /// Pedigree index of each entry: the founder itself, or the half-founder whose unknown parent the entry is.
    /// </summary>
    public ReadOnlySpan<int> Individuals => _individuals;

    /// <summary>What each entry stands for.</summary>
    public ReadOnlySpan<FounderKind> Kinds => _kinds;

    /// <summary>Expected proportion p of the reference population's genes coming from each entry; they sum to 1.</summary>
    public ReadOnlySpan<double> Contributions => _contributions;

    /// <summary>Founder equivalents FE = 1 / Σ p².</summary>
    public double FounderEquivalents { get; }

    /// <summary>Number of founders (both parents unknown).</summary>
    public int FounderCount => _kinds.Count(k => k == FounderKind.Founder);

    /// <summary>Number of half-founders (exactly one parent unknown), one entry each.</summary>
    public int HalfFounderCount => _kinds.Count(k => k == FounderKind.UnknownParentOfHalfFounder);

    /// <summary>Number of founders (both parents unknown) with descendants in the reference population (p &gt; 0).</summary>
    public int ContributingFounderCount
    {
        get
        {
            var count = 0;
            for (var k = 0; k < _kinds.Length; k++)
            {
                count += _kinds[k] == FounderKind.Founder && _contributions[k] > 0 ? 1 : 0;
            }

            return count;
        }
    }

    /// <summary>
    /// Computes p for every founder: with c = T′x, x(j) = 1/n for the n members of R and
    /// T = (I − P)⁻¹ the gene-flow matrix (T(j,k) = expected fraction of j's genes from k),
    /// a founder f has p = c(f), and the unknown parent of a half-founder h has p = ½ c(h).
    /// One backward pass over the pedigree (Colleau 2002, <i>Genet. Sel. Evol.</i> 34:409–421).
    /// </summary>
    /// <param name="pedigree">A validated pedigree.</param>
    /// <param name="reference">A non-empty reference population of this pedigree.</param>
    /// <returns>The contributions, largest first.</returns>
    public static FounderContributions Compute(Pedigree pedigree, ReferencePopulation reference)
    {
        ArgumentNullException.ThrowIfNull(pedigree);
        ArgumentNullException.ThrowIfNull(reference);
        reference.ThrowIfEmpty();
        var c = reference.Weights();
        RelationshipOperator.TransposeSolve(pedigree.Sires, pedigree.Dams, c);
        var individuals = new List<int>();
        var kinds = new List<FounderKind>();
        var p = new List<double>();
        for (var i = 0; i < pedigree.Count; i++)
        {
            var unknown = (pedigree.Sires[i] < 0 ? 1 : 0) + (pedigree.Dams[i] < 0 ? 1 : 0);
            if (unknown == 0)
            {
                continue;
            }

            individuals.Add(i);
            kinds.Add(unknown == 2 ? FounderKind.Founder : FounderKind.UnknownParentOfHalfFounder);
            p.Add(unknown == 2 ? c[i] : 0.5 * c[i]);
        }

        var order = Enumerable.Range(0, p.Count)
            .OrderByDescending(k => p[k])
            .ThenBy(k => individuals[k])
            .ToArray();
        return new FounderContributions(
            [.. order.Select(k => individuals[k])],
            [.. order.Select(k => kinds[k])],
            [.. order.Select(k => p[k])]);
    }
}
