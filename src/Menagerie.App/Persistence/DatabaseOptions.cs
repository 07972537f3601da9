using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Menagerie.App.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSQL,
}

/// <summary>
/// Where the records are: <c>menagerie.db</c> in the current directory unless
/// <c>Menagerie:Database:Provider</c> and <c>ConnectionStrings:Menagerie</c> say otherwise.
/// The web app and the command line read them the same way.
/// </summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqliteFile = "menagerie.db";

    public static DatabaseOptions Sqlite(string path) => new(DatabaseProvider.Sqlite, $"Data Source={path}");

    public static DatabaseOptions FromConfiguration(IConfiguration configuration)
    {
        var providerText = configuration["Menagerie:Database:Provider"];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText) && !Enum.TryParse(providerText, ignoreCase: true, out provider))
        {
            throw new InvalidOperationException(
                $"Menagerie:Database:Provider is '{providerText}'; it must be Sqlite or PostgreSQL.");
        }
        var connectionString = configuration.GetConnectionString("Menagerie");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.PostgreSQL)
                throw new InvalidOperationException("The PostgreSQL provider needs ConnectionStrings:Menagerie (ConnectionStrings__Menagerie).");
            return Sqlite(DefaultSqliteFile);
        }
        return new(provider, connectionString);
    }

    /// <summary>The connection string with any password masked, for messages.</summary>
    public string Describe() => Provider == DatabaseProvider.Sqlite
        ? $"SQLite ({ConnectionString})"
        : $"PostgreSQL ({new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Password = null }})";

    /// <summary>
    /// A context for each request or command; its options, which depend on nothing but these settings, are built
    /// once, so that a request does not build them again and compare them with the cached ones to find EF Core's services.
    /// </summary>
    internal void Register(IServiceCollection services)
    {
        switch (Provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddDbContext<SqliteMenagerieDbContext>(o => Quiet(o.UseSqlite(ConnectionString)), optionsLifetime: ServiceLifetime.Singleton);
                services.AddScoped<MenagerieDbContext>(sp => sp.GetRequiredService<SqliteMenagerieDbContext>());
                break;
            case DatabaseProvider.PostgreSQL:
                services.AddDbContext<PostgresMenagerieDbContext>(
                    o => Quiet(o.UseNpgsql(ConnectionString, n => n.EnableRetryOnFailure(MaxRetries, MaxRetryDelay, null))), optionsLifetime: ServiceLifetime.Singleton);
                services.AddScoped<MenagerieDbContext>(sp => sp.GetRequiredService<PostgresMenagerieDbContext>());
                break;
        }
    }

    /// <summary>
    /// A PostgreSQL restart or a dropped connection is retried for up to about ten seconds before the request is
    /// answered "unavailable". SQLite needs no strategy: Microsoft.Data.Sqlite itself waits out a busy database
    /// for the command timeout, and every write transaction takes its lock at BEGIN, so none has to be redone.
    /// </summary>
    private const int MaxRetries = 5;

    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Every SQL statement is logged at Debug, not Information: a log at its usual level is then about the
    /// installation, not its queries (the first start alone runs thousands). Set the category
    /// <c>Microsoft.EntityFrameworkCore.Database.Command</c> to Debug to see them.
    /// A save the database refuses is logged at Debug too: a lost race is answered 409, logged in one line where it is
    /// answered, and any other failure reaches the host as the request's error, logged there once with its stack.
    /// Two SQLite migrations (Transfers, DiedInCare) rebuild a table, which cannot run in one transaction, and one of
    /// them updates rows while its rebuild is pending; EF Core warns of both each time they run, on every new database.
    /// The warnings are for the migrations' author — the upgrade of existing rows is tested in MigrationTests — and a
    /// person starting Menagerie can do nothing about them but keep a copy of the file before an upgrade, as the
    /// README says: they are logged at Debug.
    /// </summary>
    private static void Quiet(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(w => w.Log(
            (RelationalEventId.CommandExecuted, LogLevel.Debug),
            (RelationalEventId.CommandError, LogLevel.Debug),
            (CoreEventId.SaveChangesFailed, LogLevel.Debug),
            (RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Debug),
            (SqliteEventId.TableRebuildPendingWarning, LogLevel.Debug)));
}
