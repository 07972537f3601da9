using System.CommandLine;
using Menagerie.App.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Menagerie.Cli.Commands;

public static class DatabaseCommands
{
    public static Command Create(CliContext cli)
    {
        var migrate = new Command("migrate", "Creates the database if needed and applies every migration not yet applied.");
        migrate.SetAction(async (parse, ct) =>
        {
            var opened = await cli.OpenAsync(parse, ct, create: true);
            if (opened is not { } o)
                return ExitCodes.Usage;
            await using var scope = o.Scope;
            await DatabaseSetup.MigrateAsync(o.Db, ct);
            await cli.Output.WriteLineAsync($"Database ready: {scope.ServiceProvider.GetRequiredService<DatabaseOptions>().Describe()}");
            return ExitCodes.Ok;
        });
        return new Command("db", "The database itself.") { migrate };
    }
}
