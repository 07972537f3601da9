using System.CommandLine;
using System.Globalization;
using Menagerie.App.Compliance.Reference;
using Menagerie.Domain.Compliance;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Menagerie.Cli.Commands;

public static class ReferenceCommands
{
    public static Command Create(CliContext cli) =>
        new("reference", "Reference data for compliance: the CITES checklist, its listing history, the Parties, every row with its source and as-of date.")
        {
            Import(cli), ImportMeasures(cli, TradeMeasureKind.Suspensions), ImportMeasures(cli, TradeMeasureKind.Quotas), Show(cli), Status(cli),
        };

    private static Command Import(CliContext cli)
    {
        var path = new Argument<string>("path")
        {
            Description = "A folder holding CITES Checklist snapshot files (animalia_taxa_utf8.csv, animalia_legislation_utf8.csv … as in UNEP-WCMC's SAPI), or one CSV export of the current CITES Checklist.",
        };
        var asOf = new Option<DateOnly?>("--as-of")
        {
            Description = "The date the listings were current, yyyy-MM-dd: for an export, the day it was downloaded (required). A folder defaults to 2013-11-30, the date of the 2013 snapshot.",
        };
        var source = new Option<string?>("--source") { Description = "What every listing is labelled with (default: the file or folder name)." };
        var format = GlobalOptions.Format();
        var import = new Command("import-checklist", "Replaces the CITES checklist in the records in one transaction; Menagerie's listing corrections are applied where they are not older than it.")
        {
            path, asOf, source, format,
        };
        import.SetAction(async (parse, ct) =>
        {
            var opened = await cli.OpenAsync(parse, ct);
            if (opened is not { } o)
                return ExitCodes.Usage;
            await using var scope = o.Scope;
            var importer = scope.ServiceProvider.GetRequiredService<ChecklistImport>();
            var result = await cli.WithStatusAsync("Reading and importing the checklist…",
                () => importer.ImportAsync(parse.GetRequiredValue(path), parse.GetValue(asOf), parse.GetValue(source), ct));
            switch (result)
            {
                case ChecklistImportResult.Imported { Edition: var edition }:
                    if (parse.GetValue(format) == OutputFormat.Json)
                        await cli.WriteJsonAsync(edition, ct);
                    else
                        await cli.Output.WriteLineAsync(Summary(edition));
                    return ExitCodes.Ok;
                case ChecklistImportResult.Rejected { Problems: var problems }:
                    return await cli.RefusedAsync(problems, "", "imported");
                case ChecklistImportResult.Forbidden { Message: var message }:
                    await cli.Error.WriteLineAsync(message);
                    return ExitCodes.Findings;
                default:
                    throw new InvalidOperationException(result.GetType().Name);
            }
        });
        return import;
    }

    private static string Summary(ChecklistEditionView e) =>
        string.Create(CultureInfo.InvariantCulture, $"Imported CITES checklist edition {e.Number}: {e.Names} names, {e.Listings} listings, as of {e.AsOf:yyyy-MM-dd} ({e.Source}); ") +
        string.Create(CultureInfo.InvariantCulture, $"{e.Corrections} listing correction{(e.Corrections == 1 ? "" : "s")} applied.") +
        (e.Replaced is null ? "" : $" It replaces {e.Replaced}.");

    private static Command Show(CliContext cli)
    {
        var taxon = new Argument<string>("taxon") { Description = "A scientific name in the checklist, e.g. \"Ursus arctos\"; a synonym is resolved to its accepted name." };
        var on = new Option<DateOnly?>("--on") { Description = "The day whose listings are wanted, yyyy-MM-dd (default: today)." };
        var format = GlobalOptions.Format();
        var show = new Command("show", "The listing rows in force for a taxon on a day, each with its source and as-of date, and the dated changes to its listing.") { taxon, on, format };
        show.SetAction(async (parse, ct) =>
        {
            var opened = await cli.OpenAsync(parse, ct);
            if (opened is not { } o)
                return ExitCodes.Usage;
            await using var scope = o.Scope;
            var view = await scope.ServiceProvider.GetRequiredService<ListingLookup>().ShowAsync(parse.GetRequiredValue(taxon), parse.GetValue(on), ct);
            return await view.ReportAsync(cli, parse.GetValue(format), v => Render(cli.Console, v), ct);
        });
        return show;
    }

    private static void Render(IAnsiConsole console, TaxonListingView view)
    {
        var synonym = view.AcceptedName is null ? "" : $", a synonym of {view.AcceptedName}";
        console.WriteLine($"{view.Name} ({view.Rank?.ToString() ?? "not a checklist name"}{synonym}); lineage: {string.Join(" > ", view.Lineage)}");
        if (view.CoveredByGenus is { } genus)
            console.WriteLine($"Not a name in the checklist: the listing that covers every species of {genus} applies. Check the spelling, or import a newer checklist that names it.");
        if (view.DomesticatedFormOf is { } wild)
            console.WriteLine($"The domesticated form of {wild.WildTaxon}: not subject to the Convention. Source: {wild.Source}");
        else if (view.ExcludedBy is { } excludedBy)
            console.WriteLine($"Not listed: the listing of {excludedBy} leaves it out.");
        else if (view.ListedUnder is null)
            console.WriteLine("Not listed: neither it nor any taxon above it has a listing.");
        else
        {
            var under = !string.Equals(view.ListedUnder, view.AcceptedName ?? view.Name, StringComparison.OrdinalIgnoreCase) ? $"Listed under {view.ListedUnder}"
                : view.AcceptedName is { } accepted ? $"Listed under its accepted name, {accepted}"
                : "Listed in its own name";
            console.WriteLine(under + (view.FirstListed is { } first ? string.Create(CultureInfo.InvariantCulture, $"; first listed {first:yyyy-MM-dd}.") : "."));
        }
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Checklist: {view.ChecklistSource}, as of {view.ChecklistAsOf:yyyy-MM-dd}; listings in force on {view.On:yyyy-MM-dd}."));
        if (view.Listings.Count > 0)
            console.Write(ListingTable(view.Listings));
        if (view.History.Count > 0)
        {
            console.WriteLine("Changes to the listings of it and the taxa above it since the checklist:");
            console.Write(ChangeTable(view.History));
        }
    }

    private static Table ListingTable(IReadOnlyList<ListingRowView> listings)
    {
        var table = new Table().AddColumns("Appendix", "Since", "Populations", "Party", "Annotation", "Source", "As of");
        foreach (var l in listings)
        {
            var populations = l.Populations.Count > 0 ? string.Join(",", l.Populations) : l.ExcludedPopulations.Count > 0 ? "all but " + string.Join(",", l.ExcludedPopulations) : "all";
            var annotation = l.Annotation
                + (l.ExcludedTaxa.Count > 0 ? $" Leaves out: {string.Join(", ", l.ExcludedTaxa)}." : "")
                + (l.ExcludesDomesticated ? " The domesticated form is not subject to the Convention." : "");
            table.AddRow(
                l.Appendix == Appendix.NotListed ? "not listed" : l.Appendix.ToString(),
                l.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Markup.Escape(populations),
                Markup.Escape(l.ListingParty ?? ""),
                Markup.Escape(annotation.Trim()),
                Markup.Escape(l.Source),
                l.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        return table;
    }

    private static Table ChangeTable(IReadOnlyList<ListingChangeView> changes)
    {
        var table = new Table().AddColumns("In force", "Taxon", "Change", "Populations", "Annotation", "Adopted", "Source");
        foreach (var c in changes)
        {
            table.AddRow(
                c.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Markup.Escape(c.Taxon),
                Markup.Escape(Described(c)),
                Markup.Escape(Populations(c.Populations, c.ExcludedPopulations)),
                Markup.Escape(c.Annotation),
                Markup.Escape(c.Meeting),
                Markup.Escape(c.Source));
        }
        return table;
    }

    private static string Described(ListingChangeView c) => c.Change switch
    {
        ListingChangeKind.Added => $"added to {c.To}" + (c.ListingParty is { } p ? $" by {p}" : ""),
        ListingChangeKind.Deleted => $"deleted from {c.From}",
        ListingChangeKind.Transferred => $"{c.From} → {c.To}",
        _ => $"{c.To} amended",
    };

    private static string Populations(IReadOnlyList<string> populations, IReadOnlyList<string> excluded) =>
        populations.Count > 0 ? string.Join(",", populations) : excluded.Count > 0 ? "all but " + string.Join(",", excluded) : "all";

    private static Command Status(CliContext cli)
    {
        var format = GlobalOptions.Format();
        var status = new Command("status", "The reference data in use: the checklist edition, the newest listing change recorded over it and how far the changes are complete, the Party list's date.") { format };
        status.SetAction(async (parse, ct) =>
        {
            var opened = await cli.OpenAsync(parse, ct);
            if (opened is not { } o)
                return ExitCodes.Usage;
            await using var scope = o.Scope;
            var view = await scope.ServiceProvider.GetRequiredService<ListingLookup>().StatusAsync(ct);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                await cli.WriteJsonAsync(view, ct);
                return ExitCodes.Ok;
            }
            RenderStatus(cli.Console, view);
            return ExitCodes.Ok;
        });
        return status;
    }

    private static void RenderStatus(IAnsiConsole console, ReferenceStatusView view)
    {
        var edition = view.Edition is { } e ? string.Create(CultureInfo.InvariantCulture, $"edition {e.Number}, ") : "";
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Checklist: {edition}{view.ChecklistSource}, as of {view.ChecklistAsOf:yyyy-MM-dd}."));
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Listing changes over it: {view.ListingChanges}, and {view.Synonyms} synonyms."));
        if (view.NewestChange is { } c)
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Newest change in force: {c.Taxon} {Described(c)}, since {c.EffectiveFrom:yyyy-MM-dd} ({c.Meeting})."));
        if (view.NextChange is { } next)
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Next change: {next.Taxon} {Described(next)}, in force from {next.EffectiveFrom:yyyy-MM-dd} ({next.Meeting})."));
        foreach (var coverage in view.Coverage)
        {
            var appendices = string.Join(" and ", coverage.Appendices);
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Complete to {coverage.CompleteTo:yyyy-MM-dd} for {coverage.Taxon}, Appendices {appendices}: {coverage.Note}"));
        }
        if (view.Coverage.Count == 0)
            console.WriteLine("No taxon's listing changes are known to be complete: every listing counts as of its own source's date.");
        var older = view.OlderStatuses == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"; {view.OlderStatuses} states' status is as of an earlier date");
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Parties: {view.Parties} of {view.States} states known, the list as of {view.PartiesAsOf:yyyy-MM-dd}{older}."));
        console.WriteLine(view.Suspensions is { } s ? Summary(s) : "Trade suspensions: none imported (import your Species+ download with 'menagerie reference import-suspensions').");
        console.WriteLine(view.Quotas is { } q ? Summary(q) : "Export quotas: none imported (import your Species+ download with 'menagerie reference import-quotas').");
    }

    private static string Summary(TradeMeasureListView list) => list.Kind == TradeMeasureKind.Suspensions
        ? string.Create(CultureInfo.InvariantCulture, $"Trade suspensions: {list.Rows} from {list.File}, current to {list.AsOf:yyyy-MM-dd}; {list.Current} in force today.{Unknown(list)}")
        : string.Create(CultureInfo.InvariantCulture, $"Export quotas: {list.Rows} from {list.File}, current to {list.AsOf:yyyy-MM-dd}; {list.Current} for this year.{Unknown(list)}");

    private static string Unknown(TradeMeasureListView list) => list.NamesNotInChecklist.Count == 0 ? ""
        : string.Create(CultureInfo.InvariantCulture, $" Not in the checklist, so reaching only animals recorded under these very names: {string.Join(", ", list.NamesNotInChecklist)}.");

    private static Command ImportMeasures(CliContext cli, TradeMeasureKind kind)
    {
        var (name, download) = kind == TradeMeasureKind.Suspensions ? ("import-suspensions", "CITES Suspensions") : ("import-quotas", "CITES Quotas");
        var file = new Argument<string>("file") { Description = $"The \"{download}\" CSV downloaded from speciesplus.net (Downloads), comma- or semicolon-separated." };
        var asOf = new Option<DateOnly?>("--as-of")
        {
            Description = "The day the download is current to, yyyy-MM-dd (default: the date of the latest update in the file name Species+ gives it).",
        };
        var format = GlobalOptions.Format();
        var command = new Command(name, $"Replaces the {(kind == TradeMeasureKind.Suspensions ? "recommendations to suspend trade" : "export quotas")} in the records with those of your own Species+ \"{download}\" download, which rule C-23 applies; all or nothing, every row in the ledger.")
        {
            file, asOf, format,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetRequiredValue(file);
            if (!File.Exists(path))
            {
                await cli.Error.WriteLineAsync($"{path}: there is no such file.");
                return ExitCodes.Usage;
            }
            var opened = await cli.OpenAsync(parse, ct);
            if (opened is not { } o)
                return ExitCodes.Usage;
            await using var scope = o.Scope;
            await using var content = File.OpenRead(path);
            var result = await scope.ServiceProvider.GetRequiredService<TradeMeasureImport>().ImportAsync(kind, path, content, parse.GetValue(asOf), ct);
            switch (result)
            {
                case TradeMeasureImportResult.Imported { List: var list, Replaced: var replaced }:
                    if (parse.GetValue(format) == OutputFormat.Json)
                        await cli.WriteJsonAsync(list, ct);
                    else
                        await cli.Output.WriteLineAsync(Summary(list) + string.Create(CultureInfo.InvariantCulture, $" They replace {replaced} rows."));
                    return ExitCodes.Ok;
                case TradeMeasureImportResult.Rejected { Problems: var problems }:
                    return await cli.RefusedAsync(problems, "", "imported");
                case TradeMeasureImportResult.Forbidden { Message: var message }:
                    await cli.Error.WriteLineAsync(message);
                    return ExitCodes.Findings;
                default:
                    throw new InvalidOperationException(result.GetType().Name);
            }
        });
        return command;
    }
}
