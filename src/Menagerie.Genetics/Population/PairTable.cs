using Menagerie.Genetics.Kinship;
using Menagerie.Genetics.Pedigrees;

namespace Menagerie.Genetics.Population;

/// <summary>
/// Every male × female pair of the reference population with its kinship, the offspring's
/// inbreeding, both mean kinships and the change in gene diversity one offspring would bring,
/// sorted by rank (best first).
/// </summary>
/// <remarks>
/// <para>
/// Change in GD: with n members, S = Σ_{i,j ∈ R} f(i,j) = n²·mean MK, one offspring o of s and d
/// adds f(o,j) = ½ (f(s,j) + f(d,j)) for every member j and f(o,o) = ½ (1 + f(s,d)), so
/// mean MK′ = (S + n (MK(s) + MK(d)) + ½ (1 + f(s,d))) / (n + 1)² and ΔGD = mean MK − mean MK′.
/// </para>
/// <para>
/// Rank: ΔGD descending (the pair that loses least gene diversity first) — it already weighs the
/// parents' mean kinships (genetic value, Ballou &amp; Lacy 1995) against their kinship (the
/// offspring's F); ties are broken by lower kinship, then by closer MK of the two parents (mating
/// animals of similar genetic value), then by pedigree index of sire and dam.
/// </para>
/// </remarks>
public sealed class PairTable
{
    private readonly int[] _sires;
    private readonly int[] _dams;
    private readonly double[] _kinship;
    private readonly double[] _sireMk;
    private readonly double[] _damMk;
    private readonly double[] _deltaGd;

    private PairTable(int[] sires, int[] dams, double[] kinship, double[] sireMk, double[] damMk, double[] deltaGd)
    {
        _sires = sires;
        _dams = dams;
        _kinship = kinship;
        _sireMk = sireMk;
        _damMk = damMk;
        _deltaGd = deltaGd;
    }

    /// <summary>Number of pairs (males × females of the reference population).</summary>
    public int Count => _sires.Length;

    /// <summary>Pedigree index of each pair's male, in rank order.</summary>
    public ReadOnlySpan<int> Sires => _sires;

    /// <summary>Pedigree index of each pair's female, in rank order.</summary>
    public ReadOnlySpan<int> Dams => _dams;

    /// <summary>Kinship f(sire, dam) of each pair.</summary>
    public ReadOnlySpan<double> Kinship => _kinship;

    /// <summary>Inbreeding of an offspring of each pair: F = f(sire, dam).</summary>
    public ReadOnlySpan<double> OffspringInbreeding => _kinship;

    /// <summary>Mean kinship of each pair's male over the reference population.</summary>
    public ReadOnlySpan<double> SireMeanKinship => _sireMk;

    /// <summary>Mean kinship of each pair's female over the reference population.</summary>
    public ReadOnlySpan<double> DamMeanKinship => _damMk;

    /// <summary>Change in gene diversity if the pair added one offspring to the reference population.</summary>
    public ReadOnlySpan<double> DeltaGeneDiversity => _deltaGd;

    /// <summary>
    /// Builds the table. Kinship of a male with every individual is one column of A found by
    /// Colleau's indirect method (A·e_s, linear time), so no dense matrix is formed.
    /// </summary>
    /// <param name="pedigree">A validated pedigree.</param>
    /// <param name="inbreeding">F of every individual.</param>
    /// <param name="reference">The reference population; its males and females are paired (unknown sex and hermaphrodites are left out).</param>
    /// <param name="meanKinship">Mean kinship over the same reference population.</param>
    /// <returns>The pairs in rank order; males × females rows, so mind large populations.</returns>
    public static PairTable Compute(Pedigree pedigree, ReadOnlySpan<double> inbreeding, ReferencePopulation reference, MeanKinship meanKinship)
    {
        ArgumentNullException.ThrowIfNull(pedigree);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(meanKinship);
        if (meanKinship.ReferenceCount != reference.Count)
        {
            throw new ArgumentException("Mean kinship must be over the same reference population.", nameof(meanKinship));
        }

        var males = new List<int>();
        var females = new List<int>();
        foreach (var i in reference.Members)
        {
            (pedigree.Sexes[i] == Sex.Male ? males : pedigree.Sexes[i] == Sex.Female ? females : null)?.Add(i);
        }

        var count = males.Count * females.Count;
        var sires = new int[count];
        var dams = new int[count];
        var kinship = new double[count];
        var unit = new double[pedigree.Count];
        var column = new double[pedigree.Count];
        var relationship = new RelationshipOperator(pedigree, inbreeding);
        var row = 0;
        foreach (var s in males)
        {
            unit[s] = 1;
            relationship.Multiply(unit, column);
            unit[s] = 0;
            foreach (var d in females)
            {
                sires[row] = s;
                dams[row] = d;
                kinship[row++] = 0.5 * column[d];
            }
        }

        return Ranked(sires, dams, kinship, meanKinship);
    }

    private static PairTable Ranked(int[] sires, int[] dams, double[] kinship, MeanKinship meanKinship)
    {
        var mk = meanKinship.Values;
        var n = (double)meanKinship.ReferenceCount;
        var mean = meanKinship.PopulationMean;
        var delta = new double[sires.Length];
        for (var k = 0; k < delta.Length; k++)
        {
            var next = ((n * n * mean) + (n * (mk[sires[k]] + mk[dams[k]])) + (0.5 * (1 + kinship[k]))) / ((n + 1) * (n + 1));
            delta[k] = mean - next;
        }

        var mkArray = mk.ToArray();
        var order = Enumerable.Range(0, sires.Length)
            .OrderByDescending(k => delta[k])
            .ThenBy(k => kinship[k])
            .ThenBy(k => Math.Abs(mkArray[sires[k]] - mkArray[dams[k]]))
            .ThenBy(k => sires[k])
            .ThenBy(k => dams[k])
            .ToArray();
        return new PairTable(
            [.. order.Select(k => sires[k])],
            [.. order.Select(k => dams[k])],
            [.. order.Select(k => kinship[k])],
            [.. order.Select(k => mkArray[sires[k]])],
            [.. order.Select(k => mkArray[dams[k]])],
            [.. order.Select(k => delta[k])]);
    }
}
