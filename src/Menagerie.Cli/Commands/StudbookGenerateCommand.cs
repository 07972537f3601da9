using System.CommandLine;
using Menagerie.App.Studbooks;

namespace Menagerie.Cli.Commands;

/// <summary><c>menagerie studbook generate</c>: a synthetic studbook, the same file for the same size and seed.</summary>
internal static class StudbookGenerateCommand
{
    public static Command Create(CliContext cli)
    {
        var size = new Option<int>("--size") { Description = "Number of individuals.", Required = true };
        size.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--size must be at least 1."); });
        var seed = new Option<ulong>("--seed") { Description = "Seed; the same size and seed give the same file (default 1).", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "The CSV file to write (id,sire,dam,sex,birth_year,alive).", Required = true };
        var command = new Command("generate", "Writes a synthetic studbook: 40 breeding years, overlapping generations, parents 2–12 years old.") { size, seed, output };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetRequiredValue(output);
            var count = parse.GetValue(size);
            var progress = new StudbookProgress(cli, OutputFormat.Table);
            try
            {
                await progress.RunAsync($"Generating {count:N0} individuals…", () => WriteAsync(path, count, parse.GetValue(seed), ct), ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await cli.Error.WriteLineAsync($"Cannot write {path}: {e.Message}");
                return ExitCodes.Usage;
            }
            await cli.Output.WriteLineAsync($"Wrote {count:N0} individuals to {path}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<bool> WriteAsync(string path, int size, ulong seed, CancellationToken ct)
    {
        var studbook = StudbookGenerator.Generate(size, seed);
        await using var writer = new StreamWriter(path, append: false);
        await studbook.WriteCsvAsync(writer, ct);
        return true;
    }
}
