using System.CommandLine;
using Menagerie.App.Specimens;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Menagerie.Cli.Commands;

public static class CensusCommands
{
    public static Command Create(CliContext cli)
    {
        var institution = new Argument<string>("institution") { Description = "The institution's code (e.g. MOSCOW) or id." };
        var on = new Option<DateOnly?>("--on") { Description = "The date (yyyy-MM-dd); the census is taken at the end of it. Default: today." };
        var format = GlobalOptions.Format();
        var show = new Command("show", "What an institution held on a date: individuals by sex and group counts, per taxon.") { institution, on, format };
        show.SetAction(async (parse, ct) =>
        {
            var opened = await cli.OpenAsync(parse, ct);
            if (opened is not { } o)
                return ExitCodes.Usage;
            await using var scope = o.Scope;
            var census = await scope.ServiceProvider.GetRequiredService<Census>().OnAsync(parse.GetRequiredValue(institution), parse.GetValue(on), ct);
            return await census.ReportAsync(cli, parse.GetValue(format), view => Render(cli.Console, view), ct);
        });
        return new Command("census", "Counts of what institutions hold.") { show };
    }

    private static void Render(IAnsiConsole console, CensusView census)
    {
        var table = new Table().Title($"{Markup.Escape(census.Institution.Name)} ({census.Institution.Code}), end of {census.Date:yyyy-MM-dd}")
            .AddColumns("Taxon", "Common name", "Individuals", "Groups", "Group counts", "Total (m.f.u)", "Animals");
        foreach (var line in census.Taxa)
        {
            table.AddRow(
                Markup.Escape(line.Taxon.ScientificName), Markup.Escape(line.Taxon.CommonName), line.IndividualsBySex,
                line.Groups.ToString(System.Globalization.CultureInfo.InvariantCulture), line.GroupCountsBySex, line.TotalBySex,
                line.Total.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        table.AddRow("[bold]Total[/]", "", "", "", "", census.TotalBySex, census.Total.ToString(System.Globalization.CultureInfo.InvariantCulture));
        console.Write(table);
    }
}
