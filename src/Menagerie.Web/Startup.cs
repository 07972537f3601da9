using System.Text.Json;
using Menagerie.App;
using Menagerie.App.Persistence;
using Menagerie.App.Sample;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Menagerie.Web;

internal static partial class Startup
{
    /// <summary>Migrates the database and, unless Menagerie:Sample:Load is false, loads the sample collection (a no-op once loaded).</summary>
    public static async Task PrepareDatabaseAsync(IServiceProvider services, IConfiguration configuration, ILogger logger, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<DatabaseOptions>();
        scope.ServiceProvider.GetRequiredService<Actor>().Name = "menagerie (start-up)";
        scope.ServiceProvider.GetRequiredService<App.Accounts.Access>().ActAsOperator();
        var db = scope.ServiceProvider.GetRequiredService<MenagerieDbContext>();
        await DatabaseSetup.MigrateAsync(db, ct);
        var description = database.Describe();
        LogDatabase(logger, description);
        if (!configuration.GetValue("Menagerie:Sample:Load", defaultValue: true))
            return;
        var result = await scope.ServiceProvider.GetRequiredService<SampleLoader>().LoadBuiltInAsync(ct);
        switch (result)
        {
            case SampleLoadResult.Loaded { Specimens: > 0 } loaded:
                LogSampleLoaded(logger, loaded.Institutions, loaded.Taxa, loaded.Specimens, loaded.Events, loaded.Transfers);
                break;
            case SampleLoadResult.Rejected rejected:
                throw new InvalidOperationException("The built-in sample collection has problems:\n" + string.Join('\n', rejected.Problems));
        }
        var accounts = await scope.ServiceProvider.GetRequiredService<SampleAccounts>().EnsureAsync(configuration["Menagerie:Sample:Password"], ct);
        switch (accounts)
        {
            case Outcome<IReadOnlyList<SampleUser>>.Ok { Value: var created }:
                await SampleUsers.PrintAsync(Console.Out, created);
                break;
            case Outcome<IReadOnlyList<SampleUser>>.Invalid invalid:
                throw new InvalidOperationException(string.Join('\n', invalid.Violations.Select(v => $"{v.Field}: {v.Message}")));
        }
        switch (await scope.ServiceProvider.GetRequiredService<SampleStudbook>().EnsureAsync(ct))
        {
            case Outcome<bool>.Ok { Value: true }:
                LogSampleStudbook(logger, SampleStudbook.Name, SampleStudbook.Keeper);
                break;
            case Outcome<bool>.Invalid invalid:
                throw new InvalidOperationException("The sample studbook has problems:\n" + string.Join('\n', invalid.Violations.Select(v => v.Message)));
        }
    }

    public static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        var database = context.RequestServices.GetRequiredService<DatabaseOptions>();
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            database = new
            {
                provider = database.Provider.ToString(),
                status = report.Entries.TryGetValue("database", out var entry) ? entry.Status.ToString() : "Unknown",
                error = report.Entries.TryGetValue("database", out var e) ? e.Description ?? e.Exception?.Message : null,
            },
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json.Options), context.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Records database: {Database}")]
    private static partial void LogDatabase(ILogger logger, string database);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sample studbook loaded: {Studbook}, kept by {Keeper}")]
    private static partial void LogSampleStudbook(ILogger logger, string studbook, string keeper);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sample collection loaded: {Institutions} institutions, {Taxa} taxa, {Specimens} specimens, {Events} events, {Transfers} transfers")]
    private static partial void LogSampleLoaded(ILogger logger, int institutions, int taxa, int specimens, int events, int transfers);
}
