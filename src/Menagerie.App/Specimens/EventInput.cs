using System.Globalization;
using Menagerie.App.Persistence;
using Menagerie.Domain;
using Menagerie.Domain.Specimens;

namespace Menagerie.App.Specimens;

/// <summary>
/// An event as a client sends it: institutions by code (or id), specimens by id or identifier,
/// counts as male.female.unknown, dates as yyyy-MM-dd.
/// </summary>
public sealed record EventInput
{
    public string? Type { get; init; }
    public string? Date { get; init; }
    public bool Estimated { get; init; }

    /// <summary>UTC instant on <see cref="Date"/>, where the time is known.</summary>
    public DateTime? At { get; init; }

    /// <summary>Birth place or acquiring institution.</summary>
    public string? Institution { get; init; }

    /// <summary>The institution an acquisition came from.</summary>
    public string? From { get; init; }

    /// <summary>Who an acquisition came from, outside these records ("wild", "private owner").</summary>
    public string? FromName { get; init; }

    /// <summary>The institution a disposition went to.</summary>
    public string? To { get; init; }

    /// <summary>Who a disposition went to, outside these records.</summary>
    public string? ToName { get; init; }

    /// <summary>The owner, where it is not the holder (on loan).</summary>
    public string? Owner { get; init; }

    public string? Counts { get; init; }
    public string? Sire { get; init; }
    public string? Dam { get; init; }
    public string? Scheme { get; init; }
    public string? Value { get; init; }
    public decimal? WeightKg { get; init; }

    /// <summary>A measurement: body length (nose to root of tail; a bird's bill to tail tip), elbow height, shoulder width, standing height.</summary>
    public decimal? LengthCm { get; init; }

    public decimal? ElbowHeightCm { get; init; }
    public decimal? WidthCm { get; init; }
    public decimal? HeightCm { get; init; }
    public string? Text { get; init; }
    public Guid? Supersedes { get; init; }
    public string? Reason { get; init; }

    /// <summary>A new measurement or weighing, not a correction: what a transport coordinator may record (<see cref="Accounts.Access.CanMeasureAt"/>).</summary>
    internal bool IsNewMeasurement => Supersedes is null
        && (string.Equals(Type?.Trim(), "measurement", StringComparison.OrdinalIgnoreCase) || string.Equals(Type?.Trim(), "weight", StringComparison.OrdinalIgnoreCase));

    private static readonly Dictionary<string, EventType> TypeNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["birth"] = EventType.Birth,
        ["hatch"] = EventType.Birth,
        ["acquisition"] = EventType.Acquisition,
        ["disposition"] = EventType.Disposition,
        ["death"] = EventType.Death,
        ["move"] = EventType.Move,
        ["identifier"] = EventType.IdentifierAdded,
        ["identifier-added"] = EventType.IdentifierAdded,
        ["identifieradded"] = EventType.IdentifierAdded,
        ["weight"] = EventType.Weight,
        ["note"] = EventType.Note,
        ["measurement"] = EventType.Measurement,
        ["retraction"] = EventType.Retraction,
    };

    public static string TypeList => "birth (or hatch), acquisition, disposition, death, move, identifier, weight, measurement, note, retraction";

    /// <summary>True for a word that names an event type a client may record, in any case.</summary>
    public static bool IsType(string? text) => text is not null && TypeNames.ContainsKey(text.Trim());

    /// <summary>Resolves names to ids, reporting every field that cannot be understood at once.</summary>
    internal async Task<(EventDetails? Details, List<RuleViolation> Problems)> ResolveAsync(Resolver resolve, string prefix, CancellationToken ct)
    {
        var problems = new List<RuleViolation>();
        void Add(string field, Wording message) => problems.Add(new("event.field", prefix + field, message));

        EventType type = default;
        if (string.IsNullOrWhiteSpace(Type))
            Add("type", $"The event type is missing; one of: {TypeList}.");
        else if (!TypeNames.TryGetValue(Type.Trim(), out type))
            Add("type", $"'{Type}' is not an event type; one of: {TypeList}.");

        DateOnly date = default;
        if (string.IsNullOrWhiteSpace(Date))
            Add("date", "The date is missing (yyyy-MM-dd).");
        else if (!DateOnly.TryParseExact(Date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            Add("date", $"'{Date}' is not a date (yyyy-MM-dd).");

        SexCounts? counts = null;
        if (!string.IsNullOrWhiteSpace(Counts))
        {
            if (SexCounts.TryParse(Counts, out var parsed))
                counts = parsed;
            else
                Add("counts", SexCounts.Unreadable(Counts));
        }
        if ((From ?? FromName) is not null && type != EventType.Acquisition && problems.Count == 0)
            Add(From is null ? "fromName" : "from", "Only an acquisition has a 'from'.");
        if ((To ?? ToName) is not null && type != EventType.Disposition && problems.Count == 0)
            Add(To is null ? "toName" : "to", "Only a disposition has a 'to'.");
        if (From is not null && FromName is not null)
            Add("fromName", "Give either the institution it came from or a name outside these records, not both.");
        if (To is not null && ToName is not null)
            Add("toName", "Give either the institution it went to or a name outside these records, not both.");

        var institution = await resolve.InstitutionAsync(Institution, prefix + "institution", problems, ct);
        var from = await resolve.InstitutionAsync(From, prefix + "from", problems, ct);
        var to = await resolve.InstitutionAsync(To, prefix + "to", problems, ct);
        var owner = await resolve.InstitutionAsync(Owner, prefix + "owner", problems, ct);
        var sire = await resolve.ParentAsync(Sire, Sex.Male, prefix + "sire", problems, ct);
        var dam = await resolve.ParentAsync(Dam, Sex.Female, prefix + "dam", problems, ct);
        if (problems.Count > 0)
            return (null, problems);

        return (new EventDetails
        {
            Type = type,
            Date = new PartialDate(date, Estimated),
            At = At is { } at ? Instants.FromClient(at) : null,
            Institution = institution,
            Counterparty = type == EventType.Disposition ? to : from,
            CounterpartyName = OptionalText.From(type == EventType.Disposition ? ToName : FromName),
            Owner = owner,
            Counts = counts,
            Sire = sire,
            Dam = dam,
            IdentifierScheme = OptionalText.From(Scheme),
            IdentifierValue = OptionalText.From(Value),
            WeightKg = WeightKg,
            Measured = type == EventType.Measurement ? new Measured(LengthCm, ElbowHeightCm, WidthCm, HeightCm) : null,
            Text = OptionalText.From(Text),
            Supersedes = Supersedes is { } s ? new EventId(s) : null,
            Reason = OptionalText.From(Reason),
        }, problems);
    }
}
