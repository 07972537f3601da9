using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Menagerie.App.Accounts;
using Menagerie.App.Persistence;
using Menagerie.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Menagerie.Web.Tests;

/// <summary>
/// The database failing under the web app, for real: connections dropped as by a PostgreSQL restart, a server that
/// refuses writes, a SQLite file locked by another writer, a disk short of room. What can be retried is; what
/// cannot is a 503 with Retry-After, and /health says so.
/// </summary>
public sealed class DatabaseFaultTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Taxon(string scientificName) => new { scientificName, commonName = scientificName, rank = "species", taxonClass = "Mammalia" };

    private static readonly string[] Bears = ["Ursus arctos", "Ursus maritimus", "Ursus thibetanus"];

    [Fact]
    public async Task Writes_survive_postgresql_dropping_every_connection()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSQL);
        // Pooled, as an installation runs: the pool's connections are the ones a restart breaks.
        var pooled = new NpgsqlConnectionStringBuilder(database.Options.ConnectionString) { Pooling = true }.ConnectionString;
        await using var factory = new MenagerieFactory(database, settings: [("ConnectionStrings:Menagerie", pooled)]);
        using var admin = await factory.ClientAsAsync("admin", new MembershipInput(Role.Administrator));
        (await admin.PostAsJsonAsync("/api/v1/taxa", Taxon("Panthera leo"), Ct)).EnsureSuccessStatusCode();

        for (var round = 0; round < 3; round++)
        {
            await TerminateConnectionsAsync(database.Options.ConnectionString);
            var created = await admin.PostAsJsonAsync("/api/v1/taxa", Taxon(Bears[round]), Ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        foreach (var name in Bears)
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/taxa/{name}", Ct)).StatusCode);
        using var audit = await admin.PostAsync("/api/v1/ledger/verify", null, Ct);
        var verdict = await audit.Content.ReadAsStringAsync(Ct);
        Assert.True(JsonDocument.Parse(verdict).RootElement.GetProperty("report").GetProperty("intact").GetBoolean(), verdict);
    }

    [Fact]
    public async Task A_postgresql_server_that_refuses_writes_is_unhealthy_and_writes_are_503_with_retry_after()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSQL);
        await using var factory = new MenagerieFactory(database);
        using var admin = await factory.ClientAsAsync("admin", new MembershipInput(Role.Administrator));
        using var anonymous = factory.CreateClient();

        await SetReadOnlyAsync(database.Options.ConnectionString, readOnly: true);
        using var health = await anonymous.GetAsync("/health", Ct);
        using var refused = await admin.PostAsJsonAsync("/api/v1/taxa", Taxon("Panthera leo"), Ct);
        using var read = await admin.GetAsync("/api/v1/taxa", Ct);
        await SetReadOnlyAsync(database.Options.ConnectionString, readOnly: false);
        using var recovered = await anonymous.GetAsync("/health", Ct);
        using var created = await admin.PostAsJsonAsync("/api/v1/taxa", Taxon("Panthera leo"), Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        var report = await health.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Unhealthy", report.GetProperty("database").GetProperty("status").GetString());
        Assert.Contains("cannot write", report.GetProperty("database").GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(DatabaseFailures.RetryAfterSeconds), refused.Headers.RetryAfter?.Delta);
        Assert.Equal("nosniff", refused.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    public async Task A_sqlite_file_locked_past_the_wait_is_503_and_a_short_lock_is_waited_out()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        // The wait for a busy file is the command timeout: one second here rather than thirty.
        await using var factory = new MenagerieFactory(database, settings: [("ConnectionStrings:Menagerie", database.Options.ConnectionString + ";Default Timeout=1")]);
        using var admin = await factory.ClientAsAsync("admin", new MembershipInput(Role.Administrator));

        await using (var other = await LockAsync(database.SqliteFile!))
        {
            using var refused = await admin.PostAsJsonAsync("/api/v1/taxa", Taxon("Panthera leo"), Ct);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(refused.Headers.RetryAfter);
        }
        var shortLock = await LockAsync(database.SqliteFile!);
        var release = Task.Delay(300, Ct).ContinueWith(_ => shortLock.DisposeAsync().AsTask(), Ct, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
        using var created = await admin.PostAsJsonAsync("/api/v1/taxa", Taxon("Panthera leo"), Ct);
        await release;

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/taxa/Panthera leo", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_disk_without_the_room_the_records_need_makes_health_unhealthy()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        // No disk has an exabyte free: the check reads the real free space of the file's disk and finds it short.
        await using var factory = new MenagerieFactory(database, settings: [("Menagerie:Health:MinimumFreeMegabytes", "1000000000000")]);
        using var client = factory.CreateClient();

        using var health = await client.GetAsync("/health", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        var report = await health.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Unhealthy", report.GetProperty("status").GetString());
        Assert.Contains("MB free", report.GetProperty("database").GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    private static async Task TerminateConnectionsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var terminate = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", connection);
        await terminate.ExecuteScalarAsync(Ct);
    }

    private static async Task SetReadOnlyAsync(string connectionString, bool readOnly)
    {
        // This connection writes whatever the database's default: it is the one that changes it back.
        var writer = new NpgsqlConnectionStringBuilder(connectionString) { Options = "-c default_transaction_read_only=off" }.ConnectionString;
        await using (var connection = new NpgsqlConnection(writer))
        {
            await connection.OpenAsync(Ct);
            var database = connection.Database;
            await using var alter = new NpgsqlCommand($"ALTER DATABASE \"{database}\" SET default_transaction_read_only = {(readOnly ? "on" : "off")}", connection);
            await alter.ExecuteNonQueryAsync(Ct);
        }
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>Another process's writer, holding the file's write lock until disposed.</summary>
    private static async Task<SqliteConnection> LockAsync(string file)
    {
        var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var begin = new SqliteCommand("BEGIN IMMEDIATE", connection);
        await begin.ExecuteNonQueryAsync(Ct);
        return connection;
    }
}
