using Menagerie.App.Persistence;
using Microsoft.Extensions.Configuration;

namespace Menagerie.Cli.Tests;

/// <summary>One invocation of the <c>menagerie</c> command, with what it wrote and its exit code.</summary>
internal sealed record CliRun(int Exit, string Output, string Error)
{
    public static async Task<CliRun> RunAsync(DatabaseOptions? database, params string[] args)
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (database is not null)
        {
            settings["ConnectionStrings:Menagerie"] = database.ConnectionString;
            settings["Menagerie:Database:Provider"] = database.Provider.ToString();
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await MenagerieCli.RunAsync(args, configuration, output, error, TestContext.Current.CancellationToken);
        return new CliRun(exit, output.ToString(), error.ToString());
    }
}
