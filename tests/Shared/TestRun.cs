namespace Menagerie.Testing;

/// <summary>Once per test assembly: stops the PostgreSQL cluster the run started and removes the SQLite templates.</summary>
public sealed class TestRun : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await PostgresServer.StopAsync();
        SqliteTemplate.Delete();
    }
}
