using System.CommandLine;
using Menagerie.App.Studbooks.Plots;

namespace Menagerie.Cli.Commands;

/// <summary>
/// <c>menagerie studbook plot FILE --out DIR</c>: the mean kinship distribution, the age–sex pyramid,
/// founder representation and, with <c>--individual</c>, one animal's pedigree chart, as SVG and PNG.
/// </summary>
internal static class StudbookPlotCommand
{
    public static Command Create(CliContext cli)
    {
        var file = StudbookCommands.FileArgument();
        var reference = StudbookCommands.ReferenceOption();
        var output = new Option<string>("--out") { Description = "The folder to write the plots to (created if missing).", Required = true };
        var individual = new Option<string?>("--individual") { Description = "Also chart this individual's pedigree: its parents, grandparents and great-grandparents." };
        var on = new Option<DateOnly?>("--on") { Description = "The date ages are counted to in the age–sex pyramid (yyyy-MM-dd; default: today)." };
        var command = new Command("plot", "Mean kinship distribution, age–sex pyramid, founder representation and a pedigree chart, each as SVG and PNG.")
        {
            file, reference, output, individual, on,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetRequiredValue(file);
            var progress = new StudbookProgress(cli, OutputFormat.Table);
            var (loaded, exit) = await progress.LoadAsync(path, ct, keepRows: true);
            if (loaded is null)
                return exit;
            var id = parse.GetValue(individual);
            if (id is not null && loaded.Pedigree.IndexOf(id) < 0)
                return await UnknownAsync(cli, path, id);
            var (analysis, analysed) = await progress.AnalyseAsync(loaded, path, StudbookCommands.Rule(parse.GetRequiredValue(reference)), ct);
            if (analysis is null)
                return analysed;
            var day = parse.GetValue(on) ?? DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);
            var request = new StudbookPlotRequest(path, parse.GetRequiredValue(output), day, id);
            StudbookPlotResult result;
            try
            {
                result = await progress.RunAsync("Drawing plots…", () => Task.FromResult(StudbookPlots.Write(analysis, loaded.Rows, request, ct)), ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await cli.Error.WriteLineAsync($"Cannot write the plots to {request.Folder}: {e.Message}");
                return ExitCodes.Usage;
            }
            switch (result)
            {
                case StudbookPlotResult.Written written:
                    foreach (var name in written.Files)
                        await cli.Output.WriteLineAsync(name);
                    return ExitCodes.Ok;
                case StudbookPlotResult.UnknownIndividual unknown:
                    return await UnknownAsync(cli, path, unknown.Id);
                default:
                    throw new InvalidOperationException($"Unhandled plot result {result.GetType().Name}.");
            }
        });
        return command;
    }

    private static async Task<int> UnknownAsync(CliContext cli, string path, string id)
    {
        await cli.Error.WriteLineAsync($"'{id}' is not an individual of {path}; nothing was plotted. Give --individual an id from the file's id column.");
        return ExitCodes.Usage;
    }
}
