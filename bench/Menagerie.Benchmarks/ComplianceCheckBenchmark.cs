using BenchmarkDotNet.Attributes;
using Menagerie.App.Compliance.Reference;
using Menagerie.Domain.Compliance;
using Menagerie.Domain.Documents;

namespace Menagerie.Benchmarks;

/// <summary>
/// Checking a large mixed shipment (DESIGN.md target: 1,000 lines in at most 50 ms): the lines cycle
/// through the sample taxa — split listings, higher-taxon listings, domesticated and unidentified — and
/// carry export permits of ten lines each, veterinary certificates of fifty and comparable documentation.
/// </summary>
[MemoryDiagnoser]
public class ComplianceCheckBenchmark
{
    private static readonly string[] Taxa =
    [
        "Panthera leo", "Ursus arctos", "Bos grunniens", "Cacatua alba", "Aix galericulata",
        "Aquila chrysaetos", "Grus japonensis", "Ara ararauna", "Phasianidae", "Chrysolophus pictus",
    ];

    private static readonly DateOnly Departure = new(2024, 11, 20);
    private Checklist _checklist = null!;
    private Shipment _shipment = null!;

    [Params(1_000)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _checklist = ReferenceData.Embedded();
        var lines = Enumerable.Range(1, Lines).Select(n => new ShipmentLine
        {
            Number = n,
            Taxon = Taxa[n % Taxa.Length],
            Count = n % 7 + 1,
            Source = 'C',
            Population = n % 3 == 0 ? "RU" : null,
            Crate = $"K-{n}",
        }).ToList();
        var documents = new List<ShipmentDocument>();
        for (var first = 1; first <= Lines; first += 10)
            documents.Add(Document(DocumentType.CitesExportPermit, "RU", $"EX-{first}", Departure.AddDays(-20), first, 10));
        for (var first = 1; first <= Lines; first += 50)
            documents.Add(Document(DocumentType.VeterinaryHealthCertificate, "RU", $"VET-{first}", Departure.AddDays(-3), first, 50));
        for (var first = 1; first <= Lines; first += 100)
            documents.Add(Document(DocumentType.ComparableDocumentation, "KP", $"CD-{first}", Departure.AddDays(-40), first, 100));
        _shipment = new Shipment
        {
            Reference = "BENCH",
            Exporter = "RU",
            Importer = "KP",
            Date = Departure,
            Lines = lines,
            Documents = documents,
            Transport = new() { StateAircraft = true, VeterinarianTravelling = true },
        };
    }

    private static ShipmentDocument Document(DocumentType type, string state, string number, DateOnly issued, int first, int count) => new()
    {
        Type = type,
        Number = number,
        IssuingState = state,
        IssuedOn = issued,
        Covers = [.. Enumerable.Range(first, count).Select(l => (l, (int?)null))],
    };

    [Benchmark]
    public Verdict Check() => Rulebook.Check(_shipment, _checklist, Departure).Verdict;
}
