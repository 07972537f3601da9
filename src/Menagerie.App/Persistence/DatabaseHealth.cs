using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;

namespace Menagerie.App.Persistence;

/// <summary>What the health check found: nothing wrong, or the problem in words.</summary>
public sealed record DatabaseHealthReport(bool Healthy, string? Problem);

/// <summary>
/// Whether the records can be read and written now: a connection, a committed write of the probe row (a
/// read-only server or a full disk fails it), and for SQLite, room left on the disk that holds the file, which a
/// write-ahead log that reuses its pages can hide from a small write for a while.
/// </summary>
public sealed class DatabaseHealth(MenagerieDbContext db, DatabaseOptions options, IConfiguration? configuration = null)
{
    public const long DefaultMinimumFreeMegabytes = 16;

    public async Task<DatabaseHealthReport> CheckAsync(CancellationToken ct)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(ct))
                return new(false, $"Cannot connect to {options.Describe()}.");
            var now = db.UtcNow;
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "HealthProbes" ("Id", "CheckedAt") VALUES (1, {now}) ON CONFLICT ("Id") DO UPDATE SET "CheckedAt" = excluded."CheckedAt" """, ct);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or RetryLimitExceededException or InvalidOperationException or TimeoutException)
        {
            return new(false, $"The database cannot write: {e.GetBaseException().Message}");
        }
        return FreeSpace();
    }

    private DatabaseHealthReport FreeSpace()
    {
        if (options.Provider != DatabaseProvider.Sqlite)
            return new(true, null);
        var file = new SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:")
            return new(true, null);
        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        var minimum = configuration?.GetValue("Menagerie:Health:MinimumFreeMegabytes", DefaultMinimumFreeMegabytes) ?? DefaultMinimumFreeMegabytes;
        var free = new DriveInfo(folder).AvailableFreeSpace / (1024 * 1024);
        return free < minimum
            ? new(false, $"The disk holding {file} has {free} MB free, less than the {minimum} MB the records need to go on growing.")
            : new(true, null);
    }
}
