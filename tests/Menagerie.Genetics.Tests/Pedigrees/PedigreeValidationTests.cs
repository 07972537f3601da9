using Menagerie.Genetics.Pedigrees;
using Menagerie.Genetics.Tests.Support;

namespace Menagerie.Genetics.Tests.Pedigrees;

public sealed class PedigreeValidationTests
{
    [Fact]
    public void Build_with_duplicate_id_reports_the_second_line_and_the_first()
    {
        var result = Pedigree.Build(TestPedigrees.Input("A,,,M", "B,,,F", "A,,,M"));

        var issue = Assert.Single(result.Errors);
        Assert.Equal((PedigreeIssueKind.DuplicateId, 4, "A"), (issue.Kind, issue.Line, issue.Id));
        Assert.Contains("line 2", issue.Message, StringComparison.Ordinal);
        Assert.Null(result.Pedigree);
    }

    [Fact]
    public void Build_with_self_parent_reports_it_once()
    {
        var result = Pedigree.Build(TestPedigrees.Input("A,,,M", "B,B,,F"));

        var issue = Assert.Single(result.Errors);
        Assert.Equal((PedigreeIssueKind.SelfParent, 3, "B"), (issue.Kind, issue.Line, issue.Id));
    }

    [Fact]
    public void Build_with_cycle_names_the_individuals_in_the_cycle_in_order()
    {
        var result = Pedigree.Build(TestPedigrees.Input("X,,,M", "Y,,,F", "A,C,Y,M", "B,A,Y,M", "C,B,Y,M", "D,A,Y,F"));

        var issue = Assert.Single(result.Errors);
        Assert.Equal(PedigreeIssueKind.Cycle, issue.Kind);
        Assert.Equal(3, issue.Related.Count);
        Assert.Equal(["A", "B", "C"], issue.Related.Order(StringComparer.Ordinal));

        // Each member is a parent of the one before it (cyclically).
        var sireOf = new Dictionary<string, string>(StringComparer.Ordinal) { ["A"] = "C", ["B"] = "A", ["C"] = "B" };
        for (var k = 0; k < 3; k++)
        {
            Assert.Equal(sireOf[issue.Related[k]], issue.Related[(k + 1) % 3]);
        }
    }

    [Fact]
    public void Build_with_female_sire_and_male_dam_reports_each_at_the_offspring_row()
    {
        var result = Pedigree.Build(TestPedigrees.Input("S,,,F", "D,,,M", "O,S,D,M"));

        Assert.Equal(
            [(PedigreeIssueKind.SireIsFemale, 4, "O"), (PedigreeIssueKind.DamIsMale, 4, "O")],
            result.Errors.Select(e => (e.Kind, e.Line, e.Id)));
    }

    [Fact]
    public void Build_with_one_individual_as_sire_and_dam_reports_it()
    {
        var result = Pedigree.Build(TestPedigrees.Input("H,,,U", "D,,,F", "S,,,M", "O1,H,D,F", "O2,S,H,M"));

        var issue = Assert.Single(result.Errors);
        Assert.Equal((PedigreeIssueKind.SireAndDam, 2, "H"), (issue.Kind, issue.Line, issue.Id));
        Assert.Equal(["O1", "O2"], issue.Related);
    }

    [Fact]
    public void Build_with_unknown_sex_code_reports_the_code()
    {
        var result = Pedigree.Build(TestPedigrees.Input("A,,,M", "B,,,X"));

        var issue = Assert.Single(result.Errors);
        Assert.Equal((PedigreeIssueKind.UnknownSexCode, 3, "B"), (issue.Kind, issue.Line, issue.Id));
        Assert.Contains("'X'", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_with_every_error_kind_reports_all_at_once_in_line_order()
    {
        var result = Pedigree.Build(TestPedigrees.Input(
            "A,,,M",
            "A,,,M",
            "B,B,,F",
            "C,E,Z,M",
            "E,C,Z,M",
            "Z,,,F",
            "F,Z,A,M",
            "G,A,Z,Q",
            "H,G,A,F",
            " ,G,Z,M"));

        Assert.Equal(
            [
                (PedigreeIssueKind.SireAndDam, 2),
                (PedigreeIssueKind.DuplicateId, 3),
                (PedigreeIssueKind.SelfParent, 4),
                (PedigreeIssueKind.Cycle, 5),
                (PedigreeIssueKind.SireAndDam, 7),
                (PedigreeIssueKind.SireIsFemale, 8),
                (PedigreeIssueKind.DamIsMale, 8),
                (PedigreeIssueKind.UnknownSexCode, 9),
                (PedigreeIssueKind.DamIsMale, 10),
                (PedigreeIssueKind.MissingId, 11),
            ],
            result.Errors.Select(e => (e.Kind, e.Line)));
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void Build_with_parent_born_after_offspring_warns_and_builds()
    {
        var result = Pedigree.Build(TestPedigrees.Input("S,,,M,2010", "D,,,F,2000", "O,S,D,F,2005"));

        Assert.True(result.Succeeded);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal((PedigreeIssueKind.ParentBornAfterOffspring, 4, "O", "S"), (warning.Kind, warning.Line, warning.Id, warning.Related[0]));
    }

    [Fact]
    public void Build_with_unlisted_parent_adds_it_as_a_founder_of_the_role_sex()
    {
        var result = Pedigree.Build(TestPedigrees.Input("D,,,F", "O,S,D,F"));

        Assert.True(result.Succeeded);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal((PedigreeIssueKind.ParentNotListed, 3, "O", "S"), (warning.Kind, warning.Line, warning.Id, warning.Related[0]));
        var pedigree = result.Pedigree;
        var s = pedigree.IndexOf("S");
        Assert.Equal((Sex.Male, -1, -1, 0), (pedigree.Sexes[s], pedigree.Sires[s], pedigree.Dams[s], pedigree.Lines[s]));
    }

    [Fact]
    public void Build_orders_parents_before_offspring_and_keeps_a_sorted_input_as_it_is()
    {
        var shuffled = TestPedigrees.Parse("G,C,D,M", "C,A,B,M", "D,,,F", "A,,,M", "B,,,F");
        var sorted = TestPedigrees.Parse("A,,,M", "B,,,F", "C,A,B,M", "D,,,F", "G,C,D,M");

        for (var i = 0; i < shuffled.Count; i++)
        {
            Assert.True(shuffled.Sires[i] < i && shuffled.Dams[i] < i);
        }

        Assert.Equal(["A", "B", "C", "D", "G"], sorted.Ids);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("NA")]
    [InlineData("unk")]
    [InlineData("Unknown")]
    [InlineData("WILD")]
    [InlineData("*")]
    [InlineData("-")]
    public void Build_with_unknown_parent_token_makes_each_a_distinct_founder(string token)
    {
        var pedigree = TestPedigrees.Parse($"A,{token},{token},M", $"B,{token},{token},F", $"C,{token},{token},M");

        Assert.Equal(3, pedigree.Count);
        Assert.All(Enumerable.Range(0, 3), i => Assert.Equal((-1, -1), (pedigree.Sires[i], pedigree.Dams[i])));
    }

    [Fact]
    public void FromParentIndices_with_out_of_range_parent_reports_it()
    {
        var result = Pedigree.FromParentIndices(["A", "B"], [-1, 7], [-1, -2], [Sex.Male, Sex.Female]);

        Assert.Equal(
            [(PedigreeIssueKind.ParentOutOfRange, 2), (PedigreeIssueKind.ParentOutOfRange, 2)],
            result.Errors.Select(e => (e.Kind, e.Line)));
    }

    [Theory]
    [InlineData("M", Sex.Male)]
    [InlineData(" female ", Sex.Female)]
    [InlineData("2", Sex.Female)]
    [InlineData("u", Sex.Unknown)]
    [InlineData("4", Sex.Hermaphrodite)]
    [InlineData(null, Sex.Unknown)]
    public void SexCodes_with_known_code_parses(string? code, Sex expected)
    {
        Assert.True(SexCodes.TryParse(code, out var sex));
        Assert.Equal(expected, sex);
    }
}
