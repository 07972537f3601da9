using System.Globalization;
using System.Text;
using Menagerie.App.Ledger;
using Menagerie.App.Persistence;
using Menagerie.App.Sample;
using Menagerie.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using static Menagerie.App.Tests.Given;

namespace Menagerie.App.Tests.Sample;

/// <summary>
/// A collection larger than one save: written a part at a time, in one transaction, so that it is all loaded or not
/// at all. Two thousand lions at a hundred a save stand for the hundred thousand at a thousand a save.
/// </summary>
public sealed class SampleBulkLoadTests
{
    private const int Lions = 2_000;
    private const int LionsPerSave = 100;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_large_collection_is_saved_a_part_at_a_time_and_its_ledger_verifies(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var folder = new Collection(Lions);
        await using var db = TestDatabase.Open(database.Options);

        var loaded = Assert.IsType<SampleLoadResult.Loaded>(await new SampleLoader(db) { SpecimensPerSave = LionsPerSave }.LoadDirectoryAsync(folder.Path, Ct));

        // Three events of events.csv a lion, and the adding of its two identifiers.
        Assert.Equal((Lions, 5 * Lions), (loaded.Specimens, loaded.Events));
        Assert.Equal(Lions, await db.Specimens.CountAsync(Ct));
        Assert.Equal(Lions, await db.LedgerEntries.CountAsync(e => e.EntityType == "Specimen", Ct));
        var report = await new AuditVerifier(db).VerifyAsync(Ct);
        Assert.True(report.Intact, report.Problem);
        Assert.Equal(await db.LedgerEntries.CountAsync(Ct), report.EntriesChecked);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task One_bad_row_near_the_end_of_a_large_collection_is_named_and_nothing_is_loaded(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var lastButOne = Lions - 2;
        using var folder = new Collection(Lions, badDateOf: lastButOne);
        await using var db = TestDatabase.Open(database.Options);
        var ledger = await db.LedgerEntries.CountAsync(Ct);

        var refused = Assert.IsType<SampleLoadResult.Rejected>(await new SampleLoader(db) { SpecimensPerSave = LionsPerSave }.LoadDirectoryAsync(folder.Path, Ct));

        Assert.Equal([("events.csv", Collection.LastEventLine(lastButOne), "date")], refused.Problems.Select(p => (p.File, p.Line, p.Field)));
        Assert.Equal((ledger, 0, 0), (await db.LedgerEntries.CountAsync(Ct), await db.Specimens.CountAsync(Ct), await db.Institutions.CountAsync(Ct)));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_save_failing_after_parts_were_written_leaves_nothing_of_the_load(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var folder = new Collection(Lions);
        var ledger = await database.LedgerEntriesAsync();
        // The reference data, then ten parts of lions are saved; the eleventh save fails.
        var failing = new FailingSave(at: 12);
        await using (var db = Open(database.Options, failing))
        {
            var loader = new SampleLoader(db) { SpecimensPerSave = LionsPerSave };
            await Assert.ThrowsAsync<IOException>(() => loader.LoadDirectoryAsync(folder.Path, Ct));
        }

        Assert.Equal(12, failing.Saves);
        await using var after = TestDatabase.Open(database.Options);
        Assert.Equal((ledger, 0, 0), (await after.LedgerEntries.CountAsync(Ct), await after.Specimens.CountAsync(Ct), await after.Institutions.CountAsync(Ct)));
        Assert.True((await new AuditVerifier(after).VerifyAsync(Ct)).Intact);
    }

    private static MenagerieDbContext Open(DatabaseOptions options, IInterceptor interceptor)
    {
        var actor = new Actor { Name = "test setup" };
        return options.Provider == DatabaseProvider.Sqlite
            ? new SqliteMenagerieDbContext(new DbContextOptionsBuilder<SqliteMenagerieDbContext>().UseSqlite(options.ConnectionString).AddInterceptors(interceptor).Options, actor, TimeProvider.System)
            : new PostgresMenagerieDbContext(new DbContextOptionsBuilder<PostgresMenagerieDbContext>().UseNpgsql(options.ConnectionString).AddInterceptors(interceptor).Options, actor, TimeProvider.System);
    }

    /// <summary>A disk that gives out at the given save.</summary>
    private sealed class FailingSave(int at) : SaveChangesInterceptor
    {
        public int Saves { get; private set; }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (++Saves == at)
                throw new IOException("The disk is full.");
            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }

    /// <summary>
    /// A folder in the sample's layout, with the sample's countries, institutions and taxa: two founder lions, and
    /// their offspring, each born at Moscow and weighed twice.
    /// </summary>
    private sealed class Collection : IDisposable
    {
        public Collection(int lions, int? badDateOf = null)
        {
            Path = Directory.CreateTempSubdirectory("menagerie-bulk-load-").FullName;
            foreach (var file in new[] { "countries.csv", "institutions.csv", "taxa.csv" })
                File.Copy(System.IO.Path.Combine(Repository.Root, "samples", "collection", file), System.IO.Path.Combine(Path, file));
            var specimens = new StringBuilder("key,kind,taxon,sex,name,identifiers\n");
            var events = new StringBuilder("specimen,type,date,institution,from_name,sire,dam,weight_kg\n");
            for (var i = 0; i < lions; i++)
            {
                var key = Key(i);
                specimens.Append(CultureInfo.InvariantCulture, $"{key},individual,Panthera leo,{(i % 2 == 0 ? "male" : "female")},,local:{key};transponder:643{i:D12}\n");
                events.Append(i < 2 ? $"{key},acquisition,2010-01-01,MOSCOW,founder stock,,,\n" : $"{key},birth,2015-01-01,MOSCOW,,{Key(0)},{Key(1)},\n");
                events.Append(CultureInfo.InvariantCulture, $"{key},weight,2020-01-01,,,,,120.5\n");
                events.Append(CultureInfo.InvariantCulture, $"{key},weight,{(i == badDateOf ? "2021-02-30" : "2021-01-01")},,,,,150\n");
            }
            File.WriteAllText(System.IO.Path.Combine(Path, "specimens.csv"), specimens.ToString());
            File.WriteAllText(System.IO.Path.Combine(Path, "events.csv"), events.ToString());
        }

        public string Path { get; }

        /// <summary>The line of events.csv with the last event of the lion: after the header, three lines a lion.</summary>
        public static int LastEventLine(int lion) => 2 + (3 * lion) + 2;

        private static string Key(int lion) => $"BULK-{lion:D5}";

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
