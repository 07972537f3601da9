using Menagerie.Domain.Compliance;

namespace Menagerie.Domain.Transport;

/// <summary>One leg of the journey: from where to where, when (UTC), how, with whom, over which states.</summary>
public sealed record JourneyLeg(string From, string To, DateTime Departs, DateTime Arrives, TransportMode Mode, string? Carrier, IReadOnlyList<string> Transit)
{
    public TimeSpan Duration => Arrives - Departs;

    /// <summary>What is wrong with this leg on its own, named as leg <paramref name="index"/> of the journey (from 0).</summary>
    public IEnumerable<RuleViolation> Problems(int index)
    {
        if (string.IsNullOrWhiteSpace(From) || string.IsNullOrWhiteSpace(To))
            yield return new("journey.leg-places", $"legs[{index}]", "A leg needs the place it leaves from and the place it arrives at.");
        if (Arrives <= Departs)
            yield return new("journey.leg-times", $"legs[{index}].arrives", $"Leg {index + 1} arrives ({Arrives:u}) before it departs ({Departs:u}).");
    }
}

/// <summary>
/// How the animals travel: the legs in order, the hold they are loaded in, the attendant who travels with them,
/// and how often the attendant checks each crate and fills in the welfare log (W-02: at least every 4 hours).
/// </summary>
public sealed record Journey
{
    public IReadOnlyList<JourneyLeg> Legs { get; init; } = [];
    public Hold? Hold { get; init; }

    /// <summary>The attendant or veterinarian named on the booking (W-11).</summary>
    public string? Attendant { get; init; }

    public int CheckEveryHours { get; init; } = Welfare.InspectionHours;

    /// <summary>The LAR edition the crates were checked against, as the shipment records it (T-00).</summary>
    public string? LarEdition { get; init; }

    /// <summary>From the first departure to the last arrival, waits between legs included.</summary>
    public TimeSpan? ExpectedDuration => Legs.Count == 0 ? null : Legs[^1].Arrives - Legs[0].Departs;

    /// <summary>The welfare checks the log should hold: one at loading and one every interval until arrival.</summary>
    public int ChecksExpected => ExpectedDuration is { } d ? 1 + (int)Math.Ceiling(d.TotalHours / Math.Max(CheckEveryHours, 1)) : 0;

    /// <summary>
    /// Every problem at once: a leg arriving before it leaves, or not starting where and after the one before
    /// ended; a check interval under an hour; a hold without its size or load limit, an aisle as wide as the
    /// hold, a heated zone outside it.
    /// </summary>
    public IReadOnlyList<RuleViolation> Validate()
    {
        var problems = new List<RuleViolation>();
        for (var i = 0; i < Legs.Count; i++)
        {
            var leg = Legs[i];
            problems.AddRange(leg.Problems(i));
            if (i > 0 && leg.Departs < Legs[i - 1].Arrives)
                problems.Add(new("journey.leg-order", $"legs[{i}].departs", $"Leg {i + 1} departs before leg {i} arrives."));
            if (i > 0 && !string.Equals(leg.From, Legs[i - 1].To, StringComparison.OrdinalIgnoreCase))
                problems.Add(new("journey.leg-places", $"legs[{i}].from", $"Leg {i + 1} leaves from {leg.From}, but leg {i} arrived at {Legs[i - 1].To}."));
        }
        if (CheckEveryHours < 1)
            problems.Add(new("journey.checks", "checkEveryHours", "Welfare checks need an interval of at least one hour."));
        if (Hold is { } hold)
        {
            foreach (var (field, size) in new[] { ("lengthCm", hold.LengthCm), ("widthCm", hold.WidthCm), ("heightCm", hold.HeightCm) })
            {
                if (size <= 0)
                    problems.Add(new("journey.hold", $"hold.{field}", $"The hold needs its {field[..^2]} in centimetres, above zero."));
            }
            if (hold.MaxLoadKg <= 0)
                problems.Add(new("journey.hold", "hold.maxLoadKg", "The hold needs its load limit."));
            if (hold.AisleCm < 0 || hold.AisleCm >= hold.WidthCm)
                problems.Add(new("journey.hold", "hold.aisleCm", "The aisle must be narrower than the hold."));
            if (hold.AttendantReachCm < 0)
                problems.Add(new("journey.hold", "hold.attendantReachCm", "The attendants' reach from the door cannot be negative."));
            if (hold.HeatedZone is { } zone && (zone.FromCm < 0 || zone.ToCm <= zone.FromCm || zone.ToCm > hold.LengthCm))
                problems.Add(new("journey.hold", "hold.heatedZone", "The heated zone must lie within the hold, its start before its end."));
        }
        return problems;
    }
}
