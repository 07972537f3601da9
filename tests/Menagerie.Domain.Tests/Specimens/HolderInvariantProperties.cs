using CsCheck;
using Menagerie.Domain.Specimens;
using static Menagerie.Domain.Tests.Specimens.Given;

namespace Menagerie.Domain.Tests.Specimens;

/// <summary>
/// Whatever sequence of events a registrar throws at a specimen — valid or not, corrections included —
/// the accepted history gives exactly one holder at every instant of a tenure, and rejected events change nothing.
/// </summary>
public sealed class HolderInvariantProperties
{
    private static readonly InstitutionId[] Institutions = [Moscow, Pyongyang, Prague];

    private sealed record Step(int Kind, int Day, int Institution, int Target, bool Timed);

    private static readonly Gen<Step> StepGen = Gen.Select(Gen.Int[0, 8], Gen.Int[0, 3000], Gen.Int[0, 3], Gen.Int[0, 20], Gen.Bool,
        (kind, day, institution, target, timed) => new Step(kind, day, institution, target, timed));

    [Fact]
    public void Holdings_never_overlap_and_leave_no_gap_within_a_tenure() =>
        Gen.Select(Gen.Int[0, 3000], Gen.Bool, StepGen.Array[1, 40]).Sample((startDay, isGroup, steps) =>
        {
            var start = new DateOnly(2015, 1, 1).AddDays(startDay);
            var specimen = isGroup
                ? Group(Acquisition(start, Moscow, counts: new(5, 5, 2)))
                : Individual(Acquisition(start, Moscow));
            foreach (var step in steps)
            {
                var before = Snapshot(specimen);
                var details = ToEvent(step, specimen, isGroup);
                var violations = specimen.Record(details);
                if (violations.Count > 0)
                    Assert.Equal(before, Snapshot(specimen));
                CheckInvariants(specimen);
            }
        }, iter: 1000);

    private static EventDetails ToEvent(Step step, Specimen specimen, bool isGroup)
    {
        var date = new DateOnly(2015, 1, 1).AddDays(step.Day);
        var institution = step.Institution < Institutions.Length ? Institutions[step.Institution] : (InstitutionId?)null;
        var at = step.Timed ? date.ToDateTime(new TimeOnly(step.Target % 24, 0), DateTimeKind.Utc) : (DateTime?)null;
        SexCounts? counts = isGroup ? new(step.Target % 3, step.Target % 2, step.Target % 4 == 0 ? 1 : 0) : null;
        var details = step.Kind switch
        {
            0 => Acquisition(date, institution ?? Prague, counts: counts),
            1 => Acquisition(date, institution ?? Prague, from: specimen.HolderId, counts: counts),
            2 => Disposition(date, to: institution, counts: counts),
            3 => Death(date, counts),
            4 => new EventDetails { Type = EventType.Weight, Date = new(date, false), WeightKg = 10 },
            5 => new EventDetails { Type = EventType.Birth, Date = new(date, false), Institution = institution, Counts = counts },
            _ => null,
        };
        if (details is null)
        {
            // A correction or retraction of an earlier event, chosen by the step.
            var target = specimen.Events[step.Target % specimen.Events.Count];
            details = step.Kind == 6
                ? target.Details with { Date = new(date, false), At = null, Supersedes = target.Id, Reason = "corrected date" }
                : new EventDetails { Type = EventType.Retraction, Date = new(date, false), Supersedes = target.Id, Reason = "recorded in error" };
        }
        return details with { At = at };
    }

    private static string Snapshot(Specimen s) =>
        $"{s.Events.Count}|{s.HolderId}|{s.Status}|{s.Counts}|" + string.Join(";", s.Holdings.Select(h => $"{h.HolderId},{h.From:O},{h.To:O},{h.Counts}"));

    private static void CheckInvariants(Specimen specimen)
    {
        var periods = specimen.Holdings;
        for (var i = 0; i < periods.Count; i++)
        {
            var p = periods[i];
            Assert.Equal(i, p.Index);
            if (p.To is { } to)
                Assert.True(p.From < to, $"period {i} lasts no time or runs backwards");
            else
                Assert.Equal(periods.Count - 1, i);
            Assert.False(p.Counts.IsNegative || p.Counts.IsZero, $"period {i} holds {p.Counts}");
            if (i == 0)
                continue;
            var previous = periods[i - 1];
            Assert.NotNull(previous.To);
            Assert.True(previous.To <= p.From, $"periods {i - 1} and {i} overlap");
            if (previous.To != p.From)
            {
                // A gap is only a time outside these records: a disposition to someone outside them.
                Assert.Contains(specimen.Events, e => !specimen.IsSuperseded(e.Id) && e.Type == EventType.Disposition
                    && e.CounterpartyId is null && e.Details.OrderingInstant == previous.To);
            }
        }
        var held = periods.Count > 0 && periods[^1].To is null;
        Assert.Equal(held, specimen.Status == SpecimenStatus.Held);
        Assert.Equal(held ? periods[^1].HolderId : null, specimen.HolderId);

        // The stored projection is what the history replays to.
        var replay = LifeHistory.Replay(specimen.Id, specimen.Kind, specimen.Sex, specimen.Events);
        Assert.Empty(replay.Violations);
        Assert.Equal(replay.Holdings.Count, periods.Count);
    }
}
