using Menagerie.Genetics.Kinship;
using Menagerie.Genetics.Population;
using Menagerie.Genetics.Tests.Support;

namespace Menagerie.Genetics.Tests.Population;

public sealed class PairTableTests
{
    [Fact]
    public void Compute_ranks_unrelated_pair_of_low_mean_kinship_before_full_sibs()
    {
        // Living: full sibs C (M) and D (F), and unrelated founders X (M) and Y (F).
        var pedigree = TestPedigrees.Parse("A,,,M", "B,,,F", "C,A,B,M", "D,A,B,F", "X,,,M", "Y,,,F");
        var reference = ReferencePopulation.FromMembers(pedigree, [2, 3, 4, 5]);
        var f = Inbreeding.Compute(pedigree);
        var mk = MeanKinship.Compute(pedigree, f, reference);

        var pairs = PairTable.Compute(pedigree, f, reference, mk);

        var names = Enumerable.Range(0, pairs.Count).Select(k => pedigree.Ids[pairs.Sires[k]] + "×" + pedigree.Ids[pairs.Dams[k]]).ToArray();
        Assert.Equal(["X×Y", "C×Y", "X×D", "C×D"], names);
        Assert.Equal(0.25, pairs.Kinship[3], 1e-15);
        Assert.Equal(0.25, pairs.OffspringInbreeding[3], 1e-15);
        for (var k = 1; k < pairs.Count; k++)
        {
            Assert.True(pairs.DeltaGeneDiversity[k - 1] >= pairs.DeltaGeneDiversity[k]);
        }
    }

    [Fact]
    public void Compute_delta_equals_gene_diversity_recomputed_with_the_offspring_added()
    {
        var pedigree = TestPedigrees.Random(120, 9);
        var reference = ReferencePopulation.Select(pedigree, ReferenceRule.Leaves);
        var f = Inbreeding.Compute(pedigree);
        var mk = MeanKinship.Compute(pedigree, f, reference);
        var pairs = PairTable.Compute(pedigree, f, reference, mk);
        Assert.True(pairs.Count > 0);

        // Add the best pair's offspring to the pedigree and the reference population, then measure GD again.
        var (s, d) = (pairs.Sires[0], pairs.Dams[0]);
        var ids = pedigree.Ids.Append("child").ToArray();
        var extended = Menagerie.Genetics.Pedigrees.Pedigree.FromParentIndices(
            ids, [.. pedigree.Sires, s], [.. pedigree.Dams, d], [.. pedigree.Sexes, Menagerie.Genetics.Pedigrees.Sex.Female]).Pedigree!;
        var grown = ReferencePopulation.FromMembers(extended, [.. reference.Members, extended.IndexOf("child")]);
        var after = MeanKinship.Compute(extended, Inbreeding.Compute(extended), grown).GeneDiversity;

        Assert.Equal(after - mk.GeneDiversity, pairs.DeltaGeneDiversity[0], 1e-12);
    }
}
