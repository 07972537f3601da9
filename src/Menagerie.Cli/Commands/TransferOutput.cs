using System.Globalization;
using Menagerie.App;
using Menagerie.App.Transfers;
using Menagerie.Domain.Compliance;
using Menagerie.Domain.Specimens;
using Spectre.Console;

namespace Menagerie.Cli.Commands;

/// <summary>Transfers as tables for a person; <c>--format json</c> writes the views themselves.</summary>
internal static class TransferOutput
{
    public static void List(IAnsiConsole console, IReadOnlyList<TransferSummary> transfers)
    {
        var table = new Table();
        foreach (var column in new[] { "Id", "Status", "From → to", "Terms", "Animals", "Dispatched", "Received" })
            table.AddColumn(new TableColumn(column).NoWrap());
        table.AddColumn("Waiting for");
        foreach (var t in transfers)
        {
            table.AddRow(
                t.Id.ToString(), Words.Kebab(t.Status) + (t.OpenDiscrepancy ? " [bold](animals missing)[/]" : ""), Markup.Escape($"{t.Sender} → {t.Receiver}"),
                Terms(t.Terms, t.ReturnDue), $"{t.Animals} ({t.Counts})", Date(t.DispatchedAt), Date(t.ReceivedAt), Markup.Escape(Next(t.NextStep)));
        }
        console.Write(table);
        console.WriteLine($"{transfers.Count} transfer{(transfers.Count == 1 ? "" : "s")}.");
    }

    public static void Show(IAnsiConsole console, TransferView t)
    {
        var facts = new Grid().AddColumn().AddColumn();
        void Fact(string name, string value) => facts.AddRow($"[bold]{name}[/]", Markup.Escape(value));
        Fact("Transfer", t.Id.ToString());
        Fact("Status", Words.Kebab(t.Status) + (t.OpenDiscrepancy ? ", with animals missing" : ""));
        Fact("From", $"{t.SenderName} ({t.Sender})");
        Fact("To", $"{t.ReceiverName} ({t.Receiver})");
        Fact("Terms", Terms(t.Terms, t.ReturnDue));
        Fact("Drafted by", Words.Kebab(t.InitiatedBy));
        Fact("Planned departure", t.PlannedDeparture?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "not planned");
        Fact("Animals", $"{t.Animals} ({t.Counts} m.f.u) of {t.Taxa} taxa");
        Fact("Dispatched", Instant(t.DispatchedAt));
        Fact("Received", Instant(t.ReceivedAt));
        Fact("Waiting for", Next(t.NextStep));
        Fact("Version", t.Version.ToString(CultureInfo.InvariantCulture));
        console.Write(facts);

        var lines = new Table().Title("Lines").AddColumns("Line", "Specimen", "Identifiers", "Taxon", "Kind", "Sent", "Arrived", "Dead on arrival", "Missing", "Resolution");
        foreach (var l in t.Lines)
        {
            lines.AddRow(
                l.Number.ToString(CultureInfo.InvariantCulture), Markup.Escape(l.Name ?? (l.Identifiers.Count > 0 ? l.Identifiers[0] : l.Specimen.ToString())), Markup.Escape(string.Join(", ", l.Identifiers)),
                Markup.Escape(l.Taxon.ScientificName), l.Kind == SpecimenKind.Group ? "group" : $"individual, {Words.Kebab(l.Sex)}", l.Counts,
                l.Arrived ?? "", l.DeadOnArrival ?? "", l.Missing ?? "", Markup.Escape(l.Resolution is { } r ? $"{Words.Kebab(r)}: {l.ResolutionReason}" : ""));
        }
        console.Write(lines);

        var timeline = new Table().Title("Timeline").AddColumns("#", "Step", "Party", "By", "Recorded (UTC)", "At (UTC)", "Reason");
        foreach (var s in t.Timeline)
        {
            timeline.AddRow(
                s.Number.ToString(CultureInfo.InvariantCulture), Words.Kebab(s.Action), Words.Kebab(s.Party), Markup.Escape(s.By), Instant(s.RecordedAt), Instant(s.At),
                Markup.Escape(s.Reason ?? ""));
        }
        console.Write(timeline);

        if (t.Documents.Count == 0)
            return;
        var documents = new Table().Title("Documents").AddColumns("Type", "Number", "Issued by", "Issued", "Valid", "Lines", "File");
        foreach (var d in t.Documents)
        {
            documents.AddRow(
                Markup.Escape(DocumentNames.Name(d.Type)), Markup.Escape(d.Number), Markup.Escape($"{d.IssuingAuthority} ({d.IssuingState})"),
                d.IssuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                $"{d.ValidFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""} to {d.ValidUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "open"}",
                d.Covers.Count == 0 ? "all" : string.Join(", ", d.Covers.Select(c => c.Counts is null ? $"{c.Line}" : $"{c.Line} ({c.Counts})")),
                Markup.Escape(d.FileName ?? ""));
        }
        console.Write(documents);
    }

    /// <summary>The one line a step prints: where the transfer stands now, and what it waits for.</summary>
    public static void Done(TextWriter output, TransferView t)
    {
        var missing = t.OpenDiscrepancy ? $"; animals missing on line {string.Join(", ", t.Lines.Where(l => l.Missing is not null && l.Resolution is null && l.Missing != "0.0.0").Select(l => l.Number))}" : "";
        output.WriteLine($"Transfer {t.Id} ({t.Sender} to {t.Receiver}, {t.Animals} animal{(t.Animals == 1 ? "" : "s")}) is {Words.Kebab(t.Status)}{missing}. Waiting for: {Next(t.NextStep)}.");
    }

    private static string Terms(Domain.Transfers.TransferTerms terms, DateOnly? returnDue) =>
        Words.Kebab(terms) + (returnDue is { } due ? $" until {due:yyyy-MM-dd}" : "");

    private static string Date(DateTime? at) => at is { } value ? value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";

    private static string Instant(DateTime? at) => at is { } value ? value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";

    private static string Next(NextStepView? next) => next is null ? "nothing" : $"{next.Action} by {next.Institution}";
}
