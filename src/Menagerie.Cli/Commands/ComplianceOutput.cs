using System.Globalization;
using Menagerie.App.Compliance;
using Spectre.Console;

namespace Menagerie.Cli.Commands;

/// <summary>Requirements as tables for a person, the same for a shipment file and for a transfer, and the exit code of a verdict.</summary>
internal static class ComplianceOutput
{
    public static int ExitCode(ComplianceView view) => ExitCode(view.Verdict);

    /// <summary>A verdict's exit code, the same for requirements and for a transport plan: clear 0, blocked 1, warnings only 3.</summary>
    public static int ExitCode(string verdict) => verdict switch
    {
        "blocked" => ExitCodes.Findings,
        "warnings" => ExitCodes.WarningsOnly,
        _ => ExitCodes.Ok,
    };

    public static void Write(IAnsiConsole console, string heading, ComplianceView view)
    {
        console.MarkupLine(Markup.Escape($"{heading}, checked on {view.On}: {view.Verdict.ToUpperInvariant()}"));
        console.MarkupLine(Markup.Escape($"Listings from {view.Checklist.Source}, as of {view.Checklist.AsOf:yyyy-MM-dd}."));

        var lines = new Table().Title("Lines").AddColumns("Line", "Recorded", "Listing");
        foreach (var l in view.Listings)
            lines.AddRow(l.Line.ToString(CultureInfo.InvariantCulture), Markup.Escape(l.Recorded), Markup.Escape(l.Description.ToString()));
        console.Write(lines);

        var counted = view.Requirements.Where(r => r.Status != "satisfied" && r.Severity != "info").ToList();
        var open = counted.Where(r => r.Override is null).ToList();
        var requirements = new Table().Title("Open requirements").AddColumns("Rule", "Severity", "Status", "Lines", "What is needed and why", "Source");
        foreach (var r in open.OrderBy(r => r.Severity == "block" ? 0 : 1))
            requirements.AddRow(r.Rule, r.Severity, r.Status, string.Join(", ", r.Lines), Markup.Escape(r.Message.ToString()), Markup.Escape(r.Source));
        console.Write(requirements);

        var confirmed = counted.Where(r => r.Override is not null).ToList();
        if (confirmed.Count > 0)
        {
            var table = new Table().Title("Confirmed warnings").AddColumns("Rule", "Lines", "What was asked", "Confirmed by", "Reason");
            foreach (var r in confirmed)
                table.AddRow(r.Rule, string.Join(", ", r.Lines), Markup.Escape(r.Message.ToString()), Markup.Escape(r.Override!.By), Markup.Escape(r.Override.Reason));
            console.Write(table);
        }

        if (view.DocumentsNeeded.Count > 0)
        {
            var needed = new Table().Title("Documents needed").AddColumns("Document", "Issued by", "Lines", "Rules", "Severity");
            foreach (var n in view.DocumentsNeeded)
                needed.AddRow(n.Document, n.Issuer ?? "any", string.Join(", ", n.Lines), string.Join(", ", n.Rules), n.Severity);
            console.Write(needed);
        }
        var met = view.Requirements.Count - open.Count;
        console.WriteLine($"{open.Count(r => r.Severity == "block")} blocking, {open.Count(r => r.Severity == "warn")} warnings open, {met} met, confirmed or for information.");
    }
}
