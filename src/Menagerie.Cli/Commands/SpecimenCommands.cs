using System.CommandLine;
using System.Globalization;
using Menagerie.App.Specimens;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Menagerie.Cli.Commands;

public static class SpecimenCommands
{
    public static Command Create(CliContext cli)
    {
        var reference = new Argument<string>("specimen") { Description = "The global id, or any identifier the specimen carries (local id, transponder, studbook number, house name)." };
        var format = GlobalOptions.Format();
        var show = new Command("show", "A specimen's record and its full history.") { reference, format };
        show.SetAction(async (parse, ct) =>
        {
            var opened = await cli.OpenAsync(parse, ct);
            if (opened is not { } o)
                return ExitCodes.Usage;
            await using var scope = o.Scope;
            var history = await scope.ServiceProvider.GetRequiredService<SpecimenQueries>().HistoryAsync(parse.GetRequiredValue(reference), ct);
            return await history.ReportAsync(cli, parse.GetValue(format), view => Render(cli.Console, view), ct);
        });
        return new Command("specimen", "Individual animals and counted groups.")
        {
            show, SpecimenEventCommands.Record(cli), SpecimenEventCommands.ImportEvents(cli), Origin(cli), Available(cli),
        };
    }

    private static Command Available(CliContext cli)
    {
        var reference = new Argument<string>("specimen") { Description = "The global id, or any identifier the specimen carries." };
        var note = new Option<string?>("--note") { Description = "Why, e.g. \"surplus male, breeding recommendation EEP 2026\"." };
        var withdraw = new Option<bool>("--withdraw") { Description = "Withdraws the mark: the animal is no longer available for transfer." };
        var format = GlobalOptions.Format();
        var command = new Command("available", "Marks an animal as available for transfer, with an optional note, or withdraws the mark (a curator of its holder decides).")
        {
            reference, note, withdraw, format,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(withdraw) && result.GetValue(note) is not null)
                result.AddError("--note goes with marking an animal available, not with --withdraw.");
        });
        command.SetAction((parse, ct) => TransferCommands.WithAsync<App.Specimens.SpecimenCommands>(cli, parse, async commands =>
        {
            var input = new AvailabilityInput(!parse.GetValue(withdraw), parse.GetValue(note));
            var outcome = await commands.MarkAvailabilityAsync(parse.GetRequiredValue(reference), input, null, ct);
            return await outcome.ReportAsync(cli, parse.GetValue(format), s => cli.Console.MarkupLine(Markup.Escape(
                $"{s.Taxon.ScientificName} {s.Id}: {(s.AvailableForTransfer ? "available for transfer" : "not available for transfer")}{(s.AvailabilityNote is { } n ? $" ({n})" : "")}.")), ct);
        }, ct));
        return command;
    }

    private static Command Origin(CliContext cli)
    {
        var reference = new Argument<string>("specimen") { Description = "The global id, or any identifier the specimen carries." };
        var source = new Option<string?>("--source") { Description = "The CITES source code: C (bred in captivity), F (born in captivity), W (wild), D, R, I, U, O." };
        var population = new Option<string?>("--population") { Description = "ISO code of the population or lineage it descends from (e.g. RU), which split listings need." };
        var format = GlobalOptions.Format();
        var command = new Command("origin", "Records the animal's CITES source code and population of origin; leaving one out clears it.") { reference, source, population, format };
        command.SetAction((parse, ct) => TransferCommands.WithAsync<App.Specimens.SpecimenCommands>(cli, parse, async commands =>
        {
            var outcome = await commands.RecordOriginAsync(parse.GetRequiredValue(reference), new SpecimenOriginInput(parse.GetValue(source), parse.GetValue(population)), null, ct);
            return await outcome.ReportAsync(cli, parse.GetValue(format),
                s => cli.Console.MarkupLine(Markup.Escape($"{s.Taxon.ScientificName} {s.Id}: source {s.CitesSource ?? "not recorded"}, population of origin {s.Origin ?? "not recorded"}.")), ct);
        }, ct));
        return command;
    }

    private static void Render(IAnsiConsole console, HistoryView history)
    {
        var s = history.Specimen;
        var facts = new Grid().AddColumn().AddColumn();
        void Fact(string name, string? value) => facts.AddRow($"[bold]{name}[/]", Markup.Escape(value ?? "—"));
        Fact("Global id", s.Id.ToString());
        Fact("Taxon", $"{s.Taxon.ScientificName} ({s.Taxon.CommonName})");
        Fact("Kind", s.Kind == Domain.Specimens.SpecimenKind.Group ? $"group, {s.Counts} (m.f.u)" : $"individual, {s.Sex.ToString().ToLowerInvariant()}");
        Fact("House name", s.Name);
        Fact("Status", s.Status.ToString().ToLowerInvariant());
        Fact("Holder", s.Holder is null ? null : $"{s.Holder.Name} ({s.Holder.Code})");
        Fact("Owner", s.Owner is null ? null : $"{s.Owner.Name} ({s.Owner.Code})");
        Fact("Born", s.BirthDate is { } b ? b.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + (s.BirthDateEstimated ? " (estimated)" : "") : null);
        Fact("Sire", s.Sire?.ToString());
        Fact("Dam", s.Dam?.ToString());
        Fact("CITES source", s.CitesSource);
        Fact("Population of origin", s.Origin);
        Fact("Available for transfer", s.AvailableForTransfer ? "yes" + (s.AvailabilityNote is { } note ? $": {note}" : "") : "no");
        Fact("Identifiers", string.Join(", ", s.Identifiers.Select(i => $"{i.Scheme} {i.Value}")));
        Fact("Version", s.Version.ToString(CultureInfo.InvariantCulture));
        console.Write(facts);

        var events = new Table().Title("History").AddColumns("#", "Date", "Event", "Details", "Recorded");
        foreach (var e in history.Events)
        {
            var type = e.Type.ToString();
            if (!e.Effective)
                type = $"[strikethrough]{type}[/] (corrected by a later event)";
            events.AddRow(
                e.Sequence.ToString(CultureInfo.InvariantCulture),
                e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + (e.Estimated ? " (est.)" : ""),
                e.Effective ? Markup.Escape(type) : type,
                Markup.Escape(Describe(e)),
                Markup.Escape($"{e.RecordedAt:yyyy-MM-dd HH:mm} by {e.RecordedBy}"));
        }
        console.Write(events);
    }

    /// <summary>An event's particulars in a line: where, from or to whom, counts, identifier, weight, measurements, text, what it corrects.</summary>
    internal static string Describe(EventView e)
    {
        var parts = new List<string>();
        if (e.Institution is not null) parts.Add($"at {e.Institution.Code}");
        if (e.Counterparty is not null) parts.Add((e.Type == Domain.Specimens.EventType.Disposition ? "to " : "from ") + e.Counterparty.Code);
        if (e.CounterpartyName is not null) parts.Add((e.Type == Domain.Specimens.EventType.Disposition ? "to " : "from ") + e.CounterpartyName);
        if (e.Counts is not null) parts.Add(e.Counts);
        if (e.Scheme is not null) parts.Add($"{e.Scheme} {e.Value}");
        if (e.WeightKg is not null) parts.Add(string.Create(CultureInfo.InvariantCulture, $"{e.WeightKg} kg"));
        if (e.Measured is { } m)
        {
            foreach (var (name, cm) in new[] { ("length", m.LengthCm), ("elbow height", m.ElbowHeightCm), ("width", m.WidthCm), ("height", m.HeightCm) })
            {
                if (cm is not null)
                    parts.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {cm} cm"));
            }
        }
        if (e.Owner is not null) parts.Add($"owned by {e.Owner.Code}");
        if (e.Text is not null) parts.Add(e.Text);
        if (e.Supersedes is not null) parts.Add($"corrects {e.Supersedes}: {e.Reason}");
        return string.Join("; ", parts);
    }
}
