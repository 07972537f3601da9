using Menagerie.App.Persistence;
using Menagerie.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Menagerie.App.Tests.Persistence;

public sealed class MigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Model_has_no_changes_without_a_migration(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = TestDatabase.Open(database.Options);

        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} model has changes that no migration carries: run dotnet ef migrations add.");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Institutions_recorded_before_time_zones_keep_their_days_in_utc()
    {
        var folder = Directory.CreateTempSubdirectory("menagerie-migration-").FullName;
        try
        {
            var ct = TestContext.Current.CancellationToken;
            await using var db = TestDatabase.Open(new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "menagerie.db")};Pooling=False"));
            var migrator = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>();
            await migrator.MigrateAsync("20261129143507_Studbooks", cancellationToken: ct);
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"Countries\" VALUES ('RU', 'Russian Federation', 1, '1992-01-01', '2015-07-01', 'CITES list', 1);" +
                "INSERT INTO \"Institutions\" VALUES ('0193b7a2-0000-7000-8000-000000000001', 'MOSCOW', 'Moscow Zoo', 'RU', 1);", ct);

            await migrator.MigrateAsync(cancellationToken: ct);

            Assert.Equal(["UTC"], await db.Database.SqlQueryRaw<string>("SELECT \"TimeZone\" AS \"Value\" FROM \"Institutions\"").ToListAsync(ct));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
