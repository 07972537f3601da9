using System.Text.Json;
using Menagerie.App.Persistence;
using Menagerie.Domain;
using Menagerie.Domain.Compliance;
using Menagerie.Domain.Transport;

namespace Menagerie.App.Transport;

/// <summary>
/// A transfer's journey as the transport coordinator writes it: legs, the hold, the attendant, how often the
/// crates are checked, the LAR edition the crates follow, and the temperature range the examining veterinarian
/// wrote for a line where it differs from its group's. Kept as written, one document per transfer.
/// </summary>
public sealed record JourneyInput
{
    /// <summary>The longest text of a journey kept: an address, a name, a telephone number, a place or a carrier.</summary>
    public const int MaxTextLength = 500;

    public string? LarEdition { get; init; }
    public string? Attendant { get; init; }

    /// <summary>The shipper's and consignee's addresses as the crate labels print them (T-13).</summary>
    public string? ShipperAddress { get; init; }

    public string? ConsigneeAddress { get; init; }

    /// <summary>A telephone number answered day and night while the animals travel.</summary>
    public string? EmergencyContact { get; init; }

    public int? CheckEveryHours { get; init; }
    public IReadOnlyList<LegInput?>? Legs { get; init; }
    public HoldInput? Hold { get; init; }
    public IReadOnlyList<LineTemperatureInput?>? Temperatures { get; init; }

    /// <summary>Legs that leave before 1800 or arrive more than ten years from <paramref name="now"/>: a year mistyped in a plan.</summary>
    public IEnumerable<RuleViolation> LegsOutOfRange(DateTime now)
    {
        foreach (var (leg, i) in (Legs ?? []).Select((l, i) => (l, i)))
        {
            foreach (var (field, instant) in new[] { ("departs", leg?.Departs), ("arrives", leg?.Arrives) })
            {
                if (instant is not { } at)
                    continue;
                var day = DateOnly.FromDateTime(at);
                if (Plausible.TooEarly(day))
                    yield return new("journey.leg-times", $"legs[{i}].{field}", Plausible.BeforeEarliest(day));
                else if (Plausible.TooFarAhead(day, now))
                    yield return new("journey.leg-times", $"legs[{i}].{field}", Plausible.BeyondPlanning(day));
            }
        }
    }

    /// <summary>The journey, or every problem with the input at once.</summary>
    public Result<(Journey Journey, IReadOnlyDictionary<int, TemperatureRange> Temperatures)> ToJourney(IReadOnlyCollection<int> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var problems = new List<RuleViolation>();
        TextLength(LarEdition, "larEdition", problems);
        TextLength(Attendant, "attendant", problems);
        TextLength(ShipperAddress, "shipperAddress", problems);
        TextLength(ConsigneeAddress, "consigneeAddress", problems);
        TextLength(EmergencyContact, "emergencyContact", problems);
        TextLength(Hold?.Name, "hold.name", problems);
        var legs = new List<(JourneyLeg Leg, int Index)>();
        foreach (var (leg, i) in InputList.Present(Legs, "legs", problems))
        {
            var transit = InputList.Present(leg.Transit, $"legs[{i}].transit", problems);
            TextLength(leg.From, $"legs[{i}].from", problems);
            TextLength(leg.To, $"legs[{i}].to", problems);
            TextLength(leg.Carrier, $"legs[{i}].carrier", problems);
            foreach (var (state, j) in transit)
                TextLength(state, $"legs[{i}].transit[{j}]", problems);
            if (leg.Departs is null)
                problems.Add(new("journey.leg-times", $"legs[{i}].departs", "A leg needs the UTC time it departs."));
            if (leg.Arrives is null)
                problems.Add(new("journey.leg-times", $"legs[{i}].arrives", "A leg needs the UTC time it arrives."));
            var known = Enum.TryParse<TransportMode>(leg.Mode ?? "air", ignoreCase: true, out var mode) && Enum.IsDefined(mode);
            if (!known)
                problems.Add(new("journey.leg-mode", $"legs[{i}].mode", $"'{leg.Mode}' is not a mode: air, road, rail or sea."));
            if (leg.Departs is { } departs && leg.Arrives is { } arrives && known && transit.Count == (leg.Transit?.Count ?? 0))
            {
                legs.Add((new JourneyLeg(leg.From?.Trim() ?? "", leg.To?.Trim() ?? "", Instants.FromClient(departs), Instants.FromClient(arrives),
                    mode, leg.Carrier?.Trim(), [.. transit.Select(t => t.Item.Trim().ToUpperInvariant())]), i));
            }
        }
        // While a leg cannot be read, the others are checked each on its own, under the file's numbering, and not against each other.
        var wellFormed = legs.Count == (Legs?.Count ?? 0);
        if (!wellFormed)
            problems.AddRange(legs.SelectMany(l => l.Leg.Problems(l.Index)));
        Hold? hold = null;
        if (Hold is { } h)
        {
            if (string.IsNullOrWhiteSpace(h.Name))
                problems.Add(new("journey.hold", "hold.name", "Name the hold (e.g. the aircraft type and compartment)."));
            if (h.HeatedZone is { Temperature: null })
                problems.Add(new("journey.temperature", "hold.heatedZone.temperature", "Give the temperature the heated zone keeps, minimum and maximum in °C."));
            hold = new Hold
            {
                Name = h.Name?.Trim() ?? "",
                LengthCm = h.LengthCm,
                WidthCm = h.WidthCm,
                HeightCm = h.HeightCm,
                MaxLoadKg = h.MaxLoadKg,
                Temperature = Range(h.Temperature, "hold.temperature", problems),
                HeatedZone = h.HeatedZone is { } z ? new HeatedZone(z.FromCm, z.ToCm, Range(z.Temperature, "hold.heatedZone.temperature", problems) ?? Welfare.DefaultTemperature) : null,
                AisleCm = h.AisleCm ?? Domain.Transport.Hold.DefaultAisleCm,
                AttendantReachCm = h.AttendantReachCm ?? Domain.Transport.Hold.DefaultAttendantReachCm,
            };
        }
        var temperatures = new Dictionary<int, TemperatureRange>();
        foreach (var (t, i) in InputList.Present(Temperatures, "temperatures", problems))
        {
            if (!lines.Contains(t.Line))
                problems.Add(new("journey.temperature", $"temperatures[{i}].line", $"The transfer has no line {t.Line}."));
            else if (temperatures.ContainsKey(t.Line))
                problems.Add(new("journey.temperature", $"temperatures[{i}].line", $"Line {t.Line} is given a range twice."));
            else if (Range(new RangeInput(t.Min, t.Max), $"temperatures[{i}]", problems) is { } range)
                temperatures[t.Line] = range;
        }
        var journey = new Journey
        {
            Legs = wellFormed ? [.. legs.Select(l => l.Leg)] : [],
            Hold = hold,
            Attendant = OptionalText.From(Attendant),
            CheckEveryHours = CheckEveryHours ?? Welfare.InspectionHours,
            LarEdition = OptionalText.From(LarEdition),
        };
        problems.AddRange(journey.Validate());
        if (problems.Count > 0)
            return problems;
        return (journey, temperatures);
    }

    private static void TextLength(string? text, string field, List<RuleViolation> problems)
    {
        if (text?.Trim().Length > MaxTextLength)
            problems.Add(new("journey.text", field, $"The text is longer than {MaxTextLength} characters."));
    }

    private static TemperatureRange? Range(RangeInput? input, string field, List<RuleViolation> problems)
    {
        if (input is null)
            return null;
        if (input.Min is not { } min || input.Max is not { } max || min >= max)
        {
            problems.Add(new("journey.temperature", field, "A temperature range needs a minimum below its maximum, in °C."));
            return null;
        }
        return new TemperatureRange(min, max);
    }

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}

public sealed record LegInput(string? From, string? To, DateTime? Departs, DateTime? Arrives, string? Mode, string? Carrier, IReadOnlyList<string?>? Transit);

public sealed record HoldInput
{
    public string? Name { get; init; }
    public int LengthCm { get; init; }
    public int WidthCm { get; init; }
    public int HeightCm { get; init; }
    public decimal MaxLoadKg { get; init; }
    public RangeInput? Temperature { get; init; }
    public HeatedZoneInput? HeatedZone { get; init; }
    public int? AisleCm { get; init; }
    public int? AttendantReachCm { get; init; }
}

public sealed record HeatedZoneInput(int FromCm, int ToCm, RangeInput? Temperature);

public sealed record RangeInput(decimal? Min, decimal? Max);

public sealed record LineTemperatureInput(int Line, decimal? Min, decimal? Max);

/// <summary>The journey document of a transfer, as written, with who wrote it last.</summary>
public sealed class TransferJourney
{
    private TransferJourney() { Document = UpdatedBy = ""; }

    public TransferId TransferId { get; private set; }

    /// <summary>The <see cref="JourneyInput"/> as JSON.</summary>
    public string Document { get; private set; }

    public DateTime UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; }
    public long Version { get; private set; }

    public JourneyInput Input => JsonSerializer.Deserialize<JourneyInput>(Document, JourneyInput.Json)!;

    public static TransferJourney Create(TransferId transfer, JourneyInput input, DateTime at, string by) =>
        new() { TransferId = transfer, Document = JsonSerializer.Serialize(input, JourneyInput.Json), UpdatedAt = at, UpdatedBy = by };

    public void Replace(JourneyInput input, DateTime at, string by)
    {
        Document = JsonSerializer.Serialize(input, JourneyInput.Json);
        UpdatedAt = at;
        UpdatedBy = by;
    }
}
