using Menagerie.App;
using Menagerie.App.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Menagerie.Testing;

/// <summary>
/// A real, migrated database for one test: a SQLite file in a temporary folder, or a PostgreSQL
/// database cloned from the template. PostgreSQL tests skip where no server can be had, unless
/// MENAGERIE_REQUIRE_POSTGRES=1, where they fail instead.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly Func<Task> _cleanup;

    private TestDatabase(DatabaseOptions options, Func<Task> cleanup)
    {
        Options = options;
        _cleanup = cleanup;
    }

    public DatabaseOptions Options { get; }

    /// <summary>The clock of the records written in this test: 2026-11-29 10:00 UTC unless moved.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));

    /// <summary>The SQLite file, for tests that tamper with it directly.</summary>
    public string? SqliteFile { get; private init; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool withSample = false)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var template = await SqliteTemplate.GetAsync(withSample);
            var folder = Directory.CreateTempSubdirectory("menagerie-test-").FullName;
            var file = Path.Combine(folder, "menagerie.db");
            File.Copy(template, file);
            return new TestDatabase(new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=False"), () =>
            {
                Directory.Delete(folder, recursive: true);
                return Task.CompletedTask;
            })
            { SqliteFile = file };
        }

        var (server, unavailable) = await PostgresServer.GetAsync();
        if (server is null)
        {
            if (Environment.GetEnvironmentVariable("MENAGERIE_REQUIRE_POSTGRES") == "1")
                Assert.Fail("MENAGERIE_REQUIRE_POSTGRES=1 but " + unavailable);
            Assert.Skip(unavailable!);
        }
        var name = "menagerie_test_" + Guid.NewGuid().ToString("N")[..16];
        var connection = await server.CreateDatabaseAsync(name, withSample);
        return new TestDatabase(new DatabaseOptions(DatabaseProvider.PostgreSQL, connection), () => server.DropDatabaseAsync(name));
    }

    /// <summary>Services as a host builds them, with this test's database and clock.</summary>
    public ServiceProvider Services()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddMenagerieApp(Options);
        return services.BuildServiceProvider();
    }


    public static MenagerieDbContext Open(DatabaseOptions options, TimeProvider? time = null)
    {
        var actor = new Actor { Name = "test setup" };
        return options.Provider == DatabaseProvider.Sqlite
            ? new SqliteMenagerieDbContext(new DbContextOptionsBuilder<SqliteMenagerieDbContext>().UseSqlite(options.ConnectionString).Options, actor, time ?? TimeProvider.System)
            : new PostgresMenagerieDbContext(new DbContextOptionsBuilder<PostgresMenagerieDbContext>().UseNpgsql(options.ConnectionString).Options, actor, time ?? TimeProvider.System);
    }

    /// <summary>How many entries the ledger holds: a refused request adds none.</summary>
    public async Task<int> LedgerEntriesAsync()
    {
        await using var db = Open(Options);
        return await db.LedgerEntries.CountAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Migrates a database and, if asked, loads the built-in sample collection into it.</summary>
    internal static async Task PrepareAsync(DatabaseOptions options, bool withSample)
    {
        await using var db = Open(options);
        await DatabaseSetup.MigrateAsync(db, CancellationToken.None);
        if (withSample && await new Menagerie.App.Sample.SampleLoader(db).LoadBuiltInAsync(CancellationToken.None) is Menagerie.App.Sample.SampleLoadResult.Rejected r)
            throw new InvalidOperationException("The sample collection does not load: " + string.Join("; ", r.Problems));
    }

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await _cleanup();
    }
}

public static class ServiceProviderExtensions
{
    /// <summary>A scope acting as the installation's operator, as a command would, with its actor set.</summary>
    public static AsyncServiceScope Scope(this ServiceProvider services, string actor = "test registrar")
    {
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Actor>().Name = actor;
        scope.ServiceProvider.GetRequiredService<Menagerie.App.Accounts.Access>().ActAsOperator();
        return scope;
    }
}
