using Menagerie.App.Persistence;
using Microsoft.Data.Sqlite;

namespace Menagerie.Testing;

/// <summary>Migrated SQLite files (one empty, one with the sample collection), made once per test run and copied for each test.</summary>
internal static class SqliteTemplate
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly Dictionary<bool, string> Files = [];

    public static async Task<string> GetAsync(bool withSample)
    {
        await Gate.WaitAsync();
        try
        {
            if (!Files.TryGetValue(withSample, out var file))
            {
                file = Path.Combine(Directory.CreateTempSubdirectory("menagerie-template-").FullName, "menagerie.db");
                var connectionString = $"Data Source={file};Pooling=False";
                await TestDatabase.PrepareAsync(new DatabaseOptions(DatabaseProvider.Sqlite, connectionString), withSample);
                // Fold the write-ahead log into the file so that a plain copy carries everything.
                await using var connection = new SqliteConnection(connectionString);
                await connection.OpenAsync();
                await using var checkpoint = connection.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                await checkpoint.ExecuteNonQueryAsync();
                Files[withSample] = file;
            }
            return file;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static void Delete()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in Files.Values)
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        Files.Clear();
    }
}
