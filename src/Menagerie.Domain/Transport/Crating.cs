using Menagerie.Domain.Compliance;

namespace Menagerie.Domain.Transport;

/// <summary>
/// One line of a transfer as the crates see it: which animal or group, its taxon's lineage (species first, then
/// genus, family, order, class) to find the container requirement, how many, its latest measurements, and the
/// temperature range the examining veterinarian wrote for it, if any.
/// </summary>
public sealed record TransportAnimal
{
    public required int Line { get; init; }

    /// <summary>The specimen's key ("MOS-00037"), how documents and messages name it.</summary>
    public required string Specimen { get; init; }

    public string? Name { get; init; }
    public required string Taxon { get; init; }
    public string CommonName { get; init; } = "";
    public required IReadOnlyList<string> Lineage { get; init; }
    public bool IdentifiedToSpecies { get; init; } = true;

    /// <summary>A mammal never shares a crate (W-03).</summary>
    public bool Mammal { get; init; }

    public required int Count { get; init; }
    public Measurements Measurements { get; init; } = Measurements.None;
    public TemperatureRange? Temperature { get; init; }

    /// <summary>"MOS-00037 Laska (Panthera leo)".</summary>
    public string Label => Name is { Length: > 0 } ? $"{Specimen} {Name} ({Taxon})" : $"{Specimen} ({Taxon})";
}

/// <summary>Who travels in a crate: the line, the specimen and how many of it.</summary>
public sealed record CrateOccupant(int Line, string Specimen, string? Name, string Taxon, string CommonName, int Count);

/// <summary>A proposed crate: what it follows, who is in it, its size and weight, and what loading must respect.</summary>
public sealed record Crate
{
    /// <summary>"C01", the number on its labels.</summary>
    public required string Number { get; init; }

    public required ContainerRequirement Requirement { get; init; }
    public required IReadOnlyList<CrateOccupant> Occupants { get; init; }
    public required Dimensions Inner { get; init; }
    public Dimensions Outer => CrateSizing.Outer(Inner);
    public required decimal AnimalKg { get; init; }
    public required decimal TareKg { get; init; }
    public decimal GrossKg => AnimalKg + TareKg;

    /// <summary>Open area needed on each of the two ventilated long walls (T-02).</summary>
    public int VentilationCm2PerWall => (int)Math.Ceiling(Requirement.VentilationShare * Inner.LengthCm * Inner.HeightCm);

    public required TemperatureRange Temperature { get; init; }
    public int AnimalCount => Occupants.Sum(o => o.Count);
}

/// <summary>Measurements a keeper must take before an animal's crate can be sized.</summary>
public sealed record MissingMeasurements(int Line, string Specimen, string Animal, IReadOnlyList<string> Measurements)
{
    public Wording Message => $"{Animal}: measure {string.Join(", ", Measurements)}";
}

/// <summary>A transport rule's finding on the plan: a block stops it, a warning needs attention, with the rule's source.</summary>
public sealed record TransportFinding(string Rule, Severity Severity, Wording Message, string Source)
{
    public IReadOnlyList<int> Lines { get; init; } = [];
    public IReadOnlyList<string> Crates { get; init; } = [];
}

/// <summary>The crates proposed for a transfer, the measurements still missing and what the rules found.</summary>
public sealed record CrateProposal(IReadOnlyList<Crate> Crates, IReadOnlyList<MissingMeasurements> Missing, IReadOnlyList<TransportFinding> Findings);

/// <summary>
/// Puts every animal or group in crates. A mammal travels alone (W-03). Birds share only where their group may
/// and they are one record of one species, up to the crate's maximum, in as few crates as that allows with the
/// birds spread evenly (W-04). Lines never share a crate: two records are not known to be compatible.
/// </summary>
public static class Crating
{
    public const string ContainerSource = "IATA LAR container requirements; T-00 (transfer-rules §2.2)";

    public static CrateProposal Propose(IReadOnlyList<TransportAnimal> animals, ContainerTable table)
    {
        ArgumentNullException.ThrowIfNull(animals);
        ArgumentNullException.ThrowIfNull(table);
        var crates = new List<Crate>();
        var missing = new List<MissingMeasurements>();
        var findings = new List<TransportFinding>();
        foreach (var animal in animals.OrderBy(a => a.Line))
        {
            var requirement = table.Find(animal.Lineage);
            if (requirement is null)
            {
                findings.Add(new("T-00", Severity.Block,
                    $"No container requirement is mapped for {animal.Taxon} (line {animal.Line}): load the licensed LAR table with a row for it, or for its family.",
                    ContainerSource)
                { Lines = [animal.Line] });
                continue;
            }
            var needed = CrateSizing.Missing(requirement.Formula, animal.Measurements);
            if (needed.Count > 0)
            {
                missing.Add(new(animal.Line, animal.Specimen, animal.Label, needed));
                continue;
            }
            var shares = requirement.Sharing == CrateSharing.CompatibleGroup && !animal.Mammal;
            foreach (var count in Split(animal.Count, shares ? requirement.MaxPerCrate : 1))
                crates.Add(Make($"C{crates.Count + 1:00}", requirement, animal, count));
            if (shares && animal.Count > 1 && !animal.IdentifiedToSpecies)
            {
                findings.Add(new("W-04", Severity.Warn,
                    $"{animal.Label} is not identified to species: birds of different species must not share a crate; crate them by species once identified.",
                    "CITES Advice to Carriers §1.5")
                { Lines = [animal.Line] });
            }
        }
        if (missing.Count > 0)
        {
            findings.Add(new("T-01", Severity.Block,
                $"Crates cannot be sized until these are measured: {Wording.Join("; ", missing.Select(m => m.Message))}.",
                "IATA LAR CR1: the animal stands, turns and lies naturally (transfer-rules §2.3)")
            { Lines = [.. missing.Select(m => m.Line)] });
        }
        foreach (var group in crates.Where(c => !c.Requirement.IsConfirmed).GroupBy(c => c.Requirement.Group, StringComparer.Ordinal))
        {
            findings.Add(new("T-00", Severity.Warn,
                $"Container requirement to be confirmed from the current LAR for {group.Key}: crates sized from the {Words(group.First().Requirement.Formula)} formula.",
                ContainerSource)
            { Crates = [.. group.Select(c => c.Number)], Lines = [.. group.SelectMany(c => c.Occupants).Select(o => o.Line).Distinct()] });
        }
        return new(crates, missing, findings);
    }

    /// <summary>n animals in crates of at most max each: as few crates as possible, the animals spread evenly.</summary>
    internal static IEnumerable<int> Split(int count, int max)
    {
        var crates = (count + max - 1) / Math.Max(max, 1);
        for (var i = 0; i < crates; i++)
            yield return count / crates + (i < count % crates ? 1 : 0);
    }

    private static Crate Make(string number, ContainerRequirement requirement, TransportAnimal animal, int count)
    {
        var inner = CrateSizing.Inner(requirement.Formula, animal.Measurements, count);
        var outer = CrateSizing.Outer(inner);
        var surfaceM2 = 2m * (outer.LengthCm * outer.WidthCm + outer.LengthCm * outer.HeightCm + outer.WidthCm * outer.HeightCm) / 10_000m;
        return new Crate
        {
            Number = number,
            Requirement = requirement,
            Occupants = [new CrateOccupant(animal.Line, animal.Specimen, animal.Name, animal.Taxon, animal.CommonName, count)],
            Inner = inner,
            AnimalKg = animal.Measurements.WeightKg!.Value * count,
            TareKg = Math.Round(surfaceM2 * requirement.TareKgPerSquareMetre, 1),
            Temperature = animal.Temperature ?? requirement.Temperature,
        };
    }

    private static string Words(CrateFormula formula) => formula switch
    {
        CrateFormula.Cr1 => "CR1",
        CrateFormula.LargeCarnivore => "large-carnivore",
        CrateFormula.Hoofstock => "hoofstock",
        CrateFormula.SingleBird => "single-bird",
        _ => "bird-group",
    };
}
