namespace Menagerie.Domain.Specimens;

/// <summary>An event as another installation recorded it: its global id, its place in the history, and who recorded it when.</summary>
public sealed record EventAsRecorded(EventId Id, int Sequence, EventDetails Details, DateTime RecordedAt, string RecordedBy);

public sealed partial class Specimen
{
    /// <summary>
    /// Rebuilds a specimen another installation recorded, under the same global id and with every event as it
    /// was recorded there. Each event is appended in its recorded order under the same checks as
    /// <see cref="Record"/>, against the time it was recorded, so a history that could not have been recorded
    /// here is refused with every rule it breaks at the first event that breaks one.
    /// </summary>
    public static Result<Specimen> Restore(
        SpecimenId id, SpecimenKind kind, TaxonId taxon, Sex sex, string? name, IReadOnlyList<EventAsRecorded> events,
        Func<InstitutionId, string>? nameOf = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        var problems = CheckAttributes(kind, sex, name);
        if (events.Count == 0)
            problems.Add(new("specimen.first-event", "events", "A specimen's records begin with its birth or its acquisition; this one has no events."));
        else if (events[0].Details.Type is not (EventType.Birth or EventType.Acquisition or EventType.SplitFrom) || events[0].Details.Supersedes is not null)
            problems.Add(new("specimen.first-event", "events[0].type", "A specimen's records begin with its birth or its acquisition."));
        var ids = new HashSet<EventId>();
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].Sequence != i + 1)
                problems.Add(new("history.sequence", $"events[{i}].sequence", $"Event {i + 1} of the history is numbered {events[i].Sequence}; events are numbered 1, 2, 3… in the order they were recorded."));
            if (!ids.Add(events[i].Id))
                problems.Add(new("history.duplicate", $"events[{i}].id", $"Event {events[i].Id} appears twice in the history."));
            if (string.IsNullOrWhiteSpace(events[i].RecordedBy))
                problems.Add(new("history.recorded-by", $"events[{i}].recordedBy", "Every event names who recorded it."));
        }
        if (problems.Count > 0)
            return problems;

        var specimen = new Specimen { Id = id, Kind = kind, TaxonId = taxon, Sex = sex, Name = OptionalText.From(name) };
        for (var i = 0; i < events.Count; i++)
        {
            var recorded = specimen.Append(events[i], nameOf);
            if (recorded.Count > 0)
                return recorded.Select(v => v with { Field = $"events[{i}].{v.Field}" }).ToList();
        }
        return specimen;
    }
}
