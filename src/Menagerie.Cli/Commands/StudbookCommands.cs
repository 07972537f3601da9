using System.CommandLine;
using Menagerie.App.Studbooks;
using Menagerie.Genetics.Population;

namespace Menagerie.Cli.Commands;

/// <summary>
/// <c>menagerie studbook validate|analyze|pairs|genedrop|plot|generate</c>: population genetics of a
/// studbook file (CSV with named columns, or a PMx/SPARKS exchange.csv). No database is needed, except by
/// <c>import</c>, which keeps a file in the records.
/// </summary>
public static class StudbookCommands
{
    public static Command Create(CliContext cli) =>
        new("studbook", "Population genetics of a studbook file: validation, kinship, gene diversity, pairings, gene drop, plots.")
        {
            Validate(cli),
            Analyze(cli),
            Pairs(cli),
            GeneDrop(cli),
            StudbookPlotCommand.Create(cli),
            StudbookGenerateCommand.Create(cli),
            StudbookImportCommand.Create(cli),
        };

    internal static Argument<string> FileArgument() =>
        new("file") { Description = "A studbook CSV (columns id, sire, dam, sex, birth_date, … found by name) or a PMx/SPARKS exchange.csv." };

    internal static Option<string> ReferenceOption()
    {
        var option = new Option<string>("--reference")
        {
            Description = "The reference population: auto (default: the ref column, else alive, else leaves), ref, alive, or leaves (individuals without offspring).",
            DefaultValueFactory = _ => "auto",
        };
        option.AcceptOnlyFromAmong("auto", "ref", "alive", "leaves");
        return option;
    }

    // The option accepts only the rule words, so every value it gives parses.
    internal static ReferenceRule Rule(string name) => StudbookAnalysis.TryParseReference(name, out var rule) ? rule : ReferenceRule.Auto;

    private static Command Validate(CliContext cli)
    {
        var file = FileArgument();
        var format = GlobalOptions.Format();
        var command = new Command("validate", "Lists every problem of a studbook file as file:line: field/id: message. Exit 0 clean, 1 errors, 3 warnings only.") { file, format };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetRequiredValue(file);
            var json = parse.GetValue(format) == OutputFormat.Json;
            var load = await new StudbookProgress(cli, parse.GetValue(format)).RunAsync($"Validating {path}…", () => StudbookLoader.LoadAsync(path, ct), ct);
            if (load is StudbookLoad.Unreadable unreadable)
            {
                await cli.Error.WriteLineAsync(unreadable.Message);
                return ExitCodes.Usage;
            }
            var problems = load.Problems;
            var errors = problems.Count(p => p.IsError);
            if (json)
                await cli.WriteJsonAsync(new ValidationReport(path, errors, problems.Count - errors, problems), ct);
            else
                await WriteValidationAsync(cli, path, load, ct);
            return errors > 0 ? ExitCodes.Findings : problems.Count > 0 ? ExitCodes.WarningsOnly : ExitCodes.Ok;
        });
        return command;
    }

    private static async Task WriteValidationAsync(CliContext cli, string path, StudbookLoad load, CancellationToken ct)
    {
        await StudbookOutput.WriteProblemsAsync(cli.Output, load.Problems, ct);
        var verdict = load is StudbookLoad.Loaded loaded
            ? $"{path}: {loaded.Pedigree.Count} individuals, {StudbookOutput.Count(load.Problems)}."
            : $"{path}: {StudbookOutput.Count(load.Problems)}; it cannot be analysed until the errors are corrected.";
        await cli.Output.WriteLineAsync(verdict.AsMemory(), ct);
    }

    private static Command Analyze(CliContext cli)
    {
        var file = FileArgument();
        var reference = ReferenceOption();
        var format = GlobalOptions.Format();
        var indent = new Option<bool>("--indent") { Description = "With --format json: indented, for people to read (default compact, one line)." };
        var command = new Command("analyze", "Inbreeding and mean kinship of every individual; gene diversity, FGE and FE of the reference population.") { file, reference, format, indent };
        command.SetAction(async (parse, ct) =>
        {
            var progress = new StudbookProgress(cli, parse.GetValue(format));
            var (analysis, exit) = await progress.AnalyseAsync(parse.GetRequiredValue(file), Rule(parse.GetRequiredValue(reference)), ct);
            if (analysis is null)
                return exit;
            var report = await progress.RunAsync("Computing founder contributions…", () => Task.FromResult(analysis.Report()), ct);
            if (parse.GetValue(format) == OutputFormat.Json)
                await cli.WriteJsonAsync(stream => AnalysisReportJson.Write(stream, report, parse.GetValue(indent), ct), ct);
            else
                StudbookOutput.Analysis(cli.Console, report, analysis.Reference.Rule);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Pairs(CliContext cli)
    {
        var file = FileArgument();
        var reference = ReferenceOption();
        var top = new Option<int>("--top") { Description = "How many pairs to list, best first (default 20).", DefaultValueFactory = _ => 20 };
        top.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--top must be at least 1."); });
        var format = GlobalOptions.Format();
        var command = new Command("pairs", "Male × female pairs of the reference population ranked by the gene diversity their offspring would keep.") { file, reference, top, format };
        command.SetAction(async (parse, ct) =>
        {
            var progress = new StudbookProgress(cli, parse.GetValue(format));
            var (analysis, exit) = await progress.AnalyseAsync(parse.GetRequiredValue(file), Rule(parse.GetRequiredValue(reference)), ct);
            if (analysis is null)
                return exit;
            var candidates = StudbookPairs.CountCandidates(analysis.Pedigree, analysis.Reference);
            if (candidates > StudbookPairs.MaxCandidates)
            {
                await cli.Error.WriteLineAsync($"The reference population has {candidates:N0} male × female pairs, more than the {StudbookPairs.MaxCandidates:N0} that can be ranked; choose a smaller one with --reference.");
                return ExitCodes.Usage;
            }
            var report = await progress.RunAsync("Ranking pairs…", () => Task.FromResult(StudbookPairs.Rank(analysis, parse.GetValue(top))), ct);
            if (parse.GetValue(format) == OutputFormat.Json)
                await cli.WriteJsonAsync(report, ct);
            else
                StudbookOutput.Pairs(cli.Console, report);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command GeneDrop(CliContext cli)
    {
        var file = FileArgument();
        var reference = ReferenceOption();
        var iterations = new Option<int>("--iterations") { Description = "Number of simulated drops, at least 2 (default 1000).", DefaultValueFactory = _ => 1000 };
        iterations.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 2) r.AddError("--iterations must be at least 2."); });
        var seed = new Option<ulong>("--seed") { Description = "Seed of the simulation; the same seed gives the same result (default 1).", DefaultValueFactory = _ => 1 };
        var format = GlobalOptions.Format();
        var command = new Command("genedrop", "Gene-drop simulation: gene diversity with its standard error, and founder alleles retained.") { file, reference, iterations, seed, format };
        command.SetAction(async (parse, ct) =>
        {
            var progress = new StudbookProgress(cli, parse.GetValue(format));
            var (analysis, exit) = await progress.AnalyseAsync(parse.GetRequiredValue(file), Rule(parse.GetRequiredValue(reference)), ct);
            if (analysis is null)
                return exit;
            var count = parse.GetValue(iterations);
            var report = await progress.RunCountedAsync($"Dropping genes ({count:N0} iterations)", count, done => StudbookGeneDrop.Run(analysis, count, parse.GetValue(seed), ct, done), ct);
            if (parse.GetValue(format) == OutputFormat.Json)
                await cli.WriteJsonAsync(report, ct);
            else
                StudbookOutput.GeneDrop(cli.Console, report);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The --format json shape of <c>studbook validate</c>.</summary>
    private sealed record ValidationReport(string File, int Errors, int Warnings, IReadOnlyList<StudbookProblem> Problems);
}
