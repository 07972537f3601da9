using Menagerie.Genetics.Kinship;
using Menagerie.Genetics.Pedigrees;
using Menagerie.Genetics.Population;
using Menagerie.Genetics.Tests.Support;

namespace Menagerie.Genetics.Tests.Kinship;

/// <summary>Every kernel against the naive recursion on seeded random pedigrees.</summary>
public sealed class NaiveReferenceTests
{
    public static TheoryData<int, int> Pedigrees => new() { { 40, 1 }, { 80, 2 }, { 120, 3 }, { 150, 4 }, { 200, 5 }, { 200, 6 } };

    [Theory]
    [MemberData(nameof(Pedigrees))]
    public void Inbreeding_of_random_pedigree_equals_naive_kinship_of_parents(int n, int seed)
    {
        var pedigree = TestPedigrees.Random(n, seed);
        var naive = new NaiveKinship(pedigree);

        var f = Inbreeding.Compute(pedigree);

        Assert.Contains(f, x => x > 0);
        for (var i = 0; i < n; i++)
        {
            Assert.Equal(naive.Of(pedigree.Sires[i], pedigree.Dams[i]), f[i], 1e-12);
        }
    }

    [Theory]
    [MemberData(nameof(Pedigrees))]
    public void Kinship_of_every_pair_equals_naive(int n, int seed)
    {
        var pedigree = TestPedigrees.Random(n, seed);
        var naive = new NaiveKinship(pedigree);
        var pairs = new KinshipCalculator(pedigree, Inbreeding.Compute(pedigree));
        var dense = KinshipMatrix.Compute(pedigree);

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var expected = naive.Of(i, j);
                Assert.Equal(expected, pairs.Kinship(i, j), 1e-12);
                Assert.Equal(expected, dense[i, j], 1e-12);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Pedigrees))]
    public void KinshipMatrix_of_subset_equals_naive_in_the_order_asked(int n, int seed)
    {
        var pedigree = TestPedigrees.Random(n, seed);
        var naive = new NaiveKinship(pedigree);
        var subset = Enumerable.Range(0, n).Where(i => i % 3 != 1).Reverse().ToArray();

        var matrix = KinshipMatrix.Compute(pedigree, subset);

        Assert.Equal(subset, matrix.Members.ToArray());
        for (var r = 0; r < subset.Length; r++)
        {
            for (var c = 0; c < subset.Length; c++)
            {
                Assert.Equal(naive.Of(subset[r], subset[c]), matrix[r, c], 1e-12);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Pedigrees))]
    public void MeanKinship_of_random_pedigree_equals_naive_average(int n, int seed)
    {
        var pedigree = TestPedigrees.Random(n, seed);
        var naive = new NaiveKinship(pedigree);
        var reference = ReferencePopulation.Select(pedigree, ReferenceRule.Leaves);

        var mk = MeanKinship.Compute(pedigree, Inbreeding.Compute(pedigree), reference);

        var members = reference.Members.ToArray();
        for (var i = 0; i < n; i++)
        {
            Assert.Equal(members.Average(j => naive.Of(i, j)), mk.Values[i], 1e-12);
        }

        Assert.Equal(members.Average(i => members.Average(j => naive.Of(i, j))), mk.PopulationMean, 1e-12);
    }

    [Theory]
    [MemberData(nameof(Pedigrees))]
    public void FounderContributions_of_random_pedigree_equal_naive_gene_flow(int n, int seed)
    {
        var pedigree = TestPedigrees.Random(n, seed);
        var reference = ReferencePopulation.Select(pedigree, ReferenceRule.Leaves);
        var expected = NaiveContributions(pedigree, reference.Members.ToArray());

        var founders = FounderContributions.Compute(pedigree, reference);

        Assert.Equal(expected.Count, founders.Count);
        for (var k = 0; k < founders.Count; k++)
        {
            var key = (founders.Individuals[k], founders.Kinds[k]);
            Assert.Equal(expected[key], founders.Contributions[k], 1e-12);
        }

        Assert.Equal(1, founders.Contributions.ToArray().Sum(), 1e-12);
        Assert.Equal(1 / expected.Values.Sum(p => p * p), founders.FounderEquivalents, 1e-9);
    }

    private static Dictionary<(int, FounderKind), double> NaiveContributions(Pedigree pedigree, int[] members)
    {
        var memo = new Dictionary<int, Dictionary<(int, FounderKind), double>>();
        Dictionary<(int, FounderKind), double> Genes(int j)
        {
            if (memo.TryGetValue(j, out var known))
            {
                return known;
            }

            var (s, d) = (pedigree.Sires[j], pedigree.Dams[j]);
            if (s < 0 && d < 0)
            {
                return new() { [(j, FounderKind.Founder)] = 1 };
            }

            var genes = new Dictionary<(int, FounderKind), double>();
            foreach (var parent in new[] { s, d })
            {
                var half = parent < 0
                    ? new() { [(j, FounderKind.UnknownParentOfHalfFounder)] = 1 }
                    : Genes(parent);
                foreach (var (key, value) in half)
                {
                    genes[key] = genes.GetValueOrDefault(key) + (0.5 * value);
                }
            }

            memo[j] = genes;
            return genes;
        }

        var total = new Dictionary<(int, FounderKind), double>();
        for (var i = 0; i < pedigree.Count; i++)
        {
            var unknown = (pedigree.Sires[i] < 0 ? 1 : 0) + (pedigree.Dams[i] < 0 ? 1 : 0);
            if (unknown > 0)
            {
                total[(i, unknown == 2 ? FounderKind.Founder : FounderKind.UnknownParentOfHalfFounder)] = 0;
            }
        }

        foreach (var j in members)
        {
            foreach (var (key, value) in Genes(j))
            {
                total[key] += value / members.Length;
            }
        }

        return total;
    }
}
