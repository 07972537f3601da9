using Menagerie.App.Studbooks;
using Menagerie.App.Studbooks.Plots;
using Menagerie.Genetics.Pedigrees;
using Menagerie.Genetics.Population;

namespace Menagerie.App.Tests.Studbooks.Plots;

public sealed class StudbookPlotDataTests
{
    [Fact]
    public async Task MeanKinship_histogram_of_sample_counts_every_reference_animal_once()
    {
        var (_, analysis) = await SampleStudbook.LoadAsync();

        var histogram = StudbookPlotData.MeanKinship(analysis);

        Assert.Equal(332, analysis.Reference.Count);
        Assert.Equal(analysis.Reference.Count, histogram.Counts.Sum());
        Assert.Equal(analysis.Reference.Count, histogram.ReferenceCount);
        Assert.Equal(histogram.Counts.Count + 1, histogram.Edges.Count);
        // nprcgenekeepr's colony: mean MK over the 332 living animals, as computed by kinship2.
        Assert.Equal(0.0146259484226705, histogram.PopulationMean, 1e-12);
        var mk = analysis.MeanKinship.Values.ToArray();
        var members = analysis.Reference.Members.ToArray();
        Assert.Equal(members.Min(i => mk[i]), histogram.Edges[0], 1e-15);
        Assert.Equal(members.Max(i => mk[i]), histogram.Edges[^1], 1e-12);
    }

    [Fact]
    public async Task MeanKinship_histogram_of_a_population_sharing_one_MK_has_all_in_one_bin()
    {
        var pedigree = await StudbookText.PedigreeAsync("id,sire,dam,sex\na,,,M\nb,,,F\n");
        var analysis = StudbookAnalysis.Compute(pedigree, StudbookAnalysis.SelectReference(pedigree, ReferenceRule.Leaves));

        var histogram = StudbookPlotData.MeanKinship(analysis, bins: 4);

        Assert.Equal([2, 0, 0, 0], histogram.Counts);
    }

    [Fact]
    public async Task AgeSex_pyramid_of_sample_counts_the_living_animals_by_sex()
    {
        var (loaded, _) = await SampleStudbook.LoadAsync();

        var pyramid = StudbookPlotData.AgeSex(loaded.Pedigree, loaded.Rows, new DateOnly(2015, 1, 1));

        var pedigree = loaded.Pedigree;
        var living = Enumerable.Range(0, pedigree.Count).Where(i => pedigree.Alive[i]).ToList();
        Assert.Equal(living.Count, pyramid.Living);
        var males = pyramid.Classes.Sum(c => c.Males) + pyramid.UnknownAge.Males;
        var females = pyramid.Classes.Sum(c => c.Females) + pyramid.UnknownAge.Females;
        var unknown = pyramid.Classes.Sum(c => c.Unknown) + pyramid.UnknownAge.Unknown;
        Assert.Equal(living.Count(i => pedigree.Sexes[i] == Sex.Male), males);
        Assert.Equal(living.Count(i => pedigree.Sexes[i] == Sex.Female), females);
        // The file's alive column: 123 males and 209 females, every one with a birth date.
        Assert.Equal((123, 209, 0), (males, females, unknown));
        Assert.Equal(new AgeClass(-1, 0, 0, 0, 0), pyramid.UnknownAge);
    }

    [Fact]
    public async Task Only_a_load_for_plots_keeps_the_rows_as_read_so_a_large_analysis_does_not_carry_them()
    {
        const string csv = "id,sire,dam,sex,birth_date\na,,,M,2010-06-01\nb,,,F,2011-06-01\nc,a,b,F,2014-01-01\n";

        var forAnalysis = Assert.IsType<StudbookLoad.Loaded>(await StudbookText.LoadAsync(csv));
        var forPlots = Assert.IsType<StudbookLoad.Loaded>(await StudbookText.LoadAsync(csv, keepRows: true));

        Assert.Empty(forAnalysis.Rows);
        Assert.Equal(3, forPlots.Rows.Count);
    }

    [Fact]
    public async Task AgeSex_pyramid_counts_whole_years_sets_apart_unknown_births_and_leaves_out_animals_not_yet_born()
    {
        const string csv = """
            id,sire,dam,sex,birth_date,alive
            a,,,M,2010-06-01,1
            b,,,F,2010-06-02,1
            c,,,F,2012,1
            d,,,U,2014-01-01,1
            e,,,M,,1
            f,,,F,2016-01-01,1
            g,,,M,2000-01-01,0
            """;
        var loaded = Assert.IsType<StudbookLoad.Loaded>(await StudbookText.LoadAsync(csv, keepRows: true));

        var pyramid = StudbookPlotData.AgeSex(loaded.Pedigree, loaded.Rows, new DateOnly(2015, 6, 1));

        // f, born in 2016, was not alive yet.
        Assert.Equal(5, pyramid.Living);
        Assert.Equal(
            [new AgeClass(0, 1, 0, 0, 0), new AgeClass(1, 1, 0, 0, 1), new AgeClass(2, 1, 0, 1, 0), new AgeClass(3, 1, 0, 0, 0), new AgeClass(4, 1, 0, 1, 0), new AgeClass(5, 1, 1, 0, 0)],
            pyramid.Classes);
        Assert.Equal(new AgeClass(-1, 0, 1, 0, 0), pyramid.UnknownAge);
    }

    [Fact]
    public async Task Founders_of_sample_are_the_contributing_ones_largest_first_summing_to_one()
    {
        var (_, analysis) = await SampleStudbook.LoadAsync();

        var founders = StudbookPlotData.Founders(analysis);

        // nprcgenekeepr's colony: 206 of 1,668 founders contribute to the living animals, FE 111.108634004781.
        Assert.Equal((206, 1668), (founders.Founders.Count, founders.AllFounders));
        Assert.Equal(1.0 / 206, founders.EqualShare, 1e-15);
        Assert.Equal(111.108634004781, founders.FounderEquivalents, 1e-9);
        Assert.Equal(1.0, founders.Founders.Sum(f => f.Contribution), 1e-12);
        Assert.Equal(founders.Founders.OrderByDescending(f => f.Contribution).Select(f => f.Contribution), founders.Founders.Select(f => f.Contribution));
        Assert.All(founders.Founders, f => Assert.True(f.Contribution > 0));
    }

    [Fact]
    public async Task Ancestors_of_sample_individual_name_its_parents_grandparents_and_unknown_great_grandparents()
    {
        var (loaded, _) = await SampleStudbook.LoadAsync();

        var chart = StudbookPlotData.Ancestors(loaded.Pedigree, SampleStudbook.Individual);

        Assert.NotNull(chart);
        Assert.Equal(15, chart.Boxes.Count);
        Assert.Equal(["GDXWJ1"], Generation(chart, 0));
        Assert.Equal(["HLQ9SY", "XFWVVX"], Generation(chart, 1));
        Assert.Equal(["UI3RFL", "VEWC1E", "U3MFSZ", "L4LM1F"], Generation(chart, 2));
        Assert.Equal([null, null, "UYHSCX", "NU5H65", null, null, "UU9AC2", "KKYQP2"], Generation(chart, 3));
    }

    [Fact]
    public async Task Ancestors_below_an_unknown_parent_are_not_repeated()
    {
        var pedigree = await StudbookText.PedigreeAsync("id,sire,dam,sex\ns,,,M\nd,,,F\nx,s,,M\ny,x,d,F\n");

        var chart = StudbookPlotData.Ancestors(pedigree, "y", generations: 3);

        Assert.NotNull(chart);
        Assert.Equal(["x", "d", "s", null, null, null, null, null], chart.Boxes.Skip(1).Select(b => b.Id));
        Assert.Equal([1, 1, 2, 2, 2, 2, 3, 3], chart.Boxes.Skip(1).Select(b => b.Generation));
    }

    [Fact]
    public async Task Ancestors_of_an_id_not_in_the_pedigree_is_null()
    {
        var pedigree = await StudbookText.PedigreeAsync(StudbookText.Lacy1989);

        Assert.Null(StudbookPlotData.Ancestors(pedigree, "Z"));
    }

    private static string?[] Generation(PedigreeChart chart, int generation) =>
        [.. chart.Boxes.Where(b => b.Generation == generation).OrderBy(b => b.Slot).Select(b => b.Id)];
}
