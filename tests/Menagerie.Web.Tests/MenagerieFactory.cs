using System.Net.Http.Headers;
using Menagerie.App;
using Menagerie.App.Accounts;
using Menagerie.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Menagerie.Web.Tests;

/// <summary>The web app with its real pipeline, on a test's own migrated database and clock.</summary>
public sealed class MenagerieFactory(TestDatabase database, bool loadSample = false, (string Key, string Value)[]? settings = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Menagerie", database.Options.ConnectionString);
        builder.UseSetting("Menagerie:Database:Provider", database.Options.Provider.ToString());
        builder.UseSetting("Menagerie:Sample:Load", loadSample ? "true" : "false");
        // Warnings and errors only, so that a failing test's report is not buried under every host's start-up.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings ?? [])
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(database.Time));
    }

    public const string Password = "a long enough passphrase";

    /// <summary>A client that sends a personal token of this user, created with these memberships if the user is new.</summary>
    public async Task<HttpClient> ClientAsAsync(string userName, params MembershipInput[] memberships)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Access>().ActAsOperator();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountCommands>();
        var ct = TestContext.Current.CancellationToken;
        if (await accounts.AddUserAsync(userName, Password, memberships, ct) is not (Outcome<NewUser>.Created or Outcome<NewUser>.Conflict))
            throw new InvalidOperationException($"Could not add the test user {userName}.");
        var token = await accounts.CreateTokenAsync(userName, "test", ct) as Outcome<NewToken>.Created
            ?? throw new InvalidOperationException($"Could not create a token for {userName}.");
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Value.Secret);
        return client;
    }

    /// <summary>A sample user, <c>role@INSTITUTION</c>, with the one membership the sample gives them.</summary>
    public Task<HttpClient> ClientAsSampleUserAsync(string user)
    {
        var at = user.IndexOf('@', StringComparison.Ordinal);
        var role = Enum.Parse<Role>(user[..at].Replace("-", "", StringComparison.Ordinal), ignoreCase: true);
        return ClientAsAsync(user, new MembershipInput(role, user[(at + 1)..]));
    }
}
