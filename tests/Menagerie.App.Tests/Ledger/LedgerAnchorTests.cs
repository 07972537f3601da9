using Menagerie.App.Ledger;
using Menagerie.App.Persistence;
using Menagerie.App.Sample;
using Menagerie.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Menagerie.App.Tests.Given;

namespace Menagerie.App.Tests.Ledger;

/// <summary>
/// What the hash chain alone cannot find: its last entries removed with the head rewound to match (found by a signed
/// checkpoint), and a row of the records changed without the ledger (found by comparing the records with it).
/// </summary>
public sealed class LedgerAnchorTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_fresh_sample_database_matches_its_ledger(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, withSample: true);
        await using (var services = database.Services())
        await using (var scope = services.Scope())
        {
            Ok(await scope.ServiceProvider.GetRequiredService<SampleAccounts>().EnsureAsync("correct horse battery staple", Ct));
            Ok(await scope.ServiceProvider.GetRequiredService<SampleStudbook>().EnsureAsync(Ct));
        }

        var report = await VerifyAsync(database);

        Assert.True(report.Intact, report.Problem);
        Assert.Equal(0, report.Records!.Differences);
        Assert.True(report.Records.RowsChecked > report.EntriesChecked / 2);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Verify_names_an_event_weight_changed_without_the_ledger(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, withSample: true);
        string id;
        await using (var db = TestDatabase.Open(database.Options))
        {
            id = (await db.SpecimenEvents.Where(e => e.WeightKg != null).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync(Ct)).Value.ToString("D");
            await db.Database.ExecuteSqlRawAsync("""UPDATE "SpecimenEvents" SET "WeightKg" = 999.5 WHERE "Id" = {0}""", [Guid.Parse(id)], Ct);
        }

        var report = await VerifyAsync(database);

        Assert.False(report.Intact);
        Assert.Null(report.BrokenAt);
        var row = report.Records!.FirstDifference!;
        Assert.Equal(("SpecimenEvent", id, "WeightKg"), (row.EntityType, row.EntityId, row.Field));
        Assert.Contains("'999.5' in the records", report.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Verify_names_a_password_hash_changed_without_the_ledger(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TwoZoosAndALionAsync(database);
        await using (var services = database.Services())
        await using (var scope = services.Scope())
            Ok(await scope.ServiceProvider.GetRequiredService<SampleAccounts>().EnsureAsync("correct horse battery staple", Ct));
        Assert.True((await VerifyAsync(database)).Intact);
        await using (var db = TestDatabase.Open(database.Options))
        {
            var entry = await db.LedgerEntries.Where(e => e.EntityType == "User").OrderBy(e => e.Sequence).LastAsync(Ct);
            Assert.Contains("\"PasswordHash\":\"hmac-sha256:", entry.After, StringComparison.Ordinal);
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Users" SET "PasswordHash" = 'AQAAAAIAAYagAAAAEKnownToTheForger' WHERE "UserName" = 'admin'""", Ct);
        }

        var report = await VerifyAsync(database);

        Assert.False(report.Intact);
        var row = report.Records!.FirstDifference!;
        Assert.Equal(("User", "PasswordHash"), (row.EntityType, row.Field));
        Assert.DoesNotContain("KnownToTheForger", report.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_accepts_credentials_ledgered_before_keyed_hashes()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await TwoZoosAndALionAsync(database);
        await using (var services = database.Services())
        await using (var scope = services.Scope())
            Ok(await scope.ServiceProvider.GetRequiredService<SampleAccounts>().EnsureAsync("correct horse battery staple", Ct));
        await using (var db = TestDatabase.Open(database.Options))
        {
            // The ledger as an older Menagerie wrote it: "(secret)" for each credential, and the chain hashed over that.
            var previous = LedgerEntry.GenesisHash;
            foreach (var entry in await db.LedgerEntries.OrderBy(e => e.Sequence).ToListAsync(Ct))
            {
                var e = db.Entry(entry);
                foreach (var side in new[] { nameof(LedgerEntry.Before), nameof(LedgerEntry.After) })
                {
                    if (e.Property(side).CurrentValue is string snapshot)
                        e.Property(side).CurrentValue = System.Text.RegularExpressions.Regex.Replace(snapshot, "\"hmac-sha256:[0-9a-f]{64}\"", "\"(secret)\"", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
                }
                e.Property(nameof(LedgerEntry.PreviousHash)).CurrentValue = previous;
                e.Property(nameof(LedgerEntry.Hash)).CurrentValue = previous = entry.ComputeHash();
            }
            await db.SaveChangesAsync(Ct);
            await db.Database.ExecuteSqlRawAsync("""UPDATE "LedgerHeads" SET "Hash" = {0}, "SecretKey" = NULL""", [previous], Ct);
        }

        var report = await VerifyAsync(database);

        Assert.True(report.Intact, report.Problem);
    }

    [Fact]
    public async Task Verify_accepts_documents_ledgered_by_their_old_type_names_once_migrated_to_the_new()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using (var db = TestDatabase.Open(database.Options))
        {
            // The records as an older Menagerie wrote them: each document's type by the enum's name (CitesExportPermit),
            // in its row and in the ledger, the chain hashed over that; then the migration to the shipment files' names.
            var migrator = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>();
            var migrations = db.Database.GetMigrations().ToList();
            // Going back past the later AuthoritySignOff drops the countries' approval setting, which this migration
            // does not concern: it is put back once the database is migrated again.
            var approving = await db.Countries.Where(c => c.RequiresAuthorityApproval).Select(c => c.Code).ToListAsync(Ct);
            await migrator.MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith("_DocumentTypeNames", StringComparison.Ordinal)) - 1], cancellationToken: Ct);
            var previous = LedgerEntry.GenesisHash;
            foreach (var entry in await db.LedgerEntries.OrderBy(e => e.Sequence).ToListAsync(Ct))
            {
                var e = db.Entry(entry);
                if (entry.EntityType == nameof(Domain.Documents.TransferDocument))
                    e.Property(nameof(LedgerEntry.After)).CurrentValue = OldTypeName(entry.After!);
                e.Property(nameof(LedgerEntry.PreviousHash)).CurrentValue = previous;
                e.Property(nameof(LedgerEntry.Hash)).CurrentValue = previous = entry.ComputeHash();
            }
            await db.SaveChangesAsync(Ct);
            await db.Database.ExecuteSqlRawAsync("""UPDATE "LedgerHeads" SET "Hash" = {0}""", [previous], Ct);
            Assert.Contains("CitesExportPermit", await db.Database.SqlQueryRaw<string>("""SELECT "Type" AS "Value" FROM "TransferDocuments" """).ToListAsync(Ct));

            await migrator.MigrateAsync(cancellationToken: Ct);
            foreach (var code in approving)
                await db.Database.ExecuteSqlRawAsync("""UPDATE "Countries" SET "RequiresAuthorityApproval" = TRUE WHERE "Code" = {0}""", [code], Ct);

            Assert.DoesNotContain("CitesExportPermit", await db.Database.SqlQueryRaw<string>("""SELECT "Type" AS "Value" FROM "TransferDocuments" """).ToListAsync(Ct));
            Assert.Contains(await db.LedgerEntries.Where(e => e.EntityType == "TransferDocument").Select(e => e.After).ToListAsync(Ct),
                after => after!.Contains("\"Type\":\"CitesExportPermit\"", StringComparison.Ordinal));
        }

        var report = await VerifyAsync(database);

        Assert.True(report.Intact, report.Problem);
        Assert.Equal(0, report.Records!.Differences);
    }

    /// <summary>A document's snapshot with its type as the enum names it, as entries were written before the shipment files' names.</summary>
    private static string OldTypeName(string snapshot)
    {
        var fields = System.Text.Json.JsonSerializer.Deserialize<SortedDictionary<string, object?>>(snapshot)!;
        Assert.True(Domain.Compliance.DocumentNames.TryParse(fields["Type"]!.ToString(), out var type));
        fields["Type"] = type.ToString();
        return System.Text.Json.JsonSerializer.Serialize(fields);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_checkpoint_finds_the_last_entries_removed_with_the_head_rewound(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TwoZoosAndALionAsync(database);
        var checkpoint = await CheckpointAsync(database);
        Assert.True((await VerifyAsync(database, checkpoint)).Intact);
        await using (var db = TestDatabase.Open(database.Options))
        {
            var keep = checkpoint.Sequence - 3;
            var hash = await db.LedgerEntries.Where(e => e.Sequence == keep).Select(e => e.Hash).SingleAsync(Ct);
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "LedgerEntries" WHERE "Sequence" > {0}""", [keep], Ct);
            await db.Database.ExecuteSqlRawAsync("""UPDATE "LedgerHeads" SET "Sequence" = {0}, "Hash" = {1}""", [keep, hash], Ct);
        }

        var report = await VerifyAsync(database, checkpoint);

        Assert.False(report.Intact);
        Assert.False(report.Checkpoint!.Holds);
        Assert.Equal(checkpoint.Sequence - 2, report.BrokenAt);
        Assert.Contains($"cut short: the checkpoint of {checkpoint.WrittenAt:yyyy-MM-dd HH:mm:ss} UTC anchors entry {checkpoint.Sequence}", report.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_checkpoint_finds_its_entry_rewritten_with_the_head()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await TwoZoosAndALionAsync(database);
        var checkpoint = await CheckpointAsync(database);
        await using (var db = TestDatabase.Open(database.Options))
        {
            var entry = await db.LedgerEntries.SingleAsync(e => e.Sequence == checkpoint.Sequence, Ct);
            db.Entry(entry).Property(e => e.Reason).CurrentValue = "nothing to see";
            db.Entry(entry).Property(e => e.Hash).CurrentValue = entry.ComputeHash();
            await db.SaveChangesAsync(Ct);
            await db.Database.ExecuteSqlRawAsync("""UPDATE "LedgerHeads" SET "Hash" = {0}""", [entry.Hash], Ct);
        }
        Assert.True((await VerifyAsync(database)).Intact);

        var report = await VerifyAsync(database, checkpoint);

        Assert.False(report.Intact);
        Assert.Equal(checkpoint.Sequence, report.BrokenAt);
        Assert.Contains($"rewritten: entry {checkpoint.Sequence} is not the one the checkpoint", report.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_checkpoint_whose_fields_were_changed_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await TwoZoosAndALionAsync(database);
        var checkpoint = await CheckpointAsync(database);

        var report = await VerifyAsync(database, checkpoint with { Sequence = checkpoint.Sequence - 1, Hash = LedgerEntry.GenesisHash });
        var read = LedgerCheckpoint.Read(checkpoint.ToFile(), "checkpoint.json");

        Assert.False(report.Intact);
        Assert.Null(report.BrokenAt);
        Assert.Contains("signature does not verify", report.Problem, StringComparison.Ordinal);
        Assert.Equal(checkpoint, read.Checkpoint);
        Assert.True((await VerifyAsync(database, read.Checkpoint)).Intact);
    }

    [Theory]
    [InlineData("{\"format\": \"menagerie.ledger-checkpoint/1\",\n\"sequence\": \"many\", \"installation\": \"x\", \"fingerprint\": \"f\", \"hash\": \"h\", \"writtenAt\": \"2026-11-29T10:00:00Z\", \"signature\": \"s\"}",
        "checkpoint.json:2: sequence: Expected a whole number")]
    [InlineData("{\"format\": 3", "checkpoint.json:1: file: This is not valid JSON")]
    [InlineData("", "checkpoint.json:1: file: This is not valid JSON")]
    [InlineData("{\"format\":\"menagerie.signed-package/1\"}", "checkpoint.json:1: format: This is not a Menagerie ledger checkpoint")]
    public void A_file_that_is_no_checkpoint_is_named_with_its_line(string content, string problem)
    {
        var read = LedgerCheckpoint.Read(System.Text.Encoding.UTF8.GetBytes(content), "checkpoint.json");

        Assert.Null(read.Checkpoint);
        Assert.StartsWith(problem, read.Problem!.ToString(), StringComparison.Ordinal);
    }

    private static async Task<LedgerCheckpoint> CheckpointAsync(TestDatabase database)
    {
        await using var services = database.Services();
        await using var scope = services.Scope(actor: "operator");
        return Ok(await scope.ServiceProvider.GetRequiredService<LedgerCheckpoints>().WriteAsync(Ct));
    }

    private static async Task<AuditReport> VerifyAsync(TestDatabase database, LedgerCheckpoint? checkpoint = null)
    {
        await using var db = TestDatabase.Open(database.Options);
        return await new AuditVerifier(db).VerifyAsync(checkpoint, Ct);
    }
}
