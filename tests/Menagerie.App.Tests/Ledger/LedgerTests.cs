using Menagerie.App.Institutions;
using Menagerie.App.Ledger;
using Menagerie.App.Persistence;
using Menagerie.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Menagerie.App.Tests.Given;

namespace Menagerie.App.Tests.Ledger;

public sealed class LedgerTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Every_change_is_ledgered_with_who_when_what_and_why(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TwoZoosAndALionAsync(database);
        await using var services = database.Services();
        await using var scope = services.Scope(actor: "registrar@MOSCOW");
        Ok(await scope.ServiceProvider.GetRequiredService<InstitutionCommands>().UpdateAsync("MOSCOW", "Moscow Zoo (Moskovsky Zoopark)", "RU", null, null, Ct));

        await using var db = TestDatabase.Open(database.Options);
        var entry = await db.LedgerEntries.OrderBy(e => e.Sequence).LastAsync(Ct);
        Assert.Equal("Institution", entry.EntityType);
        Assert.Equal("modified", entry.Action);
        Assert.Equal("registrar@MOSCOW", entry.Actor);
        Assert.Equal("institution MOSCOW updated", entry.Reason);
        Assert.Equal(new DateTime(2026, 11, 29, 10, 0, 0, DateTimeKind.Utc), entry.RecordedAt);
        Assert.Contains("\"Name\":\"Moscow Zoo\"", entry.Before, StringComparison.Ordinal);
        Assert.Contains("\"Name\":\"Moscow Zoo (Moskovsky Zoopark)\"", entry.After, StringComparison.Ordinal);
        Assert.Contains("\"Version\":2", entry.After, StringComparison.Ordinal);
        Assert.Contains(await db.LedgerEntries.ToListAsync(Ct), e => e.EntityType == "SpecimenEvent" && e.Action == "added");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Verify_finds_an_intact_chain_intact(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TwoZoosAndALionAsync(database);

        var report = await VerifyAsync(database);

        Assert.True(report.Intact, report.Problem);
        Assert.True(report.EntriesChecked > 10);
        Assert.Equal(report.HeadSequence, report.EntriesChecked);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Verify_names_an_entry_edited_in_the_database(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TwoZoosAndALionAsync(database);
        await ExecuteAsync(database, """UPDATE "LedgerEntries" SET "Actor" = 'someone else' WHERE "Sequence" = 5""");

        var report = await VerifyAsync(database);

        Assert.False(report.Intact);
        Assert.Equal(5, report.BrokenAt);
        Assert.Contains("Entry 5 has been altered", report.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Verify_names_an_entry_deleted_from_the_database(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TwoZoosAndALionAsync(database);
        await ExecuteAsync(database, """DELETE FROM "LedgerEntries" WHERE "Sequence" = 7""");

        var report = await VerifyAsync(database);

        Assert.False(report.Intact);
        Assert.Equal(7, report.BrokenAt);
        Assert.Contains("Entry 7 is missing", report.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_notices_the_last_entries_deleted()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await TwoZoosAndALionAsync(database);
        await ExecuteAsync(database, """DELETE FROM "LedgerEntries" WHERE "Sequence" > 10""");

        var report = await VerifyAsync(database);

        Assert.False(report.Intact);
        Assert.Equal(11, report.BrokenAt);
    }

    [Fact]
    public async Task Verify_notices_an_entry_rewritten_with_a_matching_hash()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await TwoZoosAndALionAsync(database);
        await using (var db = TestDatabase.Open(database.Options))
        {
            // A forger who recomputes the hash of the entry he edits still breaks the link from the next one.
            var entry = await db.LedgerEntries.SingleAsync(e => e.Sequence == 3, Ct);
            db.Entry(entry).Property(e => e.Reason).CurrentValue = "forged";
            db.Entry(entry).Property(e => e.Hash).CurrentValue = entry.ComputeHash();
            await db.Database.ExecuteSqlAsync($"""UPDATE "LedgerEntries" SET "Reason" = 'forged', "Hash" = {entry.Hash} WHERE "Sequence" = 3""", Ct);
        }

        var report = await VerifyAsync(database);

        Assert.False(report.Intact);
        Assert.Equal(4, report.BrokenAt);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Concurrent_writers_append_to_one_chain(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TwoZoosAndALionAsync(database);
        await using var services = database.Services();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            await using var scope = services.Scope(actor: $"writer {i}");
            Ok(await scope.ServiceProvider.GetRequiredService<InstitutionCommands>().CreateCountryAsync(
                new($"Q{(char)('A' + i)}", $"Country {i}", false, null, new DateOnly(2026, 1, 1), "test"), Ct));
        }));

        var report = await VerifyAsync(database);
        Assert.True(report.Intact, report.Problem);
    }

    private static async Task<AuditReport> VerifyAsync(TestDatabase database)
    {
        await using var db = TestDatabase.Open(database.Options);
        return await new AuditVerifier(db).VerifyAsync(Ct);
    }

    private static async Task ExecuteAsync(TestDatabase database, string sql)
    {
        await using var db = TestDatabase.Open(database.Options);
        await db.Database.ExecuteSqlRawAsync(sql, Ct);
    }
}
