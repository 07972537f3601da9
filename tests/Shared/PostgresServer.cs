using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Menagerie.App.Persistence;
using Npgsql;

namespace Menagerie.Testing;

/// <summary>
/// The PostgreSQL server the tests run against: the one named by MENAGERIE_TEST_POSTGRES (a connection
/// string), or else a throwaway cluster this process starts on 127.0.0.1 and removes at the end. One
/// migrated template database is cloned for each test.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string Template = "menagerie_template";
    private const string SampleTemplate = "menagerie_sample_template";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PostgresServer? _instance;
    private static string? _unavailable;

    private readonly string? _clusterDirectory;
    private bool _sampleTemplateReady;
    private readonly string? _pgBin;

    private PostgresServer(string adminConnectionString, string? clusterDirectory, string? pgBin)
    {
        AdminConnectionString = adminConnectionString;
        _clusterDirectory = clusterDirectory;
        _pgBin = pgBin;
    }

    public string AdminConnectionString { get; }

    /// <summary>The server, or null with the reason it cannot be had on this machine.</summary>
    public static async Task<(PostgresServer? Server, string? Unavailable)> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_instance is null && _unavailable is null)
                (_instance, _unavailable) = await StartAsync();
            return (_instance, _unavailable);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>A fresh database cloned from the migrated template; dropped when the returned handle is disposed.</summary>
    public async Task<string> CreateDatabaseAsync(string name, bool withSample)
    {
        if (withSample)
        {
            await Gate.WaitAsync();
            try
            {
                if (!_sampleTemplateReady)
                    await PrepareTemplateAsync(SampleTemplate, withSample: true);
                _sampleTemplateReady = true;
            }
            finally
            {
                Gate.Release();
            }
        }
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE {(withSample ? SampleTemplate : Template)}", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = false }.ConnectionString;
    }

    public async Task DropDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_clusterDirectory is null || _pgBin is null)
            return;
        await RunAsPostgresAsync(Environment.UserName == "root", Path.Combine(_pgBin, "pg_ctl"), ["-D", Path.Combine(_clusterDirectory, "data"), "-m", "immediate", "-w", "stop"]);
        Directory.Delete(_clusterDirectory, recursive: true);
    }

    /// <summary>Stops the cluster this process started, if any; called once when the test run ends.</summary>
    public static async Task StopAsync()
    {
        if (_instance is not null)
            await _instance.DisposeAsync();
        _instance = null;
    }

    private static async Task<(PostgresServer?, string?)> StartAsync()
    {
        var named = Environment.GetEnvironmentVariable("MENAGERIE_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(named))
        {
            var server = new PostgresServer(named, null, null);
            await server.PrepareTemplateAsync(Template, withSample: false);
            return (server, null);
        }
        var pgBin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderBy(d => d, StringComparer.Ordinal).LastOrDefault()
            : null;
        if (pgBin is null)
            return (null, "PostgreSQL is not installed (no initdb under /usr/lib/postgresql) and MENAGERIE_TEST_POSTGRES is not set.");

        var directory = Directory.CreateTempSubdirectory("menagerie-pg-").FullName;
        var port = FreePort();
        var asRoot = Environment.UserName == "root";
        if (asRoot)
            await RunAsync("chown", ["postgres:postgres", directory]);
        await RunAsPostgresAsync(asRoot, Path.Combine(pgBin, "initdb"),
            ["-D", Path.Combine(directory, "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
        await RunAsPostgresAsync(asRoot, Path.Combine(pgBin, "pg_ctl"),
            ["-D", Path.Combine(directory, "data"), "-l", Path.Combine(directory, "log"), "-w",
             "-o", $"-c listen_addresses=127.0.0.1 -p {port} -k {directory} -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
             "start"]);
        var started = new PostgresServer($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false", directory, pgBin);
        await started.PrepareTemplateAsync(Template, withSample: false);
        return (started, null);
    }

    private async Task PrepareTemplateAsync(string template, bool withSample)
    {
        await DropDatabaseAsync(template);
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {template}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var options = new DatabaseOptions(DatabaseProvider.PostgreSQL,
            new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = template, Pooling = false }.ConnectionString);
        await TestDatabase.PrepareAsync(options, withSample);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task RunAsPostgresAsync(bool asRoot, string program, string[] args) =>
        asRoot ? RunAsync("runuser", ["-u", "postgres", "--", program, .. args]) : RunAsync(program, args);

    private static async Task RunAsync(string program, string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {await output}{await error}");
    }
}
