using BenchmarkDotNet.Attributes;
using Menagerie.App.Transport;
using Menagerie.Domain.Compliance;
using Menagerie.Domain.Transport;

namespace Menagerie.Benchmarks;

/// <summary>
/// Crates and loading plan for a 1,000-animal shipment (DESIGN.md target: at most 200 ms): the November 2024
/// shipment's mix (a lion, two bears, two yaks, five cockatoos, 25 pheasants, 40 ducks) thirteen times over and
/// 25 more ducks, about 250 crates, into a ship's hold with a heated zone. "fits" finds a plan at the first
/// order tried; "too-short" tries every order and reports the failures, the slowest case.
/// </summary>
[MemoryDiagnoser]
public class TransportPlanBenchmark
{
    private static readonly (string Taxon, string[] Lineage, bool Mammal, int Count, Measurements Size, TemperatureRange Range)[] Block =
    [
        ("Panthera leo", ["Panthera leo", "Panthera", "Felidae", "Mammalia"], true, 1, new(165, 52, 38, 105, 128), new(5, 25)),
        ("Ursus arctos", ["Ursus arctos", "Ursus", "Ursidae", "Mammalia"], true, 1, new(190, 55, 52, 115, 240), new(-5, 20)),
        ("Ursus arctos", ["Ursus arctos", "Ursus", "Ursidae", "Mammalia"], true, 1, new(165, 48, 44, 100, 160), new(-5, 20)),
        ("Bos grunniens", ["Bos grunniens", "Bos", "Bovidae", "Mammalia"], true, 1, new(235, null, 58, 160, 460), new(-10, 20)),
        ("Bos grunniens", ["Bos grunniens", "Bos", "Bovidae", "Mammalia"], true, 1, new(205, null, 48, 135, 290), new(-10, 20)),
        ("Cacatua alba", ["Cacatua alba", "Cacatua", "Cacatuidae", "Aves"], false, 5, new(46, null, 12, 34, 0.55m), new(16, 27)),
        ("Chrysolophus pictus", ["Chrysolophus pictus", "Chrysolophus", "Phasianidae", "Aves"], false, 25, new(70, null, 16, 40, 1.1m), new(5, 25)),
        ("Aix galericulata", ["Aix galericulata", "Aix", "Anatidae", "Aves"], false, 40, new(44, null, 17, 30, 0.6m), new(0, 25)),
    ];

    private ContainerTable _table = null!;
    private List<TransportAnimal> _animals = null!;
    private Journey _journey = null!;

    [Params("fits", "too-short")]
    public string Hold { get; set; } = "fits";

    [GlobalSetup]
    public void Setup()
    {
        _table = ContainerRequirementsFile.Embedded();
        _animals = [];
        while (_animals.Sum(a => a.Count) < 1_000)
        {
            foreach (var (taxon, lineage, mammal, count, size, range) in Block)
            {
                var left = 1_000 - _animals.Sum(a => a.Count);
                if (left == 0)
                    break;
                _animals.Add(new TransportAnimal
                {
                    Line = _animals.Count + 1,
                    Specimen = $"S-{_animals.Count + 1:0000}",
                    Taxon = taxon,
                    Lineage = lineage,
                    Mammal = mammal,
                    Count = Math.Min(count, left),
                    Measurements = size,
                    Temperature = range,
                });
            }
        }
        _journey = new Journey
        {
            Attendant = "veterinarians",
            Hold = new Hold
            {
                Name = "ship's hold",
                LengthCm = Hold == "fits" ? 12_000 : 3_000,
                WidthCm = 1_200,
                HeightCm = 500,
                MaxLoadKg = 500_000,
                Temperature = new TemperatureRange(8, 14),
                HeatedZone = new HeatedZone(9_000, 12_000, new TemperatureRange(16, 22)),
                AttendantReachCm = 12_000,
            },
        };
        var loading = TransportPlanner.Plan(_animals, _table, _journey).Loading!;
        if (loading.Feasible != (Hold == "fits"))
            throw new InvalidOperationException($"The '{Hold}' hold should {(Hold == "fits" ? "" : "not ")}take the crates: {string.Join("; ", loading.Failures.Select(f => f.Message))}");
    }

    [Benchmark]
    public TransportPlan CratesAndLoadingPlan() => TransportPlanner.Plan(_animals, _table, _journey);
}
