using System.CommandLine;
using Menagerie.App;
using Menagerie.App.Compliance;
using Menagerie.App.Transfers;
using Menagerie.Domain.Compliance;
using Spectre.Console;

namespace Menagerie.Cli.Commands;

/// <summary>
/// <c>menagerie transfer requirements|override|document</c>: what a transfer needs before its animals may
/// leave, the warnings a curator confirms, and the permits and certificates registered for it.
/// </summary>
internal static class TransferComplianceCommands
{
    public static Command Requirements(CliContext cli)
    {
        var id = TransferCommands.TransferArgument();
        var on = new Option<DateOnly?>("--on") { Description = "The day to evaluate validity windows on (yyyy-MM-dd; default: the dispatch date, else the planned departure, else today)." };
        var format = GlobalOptions.Format();
        var command = new Command("requirements", "Every requirement of the transfer with its rule, severity, status and source. Exit 0 clear, 1 blocked, 3 warnings only.") { id, on, format };
        command.SetAction((parse, ct) => TransferCommands.WithAsync<TransferCompliance>(cli, parse, async compliance =>
        {
            var outcome = await compliance.RequirementsAsync(parse.GetRequiredValue(id), parse.GetValue(on), ct);
            var exit = await outcome.ReportAsync(cli, parse.GetValue(format), view => ComplianceOutput.Write(cli.Console, $"Transfer {parse.GetRequiredValue(id)}", view), ct);
            return outcome is Outcome<ComplianceView>.Ok { Value: var checkedView } ? ComplianceOutput.ExitCode(checkedView) : exit;
        }, ct));
        return command;
    }

    public static Command Override(CliContext cli)
    {
        var id = TransferCommands.TransferArgument();
        var rule = new Option<string>("--rule") { Description = "The warning's rule, as the requirements list it (e.g. W-01).", Required = true };
        var lines = new Option<string?>("--lines") { Description = "The lines it concerns, as the requirements list them (e.g. 2,3); leave out for the shipment as a whole." };
        var reason = new Option<string>("--reason") { Description = "Why the warning is confirmed: what was checked, agreed or arranged.", Required = true };
        var format = GlobalOptions.Format();
        var command = new Command("override", "Confirms an open warning with the reason; the ledger records who and why. Blocks cannot be overridden.") { id, rule, lines, reason, format };
        command.SetAction((parse, ct) => TransferCommands.WithAsync<TransferCompliance>(cli, parse, async compliance =>
        {
            if (!TryLines(parse.GetValue(lines), out var numbers))
            {
                await cli.Error.WriteLineAsync($"--lines: '{parse.GetValue(lines)}' is not line numbers written 1,2,3.");
                return ExitCodes.Usage;
            }
            var outcome = await compliance.OverrideAsync(parse.GetRequiredValue(id), new OverrideInput(parse.GetRequiredValue(rule), numbers, parse.GetRequiredValue(reason)), ct);
            return await outcome.ReportAsync(cli, parse.GetValue(format),
                o => cli.Console.MarkupLine(Markup.Escape($"{o.Rule} confirmed for {(o.Lines.Count == 0 ? "the shipment" : "lines " + string.Join(",", o.Lines))} by {o.By}: {o.Reason}")), ct);
        }, ct));
        return command;
    }

    public static Command Document(CliContext cli)
    {
        var id = TransferCommands.TransferArgument();
        var type = new Option<string>("--type") { Description = "The kind of document: " + string.Join(", ", Domain.Compliance.DocumentNames.All) + ".", Required = true };
        var number = new Option<string>("--number") { Description = "The document's number.", Required = true };
        var issuer = new Option<string>("--issuer") { Description = "The issuing state (ISO code, e.g. RU).", Required = true };
        var authority = new Option<string>("--authority") { Description = "The issuing authority.", Required = true };
        var issued = new Option<DateOnly>("--issued") { Description = "The issue date (yyyy-MM-dd).", Required = true };
        var validFrom = new Option<DateOnly?>("--valid-from") { Description = "First day of validity, when not the issue date." };
        var validUntil = new Option<DateOnly?>("--valid-until") { Description = "Last day of validity." };
        var covers = TransferText.Repeated("--covers",
            "A line it covers: N, or N=male.female.unknown for part of a group line. Repeat for each; leave out for the whole shipment.",
            text => TransferText.TryParseLineCounts(text, out _, out _), TransferText.LineCountsExpected);
        var file = new Option<FileInfo?>("--file") { Description = "A scan of the document to attach (at most 10 MB)." };
        var format = GlobalOptions.Format();
        var command = new Command("document", "Registers a permit or certificate for the transfer, with the lines it covers.")
        {
            id, type, number, issuer, authority, issued, validFrom, validUntil, covers, file, format,
        };
        command.SetAction((parse, ct) => TransferCommands.WithAsync<TransferDocuments>(cli, parse, async documents =>
        {
            DocumentFileInput? scan = null;
            if (parse.GetValue(file) is { } f)
            {
                if (!f.Exists)
                {
                    await cli.Error.WriteLineAsync($"--file: {f.FullName} does not exist.");
                    return ExitCodes.Usage;
                }
                scan = new DocumentFileInput(f.Name, "application/octet-stream", Convert.ToBase64String(await File.ReadAllBytesAsync(f.FullName, ct)));
            }
            var covered = new List<DocumentCoverageInput>();
            foreach (var text in parse.GetValue(covers) ?? [])
            {
                if (TransferText.TryParseLineCounts(text, out var line, out var counts))
                    covered.Add(new DocumentCoverageInput(line, counts?.ToString()));
            }
            var input = new DocumentInput
            {
                Type = parse.GetRequiredValue(type),
                Number = parse.GetRequiredValue(number),
                IssuingState = parse.GetRequiredValue(issuer),
                IssuingAuthority = parse.GetRequiredValue(authority),
                IssuedOn = parse.GetValue(issued),
                ValidFrom = parse.GetValue(validFrom),
                ValidUntil = parse.GetValue(validUntil),
                Covers = covered,
                File = scan,
            };
            var outcome = await documents.RegisterAsync(parse.GetRequiredValue(id), input, ct);
            return await outcome.ReportAsync(cli, parse.GetValue(format),
                d => cli.Console.MarkupLine(Markup.Escape($"{DocumentNames.Name(d.Type)} {d.Number} ({d.IssuingState}) registered as {d.Id}.")), ct);
        }, ct));
        return command;
    }

    private static bool TryLines(string? text, out IReadOnlyList<int> lines)
    {
        var parsed = new List<int>();
        lines = parsed;
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!TransferText.TryParseLine(part, out var n))
                return false;
            parsed.Add(n);
        }
        return true;
    }
}
