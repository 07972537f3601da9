using Menagerie.App.Studbooks;
using Menagerie.Genetics.Population;

namespace Menagerie.App.Tests.Studbooks;

public sealed class StudbookAnalysisTests
{
    private const double Tolerance = 1e-12;

    [Fact]
    public async Task Report_of_lacy1989_gives_the_published_GD_FGE_and_FE()
    {
        var pedigree = await StudbookText.PedigreeAsync(StudbookText.Lacy1989);
        var analysis = StudbookAnalysis.Compute(pedigree, StudbookAnalysis.SelectReference(pedigree, ReferenceRule.Auto));

        var report = analysis.Report();

        var s = report.Summary;
        Assert.Equal((7, 3, 3), (s.Individuals, s.Reference, s.Founders));
        Assert.Equal(13.0 / 18, s.GeneDiversity, Tolerance);
        Assert.Equal(5.0 / 18, s.MeanKinship, Tolerance);
        Assert.Equal(1.8, s.Fge, Tolerance);
        Assert.Equal(3.0, s.Fe, Tolerance);
        Assert.Equal(0.0, s.MeanInbreeding);
        Assert.Equal(["A", "B", "C", "D", "E", "F", "G"], report.Individuals.Select(i => i.Id));
        Assert.Equal(["C", "F", "G"], report.Individuals.Where(i => i.InReference).Select(i => i.Id));
        Assert.Equal(0.25, report.Individuals[2].MeanKinship, Tolerance);
    }

    [Fact]
    public async Task Report_lists_parents_added_as_founders_after_the_listed_rows()
    {
        var pedigree = await StudbookText.PedigreeAsync("id,sire,dam\nc,a,b\nd,a,b\n");
        var analysis = StudbookAnalysis.Compute(pedigree, StudbookAnalysis.SelectReference(pedigree, ReferenceRule.Leaves));

        var report = analysis.Report();

        Assert.Equal(["c", "d", "a", "b"], report.Individuals.Select(i => i.Id));
        Assert.Equal(0.25 * 0.5 + 0.5 * 0.5, report.Individuals[0].MeanKinship, Tolerance);
    }

    [Fact]
    public async Task Rank_of_pairs_puts_unrelated_animals_before_full_sibs()
    {
        const string csv = """
            id,sire,dam,sex,alive
            s,,,M,0
            d,,,F,0
            m1,s,d,M,1
            f1,s,d,F,1
            m2,,,M,1
            f2,,,F,1
            """;
        var pedigree = await StudbookText.PedigreeAsync(csv);
        var analysis = StudbookAnalysis.Compute(pedigree, StudbookAnalysis.SelectReference(pedigree, ReferenceRule.Auto));

        var pairs = StudbookPairs.Rank(analysis, top: 3);

        Assert.Equal(4, pairs.Candidates);
        Assert.Equal(3, pairs.Pairs.Count);
        Assert.Equal(("m2", "f2", 0.0), (pairs.Pairs[0].Sire, pairs.Pairs[0].Dam, pairs.Pairs[0].Kinship));
        Assert.Equal([1, 2, 3], pairs.Pairs.Select(p => p.Rank));
        Assert.DoesNotContain(pairs.Pairs, p => p is { Sire: "m1", Dam: "f1" });
    }

    [Fact]
    public async Task GeneDrop_with_same_seed_repeats_and_estimates_the_pedigree_gene_diversity()
    {
        var pedigree = await StudbookText.PedigreeAsync(StudbookText.Lacy1989);
        var analysis = StudbookAnalysis.Compute(pedigree, StudbookAnalysis.SelectReference(pedigree, ReferenceRule.Auto));

        var first = StudbookGeneDrop.Run(analysis, 2_000, 11, TestContext.Current.CancellationToken);
        var again = StudbookGeneDrop.Run(analysis, 2_000, 11, TestContext.Current.CancellationToken);

        Assert.Equal(first, again);
        Assert.Equal(6, first.FounderAlleles);
        Assert.InRange(first.GeneDiversity, first.PedigreeGeneDiversity - (4 * first.StandardError), first.PedigreeGeneDiversity + (4 * first.StandardError));
    }

    [Fact]
    public async Task The_living_on_a_day_come_from_birth_death_and_departure_dates_where_the_file_has_them()
    {
        // No alive column: whoever has no death or departure recorded is alive. A year alone reads as 1 July.
        var loaded = Assert.IsType<StudbookLoad.Loaded>(await StudbookText.LoadAsync(
            "id,sire,dam,sex,birth_date,death,departure\nA,,,M,1990,2001-05-01,\nB,,,F,1995-03-01,,2004\nC,A,B,F,2000-02-01,,\nD,A,B,M,2006-01-01,,\n",
            keepRows: true));
        string[] Living(int year, int month, int day)
        {
            var population = StudbookAnalysis.SelectReference(loaded.Pedigree, loaded.Rows, ReferenceRule.Auto, new DateOnly(year, month, day));
            Assert.Equal(ReferenceRule.Alive, population.Rule);
            return [.. population.Members.ToArray().Select(i => loaded.Pedigree.Ids[i])];
        }

        Assert.Equal(["A", "B", "C"], Living(2001, 4, 30));
        Assert.Equal(["B", "C"], Living(2001, 5, 1));
        Assert.Equal(["B", "C"], Living(2004, 6, 30));
        Assert.Equal(["C"], Living(2004, 7, 1));
        Assert.Equal(["C", "D"], Living(2026, 1, 1));
        Assert.Empty(Living(1980, 1, 1));
    }

    [Fact]
    public async Task Without_dates_the_living_are_the_alive_column_born_by_the_day()
    {
        var loaded = Assert.IsType<StudbookLoad.Loaded>(await StudbookText.LoadAsync(
            "id,sire,dam,birth_date,alive\nA,,,2000-01-01,1\nB,,,2010-01-01,1\nC,,,2000-01-01,0\nE,,,,1\n", keepRows: true));

        var in2005 = StudbookAnalysis.SelectReference(loaded.Pedigree, loaded.Rows, ReferenceRule.Alive, new DateOnly(2005, 1, 1));

        Assert.Equal(["A", "E"], in2005.Members.ToArray().Select(i => loaded.Pedigree.Ids[i]));
    }
}
