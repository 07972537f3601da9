using Menagerie.App.Persistence;
using Menagerie.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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

    [Fact]
    public async Task Animals_that_died_before_the_institution_kept_their_records_are_theirs_after()
    {
        var folder = Directory.CreateTempSubdirectory("menagerie-migration-").FullName;
        try
        {
            var ct = TestContext.Current.CancellationToken;
            await using var db = TestDatabase.Open(new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "menagerie.db")};Pooling=False"));
            var migrator = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>();
            await migrator.MigrateAsync("20261206143601_LicensedContainerTables", cancellationToken: ct);
            const string moscow = "0193b7a2-0000-7000-8000-000000000001", lion = "0193b7a2-0000-7000-8000-000000000002";
            const string dead = "0193b7a2-0000-7000-8000-000000000003", alive = "0193b7a2-0000-7000-8000-000000000004";
            var records =
                "INSERT INTO \"Countries\" (\"Code\", \"Name\", \"IsCitesParty\", \"CitesEntryIntoForce\", \"StatusAsOf\", \"StatusSource\", \"Version\") VALUES ('RU', 'Russian Federation', 1, '1992-01-01', '2015-07-01', 'CITES list', 1);" +
                $"INSERT INTO \"Institutions\" (\"Id\", \"Code\", \"Name\", \"CountryCode\", \"TimeZone\", \"Version\") VALUES ('{moscow}', 'MOSCOW', 'Moscow Zoo', 'RU', 'Europe/Moscow', 1);" +
                $"INSERT INTO \"Taxa\" (\"Id\", \"ScientificName\", \"CommonName\", \"Rank\", \"TaxonClass\", \"Version\") VALUES ('{lion}', 'Panthera leo', 'Lion', 'species', 'Mammalia', 1);" +
                string.Concat(new[] { (dead, "Dead", "'2024-03-01 00:00:00'", "NULL"), (alive, "Held", "NULL", $"'{moscow}'") }.Select(s =>
                    "INSERT INTO \"Specimens\" (\"Id\", \"Kind\", \"TaxonId\", \"Sex\", \"Status\", \"HolderId\", \"Males\", \"Females\", \"UnknownSex\", \"BirthDateEstimated\", \"AvailableForTransfer\", \"Version\") " +
                    $"VALUES ('{s.Item1}', 'Individual', '{lion}', 'Male', '{s.Item2}', {s.Item4}, 1, 0, 0, 0, 0, 1);" +
                    "INSERT INTO \"HoldingPeriods\" (\"SpecimenId\", \"Index\", \"HolderId\", \"From\", \"To\", \"Males\", \"Females\", \"UnknownSex\") " +
                    $"VALUES ('{s.Item1}', 0, '{moscow}', '2020-01-01 00:00:00', {s.Item3}, 1, 0, 0);"));
            await db.Database.ExecuteSqlRawAsync(records, ct);

            await migrator.MigrateAsync(cancellationToken: ct);

            var diedAt = await db.Database.SqlQueryRaw<string?>("SELECT \"DiedAtId\" AS \"Value\" FROM \"Specimens\" ORDER BY \"Id\"").ToListAsync(ct);
            Assert.Equal([moscow.ToUpperInvariant(), null], diedAt.Select(d => d?.ToUpperInvariant()));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_new_database_is_made_without_warnings_a_person_starting_menagerie_could_do_nothing_about()
    {
        var folder = Directory.CreateTempSubdirectory("menagerie-migration-").FullName;
        try
        {
            var ct = TestContext.Current.CancellationToken;
            var log = new CapturedLog();
            var options = new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "menagerie.db")};Pooling=False");
            await using (var services = new ServiceCollection().AddLogging(b => b.AddProvider(log).SetMinimumLevel(LogLevel.Debug)).AddMenagerieApp(options).BuildServiceProvider())
            await using (var scope = services.CreateAsyncScope())
            {
                scope.ServiceProvider.GetRequiredService<Actor>().Name = "test setup";
                scope.ServiceProvider.GetRequiredService<App.Accounts.Access>().ActAsOperator();

                await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<MenagerieDbContext>(), ct);
            }

            // Before, the first start warned three times that two migrations' table rebuilds could not run in one transaction.
            Assert.DoesNotContain(log.Entries, e => e.Level >= LogLevel.Warning);
            Assert.Contains(log.Entries, e => e.Event.Id == RelationalEventId.NonTransactionalMigrationOperationWarning.Id && e.Level == LogLevel.Debug);
            Assert.Contains(log.Entries, e => e.Event.Id == SqliteEventId.TableRebuildPendingWarning.Id && e.Level == LogLevel.Debug);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
