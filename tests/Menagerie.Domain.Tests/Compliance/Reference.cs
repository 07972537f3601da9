using Menagerie.Domain.Compliance;
using Menagerie.Domain.Documents;
using Menagerie.Domain.Taxa;

namespace Menagerie.Domain.Tests.Compliance;

/// <summary>A small checklist with the listing shapes the rules meet: split populations, higher-taxon listings with exclusions, domesticated forms, Appendix III.</summary>
internal static class Reference
{
    public static readonly DateOnly AsOf = new(2024, 10, 1);
    public static readonly DateOnly Departure = new(2024, 11, 20);

    public static ChecklistContents Contents { get; } = new()
    {
        Source = "test checklist",
        AsOf = AsOf,
        Taxa =
        [
            new("Mammalia", TaxonRank.Class, null), new("Aves", TaxonRank.Class, null),
            new("Carnivora", TaxonRank.Order, "Mammalia"), new("Felidae", TaxonRank.Family, "Carnivora"), new("Panthera", TaxonRank.Genus, "Felidae"),
            new("Panthera leo", TaxonRank.Species, "Panthera"), new("Ursidae", TaxonRank.Family, "Carnivora"), new("Ursus", TaxonRank.Genus, "Ursidae"),
            new("Ursus arctos", TaxonRank.Species, "Ursus"), new("Artiodactyla", TaxonRank.Order, "Mammalia"), new("Bovidae", TaxonRank.Family, "Artiodactyla"),
            new("Bos", TaxonRank.Genus, "Bovidae"), new("Bos mutus", TaxonRank.Species, "Bos"), new("Perissodactyla", TaxonRank.Order, "Mammalia"),
            new("Equidae", TaxonRank.Family, "Perissodactyla"), new("Equus", TaxonRank.Genus, "Equidae"), new("Equus caballus", TaxonRank.Species, "Equus"),
            new("Psittaciformes", TaxonRank.Order, "Aves"), new("Cacatuidae", TaxonRank.Family, "Psittaciformes"), new("Cacatua", TaxonRank.Genus, "Cacatuidae"),
            new("Cacatua alba", TaxonRank.Species, "Cacatua"), new("Psittacidae", TaxonRank.Family, "Psittaciformes"), new("Melopsittacus", TaxonRank.Genus, "Psittacidae"),
            new("Melopsittacus undulatus", TaxonRank.Species, "Melopsittacus"), new("Galliformes", TaxonRank.Order, "Aves"), new("Phasianidae", TaxonRank.Family, "Galliformes"),
            new("Pavo", TaxonRank.Genus, "Phasianidae"), new("Pavo cristatus", TaxonRank.Species, "Pavo"), new("Chrysolophus", TaxonRank.Genus, "Phasianidae"),
            new("Chrysolophus pictus", TaxonRank.Species, "Chrysolophus"), new("Ursus arctos arctos", TaxonRank.Subspecies, "Ursus arctos"),
            new("Psittacus erithacus", TaxonRank.Species, "Psittacidae"), new("Cacatua galerita", TaxonRank.Species, "Cacatua", AcceptedName: "Cacatua alba"),
        ],
        Listings =
        [
            Listing("Felidae", Appendix.II) with { ExcludesDomesticated = true },
            Listing("Panthera leo", Appendix.I) with { Populations = ["IN"] },
            Listing("Panthera leo", Appendix.II) with { ExcludedPopulations = ["IN"] },
            Listing("Ursidae", Appendix.II),
            Listing("Ursus arctos", Appendix.I) with { Populations = ["BT", "CN", "MN", "MX"] },
            Listing("Ursus arctos", Appendix.II) with { ExcludedPopulations = ["BT", "CN", "MN", "MX"] },
            Listing("Bos mutus", Appendix.I) with { ExcludesDomesticated = true },
            Listing("Psittaciformes", Appendix.II) with { ExcludedTaxa = ["Melopsittacus undulatus"] },
            Listing("Pavo cristatus", Appendix.III) with { ListingParty = "PK" },
        ],
        FirstListed = new Dictionary<string, DateOnly>(StringComparer.OrdinalIgnoreCase) { ["Ursidae"] = new(1992, 6, 11), ["Bos mutus"] = new(1975, 7, 1) },
        Parties =
        [
            new("RU", "Russian Federation", true, new(1992, 1, 1), AsOf, "test list"),
            new("KP", "Democratic People's Republic of Korea", false, null, AsOf, "test list"),
            new("DE", "Germany", true, new(1976, 6, 20), AsOf, "test list"),
            new("CZ", "Czechia", true, new(1993, 1, 1), AsOf, "test list"),
            new("GB", "United Kingdom", true, new(1976, 10, 31), AsOf, "test list"),
        ],
        Domesticated = [new("Bos grunniens", "Bos mutus", "test annotation")],
        NativeRanges = [new("Ursus arctos", ["RU", "CN"], "test range")],
        Sanctions = [new("KP", "UNSCR 1718 and later", "test sanctions")],
    };

    public static Checklist Checklist { get; } = new(Contents);

    private static CitesListing Listing(string taxon, Appendix appendix) =>
        new() { Taxon = taxon, Appendix = appendix, EffectiveFrom = new(1992, 6, 11), Source = "test listing", AsOf = AsOf };

    public static ShipmentLine Line(int number, string taxon, int count = 1) =>
        new() { Number = number, Taxon = taxon, Count = count, Source = 'C', ExaminedOn = Departure.AddDays(-5) };

    public static ShipmentDocument Document(DocumentType type, string state, DateOnly issued, params int[] lines) => new()
    {
        Type = type,
        Number = $"{state}-{type}-{issued:yyyyMMdd}",
        IssuingState = state,
        IssuedOn = issued,
        Covers = [.. lines.Select(l => (l, (int?)null))],
    };

    public static Shipment RussiaTo(string importer, IReadOnlyList<ShipmentLine> lines, params ShipmentDocument[] documents) => new()
    {
        Reference = "TEST",
        Exporter = "RU",
        Importer = importer,
        Date = Departure,
        Lines = lines,
        Documents = [.. documents, Document(DocumentType.VeterinaryHealthCertificate, "RU", Departure.AddDays(-3))],
    };

    public static ComplianceReport Check(Shipment shipment, IReadOnlyList<RequirementOverride>? overrides = null) =>
        Rulebook.Check(shipment, Checklist, shipment.Date, overrides: overrides);

    public static IEnumerable<Requirement> Of(this ComplianceReport report, string rule) => report.Requirements.Where(r => r.Rule == rule);

    public static bool Blocks(this ComplianceReport report, string rule) => report.Blocks.Any(r => r.Rule == rule);
}
