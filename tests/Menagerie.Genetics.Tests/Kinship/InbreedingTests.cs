using Menagerie.Genetics.Kinship;
using Menagerie.Genetics.Tests.Support;

namespace Menagerie.Genetics.Tests.Kinship;

public sealed class InbreedingTests
{
    [Fact]
    public void Compute_on_wide_generations_equals_the_tabular_diagonal_on_any_number_of_threads()
    {
        // 600 a generation: more than 256 parent pairs a generation, so the parallel path runs.
        var pedigree = TestPedigrees.Generations(width: 600, generations: 5, seed: 17);
        var table = KinshipMatrix.Compute(pedigree);

        var parallel = Inbreeding.Compute(pedigree);
        var single = Inbreeding.Compute(pedigree, maxDegreeOfParallelism: 1);

        Assert.Equal(single, parallel);
        Assert.Contains(parallel, f => f > 0);
        for (var i = 0; i < pedigree.Count; i++)
        {
            Assert.Equal((2 * table[i, i]) - 1, parallel[i], 1e-12);
        }
    }

    [Theory]
    [InlineData(3_000, 21, 0.0)]
    [InlineData(3_000, 22, 0.1)]
    [InlineData(5_000, 23, 0.3)]
    public void Compute_on_overlapping_generations_equals_the_tabular_diagonal_on_any_number_of_threads(int n, int seed, double unknown)
    {
        // Parents come from a sliding window: sires mate across many depths, with one mate or many.
        var pedigree = TestPedigrees.Random(n, seed, unknown);
        var table = KinshipMatrix.Compute(pedigree);

        var parallel = Inbreeding.Compute(pedigree);
        var single = Inbreeding.Compute(pedigree, maxDegreeOfParallelism: 1);

        Assert.Equal(single, parallel);
        Assert.Contains(parallel, f => f > 0.1);
        for (var i = 0; i < pedigree.Count; i++)
        {
            Assert.Equal((2 * table[i, i]) - 1, parallel[i], 1e-12);
        }
    }

    [Fact]
    public void KinshipMatrix_built_in_parallel_equals_pair_queries_and_is_symmetric()
    {
        // 4,000 members: above the size from which the table's rows are formed on several threads.
        var pedigree = TestPedigrees.Random(4_000, 31, 0.05);
        var table = KinshipMatrix.Compute(pedigree);
        var pairs = new KinshipCalculator(pedigree, Inbreeding.Compute(pedigree));
        var random = new Random(31);

        for (var k = 0; k < 2_000; k++)
        {
            var (i, j) = (random.Next(pedigree.Count), random.Next(pedigree.Count));
            Assert.Equal(pairs.Kinship(i, j), table[i, j], 1e-12);
            Assert.Equal(table[i, j], table[j, i]);
        }
    }

    [Fact]
    public void Compute_for_founders_and_half_founders_is_zero()
    {
        var pedigree = TestPedigrees.Parse("A,,,M", "B,,,F", "C,A,,M", "D,,B,F", "E,C,D,F");

        var f = Inbreeding.Compute(pedigree);

        Assert.All(f, x => Assert.Equal(0, x));
    }

    [Fact]
    public void Compute_when_founders_and_their_offspring_are_sires_or_dams_follows_the_path_counts()
    {
        // Founders (A, B, C) and animals whose parents are all founders (D, G, I) are never walked:
        // their share of a sire's column comes from the founders'. Each case by hand (Wright's paths).
        var pedigree = TestPedigrees.Parse(
            "A,,,M", "B,,,F", "C,,,F",
            "D,A,B,F",  // depth 1
            "E,A,D,M",  // founder sire × his daughter: ¼
            "G,,C,F",   // depth 1, one parent unknown
            "H,A,G,F",  // A and G unrelated: 0
            "I,A,C,M",  // depth 1
            "J,I,D,F",  // paternal half sibs through A: ⅛
            "K,I,G,F",  // maternal half sibs through C: ⅛
            "L,I,K,M"); // sire × his daughter, who is also his half sister's daughter: ½(½ + ⅛) = 0.3125

        var f = Inbreeding.Compute(pedigree);

        Assert.Equal([0, 0, 0, 0, 0.25, 0, 0, 0, 0.125, 0.125, 0.3125], f);
    }

    [Fact]
    public void MendelianVariances_follow_one_minus_a_quarter_of_one_plus_F_per_known_parent()
    {
        var pedigree = TestPedigrees.Parse("A,,,M", "B,,,F", "C,A,B,M", "D,A,B,F", "G,C,D,M", "H,G,,F");
        var f = Inbreeding.Compute(pedigree);

        var d = Inbreeding.MendelianVariances(pedigree, f);

        Assert.Equal([1, 1, 0.5, 0.5, 0.5, 1 - (0.25 * 1.25)], d);
    }
}
