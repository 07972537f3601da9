using System.CommandLine;
using Menagerie.Cli.Commands;
using Microsoft.Extensions.Configuration;

namespace Menagerie.Cli;

/// <summary>The <c>menagerie</c> command: <c>menagerie &lt;noun&gt; &lt;verb&gt;</c>, on the installation's database directly.</summary>
public static class MenagerieCli
{
    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var root = new RootCommand("Menagerie: collection records, transfers and population management for zoos, aquariums and sanctuaries.");
        var context = new CliContext(configuration, output, error);
        root.Add(context.DatabaseOption);
        root.Add(context.ActorOption);
        root.Add(DatabaseCommands.Create(context));
        root.Add(SampleCommands.Create(context));
        root.Add(AuditCommands.Create(context));
        root.Add(CensusCommands.Create(context));
        root.Add(SpecimenCommands.Create(context));
        root.Add(InstitutionCommands.Create(context));
        root.Add(UserCommands.Create(context));
        root.Add(StudbookCommands.Create(context));
        root.Add(TransferCommands.Create(context));
        root.Add(TransportCommands.Create(context));
        root.Add(InstallationCommands.Create(context));
        root.Add(ComplianceCommands.Create(context));
        root.Add(ReferenceCommands.Create(context));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
                await error.WriteLineAsync(problem.Message);
            await error.WriteLineAsync("Run 'menagerie --help' for usage.");
            return ExitCodes.Usage;
        }
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, ct);
    }
}

/// <summary>Exit codes every command keeps to, so scripts can rely on them.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Findings: validation errors, a blocked shipment, a broken ledger.</summary>
    public const int Findings = 1;

    /// <summary>A usage error or input that cannot be read.</summary>
    public const int Usage = 2;

    public const int WarningsOnly = 3;
}
