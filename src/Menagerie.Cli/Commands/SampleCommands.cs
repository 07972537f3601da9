using System.CommandLine;
using Menagerie.App;
using Menagerie.App.Sample;
using Microsoft.Extensions.DependencyInjection;

namespace Menagerie.Cli.Commands;

public static class SampleCommands
{
    public static Command Create(CliContext cli)
    {
        var from = new Option<DirectoryInfo?>("--from")
        {
            Description = "A folder with countries.csv, institutions.csv, taxa.csv, specimens.csv and events.csv (default: the built-in sample collection).",
        };
        var load = new Command("load", "Loads the sample collection, or a collection in the same CSV format. Loading twice adds nothing. "
            + "Every problem is named as file:line: column: problem and nothing is loaded: exit 1, or 2 when a file cannot be read as CSV at all.") { from };
        load.SetAction(async (parse, ct) =>
        {
            var folder = parse.GetValue(from);
            if (folder is { Exists: false })
            {
                await cli.Error.WriteLineAsync($"There is no folder {folder.FullName}.");
                return ExitCodes.Usage;
            }
            var opened = await cli.OpenAsync(parse, ct);
            if (opened is not { } o)
                return ExitCodes.Usage;
            await using var scope = o.Scope;
            var loader = scope.ServiceProvider.GetRequiredService<SampleLoader>();
            var result = await cli.WithStatusAsync("Checking and loading the collection…",
                () => folder is null ? loader.LoadBuiltInAsync(ct) : loader.LoadDirectoryAsync(folder.FullName, ct));
            switch (result)
            {
                case SampleLoadResult.Loaded l:
                    await cli.Output.WriteLineAsync(
                        $"Loaded {l.Countries} countries, {l.Institutions} institutions, {l.Taxa} taxa, {l.Specimens} specimens with {l.Events} events, {l.Transfers} transfers" +
                        (l.AlreadyPresent > 0 ? $"; {l.AlreadyPresent} specimens were already in the records." : "."));
                    return folder is null ? await EnsureSampleUsersAsync(cli, scope.ServiceProvider, ct) : ExitCodes.Ok;
                case SampleLoadResult.Rejected r:
                    foreach (var problem in r.Problems)
                        await cli.Error.WriteLineAsync(problem.ToString());
                    await cli.Error.WriteLineAsync($"{r.Problems.Count} problems; nothing was loaded.");
                    return r.Unreadable ? ExitCodes.Usage : ExitCodes.Findings;
                default:
                    throw new InvalidOperationException(result.GetType().Name);
            }
        });
        return new Command("sample", "The sample collection.") { load };
    }

    private static async Task<int> EnsureSampleUsersAsync(CliContext cli, IServiceProvider services, CancellationToken ct)
    {
        var accounts = await services.GetRequiredService<SampleAccounts>().EnsureAsync(cli.Configuration["Menagerie:Sample:Password"], ct);
        if (accounts is not Outcome<IReadOnlyList<SampleUser>>.Ok { Value: var created })
            return await accounts.ReportAsync(cli, OutputFormat.Table, _ => { }, ct);
        await SampleUsers.PrintAsync(cli.Output, created);
        var studbook = await services.GetRequiredService<SampleStudbook>().EnsureAsync(ct);
        if (studbook is Outcome<bool>.Ok { Value: true })
            await cli.Output.WriteLineAsync($"Sample studbook loaded: {SampleStudbook.Name}, kept by {SampleStudbook.Keeper}.");
        return studbook is Outcome<bool>.Ok ? ExitCodes.Ok : await studbook.ReportAsync(cli, OutputFormat.Table, _ => { }, ct);
    }
}
