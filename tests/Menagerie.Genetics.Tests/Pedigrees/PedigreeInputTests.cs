using CsCheck;
using Menagerie.Genetics.Pedigrees;
using Menagerie.Genetics.Tests.Support;

namespace Menagerie.Genetics.Tests.Pedigrees;

public sealed class PedigreeInputTests
{
    [Fact]
    public void An_id_met_again_in_another_buffer_is_one_string_and_a_blank_id_the_empty_one()
    {
        var input = new PedigreeInput();

        input.Add("S0000001".AsSpan(), [], [], new PedigreeRow { Id = string.Empty });
        input.Add("o".AsSpan(), "xS0000001".AsSpan(1), [], new PedigreeRow { Id = string.Empty });
        input.Add([], [], [], new PedigreeRow { Id = string.Empty });

        Assert.Same(input.Rows[0].Id, input.Rows[1].Sire);
        Assert.Same(string.Empty, input.Rows[2].Id);
    }

    [Fact]
    public void Add_of_ids_with_spaces_keeps_them_trimmed()
    {
        var input = new PedigreeInput();
        input.Add(new PedigreeRow { Id = "b" });

        input.Add(new PedigreeRow { Id = " a ", Dam = "b " });
        input.Add(new PedigreeRow { Id = "c", Sire = "a" });

        Assert.Equal(["b", "a", "c"], input.Rows.Select(r => r.Id));
        Assert.Same(input.Rows[0].Id, input.Rows[1].Dam);
        Assert.Same(input.Rows[1].Id, input.Rows[2].Sire);
    }

    [Fact]
    public void Rows_added_from_the_ids_as_written_are_the_rows_added_from_strings()
    {
        // Few letters, so ids repeat; up to 3,000 rows, so the pool grows many times; spaces and unknown-parent tokens.
        // The pool keys an id of up to eight ASCII characters by the id itself: ids either side of eight characters, and
        // ids with é, NUL, i and U+0001, of which "é\0" and "i\u0001" would pack alike if a character took eight bits.
        string[] tokens = ["0", "NA", " wild", "-"];
        string?[] sexes = [null, "M", "F"];
        var id = Gen.OneOf(
            Gen.String[Gen.Char["ab1 "], 0, 5],
            Gen.String[Gen.Char["ab"], 7, 10],
            Gen.String[Gen.Char["ai\u0001é\0"], 0, 9],
            Gen.Int[0, tokens.Length - 1].Select(k => tokens[k]));
        Gen.Select(id, id, id, Gen.Int[0, sexes.Length - 1].Select(k => sexes[k])).Array[0, 3000].Sample(rows =>
        {
            var fromStrings = new PedigreeInput();
            var fromSpans = new PedigreeInput();
            foreach (var (i, sire, dam, sex) in rows)
            {
                fromStrings.Add(new PedigreeRow { Id = i, Sire = sire, Dam = dam, Sex = sex });
                fromSpans.Add(i, sire, dam, new PedigreeRow { Id = string.Empty, Sex = sex });
            }

            Assert.Equal(fromStrings.Rows, fromSpans.Rows);
            // Each id is one number however often it is met: every repeat of an id is reported as listed again.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var repeated = rows.Select((r, n) => (Id: r.Item1.Trim(), Line: n + 1)).Where(r => r.Id.Length > 0 && !seen.Add(r.Id)).Select(r => r.Line);
            var reported = Pedigree.Build(fromSpans).Issues.Where(i => i.Kind == PedigreeIssueKind.DuplicateId).Select(i => i.Line);
            Assert.Equal(repeated, reported);
        }, iter: 200);
    }

    [Fact]
    public void Rows_name_a_parent_with_the_string_of_its_own_row()
    {
        var input = TestPedigrees.Input("s,,,M", "d,,,F", "o1,s,d,M", "o2,s,d,F");

        var rows = input.Rows;

        Assert.Same(rows[0].Id, rows[2].Sire);
        Assert.Same(rows[0].Id, rows[3].Sire);
        Assert.Same(rows[1].Id, rows[3].Dam);
    }

    [Fact]
    public void Rows_are_kept_trimmed_with_unknown_parents_as_null_and_the_sex_code_as_written()
    {
        var input = new PedigreeInput();
        input.Add(new PedigreeRow { Id = " a ", Sire = "WILD", Dam = " b ", Sex = "female", Line = 7, BirthYear = 2001, Alive = true });
        input.Add(new PedigreeRow { Id = "  " });

        var (a, blank) = (input.Rows[0], input.Rows[1]);

        Assert.Equal(("a", "b", "female", 7, 2001), (a.Id, a.Dam, a.Sex, a.Line, a.BirthYear.GetValueOrDefault()));
        Assert.Null(a.Sire);
        Assert.True(a.Alive);
        Assert.Equal(string.Empty, blank.Id);
        Assert.Null(blank.Sex);
    }
}
