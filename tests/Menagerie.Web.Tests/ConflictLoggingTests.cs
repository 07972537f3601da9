using System.Net;
using System.Net.Http.Json;
using Menagerie.App.Persistence;
using Menagerie.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Menagerie.Web.Tests;

/// <summary>Writers racing on one animal: the losers' 409s are one line of information each, not errors with stack traces.</summary>
public sealed class ConflictLoggingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_lost_race_is_logged_as_information_without_a_stack_trace()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        var log = new CapturedLog();
        await using var factory = new MenagerieFactory(database, settings: [("Logging:LogLevel:Default", "Information")]);
        await using var logged = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(log)));
        using var registrar = await ClientAsync(logged);

        var conflicts = 0;
        for (var round = 0; round < 20 && conflicts == 0; round++)
        {
            var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => registrar.PostAsJsonAsync("/api/v1/specimens/EEP-PLE-3117/events",
                new { type = "note", date = "2026-11-28", text = $"round {round} writer {i}" }, Ct)));
            Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
            conflicts = answers.Count(a => a.StatusCode == HttpStatusCode.Conflict);
        }

        Assert.True(conflicts > 0, "Eight writers at once never collided in 20 rounds.");
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Information && e.Message.StartsWith("409 Conflict for POST /api/v1/specimens/EEP-PLE-3117/events", StringComparison.Ordinal));
        // Before, each lost race was two errors with the whole stack (EF Core's failed command and failed save), and
        // finding an animal by an identifier warned of a row limit without an order.
        Assert.DoesNotContain(log.Entries, e => e.Level >= LogLevel.Warning && (e.Exception is not null || e.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)));
    }

    private static async Task<HttpClient> ClientAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<App.Accounts.Access>().ActAsOperator();
        var accounts = scope.ServiceProvider.GetRequiredService<App.Accounts.AccountCommands>();
        await accounts.AddUserAsync("racer@MOSCOW", MenagerieFactory.Password, [new App.Accounts.MembershipInput(App.Accounts.Role.Registrar, "MOSCOW")], Ct);
        var token = (App.Outcome<App.Accounts.NewToken>.Created)await accounts.CreateTokenAsync("racer@MOSCOW", "race", Ct);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.Value.Secret);
        return client;
    }
}
