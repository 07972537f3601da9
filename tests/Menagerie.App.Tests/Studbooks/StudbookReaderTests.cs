using Menagerie.App.Studbooks;
using Menagerie.Genetics.Pedigrees;

namespace Menagerie.App.Tests.Studbooks;

public sealed class StudbookReaderTests
{
    [Theory]
    [InlineData("id,sire,dam,sex")]
    [InlineData("ego_id,sire.id,dam_id,sex")]
    [InlineData("\"Ego Id\",\"Sire Id\",\"Dam\",\"Sex\"")]
    [InlineData("egoid,father,mother,SEX")]
    [InlineData("Indiv,Sire,Dam,Sex")]
    [InlineData("Individual,Father,Mother,sex")]
    [InlineData("animal,SIRE_ID,DAM_ID,sex")]
    [InlineData("STUD_ID,SIRE_ID,DAM_ID,SEX")]
    [InlineData("ID,Sire_Id,DAM.ID,S E X")]
    public async Task Read_with_header_alias_finds_id_sire_dam_and_sex(string header)
    {
        var pedigree = await StudbookText.PedigreeAsync($"{header}\ns1,,,M\nd1,,,F\no1,s1,d1,F\n");

        var o1 = pedigree.IndexOf("o1");
        Assert.Equal(3, pedigree.Count);
        Assert.Equal("s1", pedigree.Ids[pedigree.Sires[o1]]);
        Assert.Equal("d1", pedigree.Ids[pedigree.Dams[o1]]);
        Assert.Equal(Sex.Female, pedigree.Sexes[o1]);
        Assert.Equal(Sex.Male, pedigree.Sexes[pedigree.IndexOf("s1")]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("NA")]
    [InlineData("UNK")]
    [InlineData("UNKNOWN")]
    [InlineData("Unknown")]
    [InlineData("unknown")]
    [InlineData("WILD")]
    [InlineData("wild")]
    [InlineData("*")]
    [InlineData("-")]
    [InlineData(" unk ")]
    public async Task Read_with_unknown_parent_token_makes_each_unknown_parent_a_distinct_founder(string token)
    {
        var pedigree = await StudbookText.PedigreeAsync($"id,sire,dam\na,{token},{token}\nb,{token},{token}\n");

        // Were the token an animal, it would be added as a shared parent and a and b would be sibs.
        Assert.Equal(2, pedigree.Count);
        Assert.All(Enumerable.Range(0, 2), i => Assert.Equal((-1, -1), (pedigree.Sires[i], pedigree.Dams[i])));
    }

    [Fact]
    public async Task Read_exchange_csv_layout_takes_dates_dead_flags_and_sparks_unknown_parents()
    {
        const string exchange = """
            STUD_ID,SIRE_ID,DAM_ID,SEX,BDATE,DEATHDATE,DEAD,LOCATION
            101,WILD,WILD,M,1990-01-15,2005-03-01,Y,MOSCOW
            102,UNK,WILD,F,19910203,,N,MOSCOW
            103,101,102,M,12-Mar-1998,,N,PYONGYANG
            104,101,102,F,1999,,0,PYONGYANG
            """;

        var read = await StudbookText.ReadAsync(exchange);
        var pedigree = await StudbookText.PedigreeAsync(exchange);

        Assert.Empty(read.Problems);
        var rows = read.Input.Rows;
        Assert.Equal([null, null, "101", "101"], rows.Select(r => r.Sire));
        Assert.Equal([false, true, true, true], rows.Select(r => r.Alive));
        Assert.Equal([new DateOnly(1990, 1, 15), new DateOnly(1991, 2, 3), new DateOnly(1998, 3, 12), null], rows.Select(r => r.BirthDate));
        Assert.Equal(1999, rows[3].BirthYear);
        Assert.Equal([2, 3, 4, 5], rows.Select(r => r.Line));
        Assert.Equal(4, pedigree.Count);
        Assert.True(pedigree.HasAliveValues);
    }

    [Fact]
    public async Task Read_with_bad_fields_reports_every_problem_with_its_line_and_field()
    {
        const string csv = """
            id,sire,dam,sex,birth_date,birth_year,death,alive,ref
            a,,,M,2001-02-30,,,1,1
            b,,,F,2002-01-01,20x2,,maybe,1
            c,a,b,F,2003-04-05,,2003-01-01,1,yes please
            """;

        var read = await StudbookText.ReadAsync(csv);

        Assert.Equal(
            [(2, "birth_date", true), (3, "birth_year", true), (3, "alive", true), (4, "death", false), (4, "ref", true)],
            read.Problems.Select(p => (p.Line, p.Subject, p.IsError)));
        Assert.All(read.Problems, p => Assert.Equal("test.csv", p.File));
        Assert.Contains("'2001-02-30' is not a date", read.Problems[0].Message, StringComparison.Ordinal);
        Assert.Equal(3, read.Input.Rows.Count);
    }

    [Fact]
    public async Task Load_with_reader_and_engine_problems_reports_them_together_by_line_and_builds_nothing()
    {
        const string csv = """
            id,sire,dam,sex,birth_date
            a,,,M,2000-01-01
            b,,,X,2000-13-01
            a,,,F,2001-01-01
            c,c,b,F,2003-01-01
            d,zz,b,M,1999-01-01
            """;

        var load = await StudbookText.LoadAsync(csv, "herd.csv");

        var rejected = Assert.IsType<StudbookLoad.Rejected>(load);
        Assert.Equal(
            ["herd.csv:3: birth_date", "herd.csv:3: b", "herd.csv:4: a", "herd.csv:5: c", "herd.csv:6: d"],
            rejected.Problems.Select(p => $"{p.File}:{p.Line}: {p.Subject}"));
        Assert.Equal([true, true, true, true, false], rejected.Problems.Select(p => p.IsError));
        Assert.StartsWith("herd.csv:6: d: warning: ", rejected.Problems[^1].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_without_id_sire_or_dam_column_reports_each_missing_column_on_line_1()
    {
        var read = await StudbookText.ReadAsync("name,father,sex\na,,M\n");

        Assert.Equal([(1, "id"), (1, "dam")], read.Problems.Select(p => (p.Line, p.Subject)));
        Assert.True(read.HasErrors);
        Assert.Empty(read.Input.Rows);
    }

    [Fact]
    public async Task Read_counts_blank_lines_and_keeps_ids_that_look_like_comments()
    {
        var read = await StudbookText.ReadAsync("id,sire,dam,sex\n#1,,,M\n\n#2,#1,,F\n");

        Assert.Equal([("#1", 2), ("#2", 4)], read.Input.Rows.Select(r => (r.Id, r.Line)));
        Assert.Equal("#1", read.Input.Rows[1].Sire);
    }

    [Theory]
    [InlineData(';')]
    [InlineData('\t')]
    [InlineData('|')]
    public async Task Read_detects_the_delimiter_from_the_header(char delimiter)
    {
        var csv = string.Join('\n', ["id,sire,dam,birth_date", "s,,,2001-01-01", "o,s,,2005-05-05"]).Replace(',', delimiter);

        var read = await StudbookText.ReadAsync(csv);

        Assert.Empty(read.Problems);
        Assert.Equal([("s", null), ("o", "s")], read.Input.Rows.Select(r => (r.Id, r.Sire)));
    }

    [Fact]
    public async Task Read_birth_column_holding_a_year_gives_the_birth_year()
    {
        var read = await StudbookText.ReadAsync("Indiv,Sire,Dam,Sex,Breed,Born\n276,,,female,Hinterwaelder,2000\n277,,,male,Hinterwaelder,\n");

        Assert.Empty(read.Problems);
        Assert.Equal([(null, 2000), (null, null)], read.Input.Rows.Select(r => (r.BirthDate, r.BirthYear)));
    }

    [Theory]
    [InlineData("2001-02-03", 2001, 2, 3)]
    [InlineData("20010203", 2001, 2, 3)]
    [InlineData("2001/02/03", 2001, 2, 3)]
    [InlineData("3-Feb-2001", 2001, 2, 3)]
    [InlineData("03 Feb 2001", 2001, 2, 3)]
    public void TryParseDate_with_studbook_formats_reads_the_date(string text, int year, int month, int day)
    {
        Assert.True(StudbookFields.TryParseDate(text, out var date, out var y));
        Assert.Equal((new DateOnly(year, month, day), year), (date, y));
    }

    [Theory]
    [InlineData("205-06-19")]
    [InlineData("2002-16-22")]
    [InlineData("03/02/2001")]
    [InlineData("yesterday")]
    public void TryParseDate_with_unreadable_or_ambiguous_date_fails(string text) =>
        Assert.False(StudbookFields.TryParseDate(text, out _, out _));

    [Fact]
    public async Task An_as_of_column_gives_the_date_the_data_were_extracted_and_must_say_one_date()
    {
        var one = await StudbookText.ReadAsync("id,sire,dam,as_of\nA,,,2024-03-31\nB,,,2024-03-31\n");
        var two = await StudbookText.ReadAsync("id,sire,dam,Extracted\nA,,,2024-03-31\nB,,,2024-04-01\n");

        Assert.Equal((new DateOnly(2024, 3, 31), false), (one.AsOf, one.HasErrors));
        var problem = Assert.Single(two.Problems);
        Assert.Equal((3, "as_of"), (problem.Line, problem.Field));
        Assert.Contains("2024-04-01 where an earlier one says 2024-03-31", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_of_many_thousand_rows_reaches_the_pedigree_in_file_order_with_each_row_as_written()
    {
        // Rows go to the pedigree in batches of thousands on another thread: parents and a repeated id many batches back.
        const int count = 20_000;
        var csv = new System.Text.StringBuilder("id,sire,dam,sex,birth_year\n");
        for (var i = 1; i <= count; i++)
        {
            var id = i == count ? "a5" : $"a{i}";
            var sire = i > 9_000 ? $" a{i - 9_000} " : "0";
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{id},{sire},{(i % 3 == 0 ? $"a{i / 3}" : "")},{(i % 2 == 0 ? "M" : "F")},{1900 + (i % 100)}\n");
        }

        var read = await StudbookText.ReadAsync(csv.ToString());

        var rows = read.Input.Rows;
        Assert.Equal(count, rows.Count);
        for (var i = 1; i <= count; i++)
        {
            var row = rows[i - 1];
            Assert.Equal(
                (i == count ? "a5" : $"a{i}", i > 9_000 ? $"a{i - 9_000}" : null, i % 3 == 0 ? $"a{i / 3}" : null, i % 2 == 0 ? "M" : "F", 1900 + (i % 100), i + 1),
                (row.Id, row.Sire, row.Dam, row.Sex, row.BirthYear, row.Line));
        }
        var duplicate = Assert.Single(Pedigree.Build(read.Input).Issues, i => i.Kind == PedigreeIssueKind.DuplicateId);
        Assert.Equal(count + 1, duplicate.Line);
    }
}
