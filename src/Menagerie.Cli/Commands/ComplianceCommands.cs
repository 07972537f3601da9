using System.CommandLine;
using System.Globalization;
using Menagerie.App.Compliance;
using Menagerie.App.Compliance.Reference;
using Menagerie.Domain.Compliance;

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
        var format = GlobalOptions.Format();
        var command = new Command("check", "Derives every requirement of a shipment with its rule, severity, status and source. Exit 0 clear, 1 blocked, 2 unreadable or invalid file, 3 warnings only.")
        {
            file, on, listingAge, partyAge, format,
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
            var checklist = ReferenceData.Embedded();
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
}
