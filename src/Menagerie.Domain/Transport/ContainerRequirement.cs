using Menagerie.Domain.Compliance;

namespace Menagerie.Domain.Transport;

/// <summary>
/// How a crate's inner dimensions follow from the animal's measurements. Each formula is written out in
/// <see cref="CrateSizing"/> with where it comes from: the published IATA CR1 formula, or a proxy where the
/// LAR's own figures are not public.
/// </summary>
public enum CrateFormula
{
    /// <summary>IATA CR1 (cats and dogs): length A + ½B, width 2C, height D.</summary>
    Cr1,

    /// <summary>CR1 plus 10 cm clearance around the standing animal (AZA Jaguar Care Manual), for big cats and bears.</summary>
    LargeCarnivore,

    /// <summary>Stands with the head extended and lies down but cannot turn or roll over (50 CFR 14.142).</summary>
    Hoofstock,

    /// <summary>One bird that stands erect on its perch and turns round (CR11 family).</summary>
    SingleBird,

    /// <summary>A compatible group of ground birds with floor room for each and a low roof (CR11 family, game birds and waterfowl).</summary>
    BirdGroup,
}

/// <summary>Whether animals of the group may share a crate.</summary>
public enum CrateSharing
{
    /// <summary>One animal per crate.</summary>
    Alone,

    /// <summary>Animals of one species known to be compatible may share, up to the crate's maximum.</summary>
    CompatibleGroup,
}

/// <summary>
/// What a taxon group's crate must be: the LAR container requirement it follows (null when the number is not
/// public and must be confirmed from the edition in force), how it is sized, whether animals share, the
/// ventilated share of each ventilated wall, padlocks and outside feeding, and what the loading plan needs to know.
/// </summary>
public sealed record ContainerRequirement
{
    /// <summary>A short name for the group ("big-cats", "parrots").</summary>
    public required string Group { get; init; }

    /// <summary>Species, genera, families or classes the row applies to; the most specific match wins.</summary>
    public required IReadOnlyList<string> AppliesTo { get; init; }

    /// <summary>The container requirement number ("CR11"); null when it is to be confirmed from the current LAR edition.</summary>
    public string? Reference { get; init; }

    /// <summary>The LAR edition the row was taken from, or the public text that gives it.</summary>
    public required string Edition { get; init; }

    public required CrateFormula Formula { get; init; }
    public CrateSharing Sharing { get; init; } = CrateSharing.Alone;

    /// <summary>The most animals one crate holds where they may share.</summary>
    public int MaxPerCrate { get; init; } = 1;

    /// <summary>T-02: 16 % of each of two opposite ventilated walls.</summary>
    public const decimal DefaultVentilationShare = 0.16m;

    /// <summary>Plywood with a frame, about 10 kg for each square metre of surface.</summary>
    public const decimal DefaultTareKgPerSquareMetre = 10m;

    /// <summary>The share of each ventilated wall that must be open.</summary>
    public decimal VentilationShare { get; init; } = DefaultVentilationShare;

    /// <summary>Dangerous animals: every door padlocked, the keys travelling with the documents (T-04).</summary>
    public bool Padlocks { get; init; }

    /// <summary>Food and water can be given from outside without opening the crate.</summary>
    public bool FeedFromOutside { get; init; } = true;

    /// <summary>Kept out of sight of every other animal in the hold, all of which it may prey on or frighten (W-05).</summary>
    public bool Predator { get; init; }

    /// <summary>Large or dangerous: an attendant must reach the crate during the journey (W-11).</summary>
    public bool AttendantAccess { get; init; }

    /// <summary>Weight of the crate itself per square metre of its outer surface.</summary>
    public decimal TareKgPerSquareMetre { get; init; } = DefaultTareKgPerSquareMetre;

    /// <summary>The temperature range the group travels in unless the examining veterinarian writes another (W-01).</summary>
    public TemperatureRange Temperature { get; init; } = Welfare.DefaultTemperature;

    public required string Source { get; init; }

    /// <summary>The number is published; otherwise the crate follows the family formula and the plan warns.</summary>
    public bool IsConfirmed => Reference is not null;

    public string ReferenceText => Reference ?? "to be confirmed from the current LAR edition";
}

/// <summary>Defaults from the welfare rules.</summary>
public static class Welfare
{
    /// <summary>W-01: 12.8 °C to 26.7 °C unless the examining veterinarian specifies otherwise in writing (50 CFR 14.109(b)).</summary>
    public static readonly TemperatureRange DefaultTemperature = new(12.8m, 26.7m);

    public const string TemperatureSource = "50 CFR 14.109(b)";

    /// <summary>W-02: each enclosure inspected at least every 4 hours where accessible (50 CFR 14.109(a)).</summary>
    public const int InspectionHours = 4;
}

/// <summary>
/// The container requirements in force: the rows shipped with Menagerie, where a user's licensed LAR table
/// replaces rows of the same group and adds its own. Lookups walk a taxon's lineage from the most specific name.
/// </summary>
public sealed class ContainerTable
{
    private readonly Dictionary<string, ContainerRequirement> _byName = new(StringComparer.OrdinalIgnoreCase);

    public ContainerTable(IEnumerable<ContainerRequirement> rows, string edition)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Rows = [.. rows];
        Edition = edition;
        foreach (var row in Rows)
        {
            foreach (var name in row.AppliesTo)
                _byName[name] = row;
        }
    }

    public IReadOnlyList<ContainerRequirement> Rows { get; }

    /// <summary>The LAR edition (or editions) the table comes from, which the plan records (T-00).</summary>
    public string Edition { get; }

    /// <summary>The requirement for the first name of the lineage (species, genus, family, class) that has one.</summary>
    public ContainerRequirement? Find(IEnumerable<string> lineage)
    {
        ArgumentNullException.ThrowIfNull(lineage);
        foreach (var name in lineage)
        {
            if (!string.IsNullOrWhiteSpace(name) && _byName.TryGetValue(name, out var row))
                return row;
        }
        return null;
    }

    /// <summary>This table with a licensed table's rows in place of the groups they name.</summary>
    public ContainerTable With(ContainerTable licensed)
    {
        ArgumentNullException.ThrowIfNull(licensed);
        var replaced = licensed.Rows.Select(r => r.Group).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new ContainerTable([.. Rows.Where(r => !replaced.Contains(r.Group)), .. licensed.Rows], $"{licensed.Edition}; otherwise {Edition}");
    }
}
