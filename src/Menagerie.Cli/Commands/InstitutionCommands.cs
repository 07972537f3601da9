using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Menagerie.Cli.Commands;

public static class InstitutionCommands
{
    public static Command Create(CliContext cli)
    {
        var format = GlobalOptions.Format();
        var list = new Command("list", "Every institution, with its country's CITES Party status and its time zone.") { format };
        list.SetAction(async (parse, ct) =>
        {
            var opened = await cli.OpenAsync(parse, ct);
            if (opened is not { } o)
                return ExitCodes.Usage;
            await using var scope = o.Scope;
            var institutions = await scope.ServiceProvider.GetRequiredService<App.Institutions.InstitutionCommands>().ListAsync(ct);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                await cli.WriteJsonAsync(institutions, ct);
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("Code", "Name", "Country", "CITES Party", "Time zone");
            foreach (var i in institutions)
            {
                table.AddRow(Markup.Escape(i.Code), Markup.Escape(i.Name), $"{Markup.Escape(i.Country.Name)} ({i.Country.Code})",
                    i.Country.IsCitesParty ? $"since {i.Country.CitesEntryIntoForce:yyyy-MM-dd}" : "no", Markup.Escape(i.TimeZone));
            }
            cli.Console.Write(table);
            return ExitCodes.Ok;
        });
        return new Command("institution", "Zoos, aquariums, sanctuaries and other holders.") { list };
    }
}
