namespace Menagerie.Domain.Transport;

/// <summary>
/// An animal's measurements as the LAR takes them: A body length from nose to root of tail (for a bird, bill tip
/// to tail tip), B height from the ground to the elbow, C width across the shoulders (a bird's folded wings), D
/// height standing with the head erect; and its weight.
/// </summary>
public sealed record Measurements(decimal? LengthCm, decimal? ElbowHeightCm, decimal? WidthCm, decimal? HeightCm, decimal? WeightKg)
{
    public static readonly Measurements None = new(null, null, null, null, null);

    /// <summary>Later measurements replace earlier ones field by field: a weighing does not erase a length.</summary>
    public Measurements Then(Measurements later)
    {
        ArgumentNullException.ThrowIfNull(later);
        return new(later.LengthCm ?? LengthCm, later.ElbowHeightCm ?? ElbowHeightCm, later.WidthCm ?? WidthCm, later.HeightCm ?? HeightCm, later.WeightKg ?? WeightKg);
    }
}

/// <summary>A crate's length, width and height in centimetres.</summary>
public readonly record struct Dimensions(int LengthCm, int WidthCm, int HeightCm)
{
    public override string ToString() => $"{LengthCm} × {WidthCm} × {HeightCm} cm";
}

/// <summary>
/// Inner dimensions from measurements, one formula per family of container requirement, so that the animal can
/// stand, turn and lie naturally without touching the top or sides (T-01) — or, for hoofstock, stand and lie
/// with the head extended without rolling over (T-03). Dimensions are rounded up to whole centimetres.
/// </summary>
public static class CrateSizing
{
    /// <summary>Frame and spacer bars outside the inner space on each side (CR1: 2.5 cm frame; spacer bars on three sides).</summary>
    public const int WallCm = 5;

    /// <summary>AZA Jaguar Care Manual: about 10 cm clearance around the standing animal.</summary>
    private const decimal Clearance = 10m;

    /// <summary>The measurements a formula needs that are not recorded, by the names a keeper measures.</summary>
    public static IReadOnlyList<string> Missing(CrateFormula formula, Measurements m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var missing = new List<string>();
        if (m.LengthCm is null)
            missing.Add("body length");
        if (m.ElbowHeightCm is null && formula is CrateFormula.Cr1 or CrateFormula.LargeCarnivore)
            missing.Add("elbow height");
        if (m.WidthCm is null)
            missing.Add("shoulder width");
        if (m.HeightCm is null)
            missing.Add("standing height");
        if (m.WeightKg is null)
            missing.Add("weight");
        return missing;
    }

    /// <summary>The inner dimensions for <paramref name="count"/> animals (more than one only for a group formula).</summary>
    public static Dimensions Inner(CrateFormula formula, Measurements m, int count)
    {
        ArgumentNullException.ThrowIfNull(m);
        if (Missing(formula, m) is { Count: > 0 } missing)
            throw new ArgumentException($"Measurements missing: {string.Join(", ", missing)}.", nameof(m));
        decimal a = m.LengthCm!.Value, c = m.WidthCm!.Value, d = m.HeightCm!.Value, b = m.ElbowHeightCm ?? 0;
        return formula switch
        {
            CrateFormula.Cr1 => Round(a + b / 2, 2 * c, d),
            CrateFormula.LargeCarnivore => Round(a + b / 2 + 2 * Clearance, 2 * c + 2 * Clearance, d + Clearance),
            CrateFormula.Hoofstock => Round(a + 3 * Clearance, c + 2 * Clearance, d + 1.5m * Clearance),
            CrateFormula.SingleBird => Round(1.25m * a, Math.Max(2 * c, a / 2), 1.25m * d),
            CrateFormula.BirdGroup => Group(a, c, d, count),
            _ => throw new ArgumentOutOfRangeException(nameof(formula), formula, null),
        };
    }

    /// <summary>Outer dimensions: the inner space plus frame and spacer bars on each side, and roof and floor above and below.</summary>
    public static Dimensions Outer(Dimensions inner) =>
        new(inner.LengthCm + 2 * WallCm, inner.WidthCm + 2 * WallCm, inner.HeightCm + 2 * WallCm);

    /// <summary>
    /// Floor room of twice a bird's own footprint (length × width) for each, on a floor twice as long as it is
    /// wide, never shorter than one bird turning; a low roof (standing height + 10 cm) so flighty game birds
    /// cannot fly up and injure themselves.
    /// </summary>
    private static Dimensions Group(decimal a, decimal c, decimal d, int count)
    {
        var area = 2 * a * c * count;
        var width = Math.Max((decimal)Math.Sqrt((double)(area / 2)), 2 * c);
        var length = Math.Max(area / width, 1.25m * a);
        return Round(length, width, d + Clearance);
    }

    private static Dimensions Round(decimal length, decimal width, decimal height) =>
        new((int)Math.Ceiling(length), (int)Math.Ceiling(width), (int)Math.Ceiling(height));
}
