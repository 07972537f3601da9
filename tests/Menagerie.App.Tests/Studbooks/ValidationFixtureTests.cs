using Menagerie.App.Studbooks;

namespace Menagerie.App.Tests.Studbooks;

/// <summary>The shared validation fixtures (../shared/data/pedigrees/input/validation_*) with their known errors.</summary>
public sealed class ValidationFixtureTests
{
    [Fact]
    public async Task Load_of_good_fixture_builds_without_problems()
    {
        var load = await LoadFixtureAsync("validation_nprc_pedGood.csv");

        var loaded = Assert.IsType<StudbookLoad.Loaded>(load);
        Assert.Equal(8, loaded.Pedigree.Count);
        Assert.Empty(loaded.Problems);
    }

    [Fact]
    public async Task Load_of_duplicate_ids_fixture_names_the_second_row()
    {
        var load = await LoadFixtureAsync("validation_nprc_pedDuplicateIds.csv");

        var problem = Assert.Single(Assert.IsType<StudbookLoad.Rejected>(load).Problems);
        Assert.Equal((9, "d1"), (problem.Line, problem.Subject));
        Assert.Contains("first at line 3", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_of_invalid_dates_fixture_names_both_bad_dates()
    {
        var load = await LoadFixtureAsync("validation_nprc_pedInvalidDates.csv");

        var problems = Assert.IsType<StudbookLoad.Rejected>(load).Problems;
        Assert.Equal([(4, "birth_date"), (5, "birth_date")], problems.Select(p => (p.Line, p.Subject)));
        Assert.Contains("'205-06-19'", problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_of_six_problem_fixture_reports_sex_errors_with_departure_death_and_missing_parent_warnings()
    {
        var load = await LoadFixtureAsync("validation_nprc_pedSix.csv");

        var problems = Assert.IsType<StudbookLoad.Rejected>(load).Problems;
        Assert.Equal([(6, "o1"), (7, "o2")], problems.Where(p => p.IsError).Select(p => (p.Line, p.Subject)));
        Assert.Equal(4, problems.Count(p => p.Message.Contains("is not listed", StringComparison.Ordinal)));
        Assert.Equal([(6, "departure"), (8, "death"), (9, "death"), (9, "departure")],
            problems.Where(p => p.Field is not null).Select(p => (p.Line, p.Subject)));
    }

    [Fact]
    public async Task Load_of_darwin_raw_fixture_reads_mother_father_and_every_unknown_spelling()
    {
        var load = await LoadFixtureAsync("validation_purgeR_darwin_raw.csv");

        var loaded = Assert.IsType<StudbookLoad.Loaded>(load);
        Assert.Equal(63, loaded.Pedigree.Count);
        Assert.DoesNotContain("unknown", loaded.Pedigree.Ids, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Load_of_optisel_fixture_with_errors_reports_the_self_parent_the_cycle_and_the_female_sires()
    {
        var load = await LoadFixtureAsync("validation_optiSel_PedigWithErrors_std.csv");

        var errors = Assert.IsType<StudbookLoad.Rejected>(load).Problems.Where(p => p.IsError).ToList();
        Assert.Single(errors, p => p.Message.Contains("its own parent", StringComparison.Ordinal));
        Assert.Single(errors, p => p.Message.Contains("their own ancestors", StringComparison.Ordinal));
        Assert.Equal(19, errors.Count(p => p.Message.StartsWith("The sire", StringComparison.Ordinal) && p.Message.EndsWith("is recorded female.", StringComparison.Ordinal)));
    }

    private static Task<StudbookLoad> LoadFixtureAsync(string name) => SharedPedigrees.LoadAsync(name);
}
