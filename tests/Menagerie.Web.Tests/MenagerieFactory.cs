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
        foreach (var (key, value) in settings ?? [])
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(database.Time));
    }
}
