using Menagerie.App.Studbooks;
using Menagerie.Genetics.Pedigrees;

namespace Menagerie.App.Tests.Studbooks;

public sealed class StudbookGeneratorTests
{
    private static readonly Lazy<SyntheticStudbook> Large = new(() => StudbookGenerator.Generate(20_000, 42));

    [Fact]
    public async Task Generate_with_same_seed_writes_the_same_file_and_another_seed_another()
    {
        var first = await CsvAsync(StudbookGenerator.Generate(2_000, 7));
        var again = await CsvAsync(StudbookGenerator.Generate(2_000, 7));
        var other = await CsvAsync(StudbookGenerator.Generate(2_000, 8));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.StartsWith("id,sire,dam,sex,birth_year,alive\nS0000001,,,M,1977,", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_writes_a_file_the_reader_loads_without_problems()
    {
        var studbook = StudbookGenerator.Generate(3_000, 1);

        var load = await StudbookText.LoadAsync(await CsvAsync(studbook));

        var loaded = Assert.IsType<StudbookLoad.Loaded>(load);
        Assert.Empty(loaded.Problems);
        Assert.Equal(3_000, loaded.Pedigree.Count);
        Assert.True(loaded.Pedigree.HasAliveValues);
    }

    [Fact]
    public void Generate_has_200_founders_and_40_breeding_years_of_equal_cohorts()
    {
        var s = Large.Value;
        var years = s.BirthYears.ToArray().CountBy(y => y).ToDictionary(g => g.Key, g => g.Value);

        Assert.Equal(20_000, s.Count);
        Assert.Equal(200, years[StudbookGenerator.FirstYear]);
        Assert.Equal(Enumerable.Range(1980, 40).Prepend(1977), years.Keys.Order());
        Assert.Equal(495, years[1980]);
        Assert.All(Enumerable.Range(0, 200), f => Assert.Equal((-1, -1), (s.Sires[f], s.Dams[f])));
    }

    [Fact]
    public void Generate_takes_parents_aged_2_to_12_of_the_right_sex_with_overlapping_generations()
    {
        var s = Large.Value;
        var ages = new List<int>();
        for (var i = 200; i < s.Count; i++)
        {
            if (s.Sires[i] >= 0)
            {
                Assert.Equal(Sex.Male, s.Sexes[s.Sires[i]]);
                ages.Add(s.BirthYears[i] - s.BirthYears[s.Sires[i]]);
            }
            if (s.Dams[i] >= 0)
            {
                Assert.Equal(Sex.Female, s.Sexes[s.Dams[i]]);
                ages.Add(s.BirthYears[i] - s.BirthYears[s.Dams[i]]);
            }
        }

        Assert.Equal(2, ages.Min());
        Assert.Equal(12, ages.Max());
        // Overlapping generations: parents of every age from 2 to 12 occur.
        Assert.Equal(Enumerable.Range(2, 11), ages.Distinct().Order());
    }

    [Fact]
    public void Generate_leaves_about_2_percent_of_sires_and_half_a_percent_of_dams_unknown()
    {
        var s = Large.Value;
        var born = s.Count - 200;
        var unknownSires = 0;
        var unknownDams = 0;
        for (var i = 200; i < s.Count; i++)
        {
            unknownSires += s.Sires[i] < 0 ? 1 : 0;
            unknownDams += s.Dams[i] < 0 ? 1 : 0;
        }

        // Binomial standard errors at n ≈ 19,800: 0.10 % and 0.05 %; the bounds are about four of them.
        Assert.InRange(unknownSires / (double)born, 0.016, 0.024);
        Assert.InRange(unknownDams / (double)born, 0.003, 0.007);
    }

    [Fact]
    public void Generate_breeds_about_30_percent_of_eligible_males_each_year()
    {
        var s = Large.Value;
        var observed = 0.0;
        var expected = 0.0;
        var ifAllBred = 0.0;
        for (var year = 2000; year <= StudbookGenerator.LastYear; year++)
        {
            var eligible = Enumerable.Range(0, s.Count).Count(i => s.Sexes[i] == Sex.Male && IsBreedingAge(s, i, year));
            var births = Enumerable.Range(0, s.Count).Where(i => s.BirthYears[i] == year).ToList();
            var sires = births.Where(i => s.Sires[i] >= 0).Select(i => s.Sires[i]).Distinct().Count();
            Assert.All(births.Where(i => s.Sires[i] >= 0), i => Assert.True(IsBreedingAge(s, s.Sires[i], year)));
            // Drawing b sires with replacement from a pool of p males gives p·(1 − e^(−b/p)) distinct sires.
            var pool = StudbookGenerator.BreedingMaleShare * eligible;
            observed += sires;
            expected += pool * (1 - Math.Exp(-births.Count / pool));
            ifAllBred += eligible * (1 - Math.Exp(-births.Count / (double)eligible));
        }

        Assert.InRange(observed / expected, 0.9, 1.1);
        Assert.True(observed < 0.85 * ifAllBred);
    }

    [Fact]
    public void Generate_gives_lifespans_of_1_to_16_years_and_alive_means_outliving_the_last_year()
    {
        var s = Large.Value;
        var lifespans = Enumerable.Range(0, s.Count).Select(i => s.DeathYears[i] - s.BirthYears[i]).ToList();

        Assert.Equal(Enumerable.Range(1, 16), lifespans.Distinct().Order());
        Assert.InRange(lifespans.Average(), 8.2, 8.8);
        Assert.All(Enumerable.Range(0, s.Count), i => Assert.Equal(s.DeathYears[i] > StudbookGenerator.LastYear, s.Alive[i]));
    }

    private static bool IsBreedingAge(SyntheticStudbook s, int i, int year) =>
        year - s.BirthYears[i] is >= StudbookGenerator.MinParentAge and <= StudbookGenerator.MaxParentAge && s.DeathYears[i] > year;

    private static async Task<string> CsvAsync(SyntheticStudbook studbook)
    {
        await using var writer = new StringWriter();
        await studbook.WriteCsvAsync(writer, TestContext.Current.CancellationToken);
        return writer.ToString();
    }
}
