using System.Globalization;
using System.Text.RegularExpressions;
using Menagerie.App.Transport;
using Menagerie.Domain;
using Menagerie.Web.Shared;

namespace Menagerie.Web.Transfers;

/// <summary>
/// A transfer's journey as its editor holds it: text as typed, so that a form sent back with problems shows exactly
/// what was entered. Legs are rows (blank rows and rows marked for removal are left out), times are UTC as the
/// journey records them, and the veterinarian's temperature ranges are one row per transfer line.
/// </summary>
public sealed partial class JourneyForm
{
    /// <summary>Blank leg rows the form offers below the recorded ones; "add a leg" offers one more.</summary>
    public const int BlankLegs = 1;

    public long Version { get; set; }

    public string? LarEdition { get; set; }
    public string? Attendant { get; set; }
    public string? CheckEveryHours { get; set; }
    public string? ShipperAddress { get; set; }
    public string? ConsigneeAddress { get; set; }
    public string? EmergencyContact { get; set; }

    public IList<LegForm> Legs { get; set; } = [];

    public HoldForm Hold { get; set; } = new();

    public IList<LineTemperatureForm> Temperatures { get; set; } = [];

    /// <summary>The recorded journey in the form's fields, with a row for every line of the transfer and blank legs to add.</summary>
    public static JourneyForm Of(JourneyRecord record, IEnumerable<int> lines)
    {
        ArgumentNullException.ThrowIfNull(record);
        var j = record.Journey;
        var form = new JourneyForm
        {
            Version = record.Version,
            LarEdition = j.LarEdition,
            Attendant = j.Attendant,
            CheckEveryHours = j.CheckEveryHours?.ToString(CultureInfo.InvariantCulture),
            ShipperAddress = j.ShipperAddress,
            ConsigneeAddress = j.ConsigneeAddress,
            EmergencyContact = j.EmergencyContact,
            Legs = [.. (j.Legs ?? []).OfType<LegInput>().Select(LegForm.Of)],
            Hold = HoldForm.Of(j.Hold),
            Temperatures = [.. (j.Temperatures ?? []).OfType<LineTemperatureInput>().Select(t => new LineTemperatureForm { Line = t.Line, Min = Text(t.Min), Max = Text(t.Max) })],
        };
        form.Complete(lines);
        return form;
    }

    /// <summary>Gives every transfer line a temperature row, in line order, and the leg rows at least the blank ones to fill in.</summary>
    public void Complete(IEnumerable<int> lines, int blankLegs = BlankLegs)
    {
        var given = Temperatures.Where(t => lines.Contains(t.Line)).GroupBy(t => t.Line).ToDictionary(g => g.Key, g => g.First());
        Temperatures = [.. lines.Order().Select(l => given.GetValueOrDefault(l) ?? new LineTemperatureForm { Line = l })];
        var blank = Legs.Count(l => l.IsBlank);
        for (var i = blank; i < blankLegs; i++)
            Legs.Add(new LegForm { Mode = "air" });
    }

    /// <summary>
    /// The journey for the use case, what the form could not read (a number, a date, a time), and how a field the
    /// journey names (<c>legs[1].departs</c>) is named on the form, whose rows include the blank and removed legs.
    /// </summary>
    public (JourneyInput Input, List<RuleViolation> Unread, Func<string, string> FieldOnForm) ToInput()
    {
        var unread = new List<RuleViolation>();
        var rows = Legs.Select((l, row) => (Leg: l, Row: row)).Where(l => !l.Leg.IsBlank && !l.Leg.Remove).ToList();
        var legs = rows.Select(l => l.Leg.ToInput($"legs[{l.Row}]", unread)).ToList();
        var lines = Temperatures.Select((t, row) => (Temperature: t, Row: row)).Where(t => !t.Temperature.IsBlank).ToList();
        var temperatures = lines.Select(t => new LineTemperatureInput(t.Temperature.Line,
            Number(t.Temperature.Min, $"temperatures[{t.Row}]", unread), Number(t.Temperature.Max, $"temperatures[{t.Row}].max", unread))).ToList();
        var input = new JourneyInput
        {
            LarEdition = OptionalText.From(LarEdition),
            Attendant = OptionalText.From(Attendant),
            ShipperAddress = OptionalText.From(ShipperAddress),
            ConsigneeAddress = OptionalText.From(ConsigneeAddress),
            EmergencyContact = OptionalText.From(EmergencyContact),
            CheckEveryHours = Whole(CheckEveryHours, "checkEveryHours", unread),
            Legs = legs,
            Hold = Hold.ToInput(unread),
            Temperatures = temperatures,
        };
        string OnForm(string field)
        {
            var m = Indexed().Match(field);
            if (!m.Success)
                return field;
            var index = int.Parse(m.Groups["index"].Value, CultureInfo.InvariantCulture);
            var row = m.Groups["list"].Value == "legs"
                ? index < rows.Count ? rows[index].Row : index
                : index < lines.Count ? lines[index].Row : index;
            return $"{m.Groups["list"].Value}[{row.ToString(CultureInfo.InvariantCulture)}]{m.Groups["rest"].Value}";
        }
        return (input, unread, OnForm);
    }

    internal static string? Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    internal static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    internal static int? Whole(string? text, string field, List<RuleViolation> unread)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            return value;
        unread.Add(new("journey.number", field, $"'{text.Trim()}' is not a whole number."));
        return null;
    }

    internal static decimal? Number(string? text, string field, List<RuleViolation> unread)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        // A decimal comma is read as the point it means: number inputs send a point, a phone's keyboard may not.
        if (decimal.TryParse(text.Trim().Replace(',', '.'), NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value))
            return value;
        unread.Add(new("journey.number", field, $"'{text.Trim()}' is not a number."));
        return null;
    }

    [GeneratedRegex(@"^(?<list>legs|temperatures)\[(?<index>\d+)\](?<rest>.*)$", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Indexed();
}

/// <summary>One leg as typed: places, departure and arrival as a UTC date and time each, mode, carrier, states passed through.</summary>
public sealed class LegForm
{
    public string? From { get; set; }
    public string? To { get; set; }
    public string? DepartsDate { get; set; }
    public string? DepartsTime { get; set; }
    public string? ArrivesDate { get; set; }
    public string? ArrivesTime { get; set; }
    public string? Mode { get; set; }
    public string? Carrier { get; set; }

    /// <summary>The states the leg passes through, as ISO codes separated by commas.</summary>
    public string? Transit { get; set; }

    /// <summary>Ticked: the leg is left out when the journey is saved.</summary>
    public bool Remove { get; set; }

    /// <summary>Nothing typed in it (the mode alone has a default): a row to fill in, not a leg.</summary>
    public bool IsBlank => new[] { From, To, DepartsDate, DepartsTime, ArrivesDate, ArrivesTime, Carrier, Transit }.All(string.IsNullOrWhiteSpace);

    public static LegForm Of(LegInput leg)
    {
        ArgumentNullException.ThrowIfNull(leg);
        var (departsDate, departsTime) = Fields(leg.Departs);
        var (arrivesDate, arrivesTime) = Fields(leg.Arrives);
        return new LegForm
        {
            From = leg.From,
            To = leg.To,
            DepartsDate = departsDate,
            DepartsTime = departsTime,
            ArrivesDate = arrivesDate,
            ArrivesTime = arrivesTime,
            Mode = leg.Mode ?? "air",
            Carrier = leg.Carrier,
            Transit = leg.Transit is { Count: > 0 } states ? string.Join(", ", states) : null,
        };
    }

    private static (string? Date, string? Time) Fields(DateTime? at) => at is { } t ? Format.Fields(t, TimeZoneInfo.Utc) : (null, null);

    internal LegInput ToInput(string field, List<RuleViolation> unread) => new(
        OptionalText.From(From), OptionalText.From(To), Instant(DepartsDate, DepartsTime, field + ".departs", unread), Instant(ArrivesDate, ArrivesTime, field + ".arrives", unread),
        OptionalText.From(Mode) ?? "air", OptionalText.From(Carrier),
        [.. (Transit ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]);

    /// <summary>The UTC instant a date and a time give; what cannot be read is named, and a missing one left for the journey's rules to ask for.</summary>
    private static DateTime? Instant(string? date, string? time, string field, List<RuleViolation> unread)
    {
        if (!string.IsNullOrWhiteSpace(date) && FormTime.Date(date.Trim()) is null)
            unread.Add(new("journey.leg-times", field, $"'{date.Trim()}' is not a date written YYYY-MM-DD."));
        if (!string.IsNullOrWhiteSpace(time) && !FormTime.IsTime(time, out _))
            unread.Add(new("journey.leg-times", field, $"'{time.Trim()}' is not a time of day (hh:mm)."));
        return FormTime.Utc(date, time);
    }
}

/// <summary>The hold as typed: its name, size and load limit, its temperature, the heated zone, the aisle and the attendants' reach.</summary>
public sealed class HoldForm
{
    public string? Name { get; set; }
    public string? LengthCm { get; set; }
    public string? WidthCm { get; set; }
    public string? HeightCm { get; set; }
    public string? MaxLoadKg { get; set; }
    public string? TemperatureMin { get; set; }
    public string? TemperatureMax { get; set; }
    public string? HeatedFromCm { get; set; }
    public string? HeatedToCm { get; set; }
    public string? HeatedMin { get; set; }
    public string? HeatedMax { get; set; }
    public string? AisleCm { get; set; }
    public string? AttendantReachCm { get; set; }

    private IEnumerable<string?> All => [Name, LengthCm, WidthCm, HeightCm, MaxLoadKg, TemperatureMin, TemperatureMax, .. Heated, AisleCm, AttendantReachCm];

    private IEnumerable<string?> Heated => [HeatedFromCm, HeatedToCm, HeatedMin, HeatedMax];

    public static HoldForm Of(HoldInput? hold) => hold is null ? new() : new()
    {
        Name = hold.Name,
        LengthCm = JourneyForm.Text(hold.LengthCm),
        WidthCm = JourneyForm.Text(hold.WidthCm),
        HeightCm = JourneyForm.Text(hold.HeightCm),
        MaxLoadKg = JourneyForm.Text(hold.MaxLoadKg),
        TemperatureMin = JourneyForm.Text(hold.Temperature?.Min),
        TemperatureMax = JourneyForm.Text(hold.Temperature?.Max),
        HeatedFromCm = JourneyForm.Text(hold.HeatedZone?.FromCm),
        HeatedToCm = JourneyForm.Text(hold.HeatedZone?.ToCm),
        HeatedMin = JourneyForm.Text(hold.HeatedZone?.Temperature?.Min),
        HeatedMax = JourneyForm.Text(hold.HeatedZone?.Temperature?.Max),
        AisleCm = JourneyForm.Text(hold.AisleCm),
        AttendantReachCm = JourneyForm.Text(hold.AttendantReachCm),
    };

    /// <summary>The hold, or none when nothing of it is typed; a temperature or heated zone only when something of it is.</summary>
    internal HoldInput? ToInput(List<RuleViolation> unread)
    {
        if (All.All(string.IsNullOrWhiteSpace))
            return null;
        RangeInput? Range(string? min, string? max, string field) => string.IsNullOrWhiteSpace(min) && string.IsNullOrWhiteSpace(max)
            ? null
            : new RangeInput(JourneyForm.Number(min, field, unread), JourneyForm.Number(max, field, unread));
        return new HoldInput
        {
            Name = OptionalText.From(Name),
            LengthCm = JourneyForm.Whole(LengthCm, "hold.lengthCm", unread) ?? 0,
            WidthCm = JourneyForm.Whole(WidthCm, "hold.widthCm", unread) ?? 0,
            HeightCm = JourneyForm.Whole(HeightCm, "hold.heightCm", unread) ?? 0,
            MaxLoadKg = JourneyForm.Number(MaxLoadKg, "hold.maxLoadKg", unread) ?? 0,
            Temperature = Range(TemperatureMin, TemperatureMax, "hold.temperature"),
            HeatedZone = Heated.All(string.IsNullOrWhiteSpace) ? null : new HeatedZoneInput(
                JourneyForm.Whole(HeatedFromCm, "hold.heatedZone", unread) ?? 0, JourneyForm.Whole(HeatedToCm, "hold.heatedZone", unread) ?? 0,
                Range(HeatedMin, HeatedMax, "hold.heatedZone.temperature")),
            AisleCm = JourneyForm.Whole(AisleCm, "hold.aisleCm", unread),
            AttendantReachCm = JourneyForm.Whole(AttendantReachCm, "hold.attendantReachCm", unread),
        };
    }
}

/// <summary>The examining veterinarian's temperature range for one transfer line, blank where the crate's own range stands.</summary>
public sealed class LineTemperatureForm
{
    public int Line { get; set; }
    public string? Min { get; set; }
    public string? Max { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Min) && string.IsNullOrWhiteSpace(Max);
}
