using System.CommandLine;
using Menagerie.App;
using Menagerie.App.Ledger;
using Microsoft.Extensions.DependencyInjection;

namespace Menagerie.Cli.Commands;

/// <summary>Where <c>audit checkpoint</c> wrote its file, as <c>--format json</c> reports it.</summary>
public sealed record CheckpointReport(long Sequence, string Hash, DateTime WrittenAt, string Installation, string Fingerprint, string File);

public static class AuditCommands
{
    public static Command Create(CliContext cli) =>
        new("audit", "The ledger of every change.") { Verify(cli), Checkpoint(cli) };

    private static Command Verify(CliContext cli)
    {
        var format = GlobalOptions.Format();
        var checkpoint = new Option<FileInfo?>("--checkpoint")
        {
            Description = "A checkpoint 'audit checkpoint' wrote: the ledger must still hold the entry it anchors, unchanged.",
        };
        var verify = new Command("verify", "Walks the ledger's hash chain and compares the records with it; exit 1 naming the first broken or missing entry, or the first row that differs.")
        {
            checkpoint, format,
        };
        verify.SetAction(async (parse, ct) =>
        {
            LedgerCheckpoint? anchor = null;
            if (parse.GetValue(checkpoint) is { } file)
            {
                if (await ReadCheckpointAsync(cli, file, ct) is not { } read)
                    return ExitCodes.Usage;
                anchor = read;
            }
            var opened = await cli.OpenAsync(parse, ct);
            if (opened is not { } o)
                return ExitCodes.Usage;
            await using var scope = o.Scope;
            var report = await cli.WithStatusAsync("Verifying the ledger and the records…",
                () => scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(anchor, ct));
            if (parse.GetValue(format) == OutputFormat.Json)
                await cli.WriteJsonAsync(report, ct);
            else
                await WriteAsync(cli.Output, report);
            return report.Intact ? ExitCodes.Ok : ExitCodes.Findings;
        });
        return verify;
    }

    private static async Task WriteAsync(TextWriter output, AuditReport report)
    {
        if (report.Intact)
        {
            var anchored = report.Checkpoint is { } c ? $" It holds the checkpoint of entry {c.Sequence} ({c.WrittenAt:yyyy-MM-dd HH:mm} UTC)." : "";
            await output.WriteLineAsync($"Ledger intact: {report.EntriesChecked} entries, hash chain unbroken.{anchored}");
            if (report.Records is { } r)
                await output.WriteLineAsync($"Records match the ledger: {r.RowsChecked} rows compared.");
        }
        else if (report.BrokenAt is { } at)
        {
            await output.WriteLineAsync($"Ledger broken at entry {at}: {report.Problem}");
        }
        else if (report.Records is { FirstDifference: not null } records)
        {
            var more = records.Differences > 1 ? $" ({records.Differences - 1} more rows differ.)" : "";
            await output.WriteLineAsync($"Records differ from the ledger: {report.Problem}{more}");
        }
        else
        {
            await output.WriteLineAsync($"Ledger not verified: {report.Problem}");
        }
    }

    /// <summary>The checkpoint in the file, or null once a file that cannot be read as one has been named on standard error.</summary>
    private static async Task<LedgerCheckpoint?> ReadCheckpointAsync(CliContext cli, FileInfo file, CancellationToken ct)
    {
        byte[] content;
        try
        {
            if (file.Exists && file.Length > LedgerCheckpoint.MaxBytes)
            {
                await cli.Error.WriteLineAsync($"{file.Name}: file: The file is larger than {LedgerCheckpoint.MaxBytes / 1024} KB; it is not a ledger checkpoint.");
                return null;
            }
            content = await File.ReadAllBytesAsync(file.FullName, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await cli.Error.WriteLineAsync($"Cannot read {file.FullName}: {e.Message}");
            return null;
        }
        var (checkpoint, problem) = LedgerCheckpoint.Read(content, file.Name);
        if (problem is not null)
            await cli.Error.WriteLineAsync(problem.ToString());
        return checkpoint;
    }

    private static Command Checkpoint(CliContext cli)
    {
        var output = new Option<FileInfo?>("--output", "-o")
        {
            Description = "Where to write the checkpoint (default: ledger-checkpoint-<sequence>.json in the current directory); keep it away from the database.",
        };
        var format = GlobalOptions.Format();
        var command = new Command("checkpoint", "Writes the ledger's chain head, signed with this installation's key, for 'audit verify --checkpoint' to hold the ledger to later.")
        {
            output, format,
        };
        command.SetAction(async (parse, ct) => await InstallationCommands.WithServicesAsync(cli, parse, async services =>
        {
            var outcome = await services.GetRequiredService<LedgerCheckpoints>().WriteAsync(ct);
            if (outcome is not Outcome<LedgerCheckpoint>.Ok { Value: var checkpoint })
                return await outcome.ReportAsync(cli, OutputFormat.Table, _ => { }, ct);
            var file = parse.GetValue(output)?.FullName ?? Path.Combine(Environment.CurrentDirectory, $"ledger-checkpoint-{checkpoint.Sequence}.json");
            try
            {
                await File.WriteAllBytesAsync(file, checkpoint.ToFile(), ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await cli.Error.WriteLineAsync($"Cannot write {file}: {e.Message}");
                return ExitCodes.Usage;
            }
            var report = new CheckpointReport(checkpoint.Sequence, checkpoint.Hash, checkpoint.WrittenAt, checkpoint.Installation, checkpoint.Fingerprint, file);
            if (parse.GetValue(format) == OutputFormat.Json)
                await cli.WriteJsonAsync(report, ct);
            else
                await cli.Output.WriteLineAsync($"Checkpoint of ledger entry {report.Sequence} written to {file}, signed by installation {report.Installation} (key {report.Fingerprint}). Keep it away from the database.");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
