using CsCheck;
using Menagerie.Domain.Specimens;
using static Menagerie.Domain.Tests.Specimens.Given;

namespace Menagerie.Domain.Tests.Specimens;

/// <summary>
/// An event that comes after the whole history, checked against where the history ends (<see cref="Specimen.RecordLatest"/>),
/// gets the answer a replay of the whole history gives (<see cref="Specimen.Record"/>): the same problems, or the same
/// status, holder, owner, counts, parents, holding periods and identifiers.
/// </summary>
public sealed class LatestEventProperties
{
    private static readonly InstitutionId[] Institutions = [Moscow, Pyongyang, Prague];

    private sealed record Step(int Kind, int Days, int Institution, int Target, int Hour);

    private static readonly Gen<Step> StepGen = Gen.Select(Gen.Int[0, 8], Gen.Int[0, 400], Gen.Int[0, 3], Gen.Int[0, 20], Gen.Int[-1, 23],
        (kind, days, institution, target, hour) => new Step(kind, days, institution, target, hour));

    [Fact]
    public void The_latest_event_checked_against_the_stored_end_agrees_with_a_replay_of_the_whole_history() =>
        Gen.Select(Gen.Bool, StepGen.Array[0, 30], StepGen).Sample((isGroup, history, last) =>
        {
            // Two copies of one history: events in any order (back-dated ones too), some refused, as a registrar enters them.
            var replayed = Build(isGroup, history);
            var continued = Build(isGroup, history);
            var latest = replayed.Events.Max(e => e.Details.OrderingInstant);
            var details = Event(last, replayed, isGroup, latest);

            var byReplay = replayed.Record(EventId.New(), details, Now, "registrar");
            var byEnd = continued.RecordLatest(continued.Events.Count, EventId.New(), details, Now, "registrar");

            Assert.Equal(byReplay.Select(v => $"{v.Code} {v.Field}: {v.Message}"), byEnd.Select(v => $"{v.Code} {v.Field}: {v.Message}"));
            Assert.Equal(Describe(replayed), Describe(continued));
            Assert.Empty(continued.FieldsOutOfStepWithHistory());
        }, iter: 2000);

    private static Specimen Build(bool isGroup, Step[] steps)
    {
        var start = new DateOnly(2015, 1, 1);
        var specimen = isGroup ? Group(Acquisition(start, Moscow, counts: new(5, 5, 2))) : Individual(Acquisition(start, Moscow));
        var day = start;
        foreach (var step in steps)
        {
            // Mostly forward in time, now and then back before the latest event.
            day = step.Target % 5 == 0 ? day.AddDays(-step.Days) : day.AddDays(step.Days % 60);
            specimen.Record(Event(step, specimen, isGroup, day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)));
        }
        return specimen;
    }

    /// <summary>An event of the step's kind at or after <paramref name="after"/>: on its day, or days later; at an hour or on the day alone.</summary>
    private static EventDetails Event(Step step, Specimen specimen, bool isGroup, DateTime after)
    {
        var date = DateOnly.FromDateTime(after).AddDays(step.Days % 3);
        var timed = step.Hour >= 0 || after.TimeOfDay > TimeSpan.Zero && date == DateOnly.FromDateTime(after);
        var at = timed ? date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(Math.Max(step.Hour, 0)) : (DateTime?)null;
        if (at < after)
            at = after;
        var institution = step.Institution < Institutions.Length ? Institutions[step.Institution] : (InstitutionId?)null;
        SexCounts? counts = isGroup ? new(step.Target % 3, step.Target % 2, step.Target % 4 == 0 ? 1 : 0) : null;
        var details = step.Kind switch
        {
            0 => Acquisition(date, institution ?? Prague, counts: counts),
            1 => Acquisition(date, institution ?? Prague, from: specimen.HolderId, counts: counts),
            2 => Disposition(date, to: institution, counts: counts),
            3 => Death(date, counts),
            4 => new EventDetails { Type = EventType.Weight, Date = new(date, false), WeightKg = 10 },
            5 => new EventDetails { Type = EventType.Birth, Date = new(date, false), Institution = institution, Counts = counts },
            6 => new EventDetails { Type = EventType.IdentifierAdded, Date = new(date, false), IdentifierScheme = "local", IdentifierValue = $"M-{step.Target % 4}" },
            _ => new EventDetails { Type = EventType.Note, Date = new(date, false), Text = "seen by the vet" },
        };
        return details with { At = at };
    }

    private static string Describe(Specimen s) =>
        $"{s.Events.Count}|{s.Status}|{s.HolderId}|{s.InTransitOn}|{s.OwnerId}|{s.DiedAtId}|{s.Counts}|{s.SireId}|{s.DamId}|{s.BirthDate}|"
        + string.Join(";", s.Holdings.Select(h => $"{h.Index}:{h.HolderId},{h.From:O},{h.To:O},{h.Counts}")) + "|"
        + string.Join(";", s.Identifiers.Select(i => $"{i.Index}:{i.Scheme}={i.Value}@{i.AddedOn}"));
}
