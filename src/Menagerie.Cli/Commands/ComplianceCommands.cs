using System.CommandLine;
using System.Globalization;
using Menagerie.App.Compliance;
using Menagerie.App.Compliance.Reference;
using Menagerie.App.Files;
using Menagerie.Domain.Compliance;
using Menagerie.Domain.Institutions;

namespace Menagerie.Cli.Commands;

/// <summary>
/// <c>menagerie compliance check &lt;shipment.json&gt;</c>: what each line and the shipment need before they
/// may leave, from a shipment file and the reference data shipped with Menagerie. No database is needed.
/// </summary>
public static class ComplianceCommands
{
    public static Command Create(CliContext cli) =>
        new("compliance", "What a shipment needs before it may leave: CITES permits, veterinary certificates, welfare and sanctions checks.")
        {
            Check(cli),
        };

    private static Command Check(CliContext cli)
    {
        var file = new Argument<string>("shipment") { Description = "A shipment file (JSON; see samples/shipments/shipment.schema.json)." };
        var on = new Option<string?>("--on") { Description = "The day to evaluate validity windows and time limits on (YYYY-MM-DD; default: the shipment's date)." };
        var listingAge = new Option<int>("--max-listing-age")
        {
            Description = "Listings older than this many days before the check date draw a warning (default 365).",
            DefaultValueFactory = _ => new ComplianceSettings().ListingMaxAgeDays,
        };
        var partyAge = new Option<int>("--max-party-status-age")
        {
            Description = "CITES Party status older than this many days draws a warning (default 90).",
            DefaultValueFactory = _ => new ComplianceSettings().PartyStatusMaxAgeDays,
        };
        var suspensions = new Option<string?>("--suspensions") { Description = "Your Species+ \"CITES Suspensions\" download (CSV): rule C-23 applies its recommendations to suspend trade." };
        var quotas = new Option<string?>("--quotas") { Description = "Your Species+ \"CITES Quotas\" download (CSV): rule C-23 applies its zero export quotas." };
        var approval = new Option<string[]>("--authority-approval")
        {
            Description = "States (ISO codes) whose authority approves every transfer leaving them, as a country's setting in the records does: rule L-04 then asks for a ministry-approval document.",
            AllowMultipleArgumentsPerToken = true,
        };
        var format = GlobalOptions.Format();
        var command = new Command("check", "Derives every requirement of a shipment with its rule, severity, status and source. Exit 0 clear, 1 blocked, 2 unreadable or invalid file, 3 warnings only.")
        {
            file, on, listingAge, partyAge, suspensions, quotas, approval, format,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetRequiredValue(file);
            var onText = parse.GetValue(on);
            DateOnly? day = null;
            if (onText is not null)
            {
                if (!DateOnly.TryParseExact(onText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    await cli.Error.WriteLineAsync($"--on: '{onText}' is not a date written YYYY-MM-DD.");
                    return ExitCodes.Usage;
                }
                day = parsed;
            }
            var (shipment, problems) = await ShipmentFile.ReadAsync(path, ct);
            if (shipment is null)
                return await cli.RefusedAsync(problems, $"{path}: ", "checked");
            var measures = await TradeMeasuresAsync(parse.GetValue(suspensions), parse.GetValue(quotas), ct);
            if (measures.Problems.Count > 0)
                return await cli.RefusedAsync(measures.Problems, "", "checked");
            var states = (parse.GetValue(approval) ?? []).SelectMany(a => a.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Select(a => a.ToUpperInvariant()).ToList();
            if (states.FirstOrDefault(s => !Country.IsCode(s)) is { } notCode)
            {
                await cli.Error.WriteLineAsync($"--authority-approval: '{notCode}' is not an ISO 3166-1 alpha-2 code.");
                return ExitCodes.Usage;
            }
            var checklist = ReferenceData.EmbeddedWith(measures.Suspensions, measures.Quotas, states);
            var settings = new ComplianceSettings { ListingMaxAgeDays = parse.GetValue(listingAge), PartyStatusMaxAgeDays = parse.GetValue(partyAge) };
            var report = Rulebook.Check(shipment, checklist, day ?? shipment.Date, settings);
            var view = ComplianceView.Of(report, checklist);
            if (parse.GetValue(format) == OutputFormat.Json)
                await cli.WriteJsonAsync(view, ct);
            else
                ComplianceOutput.Write(cli.Console, $"Shipment {shipment.Reference} {shipment.Exporter} → {shipment.Importer}, leaving {shipment.Date:yyyy-MM-dd}", view);
            return ComplianceOutput.ExitCode(view);
        });
        return command;
    }

    /// <summary>The downloads named, each current to the date in its Species+ file name, else to the day the file was last written.</summary>
    private static async Task<(List<TradeSuspension> Suspensions, List<ExportQuota> Quotas, List<InputProblem> Problems)> TradeMeasuresAsync(
        string? suspensionsPath, string? quotasPath, CancellationToken ct)
    {
        var problems = new List<InputProblem>();
        var countries = ReferenceData.Countries();
        var suspensions = suspensionsPath is null ? []
            : await ReadAsync(suspensionsPath, "--suspensions", (text, name, asOf) => SpeciesPlusDownload.ReadSuspensionsAsync(text, name, asOf, countries, ct));
        var quotas = quotasPath is null ? []
            : await ReadAsync(quotasPath, "--quotas", (text, name, asOf) => SpeciesPlusDownload.ReadQuotasAsync(text, name, asOf, countries, ct));
        return ([.. suspensions.Select(r => r.ToSuspension())], [.. quotas.Select(r => r.ToQuota())], problems);

        async Task<IReadOnlyList<T>> ReadAsync<T>(string path, string option, Func<TextReader, string, DateOnly, Task<ReadResult<IReadOnlyList<T>>>> read)
        {
            var name = Path.GetFileName(path);
            if (!File.Exists(path))
            {
                problems.Add(new(name, 0, option, $"There is no file {path}."));
                return [];
            }
            await using var stream = File.OpenRead(path);
            using var text = CsvTable.OpenText(stream);
            switch (await read(text, name, SpeciesPlusDownload.UpdatedOn(name) ?? DateOnly.FromDateTime(File.GetLastWriteTimeUtc(path))))
            {
                case ReadResult<IReadOnlyList<T>>.Read { Value: var rows }:
                    return rows;
                case ReadResult<IReadOnlyList<T>>.Rejected { Problems: var refused }:
                    problems.AddRange(refused);
                    return [];
                default:
                    throw new InvalidOperationException("A read is either read or rejected.");
            }
        }
    }
}
