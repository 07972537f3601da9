using Menagerie.Genetics.Kinship;
using Menagerie.Genetics.Population;
using Menagerie.Genetics.Tests.Support;

namespace Menagerie.Genetics.Tests.Kinship;

public sealed class TextbookKinshipTests
{
    // A and B are unrelated founders; C and D full sibs; E a third founder; H a half sib of C; G a full-sib mating.
    private static readonly Menagerie.Genetics.Pedigrees.Pedigree Family = TestPedigrees.Parse(
        "A,,,M", "B,,,F", "C,A,B,M", "D,A,B,F", "E,,,F", "H,A,E,F", "G,C,D,M", "K,G,D,F");

    private static double Kinship(string a, string b)
    {
        var f = Inbreeding.Compute(Family);
        return new KinshipCalculator(Family, f).Kinship(Family.IndexOf(a), Family.IndexOf(b));
    }

    [Fact]
    public void Kinship_of_full_sibs_is_one_quarter() => Assert.Equal(0.25, Kinship("C", "D"), 1e-15);

    [Fact]
    public void Kinship_of_half_sibs_is_one_eighth() => Assert.Equal(0.125, Kinship("C", "H"), 1e-15);

    [Fact]
    public void Kinship_of_parent_and_offspring_is_one_quarter() => Assert.Equal(0.25, Kinship("A", "C"), 1e-15);

    [Fact]
    public void Kinship_of_unrelated_founders_is_zero() => Assert.Equal(0, Kinship("A", "E"), 1e-15);

    [Fact]
    public void Kinship_of_non_inbred_individual_with_itself_is_one_half() => Assert.Equal(0.5, Kinship("C", "C"), 1e-15);

    [Fact]
    public void Inbreeding_of_full_sib_mating_is_one_quarter()
    {
        var f = Inbreeding.Compute(Family);

        Assert.Equal(0.25, f[Family.IndexOf("G")], 1e-15);
        Assert.Equal(0, f[Family.IndexOf("C")], 1e-15);
    }

    [Fact]
    public void Inbreeding_of_offspring_of_inbred_sire_and_its_full_sib_dam_is_three_eighths()
    {
        // f(G,D) = ½ (f(C,D) + f(D,D)) = ½ (¼ + ½) = 3/8.
        Assert.Equal(0.375, Inbreeding.Compute(Family)[Family.IndexOf("K")], 1e-15);
    }

    [Fact]
    public void Lacy1989_example_gives_the_published_diversity()
    {
        // Lacy (1989) Zoo Biol. 8:111–123: founders A, B, E; living C, F, G; GD 0.7222, FGE 1.8, FE 3.
        var pedigree = TestPedigrees.Parse("A,,,U", "B,,,U", "C,A,B,U", "D,A,B,U", "E,,,U", "F,D,E,U", "G,D,E,U");
        var f = Inbreeding.Compute(pedigree);
        var reference = ReferencePopulation.Select(pedigree);
        var mk = MeanKinship.Compute(pedigree, f, reference);
        var founders = FounderContributions.Compute(pedigree, reference);

        Assert.Equal(ReferenceRule.Leaves, reference.Rule);
        Assert.Equal(["C", "F", "G"], reference.Members.ToArray().Select(i => pedigree.Ids[i]));
        Assert.Equal(13.0 / 18, mk.GeneDiversity, 1e-12);
        Assert.Equal(1.8, mk.FounderGenomeEquivalents, 1e-12);
        Assert.Equal(3, founders.FounderEquivalents, 1e-12);
        Assert.Equal(7.0 / 24, mk.Values[pedigree.IndexOf("F")], 1e-12);
    }
}
