using System.CommandLine;
using Menagerie.App.Ledger;
using Microsoft.Extensions.DependencyInjection;

namespace Menagerie.Cli.Commands;

public static class AuditCommands
{
    public static Command Create(CliContext cli)
    {
        var format = GlobalOptions.Format();
        var verify = new Command("verify", "Walks the ledger's hash chain; exit 1 naming the first broken or missing entry.") { format };
        verify.SetAction(async (parse, ct) =>
        {
            var opened = await cli.OpenAsync(parse, ct);
            if (opened is not { } o)
                return ExitCodes.Usage;
            await using var scope = o.Scope;
            var report = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(ct);
            if (parse.GetValue(format) == OutputFormat.Json)
                await cli.WriteJsonAsync(report, ct);
            else if (report.Intact)
                await cli.Output.WriteLineAsync($"Ledger intact: {report.EntriesChecked} entries, hash chain unbroken.");
            else
                await cli.Output.WriteLineAsync($"Ledger broken at entry {report.BrokenAt}: {report.Problem}");
            return report.Intact ? ExitCodes.Ok : ExitCodes.Findings;
        });
        return new Command("audit", "The ledger of every change.") { verify };
    }
}
