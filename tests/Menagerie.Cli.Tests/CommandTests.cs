using System.Text.Json;
using Menagerie.App.Persistence;
using Menagerie.Testing;
using Microsoft.EntityFrameworkCore;

namespace Menagerie.Cli.Tests;

public sealed class CommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Commands_run_side_by_side_in_one_process_each_read_their_own_options()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        var file = database.SqliteFile!;

        // As a host that runs commands for several people at once would: each parse has its own options.
        var runs = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() => i % 2 == 0
            ? CliRun.RunAsync(null, "institution", "list", "--format", "json", "--database", file)
            : CliRun.RunAsync(null, "institution", "list", "--database", Path.Combine(Path.GetTempPath(), $"no-such-{i}.db")), Ct)));

        Assert.All(runs.Where((_, i) => i % 2 == 0), run => Assert.Equal((0, ""), (run.Exit, run.Error)));
        Assert.All(runs.Where((_, i) => i % 2 == 1), run => Assert.StartsWith("There is no Menagerie database at ", run.Error, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Migrate_then_sample_load_builds_the_records_and_a_second_load_adds_nothing()
    {
        var folder = Directory.CreateTempSubdirectory("menagerie-cli-").FullName;
        try
        {
            var file = Path.Combine(folder, "records.db");

            var migrate = await CliRun.RunAsync(null, "db", "migrate", "--database", file);
            var load = await CliRun.RunAsync(null, "sample", "load", "--database", file);
            var again = await CliRun.RunAsync(null, "sample", "load", "--database", file);
            var census = await CliRun.RunAsync(null, "census", "show", "MOSCOW", "--on", "2024-11-15", "--format", "json", "--database", file);

            Assert.Equal((0, 0, 0, 0), (migrate.Exit, load.Exit, again.Exit, census.Exit));
            Assert.Matches(@"Loaded 4 countries, 4 institutions, 12 taxa, \d{3} specimens", load.Output);
            Assert.Contains("Loaded 0 countries, 0 institutions, 0 taxa, 0 specimens", again.Output, StringComparison.Ordinal);
            Assert.Contains("Sample studbook loaded: Japanese macaque colony (sample), kept by studbook-keeper@MOSCOW.", load.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("Sample studbook", again.Output, StringComparison.Ordinal);
            var json = JsonDocument.Parse(census.Output).RootElement;
            Assert.Equal("MOSCOW", json.GetProperty("institution").GetProperty("code").GetString());
            Assert.Contains(json.GetProperty("taxa").EnumerateArray(), t => t.GetProperty("groupCountsBySex").GetString() == "12.13.0");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_database_missing_a_migration_or_never_migrated_is_refused_as_not_up_to_date(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, withSample: true);
        if (provider == DatabaseProvider.PostgreSQL)
        {
            // A schema named after the role comes first on the default search path: the records are still where they are found.
            await using var db = TestDatabase.Open(database.Options);
            await db.Database.ExecuteSqlRawAsync("DO $$ BEGIN EXECUTE format('CREATE SCHEMA %I', current_user); END $$", Ct);
        }
        var current = await CliRun.RunAsync(database.Options, "institution", "list", "--format", "json");
        await using (var db = TestDatabase.Open(database.Options))
        {
            var last = db.Database.GetMigrations().Last();
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = {last}""", Ct);
        }
        var behind = await CliRun.RunAsync(database.Options, "institution", "list");
        await using (var db = TestDatabase.Open(database.Options))
            await db.Database.ExecuteSqlRawAsync("""DROP TABLE "__EFMigrationsHistory" """, Ct);
        var never = await CliRun.RunAsync(database.Options, "institution", "list");

        Assert.Equal((0, ""), (current.Exit, current.Error));
        Assert.Equal(4, JsonDocument.Parse(current.Output).RootElement.GetArrayLength());
        foreach (var refused in new[] { behind, never })
        {
            Assert.True(refused.Exit == 2, refused.Error);
            Assert.Empty(refused.Output);
            Assert.Contains("is not up to date. Run 'menagerie db migrate' first.", refused.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Db_migrate_creates_a_PostgreSQL_database_that_does_not_exist_yet()
    {
        // A database on the test server (or the reason the test is skipped), beside which a new one is named.
        await using var neighbour = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSQL);
        var name = "menagerie_new_" + Guid.NewGuid().ToString("N")[..16];
        var database = new DatabaseOptions(DatabaseProvider.PostgreSQL,
            new Npgsql.NpgsqlConnectionStringBuilder(neighbour.Options.ConnectionString) { Database = name }.ConnectionString);
        try
        {
            var before = await CliRun.RunAsync(database, "institution", "list");
            var migrate = await CliRun.RunAsync(database, "db", "migrate");
            var after = await CliRun.RunAsync(database, "institution", "list", "--format", "json");

            Assert.Equal(2, before.Exit);
            Assert.Contains("is not up to date. Run 'menagerie db migrate' first.", before.Error, StringComparison.Ordinal);
            Assert.Equal((0, ""), (migrate.Exit, migrate.Error));
            Assert.Equal((0, "[]"), (after.Exit, after.Output.Trim()));
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await (await PostgresServer.GetAsync()).Server!.DropDatabaseAsync(name);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task Audit_verify_exits_1_naming_the_first_entry_edited_in_the_database(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, withSample: true);
        var intact = await CliRun.RunAsync(database.Options, "audit", "verify");
        await using (var db = TestDatabase.Open(database.Options))
            await db.Database.ExecuteSqlRawAsync("""UPDATE "LedgerEntries" SET "After" = REPLACE("After", 'Laska', 'Lasca') WHERE "After" LIKE '%Laska%'""", Ct);

        var broken = await CliRun.RunAsync(database.Options, "audit", "verify");
        var json = await CliRun.RunAsync(database.Options, "audit", "verify", "--format", "json");

        Assert.Equal(0, intact.Exit);
        Assert.StartsWith("Ledger intact:", intact.Output, StringComparison.Ordinal);
        Assert.Equal(1, broken.Exit);
        Assert.Matches(@"Ledger broken at entry \d+: Entry \d+ has been altered", broken.Output);
        Assert.Equal(1, json.Exit);
        var report = JsonDocument.Parse(json.Output).RootElement;
        Assert.False(report.GetProperty("intact").GetBoolean());
        Assert.Contains(report.GetProperty("brokenAt").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), broken.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Specimen_show_finds_an_animal_by_any_identifier_in_a_table_or_as_json()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);

        var table = await CliRun.RunAsync(database.Options, "specimen", "show", "EEP-PLE-3117");
        var json = await CliRun.RunAsync(database.Options, "specimen", "show", "Laska", "--format", "json");

        Assert.Equal(0, table.Exit);
        Assert.Contains("Laska", table.Output, StringComparison.Ordinal);
        Assert.Contains("Moscow Zoo (MOSCOW)", table.Output, StringComparison.Ordinal);
        var history = JsonDocument.Parse(json.Output).RootElement;
        Assert.Equal("Panthera leo", history.GetProperty("specimen").GetProperty("taxon").GetProperty("scientificName").GetString());
        Assert.Equal("birth", history.GetProperty("events")[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task Json_is_written_whole_lines_never_wrapped_for_a_console()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);

        var run = await CliRun.RunAsync(database.Options, "institution", "list", "--format", "json");

        var sources = JsonDocument.Parse(run.Output).RootElement.EnumerateArray().Select(i => i.GetProperty("country").GetProperty("statusSource").GetString()!).ToList();
        Assert.Contains(sources, s => s.Length > 120);
        Assert.Contains(run.Output.Split('\n'), line => line.Length > 120);
    }

    [Fact]
    public async Task As_names_an_enabled_user_of_the_records_or_nothing_is_changed()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await CliRun.RunAsync(database.Options, "user", "add", "admin@CLI", "--role", "administrator");
        await CliRun.RunAsync(database.Options, "user", "add", "gone@CLI", "--role", "administrator");
        await CliRun.RunAsync(database.Options, "user", "add", "viewer@CLI", "--role", "viewer@MOSCOW");
        await CliRun.RunAsync(database.Options, "user", "disable", "gone@CLI");
        long before;
        await using (var db = TestDatabase.Open(database.Options))
            before = await db.LedgerEntries.MaxAsync(e => e.Sequence, Ct);

        var ghost = await CliRun.RunAsync(database.Options, "user", "disable", "viewer@CLI", "--as", "ghost-nobody");
        var disabled = await CliRun.RunAsync(database.Options, "user", "disable", "viewer@CLI", "--as", "gone@CLI");
        var real = await CliRun.RunAsync(database.Options, "user", "disable", "viewer@CLI", "--as", "admin@CLI");

        Assert.Equal((2, 2, 0), (ghost.Exit, disabled.Exit, real.Exit));
        Assert.Contains("--as ghost-nobody: there is no enabled user of that name", ghost.Error, StringComparison.Ordinal);
        await using var after = TestDatabase.Open(database.Options);
        Assert.Equal(["admin@CLI"], await after.LedgerEntries.Where(e => e.Sequence > before).Select(e => e.Actor).Distinct().ToListAsync(Ct));
    }

    [Fact]
    public async Task Without_as_a_change_is_the_installation_operators_in_the_ledger()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var folder = Directory.CreateTempSubdirectory("menagerie-cli-sample-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "countries.csv"), "code,name,cites_party,cites_entry_into_force,status_as_of,status_source\nCZ,Czechia,true,1993-01-01,2015-07-01,CITES list\n", Ct);
            await File.WriteAllTextAsync(Path.Combine(folder, "institutions.csv"), "code,name,country\nPRAGUE,Prague Zoo,CZ\n", Ct);
            await File.WriteAllTextAsync(Path.Combine(folder, "taxa.csv"), "scientific_name,common_name,rank,class\n", Ct);
            await File.WriteAllTextAsync(Path.Combine(folder, "specimens.csv"), "key,kind,taxon,sex,name,identifiers\n", Ct);
            await File.WriteAllTextAsync(Path.Combine(folder, "events.csv"), "specimen,type,date\n", Ct);

            long before;
            await using (var empty = TestDatabase.Open(database.Options))
                before = await empty.LedgerEntries.MaxAsync(e => e.Sequence, Ct); // the checklist a new database is given

            var run = await CliRun.RunAsync(database.Options, "sample", "load", "--from", folder);

            Assert.Equal(0, run.Exit);
            await using var db = TestDatabase.Open(database.Options);
            var entries = await db.LedgerEntries.Where(e => e.Sequence > before).ToListAsync(Ct);
            Assert.NotEmpty(entries);
            Assert.All(entries, e => Assert.Equal(CliContext.Operator, e.Actor));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_sample_with_problems_exits_1_listing_each_with_file_and_line()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var folder = Directory.CreateTempSubdirectory("menagerie-cli-bad-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "countries.csv"), "code,name,cites_party,cites_entry_into_force,status_as_of,status_source\nC1,Czechia,maybe,1993-01-01,2015-07-01,CITES list\n", Ct);
            await File.WriteAllTextAsync(Path.Combine(folder, "institutions.csv"), "code,name\nPRAGUE,Prague Zoo\n", Ct);
            await File.WriteAllTextAsync(Path.Combine(folder, "taxa.csv"), "scientific_name,common_name,rank,class\n", Ct);
            await File.WriteAllTextAsync(Path.Combine(folder, "specimens.csv"), "key,kind,taxon,sex,name,identifiers\n", Ct);

            var run = await CliRun.RunAsync(database.Options, "sample", "load", "--from", folder);

            Assert.Equal(1, run.Exit);
            Assert.Contains("countries.csv:2: code:", run.Error, StringComparison.Ordinal);
            Assert.Contains("countries.csv:2: cites_party:", run.Error, StringComparison.Ordinal);
            Assert.Contains("institutions.csv:1: country:", run.Error, StringComparison.Ordinal);
            Assert.Contains("events.csv: file: The file is missing.", run.Error, StringComparison.Ordinal);
            Assert.Contains("nothing was loaded", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Institution_list_shows_each_institutions_time_zone()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);

        var table = await CliRun.RunAsync(database.Options, "institution", "list");
        var json = await CliRun.RunAsync(database.Options, "institution", "list", "--format", "json");

        Assert.Equal((0, 0), (table.Exit, json.Exit));
        Assert.Contains("Time zone", table.Output, StringComparison.Ordinal);
        Assert.Matches(@"PYONGYANG\s.*\sAsia/Pyongyang", table.Output);
        Assert.Equal(["Europe/Berlin", "Europe/Moscow", "Europe/Prague", "Asia/Pyongyang"],
            JsonDocument.Parse(json.Output).RootElement.EnumerateArray().Select(i => i.GetProperty("timeZone").GetString()));
    }

    [Fact]
    public async Task An_animal_is_marked_available_for_transfer_and_the_mark_withdrawn()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);

        var marked = await CliRun.RunAsync(database.Options, "specimen", "available", "EEP-PTA-1412", "--note", "surplus male, breeding recommendation EEP 2026");
        var shown = await CliRun.RunAsync(database.Options, "specimen", "show", "EEP-PTA-1412");
        var withdrawn = await CliRun.RunAsync(database.Options, "specimen", "available", "EEP-PTA-1412", "--withdraw", "--format", "json");
        var both = await CliRun.RunAsync(database.Options, "specimen", "available", "EEP-PTA-1412", "--withdraw", "--note", "no longer");
        var unknown = await CliRun.RunAsync(database.Options, "specimen", "available", "NO-SUCH-ANIMAL");
        var old = await CliRun.RunAsync(database.Options, "specimen", "availability", "EEP-PTA-1412", "--available", "true");

        Assert.Equal((0, 0, 0, 2, 2, 2), (marked.Exit, shown.Exit, withdrawn.Exit, both.Exit, unknown.Exit, old.Exit));
        Assert.Contains("available for transfer (surplus male, breeding recommendation EEP 2026)", marked.Output, StringComparison.Ordinal);
        Assert.Contains("yes: surplus male, breeding recommendation EEP 2026", shown.Output, StringComparison.Ordinal);
        Assert.False(JsonDocument.Parse(withdrawn.Output).RootElement.GetProperty("availableForTransfer").GetBoolean());
    }

    [Fact]
    public async Task An_animal_in_transit_cannot_be_marked_available_and_the_command_exits_1()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var db = TestDatabase.Open(database.Options);
        var inTransit = await db.Specimens.Where(s => s.Status == Domain.Specimens.SpecimenStatus.InTransit).Select(s => s.Id).FirstAsync(Ct);

        var run = await CliRun.RunAsync(database.Options, "specimen", "available", inTransit.Value.ToString());

        Assert.Equal(1, run.Exit);
        Assert.Contains("available: The animal is in transit", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("census", "show")]
    [InlineData("specimen", "show", "NO-SUCH-ANIMAL")]
    [InlineData("census", "show", "ATLANTIS")]
    [InlineData("census", "show", "MOSCOW", "--on", "yesterday")]
    [InlineData("stable", "clean")]
    [InlineData("audit", "verify", "--format", "xml")]
    public async Task Usage_errors_and_unknown_names_exit_2(params string[] args)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);

        var run = await CliRun.RunAsync(database.Options, args);

        Assert.Equal(2, run.Exit);
        Assert.NotEmpty(run.Error);
    }

    [Fact]
    public async Task A_missing_database_is_refused_not_created()
    {
        var file = Path.Combine(Path.GetTempPath(), $"menagerie-absent-{Guid.NewGuid():N}.db");

        var run = await CliRun.RunAsync(null, "census", "show", "MOSCOW", "--database", file);

        Assert.Equal(2, run.Exit);
        Assert.Contains("menagerie db migrate", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }
}
