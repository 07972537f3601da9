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

    [Fact]
    public void Compute_for_founders_and_half_founders_is_zero()
    {
        var pedigree = TestPedigrees.Parse("A,,,M", "B,,,F", "C,A,,M", "D,,B,F", "E,C,D,F");

        var f = Inbreeding.Compute(pedigree);

        Assert.All(f, x => Assert.Equal(0, x));
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
