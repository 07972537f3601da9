using Menagerie.App.Ledger;
using Menagerie.App.Persistence;
using Menagerie.App.Specimens;
using Menagerie.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using static Menagerie.App.Tests.Given;

namespace Menagerie.App.Tests.Specimens;

/// <summary>The census changes are counted when their table is made, and <c>audit verify</c> finds them changed by hand.</summary>
public sealed class CensusChangeTests
{
    private static readonly DateOnly[] Days = [new(2019, 6, 1), new(2024, 4, 1), new(2024, 11, 30), new(2026, 11, 29)];

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_database_made_before_the_census_changes_counts_them_when_it_is_migrated(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, withSample: true);
        await using var services = database.Services();
        var before = await CensusesAsync(services);
        Assert.Contains(before, c => c.EndsWith(" animals", StringComparison.Ordinal) && !c.EndsWith(": 0 animals", StringComparison.Ordinal));

        await using (var db = TestDatabase.Open(database.Options))
        {
            // Back to the migration before the table, which drops it; then forward, as `db migrate` and the web app's start go.
            await db.GetService<IMigrator>().MigrateAsync("AccessStamps", Ct);
            Assert.EndsWith("_CensusChangesAndEventsByDate", (await db.Database.GetPendingMigrationsAsync(Ct)).Single(), StringComparison.Ordinal);
            await DatabaseSetup.MigrateAsync(db, Ct);
            Assert.True(await db.CensusChanges.AnyAsync(Ct));
        }

        Assert.Equal(before, await CensusesAsync(services));
    }

    [Fact]
    public async Task Audit_finds_a_census_changed_by_hand()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var db = TestDatabase.Open(database.Options);
        Assert.True((await new AuditVerifier(db).VerifyAsync(Ct)).Intact);

        await db.CensusChanges.Where(c => c.Specimens > 0).OrderBy(c => c.Day).Take(1).ExecuteUpdateAsync(c => c.SetProperty(x => x.Males, x => x.Males + 1), Ct);

        var report = await new AuditVerifier(db).VerifyAsync(Ct);
        Assert.False(report.Intact);
        Assert.Contains("census", report.Problem, StringComparison.Ordinal);
    }

    private static async Task<List<string>> CensusesAsync(ServiceProvider services)
    {
        await using var scope = services.Scope();
        var census = scope.ServiceProvider.GetRequiredService<Census>();
        var lines = new List<string>();
        foreach (var zoo in new[] { "MOSCOW", "PYONGYANG", "BERLIN" })
        {
            foreach (var day in Days)
            {
                var view = Ok(await census.OnAsync(zoo, day, Ct));
                lines.AddRange(view.Taxa.Select(t => $"{zoo} {day:yyyy-MM-dd} {t.Taxon.ScientificName}: {t.Individuals} individuals, {t.Groups} groups, {t.TotalBySex}"));
                lines.Add($"{zoo} {day:yyyy-MM-dd}: {view.Total} animals");
            }
        }
        return lines;
    }
}
