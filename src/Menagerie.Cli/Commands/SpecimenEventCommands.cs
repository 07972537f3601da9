using System.CommandLine;
using System.Globalization;
using Menagerie.App;
using Menagerie.App.Files;
using Menagerie.App.Specimens;
using Menagerie.Domain.Specimens;
using Microsoft.Extensions.DependencyInjection;
using EventCommands = Menagerie.App.Specimens.SpecimenCommands;

namespace Menagerie.Cli.Commands;

/// <summary>
/// <c>menagerie specimen record</c> (one event, every field an option) and <c>menagerie specimen import-events</c>
/// (a CSV of events for many animals, all or nothing).
/// </summary>
internal static class SpecimenEventCommands
{
    public static Command Record(CliContext cli)
    {
        var reference = new Argument<string>("specimen") { Description = "The global id, or any identifier the specimen carries." };
        var type = Checked(new Option<string>("--type") { Description = $"The event: {EventInput.TypeList}.", Required = true },
            EventInput.IsType, $"not an event type; one of: {EventInput.TypeList}");
        var date = Checked(new Option<string>("--date") { Description = "The day it happened (yyyy-MM-dd).", Required = true },
            text => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _), "not a date (yyyy-MM-dd)");
        var estimated = new Option<bool>("--estimated") { Description = "The date is an estimate." };
        var at = TransferText.At("The time on that day, where it is known (UTC unless an offset is given, e.g. 2026-12-01T09:30:00Z).", required: false);
        var institution = Text("--institution", "Where a birth happened, or the institution that acquires (by code).");
        var from = Text("--from", "An acquisition: the institution it came from (by code).");
        var fromName = Text("--from-name", "An acquisition from outside these records: who it came from ('wild', 'private breeder').");
        var to = Text("--to", "A disposition: the institution it went to (by code).");
        var toName = Text("--to-name", "A disposition outside these records: who it went to.");
        var owner = Text("--owner", "The owner, where it is not the holder (on loan; by code).");
        var counts = Checked(Text("--counts", "A group's animals the event concerns, male.female.unknown (e.g. 1.2.0)."),
            text => SexCounts.TryParse(text, out _), "not counts by sex, male.female.unknown (e.g. 1.2.0)");
        var sire = Text("--sire", "A birth: the father, by global id or identifier.");
        var dam = Text("--dam", "A birth: the mother, by global id or identifier.");
        var scheme = Text("--scheme", "An identifier: its scheme (studbook, local, transponder, band, tattoo, house name).");
        var value = Text("--value", "An identifier: its value.");
        var weight = Number("--weight-kg", "A weight, or the weight taken with a measurement, in kg.");
        var length = Number("--length-cm", "A measurement: body length (nose to root of tail; a bird's bill to tail tip), cm.");
        var elbow = Number("--elbow-height-cm", "A measurement: elbow height, cm.");
        var width = Number("--width-cm", "A measurement: shoulder width, cm.");
        var height = Number("--height-cm", "A measurement: standing height, cm.");
        var text = Text("--text", "A note's text, a move's new location.");
        var supersedes = Checked(Text("--supersedes", "Corrects (or, with --type retraction, withdraws) an earlier event: its id, or its number (#) in 'specimen show'."),
            t => Guid.TryParse(t, out _) || int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0,
            "not an event id or an event number (#) as 'specimen show' gives them");
        var reason = Text("--reason", "Why the earlier event was wrong (a correction or a retraction needs it).");
        var format = GlobalOptions.Format();
        var command = new Command("record", "Records an event in a specimen's history: a birth, acquisition, disposition, death, move, identifier, weight, measurement or note; a correction of an earlier one (--supersedes, --reason), or its retraction.")
        {
            reference, type, date, estimated, at, institution, from, fromName, to, toName, owner, counts, sire, dam, scheme, value,
            weight, length, elbow, width, height, text, supersedes, reason, format,
        };
        command.SetAction((parse, ct) => TransferCommands.WithScopeAsync(cli, parse, async services =>
        {
            var specimen = parse.GetRequiredValue(reference);
            Guid? corrected = null;
            if (parse.GetValue(supersedes) is { } target)
            {
                var found = Guid.TryParse(target, out var id) ? new Outcome<Guid>.Ok(id) : await EventNumberedAsync(services, specimen, target, ct);
                if (found is not Outcome<Guid>.Ok { Value: var eventId })
                    return await found.ReportAsync(cli, OutputFormat.Table, _ => { }, ct);
                corrected = eventId;
            }
            var input = new EventInput
            {
                Type = parse.GetValue(type),
                Date = parse.GetValue(date),
                Estimated = parse.GetValue(estimated),
                At = parse.GetValue(at),
                Institution = parse.GetValue(institution),
                From = parse.GetValue(from),
                FromName = parse.GetValue(fromName),
                To = parse.GetValue(to),
                ToName = parse.GetValue(toName),
                Owner = parse.GetValue(owner),
                Counts = parse.GetValue(counts),
                Sire = parse.GetValue(sire),
                Dam = parse.GetValue(dam),
                Scheme = parse.GetValue(scheme),
                Value = parse.GetValue(value),
                WeightKg = parse.GetValue(weight),
                LengthCm = parse.GetValue(length),
                ElbowHeightCm = parse.GetValue(elbow),
                WidthCm = parse.GetValue(width),
                HeightCm = parse.GetValue(height),
                Text = parse.GetValue(text),
                Supersedes = corrected,
                Reason = parse.GetValue(reason),
            };
            var outcome = await services.GetRequiredService<EventCommands>().RecordEventAsync(specimen, input, null, ct);
            return await outcome.WithFields(OptionOf).ReportAsync(cli, parse.GetValue(format), recorded => Recorded(cli.Output, specimen, recorded), ct);
        }, ct));
        return command;
    }

    public static Command ImportEvents(CliContext cli)
    {
        var file = new Argument<FileInfo>("file")
        {
            Description = $"A CSV with a header line and one event a row: columns {string.Join(',', EventFile.Required)}, and any of {string.Join(',', EventFile.Columns.Skip(EventFile.Required.Count))}.",
        };
        var format = GlobalOptions.Format();
        var command = new Command("import-events", "Records the events of a CSV file — a day's weighings, say — for many animals at once: all of them, or, with any problem, none.")
        {
            file, format,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetRequiredValue(file);
            var name = path.ToString();
            if (!path.Exists)
            {
                await cli.Error.WriteLineAsync($"There is no file {name}.");
                return ExitCodes.Usage;
            }
            return await TransferCommands.WithAsync<EventCommands>(cli, parse, async commands =>
            {
                EventImportResult result;
                try
                {
                    await using var content = path.OpenRead();
                    result = await cli.WithStatusAsync("Checking and recording the events…", () => commands.ImportEventsAsync(content, name, ct));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    await cli.Error.WriteLineAsync($"{name}: the file cannot be read: {e.Message}");
                    return ExitCodes.Usage;
                }
                return await ReportAsync(cli, result, parse.GetValue(format), ct);
            }, ct);
        });
        return command;
    }

    private static async Task<int> ReportAsync(CliContext cli, EventImportResult result, OutputFormat format, CancellationToken ct)
    {
        switch (result)
        {
            case EventImportResult.Imported { Events: var imported }:
                if (format == OutputFormat.Json)
                    await cli.WriteJsonAsync(imported, ct);
                else
                    await cli.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Recorded {Plural(imported.Recorded, "event")} for {Plural(imported.Specimens, "specimen")}."));
                return ExitCodes.Ok;
            case EventImportResult.Unreadable { Problems: var problems }:
                foreach (var problem in problems)
                    await cli.Error.WriteLineAsync(problem.ToString());
                await cli.Error.WriteLineAsync("The file cannot be read as events; nothing was recorded.");
                return ExitCodes.Usage;
            case EventImportResult.Rejected { Problems: var problems }:
                foreach (var problem in problems)
                    await cli.Error.WriteLineAsync(problem.ToString());
                await cli.Error.WriteLineAsync($"{Plural(problems.Count, "problem")} in the file; nothing was recorded.");
                return ExitCodes.Findings;
            case EventImportResult.Conflict { Message: var message }:
                await cli.Error.WriteLineAsync($"{message} Nothing was recorded.");
                return ExitCodes.Findings;
            default:
                throw new InvalidOperationException($"Unhandled result {result.GetType().Name}.");
        }
    }

    private static string Plural(int count, string noun) => string.Create(CultureInfo.InvariantCulture, $"{count:N0} {noun}{(count == 1 ? "" : "s")}");

    /// <summary>The id of the event with this number (#, its sequence) in the specimen's history.</summary>
    private static async Task<Outcome<Guid>> EventNumberedAsync(IServiceProvider services, string specimen, string number, CancellationToken ct)
    {
        var history = await services.GetRequiredService<SpecimenQueries>().HistoryAsync(specimen, ct);
        if (history is not Outcome<HistoryView>.Ok { Value: var view })
            return history.As<Guid>();
        var sequence = int.Parse(number, NumberStyles.None, CultureInfo.InvariantCulture);
        return view.Events.FirstOrDefault(e => e.Sequence == sequence) is { } e
            ? new Outcome<Guid>.Ok(e.Id)
            : new Outcome<Guid>.NotFound($"--supersedes {number}: specimen {specimen} has no event #{number} ('menagerie specimen show {specimen}' lists them).");
    }

    private static void Recorded(TextWriter output, string specimen, RecordedEvent recorded)
    {
        var e = recorded.Event;
        var details = SpecimenCommands.Describe(e);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Recorded {Words.Kebab(e.Type)} of {specimen} on {e.Date:yyyy-MM-dd}{(e.Estimated ? " (estimated)" : "")}{(details.Length > 0 ? ": " + details : "")}."));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Event {e.Id} (#{e.Sequence}); specimen {recorded.Specimen} is now at version {recorded.SpecimenVersion}."));
    }

    /// <summary>The option a field of the request came from, so that a refusal names what the person typed.</summary>
    private static string OptionOf(string field) => EventFile.ColumnOf(field) is var column && EventFile.Columns.Contains(column, StringComparer.Ordinal)
        ? "--" + column.Replace('_', '-')
        : field;

    private static Option<string?> Text(string name, string description) => new(name) { Description = description };

    /// <summary>A number with a point for decimals whatever the machine's culture; anything else is a usage error naming the option.</summary>
    private static Option<decimal?> Number(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            if (result.Tokens.Count == 0)
                return null;
            var text = result.Tokens[0].Value;
            if (InvariantText.TryParseDecimal(text, out var value))
                return value;
            result.AddError($"{name} '{text}' is not a number (with a point for decimals, e.g. 12.5).");
            return null;
        },
    };

    /// <summary>A value checked as it is parsed, so that one that cannot be read is a usage error naming the option.</summary>
    private static Option<T> Checked<T>(Option<T> option, Func<string, bool> valid, string expected)
    {
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => !valid(t.Value)))
                result.AddError($"{option.Name} '{token.Value}': {expected}.");
        });
        return option;
    }
}
