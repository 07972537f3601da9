using System.Text.Json;
using System.Text.Json.Nodes;

namespace Menagerie.Cli.Tests.Studbooks;

public sealed class StudbookCommandTests
{
    /// <summary>Lacy (1989), Zoo Biol. 8:111–123: GD 13/18, FGE 1.8 and FE 3 over the individuals without offspring.</summary>
    private const string Lacy1989 = "id,sire,dam,sex\nA,,,U\nB,,,U\nC,A,B,U\nD,A,B,U\nE,,,U\nF,D,E,U\nG,D,E,U\n";

    private const string Colony = "id,sire,dam,sex,alive\ns,,,M,0\nd,,,F,0\nm1,s,d,M,1\nf1,s,d,F,1\nm2,,,M,1\nf2,,,F,1\n";

    [Fact]
    public async Task Analyze_json_of_lacy1989_has_the_documented_shape_and_published_values()
    {
        using var folder = new StudbookFolder();
        var file = folder.Write("lacy1989.csv", Lacy1989);

        var run = await CliRun.RunAsync(null, "studbook", "analyze", file, "--format", "json");

        Assert.Equal((0, ""), (run.Exit, run.Error));
        var root = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(["summary", "individuals"], root.EnumerateObject().Select(p => p.Name));
        var summary = root.GetProperty("summary");
        Assert.Equal(["individuals", "reference", "founders", "geneDiversity", "meanKinship", "fge", "fe", "meanInbreeding"], summary.EnumerateObject().Select(p => p.Name));
        Assert.Equal((7, 3, 3), (summary.GetProperty("individuals").GetInt32(), summary.GetProperty("reference").GetInt32(), summary.GetProperty("founders").GetInt32()));
        Assert.Equal(13.0 / 18, summary.GetProperty("geneDiversity").GetDouble(), 1e-12);
        Assert.Equal(1.8, summary.GetProperty("fge").GetDouble(), 1e-12);
        Assert.Equal(3.0, summary.GetProperty("fe").GetDouble(), 1e-12);
        var first = root.GetProperty("individuals")[0];
        Assert.Equal(["id", "inbreeding", "meanKinship", "inReference"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("A", false), (first.GetProperty("id").GetString(), first.GetProperty("inReference").GetBoolean()));
        Assert.Equal(7, root.GetProperty("individuals").GetArrayLength());
    }

    [Fact]
    public async Task Analyze_json_is_compact_by_default_and_indented_with_indent()
    {
        using var folder = new StudbookFolder();
        var file = folder.Write("lacy1989.csv", Lacy1989);

        var compact = await CliRun.RunAsync(null, "studbook", "analyze", file, "--format", "json");
        var indented = await CliRun.RunAsync(null, "studbook", "analyze", file, "--format", "json", "--indent");

        Assert.Equal((0, 0), (compact.Exit, indented.Exit));
        Assert.DoesNotContain('\n', compact.Output.TrimEnd('\n'));
        Assert.StartsWith("{\"summary\":{\"individuals\":7,", compact.Output, StringComparison.Ordinal);
        Assert.Contains("\n  \"summary\": {\n    \"individuals\": 7,", indented.Output, StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(compact.Output), JsonNode.Parse(indented.Output)));
    }

    [Fact]
    public async Task Analyze_table_shows_the_summary_and_the_reference_population()
    {
        using var folder = new StudbookFolder();
        var file = folder.Write("lacy1989.csv", Lacy1989);

        var run = await CliRun.RunAsync(null, "studbook", "analyze", file);

        Assert.Equal(0, run.Exit);
        Assert.Matches(@"Gene diversity \(GD\)\s+0\.722222", run.Output);
        Assert.Matches(@"Founder genome equivalents \(FGE\)\s+1\.80", run.Output);
        Assert.Contains("individuals without offspring", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_of_file_with_errors_lists_them_on_standard_error_exits_1_and_analyses_nothing()
    {
        using var folder = new StudbookFolder();
        var file = folder.Write("bad.csv", "id,sire,dam,sex\na,,,F\nb,a,,M\nb,,,M\n");

        var run = await CliRun.RunAsync(null, "studbook", "analyze", file, "--format", "json");

        Assert.Equal((1, ""), (run.Exit, run.Output));
        Assert.Contains($"{file}:3: b: The sire 'a' of 'b' is recorded female.", run.Error, StringComparison.Ordinal);
        Assert.Contains($"{file}:4: b: Id 'b' is listed again", run.Error, StringComparison.Ordinal);
        Assert.Contains("2 errors, 0 warnings; nothing was analysed.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_of_file_with_warnings_only_reports_them_on_standard_error_and_analyses()
    {
        using var folder = new StudbookFolder();
        var file = folder.Write("herd.csv", "id,sire,dam,sex\nc,a,b,F\nd,a,b,M\n");

        var run = await CliRun.RunAsync(null, "studbook", "analyze", file, "--format", "json");

        Assert.Equal(0, run.Exit);
        Assert.Contains($"{file}:2: c: warning: The sire 'a' of 'c' is not listed", run.Error, StringComparison.Ordinal);
        Assert.Equal(4, JsonDocument.Parse(run.Output).RootElement.GetProperty("summary").GetProperty("individuals").GetInt32());
    }

    [Fact]
    public async Task Analyze_with_empty_reference_population_exits_1_naming_the_rule()
    {
        using var folder = new StudbookFolder();
        var file = folder.Write("lacy1989.csv", Lacy1989);

        var run = await CliRun.RunAsync(null, "studbook", "analyze", file, "--reference", "alive");

        Assert.Equal(1, run.Exit);
        Assert.Contains("reference population (alive)", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id,sire,dam,sex\na,,,M\nb,,,F\nc,a,b,F\n", 0, "3 individuals, 0 errors, 0 warnings.")]
    [InlineData("id,sire,dam,sex\nc,a,b,F\n", 3, ":2: c: warning: The sire 'a' of 'c' is not listed")]
    [InlineData("id,sire,dam,sex,birth_date\na,,,M,2001-02-30\nc,a,a,F,\n", 1, ":2: birth_date: '2001-02-30' is not a date")]
    public async Task Validate_exits_0_when_clean_3_with_warnings_only_and_1_with_errors(string csv, int exit, string expected)
    {
        using var folder = new StudbookFolder();
        var file = folder.Write("studbook.csv", csv);

        var run = await CliRun.RunAsync(null, "studbook", "validate", file);

        Assert.Equal(exit, run.Exit);
        Assert.Contains(expected, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_json_lists_every_problem_with_severity_line_and_subject()
    {
        using var folder = new StudbookFolder();
        var file = folder.Write("studbook.csv", "id,sire,dam,sex\nc,a,b,X\n");

        var run = await CliRun.RunAsync(null, "studbook", "validate", file, "--format", "json");

        Assert.Equal(1, run.Exit);
        var root = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal((1, 2), (root.GetProperty("errors").GetInt32(), root.GetProperty("warnings").GetInt32()));
        var problems = root.GetProperty("problems").EnumerateArray().ToList();
        Assert.Equal(["error", "warning", "warning"], problems.Select(p => p.GetProperty("severity").GetString()));
        Assert.All(problems, p => Assert.Equal(2, p.GetProperty("line").GetInt32()));
    }

    [Theory]
    [InlineData("studbook", "analyze", "{file}", "--reference", "everyone")]
    [InlineData("studbook", "pairs", "{file}", "--top", "0")]
    [InlineData("studbook", "genedrop", "{file}", "--iterations", "1")]
    [InlineData("studbook", "generate", "--seed", "3")]
    [InlineData("studbook", "analyze")]
    [InlineData("studbook", "analyze", "{missing}")]
    [InlineData("studbook", "validate", "{missing}")]
    [InlineData("studbook", "validate", "{empty}")]
    [InlineData("studbook", "validate", "{unclosed}")]
    public async Task Studbook_command_with_usage_error_or_unreadable_file_exits_2(params string[] args)
    {
        using var folder = new StudbookFolder();
        var file = folder.Write("lacy1989.csv", Lacy1989);
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["{file}"] = file,
            ["{missing}"] = folder.Path("missing.csv"),
            ["{empty}"] = folder.Write("empty.csv", ""),
            ["{unclosed}"] = folder.Write("unclosed.csv", "id,sire,dam\n\"a,,\n"),
        };

        var run = await CliRun.RunAsync(null, [.. args.Select(a => files.GetValueOrDefault(a, a))]);

        Assert.Equal(2, run.Exit);
        Assert.NotEmpty(run.Error);
    }

    [Fact]
    public async Task Pairs_json_ranks_unrelated_animals_first_and_keeps_top_k()
    {
        using var folder = new StudbookFolder();
        var file = folder.Write("colony.csv", Colony);

        var run = await CliRun.RunAsync(null, "studbook", "pairs", file, "--top", "2", "--format", "json");

        Assert.Equal(0, run.Exit);
        var root = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal((4, 4L), (root.GetProperty("reference").GetInt32(), root.GetProperty("candidates").GetInt64()));
        var pairs = root.GetProperty("pairs").EnumerateArray().ToList();
        Assert.Equal(2, pairs.Count);
        Assert.Equal(["rank", "sire", "dam", "kinship", "offspringInbreeding", "sireMeanKinship", "damMeanKinship", "deltaGeneDiversity"], pairs[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(("m2", "f2"), (pairs[0].GetProperty("sire").GetString(), pairs[0].GetProperty("dam").GetString()));
    }

    [Fact]
    public async Task Pairs_table_lists_the_ranked_pairs()
    {
        using var folder = new StudbookFolder();
        var file = folder.Write("colony.csv", Colony);

        var run = await CliRun.RunAsync(null, "studbook", "pairs", file);

        Assert.Equal(0, run.Exit);
        Assert.Contains("Best 4 of 4 pairs", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"│ 1 +│ m2 +│ f2 +│", run.Output);
    }

    [Fact]
    public async Task Genedrop_with_a_seed_repeats_its_result_and_reports_the_pedigree_gene_diversity()
    {
        using var folder = new StudbookFolder();
        var file = folder.Write("lacy1989.csv", Lacy1989);

        var first = await CliRun.RunAsync(null, "studbook", "genedrop", file, "--iterations", "500", "--seed", "9", "--format", "json");
        var again = await CliRun.RunAsync(null, "studbook", "genedrop", file, "--iterations", "500", "--seed", "9", "--format", "json");
        var table = await CliRun.RunAsync(null, "studbook", "genedrop", file, "--iterations", "500", "--seed", "9");

        Assert.Equal((0, 0, 0), (first.Exit, again.Exit, table.Exit));
        Assert.Equal(first.Output, again.Output);
        var root = JsonDocument.Parse(first.Output).RootElement;
        Assert.Equal((500, 9UL), (root.GetProperty("iterations").GetInt32(), root.GetProperty("seed").GetUInt64()));
        Assert.Equal(13.0 / 18, root.GetProperty("pedigreeGeneDiversity").GetDouble(), 1e-12);
        Assert.Contains("Gene diversity, pedigree", table.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_writes_the_same_file_for_the_same_seed_and_it_analyses()
    {
        using var folder = new StudbookFolder();
        var first = folder.Path("first.csv");
        var second = folder.Path("second.csv");

        var run = await CliRun.RunAsync(null, "studbook", "generate", "--size", "1500", "--seed", "5", "--out", first);
        await CliRun.RunAsync(null, "studbook", "generate", "--size", "1500", "--seed", "5", "--out", second);
        var analyze = await CliRun.RunAsync(null, "studbook", "analyze", first, "--format", "json");

        Assert.Equal(0, run.Exit);
        Assert.Contains("Wrote 1,500 individuals", run.Output, StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllTextAsync(first, TestContext.Current.CancellationToken), await File.ReadAllTextAsync(second, TestContext.Current.CancellationToken));
        Assert.Equal(0, analyze.Exit);
        Assert.Equal(1500, JsonDocument.Parse(analyze.Output).RootElement.GetProperty("summary").GetProperty("individuals").GetInt32());
    }
}
