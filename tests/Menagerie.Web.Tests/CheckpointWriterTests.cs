using Menagerie.App.Ledger;
using Menagerie.App.Persistence;
using Menagerie.Testing;

namespace Menagerie.Web.Tests;

/// <summary>The web app anchoring its ledger by itself: a signed checkpoint in the configured folder at start.</summary>
public sealed class CheckpointWriterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_web_app_writes_a_checkpoint_that_holds_to_its_folder_at_start()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        var folder = Path.Combine(Path.GetDirectoryName(database.SqliteFile)!, "checkpoints");
        await using var factory = new MenagerieFactory(database, settings: [("Menagerie:Ledger:CheckpointFolder", folder)]);
        using var client = factory.CreateClient();

        string[] written = [];
        for (var waited = 0; waited < 600 && written.Length == 0; waited++)
        {
            await Task.Delay(100, Ct);
            written = Directory.Exists(folder) ? Directory.GetFiles(folder, "ledger-checkpoint-*.json") : [];
        }

        var file = Assert.Single(written);
        var (checkpoint, problem) = LedgerCheckpoint.Read(await File.ReadAllBytesAsync(file, Ct), Path.GetFileName(file));
        Assert.Null(problem);
        await using var db = TestDatabase.Open(database.Options);
        var report = await new AuditVerifier(db).VerifyAsync(checkpoint, Ct);
        Assert.True(report.Intact, report.Problem);
        Assert.True(report.Checkpoint?.Holds, report.Checkpoint?.Problem);
    }
}
