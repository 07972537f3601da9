using System.CommandLine;
using Menagerie.App;
using Menagerie.App.Files;
using Menagerie.App.Transfers.Packages;
using Microsoft.Extensions.DependencyInjection;

namespace Menagerie.Cli.Commands;

/// <summary>Where an export wrote its package, as <c>--format json</c> reports it.</summary>
public sealed record ExportReport(Guid Transfer, string Sender, string Receiver, string Signer, string Fingerprint, int Specimens, int Events, string File);

/// <summary><c>transfer export</c> and <c>transfer import</c>: a dispatched transfer carried, signed, to the receiving installation.</summary>
public static class TransferPackageCommands
{
    public static Command Export(CliContext cli)
    {
        var id = new Argument<Guid>("id") { Description = "The transfer's id." };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Where to write the package (default: transfer-<id>.json in the current directory)." };
        var format = GlobalOptions.Format();
        var export = new Command("export", "Writes a dispatched transfer, with the full records of its animals, as a package signed with this installation's key.") { id, output, format };
        export.SetAction(async (parse, ct) => await InstallationCommands.WithServicesAsync(cli, parse, async services =>
        {
            var transfer = parse.GetRequiredValue(id);
            var outcome = await services.GetRequiredService<TransferPackages>().ExportAsync(transfer, ct);
            if (outcome is not Outcome<ExportedPackage>.Ok { Value: var package })
                return await outcome.ReportAsync(cli, OutputFormat.Table, _ => { }, ct);
            var file = parse.GetValue(output)?.FullName ?? Path.Combine(Environment.CurrentDirectory, $"transfer-{transfer}.json");
            try
            {
                await File.WriteAllBytesAsync(file, package.Content, ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await cli.Error.WriteLineAsync($"Cannot write {file}: {e.Message}");
                return ExitCodes.Usage;
            }
            var report = new ExportReport(package.Transfer, package.Sender, package.Receiver, package.Signer, package.Fingerprint, package.Specimens, package.Events, file);
            if (parse.GetValue(format) == OutputFormat.Json)
                await cli.WriteJsonAsync(report, ct);
            else
                await cli.Output.WriteLineAsync($"Transfer {report.Transfer} ({report.Sender} to {report.Receiver}: {report.Specimens} specimens with {report.Events} events) written to {file}, signed by installation {report.Signer} (key {report.Fingerprint}).");
            return ExitCodes.Ok;
        }, ct));
        return export;
    }

    public static Command Import(CliContext cli)
    {
        var file = new Argument<FileInfo>("file") { Description = "The package file the sending installation exported." };
        var format = GlobalOptions.Format();
        var import = new Command("import", "Verifies a transfer package against its sender's trusted key, then adds the transfer, dispatched, with its animals' full records.") { file, format };
        import.SetAction(async (parse, ct) =>
        {
            var path = parse.GetRequiredValue(file);
            byte[] content;
            try
            {
                if (path.Length > TransferPackages.MaxFileBytes)
                {
                    await cli.Error.WriteLineAsync($"{path.FullName} is larger than any transfer package ({path.Length} bytes); nothing was imported.");
                    return ExitCodes.Usage;
                }
                content = await File.ReadAllBytesAsync(path.FullName, ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await cli.Error.WriteLineAsync($"Cannot read {path.FullName}: {e.Message}");
                return ExitCodes.Usage;
            }
            return await InstallationCommands.WithServicesAsync(cli, parse, async services =>
            {
                var outcome = await services.GetRequiredService<TransferPackages>().ImportAsync(content, ct);
                // A file that is not a package at all (not its JSON, another kind of file) is unreadable input, not a finding about a transfer.
                if (outcome is Outcome<ImportedPackage>.Invalid { Violations: [{ Code: "package.format" } notAPackage] })
                {
                    await cli.Error.WriteLineAsync(new InputProblem(path.Name, 0, "file", notAPackage.Message).ToString());
                    return ExitCodes.Usage;
                }
                return await outcome.ReportAsync(cli, parse.GetValue(format), imported =>
                {
                    var t = imported.Transfer;
                    var added = new List<string>();
                    if (imported.NewCountries.Count > 0) added.Add("countries " + string.Join(", ", imported.NewCountries));
                    if (imported.NewInstitutions.Count > 0) added.Add("institutions " + string.Join(", ", imported.NewInstitutions));
                    if (imported.NewTaxa.Count > 0) added.Add("taxa " + string.Join(", ", imported.NewTaxa));
                    cli.Output.WriteLine($"Transfer {t.Id} ({t.Sender} to {t.Receiver}, {t.Animals} animals) imported from installation {imported.Signer}, " +
                        $"with {imported.Specimens} specimens and {imported.Events} events{(added.Count > 0 ? "; added " + string.Join("; ", added) : "")}.");
                    cli.Output.WriteLine($"It is dispatched: {t.Receiver} receives it with 'menagerie transfer receive {t.Id}'.");
                }, ct);
            }, ct);
        });
        return import;
    }
}
