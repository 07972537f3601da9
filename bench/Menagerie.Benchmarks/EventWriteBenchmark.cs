using BenchmarkDotNet.Attributes;
using Menagerie.App;
using Menagerie.App.Accounts;
using Menagerie.App.Institutions;
using Menagerie.App.Persistence;
using Menagerie.App.Specimens;
using Menagerie.App.Taxa;
using Menagerie.Domain.Taxa;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Menagerie.Benchmarks;

/// <summary>
/// Recording one event — a weighing after the latest one — on an animal with 10 and with 10,000 events in its
/// history, through the use case the API and the pages call, on a SQLite file, each in its own scope as a request
/// is (issue 17: the same cost within 1.5×). The history is written in the setup by the same use case; each
/// iteration starts again from a copy of that database and records 50 weighings a minute apart.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(50, unrollFactor: 1)]
public class EventWriteBenchmark
{
    private static readonly DateTime First = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private string _folder = "";
    private string _file = "";
    private ServiceProvider _services = null!;
    private DateTime _next;

    [Params(10, 10_000)]
    public int History { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _folder = Directory.CreateTempSubdirectory("menagerie-bench-").FullName;
        _file = Path.Combine(_folder, "menagerie.db");
        _services = new ServiceCollection().AddMenagerieApp(DatabaseOptions.Sqlite(_file)).BuildServiceProvider();
        await using (var scope = Scope())
        {
            await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<MenagerieDbContext>(), default);
            var institutions = scope.ServiceProvider.GetRequiredService<InstitutionCommands>();
            Check(await institutions.CreateCountryAsync(new("RU", "Russian Federation", true, new DateOnly(1992, 1, 1), new DateOnly(2025, 11, 24), "CITES list of Parties"), default));
            Check(await institutions.CreateAsync(new("MOSCOW", "Moscow Zoo", "RU", "Europe/Moscow"), default));
            Check(await scope.ServiceProvider.GetRequiredService<TaxonCommands>().CreateAsync(new("Panthera leo", "African lion", TaxonRank.Species, "Mammalia"), default));
            Check(await scope.ServiceProvider.GetRequiredService<SpecimenCommands>().CreateAsync(new SpecimenInput
            {
                Taxon = "Panthera leo",
                Sex = "female",
                First = new EventInput { Type = "birth", Date = "2019-05-14", Institution = "MOSCOW" },
                Identifiers = [new("local", "MOS-1")],
            }, default));
        }
        // The birth and the identifier are two events of the history.
        _next = First;
        for (var i = 2; i < History; i++)
            await RecordWeighingAsync();
        SqliteConnection.ClearAllPools();
        File.Copy(_file, _file + ".template");
    }

    [IterationSetup]
    public void StartAgain()
    {
        SqliteConnection.ClearAllPools();
        foreach (var part in new[] { "-wal", "-shm" })
            File.Delete(_file + part);
        File.Copy(_file + ".template", _file, overwrite: true);
        _next = First.AddMinutes(History);
    }

    [Benchmark]
    public Task RecordWeighingAsync() => RecordAsync(_next = _next.AddMinutes(1));

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task RecordAsync(DateTime at)
    {
        await using var scope = Scope();
        Check(await scope.ServiceProvider.GetRequiredService<SpecimenCommands>()
            .RecordEventAsync("MOS-1", new EventInput { Type = "weight", Date = $"{at:yyyy-MM-dd}", At = at, WeightKg = 150m }, null, default));
    }

    private AsyncServiceScope Scope()
    {
        var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Actor>().Name = "benchmark";
        scope.ServiceProvider.GetRequiredService<Access>().ActAsOperator();
        return scope;
    }

    private static void Check<T>(Outcome<T> outcome)
    {
        if (outcome is not (Outcome<T>.Ok or Outcome<T>.Created))
            throw new InvalidOperationException($"The setup's step failed: {outcome}");
    }
}
