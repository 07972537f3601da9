using Menagerie.App.Persistence;
using Menagerie.Domain;
using Menagerie.Domain.Specimens;
using Microsoft.EntityFrameworkCore;

namespace Menagerie.App.Specimens;

/// <summary>Events one at a time and in batches, through the same per-event steps: resolve the names, append, check the history.</summary>
public sealed partial class SpecimenCommands
{
    private const string RecordForbidden = "Events are recorded by a registrar or veterinarian of the institution that holds the animal.";

    /// <summary>
    /// Records events for many specimens, all or nothing, in the order given (several for one specimen follow one
    /// another). Every problem of every row is reported at once, each under <c>rows[i].field</c>; without any, the
    /// whole batch is saved in one transaction.
    /// </summary>
    public Task<Outcome<ImportedEvents>> RecordEventsAsync(IReadOnlyList<EventRow> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return RecordEventsAsync(rows, $"{rows.Count} events recorded", save: true, ct);
    }

    /// <summary>
    /// Reads an events CSV (see <see cref="EventFile"/>) and records its rows as <see cref="RecordEventsAsync(IReadOnlyList{EventRow}, CancellationToken)"/>
    /// does. A cell that cannot be read does not stop the rules from checking the rest of the file: every problem is
    /// named at once by line and column, and then nothing is written.
    /// </summary>
    public async Task<EventImportResult> ImportEventsAsync(Stream content, string file, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        var (rows, cellProblems, fileProblems) = await EventFile.ReadAsync(content, file, ct);
        if (fileProblems.Count > 0)
            return new EventImportResult.Unreadable(fileProblems);

        var outcome = await RecordEventsAsync(rows, $"{rows.Count} events imported from {Path.GetFileName(file)}", save: cellProblems.Count == 0, ct);
        switch (outcome)
        {
            case Outcome<ImportedEvents>.Created { Value: var imported }:
                return new EventImportResult.Imported(imported);
            case Outcome<ImportedEvents>.Conflict conflict:
                return new EventImportResult.Conflict(conflict.Message);
            case Outcome<ImportedEvents>.Invalid invalid:
                // A cell already reported as unreadable is not reported again for what its blank meant to the rules.
                var unreadable = cellProblems.Select(p => (p.Line, p.Field)).ToHashSet();
                var problems = cellProblems.Concat(invalid.Violations.Select(v => EventFile.Problem(file, rows, v)).Where(p => !unreadable.Contains((p.Line, p.Field))));
                return new EventImportResult.Rejected([.. problems.OrderBy(p => p.Line)]);
            default:
                throw new InvalidOperationException($"Unexpected outcome {outcome.GetType().Name} of a batch of events.");
        }
    }

    /// <summary>Checks every row, then saves them all at once if none broke a rule (and <paramref name="save"/> says so).</summary>
    private async Task<Outcome<ImportedEvents>> RecordEventsAsync(IReadOnlyList<EventRow> rows, string reason, bool save, CancellationToken ct)
    {
        if (rows.Count == 0)
            return new List<RuleViolation> { new("event.batch-empty", "rows", "There are no events to record.") };
        var specimens = await SpecimenLookup.FindManyAsync(db, rows.Select(r => r.Specimen), access.CanRead, ct);
        var names = await queries.NamesAsync(ct);
        var resolver = new Resolver(db);
        var problems = new List<RuleViolation>();
        var recorded = new List<(Specimen Specimen, SpecimenEvent Event)>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var prefix = $"rows[{i}].";
            var specimen = Target(rows[i].Specimen, specimens, prefix + "specimen", problems);
            var (appended, rowProblems) = await AppendAsync(specimen, rows[i].Input, resolver, names, prefix, ct);
            problems.AddRange(rowProblems);
            if (appended is not null)
                recorded.Add((specimen!, appended));
        }
        if (problems.Count > 0 || !save)
        {
            // The rows that passed changed their specimens in memory; none of it may reach a later save.
            db.ChangeTracker.Clear();
            return problems;
        }
        return await Saving.SaveAsync(db, reason, () => Imported(recorded, names), ct, created: true);
    }

    private Specimen? Target(string? reference, IReadOnlyDictionary<string, SpecimenLookup.Result> specimens, string field, List<RuleViolation> problems)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            problems.Add(new("event.field", field, "The specimen is missing: its global id or any identifier it carries."));
            return null;
        }
        switch (specimens.GetValueOrDefault(reference.Trim()))
        {
            case SpecimenLookup.Found { Specimen: var specimen } when access.CanRecordEvents(specimen):
                return specimen;
            case SpecimenLookup.Found:
                problems.Add(new("specimen.forbidden", field, RecordForbidden));
                return null;
            case SpecimenLookup.Ambiguous ambiguous:
                problems.Add(new("specimen.ambiguous", field, ambiguous.Message));
                return null;
            default:
                problems.Add(new("specimen.unknown", field, $"No specimen with id or identifier '{reference.Trim()}'."));
                return null;
        }
    }

    /// <summary>
    /// Resolves the event's names and appends it to the specimen's history; or, without the specimen, still checks
    /// the event's own fields, so that a row naming no known animal is reported for everything else wrong with it.
    /// Fields are reported under <paramref name="prefix"/>.
    /// </summary>
    private async Task<(SpecimenEvent? Recorded, List<RuleViolation> Problems)> AppendAsync(
        Specimen? specimen, EventInput input, Resolver resolver, Names names, string prefix, CancellationToken ct)
    {
        var (details, problems) = await input.ResolveAsync(resolver, prefix, ct);
        if (details is null || specimen is null)
            return (null, problems);
        var violations = await RecordAsync(specimen, details, names, ct);
        if (violations.Count > 0)
            return (null, [.. violations.Select(v => v with { Field = prefix + v.Field })]);
        return (specimen.Events[^1], []);
    }

    /// <summary>
    /// Records the event on the specimen. One that comes after the whole history and corrects nothing is checked
    /// against where the history ends, which the specimen stores, without reading the history: it costs the same
    /// at ten events as at ten thousand. Any other is checked by replaying the history, read for it if need be.
    /// </summary>
    private async Task<IReadOnlyList<RuleViolation>> RecordAsync(Specimen specimen, EventDetails details, Names names, CancellationToken ct)
    {
        var history = db.Entry(specimen).Collection(s => s.Events);
        if (!history.IsLoaded)
        {
            if (!details.RewritesHistory && await RecordedBeforeAsync(specimen.Id, details.OrderingInstant, ct) is { } recorded)
                return specimen.RecordLatest(recorded, EventId.New(), details, db.UtcNow, db.ActorName, names.InstitutionCode);
            await history.LoadAsync(ct);
        }
        return specimen.Record(EventId.New(), details, db.UtcNow, db.ActorName, names.InstitutionCode);
    }

    /// <summary>
    /// How many events the specimen's history holds, when none of them comes after <paramref name="instant"/>; null
    /// when one does. Answered from the indexes of the events by specimen and date, and by specimen and sequence.
    /// </summary>
    private async Task<int?> RecordedBeforeAsync(SpecimenId id, DateTime instant, CancellationToken ct)
    {
        // An event's time, when it has one, falls on its date: only events of that day or later can come after the instant.
        var day = DateOnly.FromDateTime(instant);
        var end = await db.Specimens.Where(s => s.Id == id).Select(s => new
        {
            Later = s.Events.Any(e => e.Date > day) || s.Events.Any(e => e.Date == day && e.At > instant),
            Recorded = s.Events.Max(e => (int?)e.Sequence) ?? 0,
        }).SingleAsync(ct);
        return end.Later ? null : end.Recorded;
    }

    private static ImportedEvents Imported(List<(Specimen Specimen, SpecimenEvent Event)> recorded, Names names)
    {
        var views = recorded.Select(r => r.Specimen).Distinct().ToDictionary(s => s.Id, s => names.Events(s).ToDictionary(e => e.Id));
        var events = recorded.Select(r => new RecordedEvent(r.Specimen.Id.Value, views[r.Specimen.Id][r.Event.Id.Value], r.Specimen.Version)).ToList();
        return new ImportedEvents(events.Count, views.Count, events);
    }
}
