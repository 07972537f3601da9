using System.CommandLine;
using System.Text;
using System.Text.Json;
using Menagerie.App;
using Menagerie.App.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Menagerie.Cli;

public enum OutputFormat
{
    Table,
    Json,
}

/// <summary>
/// Options every command takes. Each run of the command line makes its own: an option belongs to the command tree
/// it is added to, and a host that runs commands side by side must not share one between trees.
/// </summary>
public static class GlobalOptions
{
    public static Option<string?> Database() => new("--database")
    {
        Description = "The SQLite file to use (default: menagerie.db in the current directory, or as ConnectionStrings__Menagerie says).",
        Recursive = true,
    };

    public static Option<string?> Actor() => new("--as")
    {
        Description = $"The user the ledger records for this change: an enabled user of these records (default: \"{CliContext.Operator}\", the installation's operator).",
        Recursive = true,
    };

    public static Option<OutputFormat> Format() => new("--format")
    {
        Description = "table (default) or json: a stable shape, written straight to standard output.",
        DefaultValueFactory = _ => OutputFormat.Table,
    };
}

/// <summary>What every command needs: where the records are, who is acting, and where to write.</summary>
public sealed class CliContext(IConfiguration configuration, TextWriter output, TextWriter error)
{
    /// <summary>
    /// Who a change made at the command line without <c>--as</c> is by: the installation's operator, named so in the
    /// ledger rather than after whichever operating-system account ran the command. No user name can be this.
    /// </summary>
    public const string Operator = "operator (command line)";

    public IConfiguration Configuration => configuration;

    /// <summary><c>--database</c>, as added to this run's command tree.</summary>
    public Option<string?> DatabaseOption { get; } = GlobalOptions.Database();

    /// <summary><c>--as</c>, as added to this run's command tree.</summary>
    public Option<string?> ActorOption { get; } = GlobalOptions.Actor();
    public TextWriter Output => output;
    public TextWriter Error => error;

    /// <summary>A console for tables that writes to this command's output, with no colour or wrapping games when redirected.</summary>
    public IAnsiConsole Console { get; } = CreateConsole(output);

    public DatabaseOptions Database(ParseResult parse) =>
        parse.GetValue(DatabaseOption) is { Length: > 0 } path ? DatabaseOptions.Sqlite(path) : DatabaseOptions.FromConfiguration(configuration);

    /// <summary>
    /// Opens the records for one command. Unless <paramref name="create"/>, a database that does not exist
    /// or is not migrated is refused rather than silently created empty.
    /// </summary>
    public async Task<(AsyncServiceScope Scope, MenagerieDbContext Db)?> OpenAsync(ParseResult parse, CancellationToken ct, bool create = false)
    {
        var database = Database(parse);
        if (!create && database.Provider == DatabaseProvider.Sqlite)
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
            if (!File.Exists(file))
            {
                await error.WriteLineAsync($"There is no Menagerie database at {file}. Create it with 'menagerie db migrate' (and 'menagerie sample load').");
                return null;
            }
        }
        var services = new ServiceCollection().AddSingleton(configuration).AddMenagerieApp(database).BuildServiceProvider();
        var scope = services.CreateAsyncScope();
        var who = parse.GetValue(ActorOption) is { Length: > 0 } named ? named.Trim() : null;
        scope.ServiceProvider.GetRequiredService<Actor>().Name = who ?? Operator;
        scope.ServiceProvider.GetRequiredService<App.Accounts.Access>().ActAsOperator();
        var db = scope.ServiceProvider.GetRequiredService<MenagerieDbContext>();
        var pending = !await DatabaseSetup.IsUpToDateAsync(db, ct);
        if (!create && pending)
        {
            await error.WriteLineAsync($"The database {database.Describe()} is not up to date. Run 'menagerie db migrate' first.");
            await scope.DisposeAsync();
            return null;
        }
        // The ledger names real people only: a change recorded for someone the records do not know, or who may no
        // longer act, would be attributed to nobody. A database still to be created has no users at all.
        var normalized = who?.ToUpperInvariant();
        if (who is not null && (pending || !await db.Users.AnyAsync(u => u.NormalizedUserName == normalized && !u.Disabled, ct)))
        {
            await error.WriteLineAsync($"--as {who}: there is no enabled user of that name in these records ('menagerie user list' shows them); nothing was changed.");
            await scope.DisposeAsync();
            return null;
        }
        return (scope, db);
    }

    /// <summary>True when a person is watching: output goes to a terminal, not a file or a pipe.</summary>
    public bool IsInteractive => ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected;

    /// <summary>Runs work that may take more than a second with a spinner, shown only to a person at a terminal.</summary>
    public Task<T> WithStatusAsync<T>(string message, Func<Task<T>> work) =>
        IsInteractive ? Console.Status().StartAsync(message, _ => work()) : work();

    private static IAnsiConsole CreateConsole(TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
        });
        // Redirected output has no terminal width; Spectre would assume 80 columns and fold every table.
        if (!ReferenceEquals(output, System.Console.Out) || System.Console.IsOutputRedirected)
            console.Profile.Width = 160;
        return console;
    }

    /// <summary>A file refused whole: each problem on standard error, then how many and what did not happen (<c>nothing was imported</c>); exit 2.</summary>
    public async Task<int> RefusedAsync(IReadOnlyList<Menagerie.App.Files.InputProblem> problems, string prefix, string nothing)
    {
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var problem in problems)
            await error.WriteLineAsync(problem.ToString());
        await error.WriteLineAsync($"{prefix}{problems.Count} problem{(problems.Count == 1 ? "" : "s")}; nothing was {nothing}.");
        return ExitCodes.Usage;
    }

    /// <summary>
    /// Writes the value as JSON. To standard output it is streamed, never built as one string first: the
    /// report of a million-animal studbook would otherwise take hundreds of megabytes more.
    /// </summary>
    public async Task WriteJsonAsync<T>(T value, CancellationToken ct)
    {
        if (!ReferenceEquals(output, System.Console.Out))
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(value, Json.Options).AsMemory(), ct);
            return;
        }
        await output.FlushAsync(ct);
        await using var stdout = System.Console.OpenStandardOutput();
        await JsonSerializer.SerializeAsync(stdout, value, Json.Options, ct);
        await stdout.WriteAsync("\n"u8.ToArray(), ct);
    }

    /// <summary>
    /// Writes JSON that <paramref name="write"/> puts into a stream, then a line break: to standard output
    /// straight from the writer's buffer, with no text writer between.
    /// </summary>
    public async Task WriteJsonAsync(Action<Stream> write, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (!ReferenceEquals(output, System.Console.Out))
        {
            using var buffer = new MemoryStream();
            write(buffer);
            await output.WriteLineAsync(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).AsMemory(), ct);
            return;
        }
        await output.FlushAsync(ct);
        await using var stdout = System.Console.OpenStandardOutput();
        write(stdout);
        await stdout.WriteAsync("\n"u8.ToArray(), ct);
    }
}
