using Menagerie.Genetics.Kinship;
using Menagerie.Genetics.Population;
using Menagerie.Genetics.Tests.Support;

namespace Menagerie.Genetics.Tests.Population;

public sealed class GeneDropTests
{
    private static readonly Menagerie.Genetics.Pedigrees.Pedigree Lacy = TestPedigrees.Parse(
        "A,,,U", "B,,,U", "C,A,B,U", "D,A,B,U", "E,,,U", "F,D,E,U", "G,D,E,U");

    [Fact]
    public void Run_with_same_seed_gives_same_result_whatever_the_threads()
    {
        var reference = ReferencePopulation.Select(Lacy);

        var one = GeneDrop.Run(Lacy, reference, 500, seed: 7, maxDegreeOfParallelism: 1, cancellationToken: TestContext.Current.CancellationToken);
        var all = GeneDrop.Run(Lacy, reference, 500, seed: 7, maxDegreeOfParallelism: -1, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(one.GeneDiversityByIteration.ToArray(), all.GeneDiversityByIteration.ToArray());
        Assert.Equal(one.FounderAlleleRetention.ToArray(), all.FounderAlleleRetention.ToArray());
    }

    [Fact]
    public void Progress_hears_of_every_iteration_once_from_whichever_thread_ran_it()
    {
        var reports = new System.Collections.Concurrent.ConcurrentBag<int>();

        GeneDrop.Run(Lacy, ReferencePopulation.Select(Lacy), 300, seed: 5, progress: new Reports(reports.Add), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(Enumerable.Range(1, 300), reports.Order());
    }

    private sealed class Reports(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }

    [Fact]
    public void Run_with_other_seed_gives_other_draws()
    {
        var reference = ReferencePopulation.Select(Lacy);

        var a = GeneDrop.Run(Lacy, reference, 200, seed: 1, cancellationToken: TestContext.Current.CancellationToken);
        var b = GeneDrop.Run(Lacy, reference, 200, seed: 2, cancellationToken: TestContext.Current.CancellationToken);

        Assert.NotEqual(a.GeneDiversityByIteration.ToArray(), b.GeneDiversityByIteration.ToArray());
    }

    [Fact]
    public void Run_on_Lacy_example_lists_six_founder_alleles_with_expected_retention()
    {
        var reference = ReferencePopulation.Select(Lacy);

        var drop = GeneDrop.Run(Lacy, reference, 20_000, seed: 11, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(6, drop.FounderAlleleOwners.Length);
        Assert.Equal([0, 0, 1, 1, 4, 4], drop.FounderAlleleOwners.ToArray());

        // E's alleles reach F and G directly: each is lost only if neither received it, ¼.
        var e = drop.FounderAlleleOwners.IndexOf(4);
        Assert.InRange(drop.FounderAlleleRetention[e], 0.74, 0.76);

        // An allele of A survives in C (½ chance) or through D into F or G: 1 − ½·(½ + ½·¼) = 11/16.
        Assert.InRange(drop.FounderAlleleRetention[0], 0.6775, 0.6975);
    }

    [Fact]
    public void Run_estimate_agrees_with_pedigree_gene_diversity_on_random_pedigree()
    {
        var pedigree = TestPedigrees.Random(300, 42);
        var reference = ReferencePopulation.Select(pedigree, ReferenceRule.Leaves);
        var gd = MeanKinship.Compute(pedigree, Inbreeding.Compute(pedigree), reference).GeneDiversity;

        var drop = GeneDrop.Run(pedigree, reference, 4000, seed: 3, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(drop.StandardError > 0);
        Assert.InRange(gd, drop.GeneDiversity - (3 * drop.StandardError), drop.GeneDiversity + (3 * drop.StandardError));
    }

    [Fact]
    public void Run_with_fewer_than_two_iterations_is_refused()
    {
        var reference = ReferencePopulation.Select(Lacy);

        Assert.Throws<ArgumentOutOfRangeException>(() => GeneDrop.Run(Lacy, reference, 1, seed: 1, cancellationToken: TestContext.Current.CancellationToken));
    }
}
