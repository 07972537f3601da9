using Menagerie.Genetics.Pedigrees;
using Menagerie.Genetics.Tests.Support;

namespace Menagerie.Genetics.Tests.Pedigrees;

/// <summary>The validation fixtures of the shared pedigrees (nprcgenekeepr QC files, optiSel PedigWithErrors).</summary>
public sealed class ValidationFixtureTests
{
    private static PedigreeResult Build(string file) => Pedigree.Build(PedigreeCsv.Read(PedigreeData.Input(file)));

    private static (PedigreeIssueKind, int, string)[] Located(IEnumerable<PedigreeIssue> issues) =>
        [.. issues.Select(i => (i.Kind, i.Line, i.Id))];

    [Fact]
    public void Build_of_good_fixture_reports_nothing()
    {
        var result = Build("validation_nprc_pedGood");

        Assert.True(result.Succeeded);
        Assert.Empty(result.Issues);
        Assert.Equal(8, result.Pedigree.Count);
    }

    [Fact]
    public void Build_of_duplicate_id_fixture_reports_the_repeated_row()
    {
        var result = Build("validation_nprc_pedDuplicateIds");

        Assert.Equal([(PedigreeIssueKind.DuplicateId, 9, "d1")], Located(result.Issues));
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void Build_of_female_sire_male_dam_fixture_reports_every_offspring_row()
    {
        var result = Build("validation_nprc_pedFemaleSireMaleDam");

        Assert.Equal(
            [(PedigreeIssueKind.SireIsFemale, 6, "o1"), (PedigreeIssueKind.DamIsMale, 6, "o1"), (PedigreeIssueKind.SireIsFemale, 7, "o2")],
            Located(result.Issues));
    }

    [Fact]
    public void Build_of_same_male_as_sire_and_dam_fixture_reports_both_problems()
    {
        var result = Build("validation_nprc_pedSameMaleIsSireAndDam");

        Assert.Equal(
            [(PedigreeIssueKind.SireAndDam, 2, "s1"), (PedigreeIssueKind.DamIsMale, 8, "o3")],
            Located(result.Issues));
    }

    [Fact]
    public void Build_of_fixture_with_sex_errors_and_late_parents_reports_errors_and_warnings_together()
    {
        var result = Build("validation_nprc_pedOne");

        Assert.Equal(
            [
                (PedigreeIssueKind.SireIsFemale, 6, "o1"),
                (PedigreeIssueKind.DamIsMale, 6, "o1"),
                (PedigreeIssueKind.SireIsFemale, 7, "o2"),
                (PedigreeIssueKind.ParentBornAfterOffspring, 7, "o2"),
                (PedigreeIssueKind.ParentBornAfterOffspring, 8, "o3"),
                (PedigreeIssueKind.ParentBornAfterOffspring, 9, "o4"),
                (PedigreeIssueKind.ParentBornAfterOffspring, 9, "o4"),
            ],
            Located(result.Issues));
    }

    [Fact]
    public void Build_of_fixture_with_unlisted_parents_and_aliased_headers_adds_founders()
    {
        var result = Build("validation_nprc_pedSix");

        Assert.Equal(
            [
                (PedigreeIssueKind.ParentNotListed, 3, "d1"),
                (PedigreeIssueKind.ParentNotListed, 3, "d1"),
                (PedigreeIssueKind.ParentNotListed, 4, "s2"),
                (PedigreeIssueKind.ParentNotListed, 4, "s2"),
                (PedigreeIssueKind.SireIsFemale, 6, "o1"),
                (PedigreeIssueKind.SireIsFemale, 7, "o2"),
            ],
            Located(result.Issues));
    }

    [Fact]
    public void Build_of_cattle_pedigree_with_artificial_errors_finds_each_kind()
    {
        // GPL data: read from ../shared only (never copied into the project).
        if (!File.Exists(PedigreeData.Input("validation_optiSel_PedigWithErrors_std")))
        {
            Assert.Skip("The shared pedigrees are not present; the copied MIT data has no such fixture.");
        }

        var result = Build("validation_optiSel_PedigWithErrors_std");
        var counts = result.Issues.GroupBy(i => i.Kind).ToDictionary(g => g.Key, g => g.Count());

        Assert.False(result.Succeeded);
        Assert.Equal(1, counts.GetValueOrDefault(PedigreeIssueKind.SelfParent));
        Assert.Equal(19, counts.GetValueOrDefault(PedigreeIssueKind.SireIsFemale));
        Assert.Equal(3, counts.GetValueOrDefault(PedigreeIssueKind.ParentBornAfterOffspring));
        Assert.Equal(1, counts.GetValueOrDefault(PedigreeIssueKind.Cycle));
    }
}
