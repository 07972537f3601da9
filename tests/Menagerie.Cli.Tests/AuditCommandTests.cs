using System.Text.Json;
using Menagerie.App.Persistence;
using Menagerie.Testing;
using Microsoft.EntityFrameworkCore;

namespace Menagerie.Cli.Tests;

public sealed class AuditCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Audit_verify_with_a_checkpoint_finds_the_ledger_cut_back_past_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, withSample: true);
        var folder = Directory.CreateTempSubdirectory("menagerie-checkpoint-").FullName;
        try
        {
            var file = Path.Combine(folder, "checkpoint.json");
            var written = await CliRun.RunAsync(database.Options, "audit", "checkpoint", "--output", file, "--format", "json");
            var holds = await CliRun.RunAsync(database.Options, "audit", "verify", "--checkpoint", file);
            var sequence = JsonDocument.Parse(written.Output).RootElement.GetProperty("sequence").GetInt64();
            await using (var db = TestDatabase.Open(database.Options))
            {
                var hash = await db.LedgerEntries.Where(e => e.Sequence == sequence - 5).Select(e => e.Hash).SingleAsync(Ct);
                await db.Database.ExecuteSqlRawAsync("""DELETE FROM "LedgerEntries" WHERE "Sequence" > {0}""", [sequence - 5], Ct);
                await db.Database.ExecuteSqlRawAsync("""UPDATE "LedgerHeads" SET "Sequence" = {0}, "Hash" = {1}""", [sequence - 5, hash], Ct);
            }

            var cut = await CliRun.RunAsync(database.Options, "audit", "verify", "--checkpoint", file);

            Assert.Equal((0, 0, 1), (written.Exit, holds.Exit, cut.Exit));
            Assert.StartsWith("Ledger intact:", holds.Output, StringComparison.Ordinal);
            Assert.Contains($"It holds the checkpoint of entry {sequence}", holds.Output, StringComparison.Ordinal);
            Assert.Contains("Records match the ledger", holds.Output, StringComparison.Ordinal);
            Assert.StartsWith($"Ledger broken at entry {sequence - 4}: The ledger has been cut short", cut.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Audit_verify_names_a_row_changed_outside_the_ledger()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using (var db = TestDatabase.Open(database.Options))
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Specimens" SET "Name" = 'Lasca' WHERE "Name" = 'Laska'""", Ct);

        var run = await CliRun.RunAsync(database.Options, "audit", "verify");
        var json = await CliRun.RunAsync(database.Options, "audit", "verify", "--format", "json");

        Assert.Equal((1, 1), (run.Exit, json.Exit));
        Assert.Matches(@"^Records differ from the ledger: Specimen [0-9a-f-]{36}: Name is 'Lasca' in the records, but the ledger's entry \d+ says 'Laska'", run.Output);
        var report = JsonDocument.Parse(json.Output).RootElement;
        Assert.False(report.GetProperty("intact").GetBoolean());
        Assert.Equal("Name", report.GetProperty("records").GetProperty("firstDifference").GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_ledger_that_does_not_verify_is_not_anchored_by_a_checkpoint()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using (var db = TestDatabase.Open(database.Options))
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Specimens" SET "Name" = 'Lasca' WHERE "Name" = 'Laska'""", Ct);
        var file = Path.Combine(Path.GetDirectoryName(database.SqliteFile)!, "checkpoint.json");

        var run = await CliRun.RunAsync(database.Options, "audit", "checkpoint", "--output", file);

        Assert.Equal(1, run.Exit);
        Assert.Contains("The ledger does not verify, so it is not anchored: ", run.Output + run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task Audit_verify_refuses_a_file_that_is_no_checkpoint_with_exit_2()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var file = Path.Combine(Path.GetDirectoryName(database.SqliteFile)!, "checkpoint.json");
        await File.WriteAllTextAsync(file, "{\"format\": \"menagerie.ledger-checkpoint/1\",\n  \"sequence\": 12", Ct);

        var run = await CliRun.RunAsync(database.Options, "audit", "verify", "--checkpoint", file);

        Assert.Equal(2, run.Exit);
        Assert.StartsWith("checkpoint.json:2: file: This is not valid JSON", run.Error, StringComparison.Ordinal);
    }
}
