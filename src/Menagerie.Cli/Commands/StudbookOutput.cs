using System.Globalization;
using Menagerie.App.Studbooks;
using Menagerie.Genetics.Population;
using Spectre.Console;

namespace Menagerie.Cli.Commands;

/// <summary>How the studbook commands print: problems as <c>file:line: field/id: message</c>, results as tables.</summary>
internal static class StudbookOutput
{
    /// <summary>The table lists this many individuals; --format json gives all of them.</summary>
    public const int TableRows = 50;

    public static async Task WriteProblemsAsync(TextWriter writer, IReadOnlyList<StudbookProblem> problems, CancellationToken ct)
    {
        foreach (var problem in problems)
            await writer.WriteLineAsync(problem.ToString().AsMemory(), ct);
    }

    public static string Count(IReadOnlyList<StudbookProblem> problems)
    {
        var errors = problems.Count(p => p.IsError);
        var warnings = problems.Count - errors;
        return $"{Plural(errors, "error")}, {Plural(warnings, "warning")}";
    }

    public static string RuleName(ReferenceRule rule) => rule switch
    {
        ReferenceRule.ReferenceColumn => "ref column",
        ReferenceRule.Alive => "alive",
        ReferenceRule.Leaves => "individuals without offspring",
        _ => rule.ToString().ToLowerInvariant(),
    };

    // Plain text, no markup: the same bytes whether a person reads them or a script parses them.
    public static void Analysis(IAnsiConsole console, AnalysisReport report, ReferenceRule rule)
    {
        var s = report.Summary;
        var facts = new Grid().AddColumn().AddColumn();
        void Fact(string name, string value) => facts.AddRow(new Text(name), new Text(value));
        Fact("Individuals", Integer(s.Individuals));
        Fact("Reference population", $"{Integer(s.Reference)} ({RuleName(rule)})");
        Fact("Founders", Integer(s.Founders));
        Fact("Gene diversity (GD)", Number(s.GeneDiversity, "0.000000"));
        Fact("Mean kinship", Number(s.MeanKinship, "0.000000"));
        Fact("Founder genome equivalents (FGE)", Number(s.Fge, "0.00"));
        Fact("Founder equivalents (FE)", Number(s.Fe, "0.00"));
        Fact("Mean inbreeding (F)", Number(s.MeanInbreeding, "0.000000"));
        console.Write(facts);

        // Lowest mean kinship first: the animals whose genes are rarest in the population, the first to breed.
        var members = report.Individuals.Where(i => i.InReference).OrderBy(i => i.MeanKinship).ToList();
        var table = new Table().Title("Reference population by mean kinship (lowest first)").AddColumns("#", "Id", "MK", "F");
        foreach (var (individual, rank) in members.Take(TableRows).Select((x, k) => (x, k + 1)))
            table.AddRow(Integer(rank), Markup.Escape(individual.Id), Number(individual.MeanKinship, "0.000000"), Number(individual.Inbreeding, "0.000000"));
        console.Write(table);
        if (members.Count > TableRows)
            console.WriteLine($"… and {Integer(members.Count - TableRows)} more; --format json lists every individual.");
    }

    public static void Pairs(IAnsiConsole console, PairsReport report)
    {
        var table = new Table()
            .Title($"Best {Integer(report.Pairs.Count)} of {Integer(report.Candidates)} pairs in a reference population of {Integer(report.Reference)}")
            .AddColumns("#", "Sire", "Dam", "Kinship", "Offspring F", "MK sire", "MK dam", "ΔGD");
        foreach (var p in report.Pairs)
        {
            table.AddRow(
                Integer(p.Rank), Markup.Escape(p.Sire), Markup.Escape(p.Dam), Number(p.Kinship, "0.000000"), Number(p.OffspringInbreeding, "0.000000"),
                Number(p.SireMeanKinship, "0.000000"), Number(p.DamMeanKinship, "0.000000"), Number(p.DeltaGeneDiversity, "0.000000000"));
        }
        console.Write(table);
    }

    public static void GeneDrop(IAnsiConsole console, GeneDropReport report)
    {
        var facts = new Grid().AddColumn().AddColumn();
        void Fact(string name, string value) => facts.AddRow(new Text(name), new Text(value));
        Fact("Iterations", $"{Integer(report.Iterations)} (seed {report.Seed.ToString(CultureInfo.InvariantCulture)})");
        Fact("Reference population", Integer(report.Reference));
        Fact("Gene diversity, gene drop", $"{Number(report.GeneDiversity, "0.000000")} ± {Number(report.StandardError, "0.000000")} (standard error)");
        Fact("Gene diversity, pedigree", Number(report.PedigreeGeneDiversity, "0.000000"));
        Fact("Founder alleles retained", $"{Number(report.FounderAllelesRetained, "0.0")} of {Integer(report.FounderAlleles)} on average");
        console.Write(facts);
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{Integer(count)} {noun}s";

    private static string Integer(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
