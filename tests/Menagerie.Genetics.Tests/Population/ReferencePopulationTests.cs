using Menagerie.Genetics.Pedigrees;
using Menagerie.Genetics.Population;

namespace Menagerie.Genetics.Tests.Population;

public sealed class ReferencePopulationTests
{
    private static Pedigree Build(bool? aliveOfC, bool? referenceOfA)
    {
        var input = new PedigreeInput();
        input.Add(new PedigreeRow { Id = "A", Sex = "M", Reference = referenceOfA });
        input.Add(new PedigreeRow { Id = "B", Sex = "F", Alive = true });
        input.Add(new PedigreeRow { Id = "C", Sire = "A", Dam = "B", Sex = "F", Alive = aliveOfC });
        return Pedigree.Build(input).Pedigree!;
    }

    [Fact]
    public void Select_auto_prefers_the_reference_column_when_any_row_has_it()
    {
        var reference = ReferencePopulation.Select(Build(aliveOfC: true, referenceOfA: true));

        Assert.Equal(ReferenceRule.ReferenceColumn, reference.Rule);
        Assert.Equal([0], reference.Members.ToArray());
    }

    [Fact]
    public void Select_auto_takes_the_living_when_there_is_no_reference_column()
    {
        var reference = ReferencePopulation.Select(Build(aliveOfC: false, referenceOfA: null));

        Assert.Equal(ReferenceRule.Alive, reference.Rule);
        Assert.Equal([1], reference.Members.ToArray());
    }

    [Fact]
    public void Select_auto_takes_individuals_without_offspring_when_nothing_is_recorded()
    {
        var input = new PedigreeInput();
        input.Add(new PedigreeRow { Id = "A", Sex = "M" });
        input.Add(new PedigreeRow { Id = "B", Sex = "F" });
        input.Add(new PedigreeRow { Id = "C", Sire = "A", Dam = "B" });

        var reference = ReferencePopulation.Select(Pedigree.Build(input).Pedigree!);

        Assert.Equal(ReferenceRule.Leaves, reference.Rule);
        Assert.Equal([2], reference.Members.ToArray());
    }

    [Fact]
    public void Select_with_explicit_rule_overrides_auto()
    {
        var reference = ReferencePopulation.Select(Build(aliveOfC: true, referenceOfA: true), ReferenceRule.Leaves);

        Assert.Equal(ReferenceRule.Leaves, reference.Rule);
        Assert.Equal([2], reference.Members.ToArray());
    }

    [Fact]
    public void MeanKinship_over_empty_reference_is_refused()
    {
        var pedigree = Build(aliveOfC: false, referenceOfA: null);
        var empty = ReferencePopulation.FromMembers(pedigree, []);

        Assert.Throws<InvalidOperationException>(() => MeanKinship.Compute(pedigree, new double[3], empty));
    }
}
