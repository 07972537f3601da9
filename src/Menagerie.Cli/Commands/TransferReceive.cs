using System.CommandLine;
using Menagerie.App;
using Menagerie.App.Files;
using Menagerie.App.Specimens;
using Menagerie.App.Transfers;
using Menagerie.Domain.Specimens;
using Microsoft.Extensions.DependencyInjection;
using Steps = Menagerie.App.Transfers.TransferCommands;

namespace Menagerie.Cli.Commands;

/// <summary>
/// <c>menagerie transfer receive</c>: what arrived of each line, from options (a line not named arrived alive
/// in full) or from a receipt CSV file with a row for every line. Problems name the option's line, or the file's row and column.
/// </summary>
internal static class TransferReceive
{
    public static readonly string[] Columns = ["line", "outcome", "arrived", "dead_on_arrival", "missing", "identifiers"];

    public static Command Create(CliContext cli)
    {
        var id = TransferCommands.TransferArgument();
        var at = TransferText.At("When the animals arrived (UTC unless an offset is given, e.g. 2024-11-21T14:00:00Z).", required: true);
        var dead = LineCounts("--dead", "dead on arrival");
        var missing = LineCounts("--missing", "missing");
        var identifiers = TransferText.Repeated("--identifier", "LINE=scheme:value: an identifier the receiver gives the animals of a line that arrived. Repeat for more.",
            text => TransferText.TryParseLineIdentifier(text, out _, out _), TransferText.IdentifierExpected);
        var file = new Option<FileInfo?>("--file")
        {
            Description = $"A receipt CSV with a row for every line, columns {string.Join(',', Columns)}; instead of --dead, --missing and --identifier.",
        };
        var format = GlobalOptions.Format();
        var command = new Command("receive", "The receiver accounts for every line: arrived alive, dead on arrival, or missing. Lines not named arrived alive.")
        {
            id, at, dead, missing, identifiers, file, format,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(file) is not null && new Option[] { dead, missing, identifiers }.Any(o => result.GetResult(o) is not null))
                result.AddError("Give the receipt either as --file, or as --dead, --missing and --identifier; not both.");
        });
        command.SetAction(async (parse, ct) =>
        {
            var (transfer, arrived, output) = (parse.GetRequiredValue(id), parse.GetValue(at), parse.GetValue(format));
            if (parse.GetValue(file) is { } receipt)
                return await FromFileAsync(cli, parse, transfer, arrived, receipt, output, ct);
            return await TransferCommands.WithScopeAsync(cli, parse, async services =>
            {
                var found = await services.GetRequiredService<TransferQueries>().GetAsync(transfer, ct);
                if (found is not Outcome<TransferView>.Ok { Value: var view })
                    return await found.ReportAsync(cli, output, _ => { }, ct);
                var lines = FromOptions(view, parse.GetValue(dead) ?? [], parse.GetValue(missing) ?? [], parse.GetValue(identifiers) ?? []);
                var outcome = await services.GetRequiredService<Steps>().ReceiveAsync(transfer, new ReceiptInput(arrived, lines), null, null, ct);
                return await outcome.WithFields(f => f == "at" ? "--at" : ReceiptLines.Field(f) is { Index: var i } && i < lines.Count ? $"line {lines[i].Line}" : f)
                    .ReportAsync(cli, output, t => TransferOutput.Done(cli.Output, t), ct);
            }, ct);
        });
        return command;
    }

    private static Option<string[]> LineCounts(string name, string outcome) =>
        TransferText.Repeated(name, $"LINE: the animal of that line was {outcome}; LINE=0.1.0: that many of a group line were (the rest of it arrived). Repeat for more lines.",
            text => TransferText.TryParseLineCounts(text, out _, out _), TransferText.LineCountsExpected);

    /// <summary>One receipt line for every line of the transfer, and one for each line named that it does not have (for the rules to report).</summary>
    private static List<ReceiptLineInput> FromOptions(TransferView transfer, string[] dead, string[] missing, string[] identifiers)
    {
        var sent = transfer.Lines.ToDictionary(l => l.Number, l => SexCounts.TryParse(l.Counts, out var c) ? c : SexCounts.Zero);
        var named = transfer.Lines.ToDictionary(l => l.Number, _ => (Dead: SexCounts.Zero, Missing: SexCounts.Zero, Identifiers: new List<IdentifierInput>()));
        (SexCounts Dead, SexCounts Missing, List<IdentifierInput> Identifiers) Of(int line) =>
            named.TryGetValue(line, out var r) ? r : named[line] = (SexCounts.Zero, SexCounts.Zero, new List<IdentifierInput>());

        foreach (var text in dead)
        {
            if (TransferText.TryParseLineCounts(text, out var line, out var counts))
                named[line] = Of(line) with { Dead = Of(line).Dead + (counts ?? sent.GetValueOrDefault(line)) };
        }
        foreach (var text in missing)
        {
            if (TransferText.TryParseLineCounts(text, out var line, out var counts))
                named[line] = Of(line) with { Missing = Of(line).Missing + (counts ?? sent.GetValueOrDefault(line)) };
        }
        foreach (var text in identifiers)
        {
            if (TransferText.TryParseLineIdentifier(text, out var line, out var identifier))
                Of(line).Identifiers.Add(identifier);
        }
        return [.. named.OrderBy(n => n.Key).Select(n =>
        {
            var rest = sent.GetValueOrDefault(n.Key) - n.Value.Dead - n.Value.Missing;
            // More dead or missing than the line sent: the rules report the sum that does not balance.
            var arrived = new SexCounts(Math.Max(rest.Males, 0), Math.Max(rest.Females, 0), Math.Max(rest.Unknown, 0));
            return new ReceiptLineInput
            {
                Line = n.Key,
                Arrived = Text(arrived),
                DeadOnArrival = Text(n.Value.Dead),
                Missing = Text(n.Value.Missing),
                Identifiers = n.Value.Identifiers,
            };
        })];
    }

    private static string? Text(SexCounts counts) => counts.IsZero ? null : counts.ToString();

    /// <summary>Reads the file whole; a file that cannot be read, or lacks a column, is a usage error and the records are not opened.</summary>
    private static async Task<int> FromFileAsync(CliContext cli, ParseResult parse, Guid transfer, DateTime? at, FileInfo file, OutputFormat format, CancellationToken ct)
    {
        var name = file.ToString();
        if (!file.Exists)
        {
            await cli.Error.WriteLineAsync($"There is no file {name}.");
            return ExitCodes.Usage;
        }
        List<CsvRow> rows;
        List<InputProblem> problems;
        try
        {
            using var reader = file.OpenText();
            (rows, problems) = await CsvTable.ReadAsync(reader, name, Columns, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await cli.Error.WriteLineAsync($"{name}: the file cannot be read: {e.Message}");
            return ExitCodes.Usage;
        }
        if (problems.Count > 0)
            return await ReportAsync(cli, problems, ExitCodes.Usage);

        var lines = rows.Select(row => Line(row, problems)).ToList();
        if (problems.Count > 0)
            return await ReportAsync(cli, problems, ExitCodes.Findings);
        return await TransferCommands.WithAsync<Steps>(cli, parse, async steps =>
        {
            var outcome = (await steps.ReceiveAsync(transfer, new ReceiptInput(at, lines), null, null, ct)).WithFields(field => Cell(field, rows, name));
            var exit = await outcome.ReportAsync(cli, format, t => TransferOutput.Done(cli.Output, t), ct);
            if (outcome is Outcome<TransferView>.Invalid invalid)
                await cli.Error.WriteLineAsync(Summary(invalid.Violations.Count));
            return exit;
        }, ct);
    }

    private static ReceiptLineInput Line(CsvRow row, List<InputProblem> problems)
    {
        var number = 0;
        if (row["line"] is not { } text)
            problems.Add(row.Problem("line", "The line number is missing."));
        else if (!TransferText.TryParseLine(text, out number))
            problems.Add(row.Problem("line", $"'{text}' is not a line number (1, 2, …)."));
        return new ReceiptLineInput
        {
            Line = number,
            Outcome = row["outcome"],
            Arrived = row["arrived"],
            DeadOnArrival = row["dead_on_arrival"],
            Missing = row["missing"],
            Identifiers = TransferText.Identifiers(row["identifiers"]),
        };
    }

    /// <summary>Where in the file a rule was broken: <c>receipt.csv:3: dead_on_arrival</c>, or the file as a whole for a line it leaves out.</summary>
    private static string Cell(string field, List<CsvRow> rows, string file)
    {
        if (field == "at")
            return "--at";
        if (field == "lines")
            return $"{file}: line";
        if (ReceiptLines.Field(field) is not { } line || line.Index >= rows.Count)
            return field;
        var column = line.Field switch
        {
            "outcome" => "outcome",
            "arrived" => "arrived",
            "deadOnArrival" => "dead_on_arrival",
            "missing" => "missing",
            var rest when rest.StartsWith("identifier", StringComparison.OrdinalIgnoreCase) => "identifiers",
            _ => "line",
        };
        return $"{file}:{rows[line.Index].Line}: {column}";
    }

    private static async Task<int> ReportAsync(CliContext cli, List<InputProblem> problems, int exit)
    {
        foreach (var problem in problems)
            await cli.Error.WriteLineAsync(problem.ToString());
        await cli.Error.WriteLineAsync(Summary(problems.Count));
        return exit;
    }

    private static string Summary(int problems) => $"{problems} problem{(problems == 1 ? "" : "s")} in the receipt; nothing was received.";
}
