using System.Globalization;
using Menagerie.App.Specimens;
using Menagerie.Domain;
using Menagerie.Domain.Specimens;
using Menagerie.Web.Shared;

namespace Menagerie.Web.Specimens;

/// <summary>
/// An event as the form holds it: text as typed, so that a form sent back with problems shows exactly what the
/// person entered. Numbers come from number inputs (a full stop whatever the language); the time is UTC.
/// </summary>
public sealed class EventForm
{
    /// <summary>The event types a person records on this form; the others are made by transfers, splits and merges.</summary>
    public static readonly EventType[] Recordable =
    [
        EventType.Weight, EventType.Measurement, EventType.IdentifierAdded, EventType.Note, EventType.Move, EventType.Disposition, EventType.Death,
    ];

    /// <summary>The words of <see cref="Recordable"/>, and the retraction of an earlier event.</summary>
    public static readonly string[] Types = [.. Recordable.Select(TypeWord), "retraction"];

    public string Type { get; set; } = "weight";
    public string? Date { get; set; }
    public bool Estimated { get; set; }
    public string? Time { get; set; }
    public string? Institution { get; set; }
    public string? To { get; set; }
    public string? ToName { get; set; }
    public string? Counts { get; set; }
    public string? Scheme { get; set; }
    public string? Value { get; set; }
    public string? WeightKg { get; set; }
    public string? LengthCm { get; set; }
    public string? ElbowHeightCm { get; set; }
    public string? WidthCm { get; set; }
    public string? HeightCm { get; set; }
    public string? Text { get; set; }
    public Guid? Supersedes { get; set; }
    public string? Reason { get; set; }

    /// <summary>The specimen's version when the form was opened; a newer one means someone else wrote first.</summary>
    public long Version { get; set; }

    /// <summary>The last event the person saw when the form was opened, to show what others recorded since.</summary>
    public int Seen { get; set; }

    /// <summary>A correction starts from the event it corrects, with every value as recorded.</summary>
    public static EventForm Correcting(EventView e, long version, int seen) => new()
    {
        Seen = seen,
        Type = TypeWord(e.Type),
        Date = e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Estimated = e.Estimated,
        Time = e.At?.ToString("HH:mm", CultureInfo.InvariantCulture),
        Institution = e.Institution?.Code,
        To = e.Type == EventType.Disposition ? e.Counterparty?.Code : null,
        ToName = e.Type == EventType.Disposition ? e.CounterpartyName : null,
        Counts = e.Counts,
        Scheme = e.Scheme,
        Value = e.Value,
        WeightKg = Invariant(e.WeightKg),
        LengthCm = Invariant(e.Measured?.LengthCm),
        ElbowHeightCm = Invariant(e.Measured?.ElbowHeightCm),
        WidthCm = Invariant(e.Measured?.WidthCm),
        HeightCm = Invariant(e.Measured?.HeightCm),
        Text = e.Text,
        Supersedes = e.Id,
        Version = version,
    };

    /// <summary>The word the form and the API use for a type, or null for a type made by other records.</summary>
    public static string TypeWord(EventType type) => type switch
    {
        EventType.IdentifierAdded => "identifier",
        _ => type.ToString().ToLowerInvariant(),
    };

    /// <summary>The event for the use case, or the fields that are not numbers or times.</summary>
    public (EventInput? Input, List<RuleViolation> Problems) ToInput()
    {
        var problems = new List<RuleViolation>();
        var weight = Number(WeightKg, "weightKg", problems);
        var length = Number(LengthCm, "lengthCm", problems);
        var elbow = Number(ElbowHeightCm, "elbowHeightCm", problems);
        var width = Number(WidthCm, "widthCm", problems);
        var height = Number(HeightCm, "heightCm", problems);
        // A time on a date that is not one is left to the use case, which names the date.
        if (!string.IsNullOrWhiteSpace(Time) && !FormTime.IsTime(Time, out _))
            problems.Add(new("event.instant", "at", $"'{Time}' is not a time of day (hh:mm)."));
        var at = string.IsNullOrWhiteSpace(Time) ? null : FormTime.Utc(Date, Time);
        if (problems.Count > 0)
            return (null, problems);
        return (new EventInput
        {
            Type = Type,
            Date = Date,
            Estimated = Estimated,
            At = at,
            Institution = OptionalText.From(Institution),
            To = Type == "disposition" ? OptionalText.From(To) : null,
            ToName = Type == "disposition" ? OptionalText.From(ToName) : null,
            Counts = OptionalText.From(Counts),
            Scheme = Type == "identifier" ? OptionalText.From(Scheme) : null,
            Value = Type == "identifier" ? OptionalText.From(Value) : null,
            WeightKg = Type is "weight" or "measurement" ? weight : null,
            LengthCm = length,
            ElbowHeightCm = elbow,
            WidthCm = width,
            HeightCm = height,
            Text = OptionalText.From(Text),
            Supersedes = Supersedes,
            Reason = OptionalText.From(Reason),
        }, problems);
    }

    private static decimal? Number(string? text, string field, List<RuleViolation> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            return value;
        problems.Add(new("event.number", field, $"'{text}' is not a number."));
        return null;
    }

    private static string? Invariant(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);
}
