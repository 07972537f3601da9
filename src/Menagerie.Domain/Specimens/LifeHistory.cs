namespace Menagerie.Domain.Specimens;

public enum SpecimenStatus
{
    /// <summary>Alive and held by an institution.</summary>
    Held,

    /// <summary>Dead; for a group, every animal in it.</summary>
    Dead,

    /// <summary>Left these records alive (disposed to someone outside them).</summary>
    Departed,
}

/// <summary>What a specimen's history amounts to when its effective events are replayed in time order.</summary>
public sealed record LifeState(
    IReadOnlyList<HoldingPeriod> Holdings,
    IReadOnlyList<SpecimenIdentifier> Identifiers,
    SpecimenStatus Status,
    InstitutionId? Holder,
    InstitutionId? Owner,
    SexCounts Counts,
    SpecimenId? Sire,
    SpecimenId? Dam,
    PartialDate? BirthDate,
    IReadOnlySet<EventId> Superseded,
    IReadOnlyList<RuleViolation> Violations);

/// <summary>
/// Replays a specimen's events in time order (ties in recording order), skipping superseded ones and
/// retractions, and derives its holding periods. This is where "exactly one holder at every instant"
/// is enforced: an event that would give a second holder, or act on an animal nobody holds, is a violation.
/// </summary>
public static class LifeHistory
{
    public static LifeState Replay(
        SpecimenId specimen, SpecimenKind kind, Sex sex, IReadOnlyList<SpecimenEvent> events, Func<InstitutionId, string>? nameOf = null)
    {
        var superseded = events.Where(e => e.Supersedes is not null).Select(e => e.Supersedes!.Value).ToHashSet();
        var r = new Replayer(specimen, kind, sex, nameOf ?? (id => id.ToString()));
        foreach (var e in events.Where(e => e.Type != EventType.Retraction && !superseded.Contains(e.Id))
                     .OrderBy(e => e.Details.OrderingInstant).ThenBy(e => e.Sequence))
        {
            r.Apply(e);
        }
        if (!r.Started)
            r.Violations.Add(new("history.no-beginning", "supersedes", "The specimen's records would no longer begin with a birth or an acquisition; correct that event instead of withdrawing it."));
        return new LifeState(r.Periods, r.Identifiers, r.Status, r.Holder, r.Owner, r.Counts, r.Sire, r.Dam, r.Birth, superseded, r.Violations);
    }

    private sealed class Replayer(SpecimenId specimen, SpecimenKind kind, Sex sex, Func<InstitutionId, string> nameOf)
    {
        private readonly SexCounts _one = SexCounts.Of(sex);

        public bool Started { get; private set; }

        public List<HoldingPeriod> Periods { get; } = [];
        public List<SpecimenIdentifier> Identifiers { get; } = [];
        public List<RuleViolation> Violations { get; } = [];
        public SpecimenStatus Status { get; private set; } = SpecimenStatus.Held;
        public InstitutionId? Holder { get; private set; }
        public InstitutionId? Owner { get; private set; }
        public SexCounts Counts { get; private set; } = SexCounts.Zero;
        public SpecimenId? Sire { get; private set; }
        public SpecimenId? Dam { get; private set; }
        public PartialDate? Birth { get; private set; }

        public void Apply(SpecimenEvent e)
        {
            var d = e.Details;
            var at = d.OrderingInstant;
            var counts = kind == SpecimenKind.Group ? d.Counts ?? SexCounts.Zero : _one;
            if (!Started && d.Type is not (EventType.Birth or EventType.Acquisition))
            {
                Fail(e, "history.not-started", "date", $"The specimen's records begin later than this {Name(d.Type)} ({d.Date}): they begin with a birth or an acquisition.");
                return;
            }
            if (Status == SpecimenStatus.Dead && d.Type is not (EventType.Note or EventType.IdentifierAdded))
            {
                Fail(e, "history.after-death", "date", $"The {Name(d.Type)} on {d.Date} comes after the death.");
                return;
            }
            switch (d.Type)
            {
                case EventType.Birth: ApplyBirth(e, at, counts); break;
                case EventType.Acquisition: ApplyAcquisition(e, at, counts); break;
                case EventType.Disposition: ApplyDisposition(e, at, counts); break;
                case EventType.Death: ApplyDeath(e, at, counts); break;
                case EventType.IdentifierAdded:
                    if (Identifiers.Any(i => string.Equals(i.Scheme, d.IdentifierScheme, StringComparison.OrdinalIgnoreCase)
                                             && string.Equals(i.Value, d.IdentifierValue, StringComparison.OrdinalIgnoreCase)))
                    {
                        Fail(e, "identifier.duplicate", "value", $"The specimen already carries {d.IdentifierScheme} '{d.IdentifierValue}'.");
                        break;
                    }
                    Identifiers.Add(SpecimenIdentifier.Create(specimen, Identifiers.Count, d.IdentifierScheme!.Trim(), d.IdentifierValue!.Trim(), d.Institution ?? Holder, d.Date.Date));
                    break;
                case EventType.Move or EventType.Weight:
                    if (Holder is null)
                        Fail(e, "history.not-held", "date", $"Nobody holds the specimen on {d.Date} to record a {Name(d.Type)}.");
                    break;
            }
        }

        private void ApplyBirth(SpecimenEvent e, DateTime at, SexCounts counts)
        {
            var d = e.Details;
            if (kind == SpecimenKind.Group && Holder is { } holder && (d.Institution is null || d.Institution == holder))
            {
                ChangeCounts(at, Counts + counts); // a hatch into a counted group already held
                return;
            }
            if (Started)
            {
                Fail(e, "history.birth-not-first", "date", $"A birth ({d.Date}) must come before every other event of an individual's life.");
                return;
            }
            (Sire, Dam, Birth) = (d.Sire, d.Dam, d.Date);
            Start(d.Institution!.Value, d.Owner ?? d.Institution.Value, at, counts);
        }

        private void ApplyAcquisition(SpecimenEvent e, DateTime at, SexCounts counts)
        {
            var d = e.Details;
            var institution = d.Institution!.Value;
            if (Holder is null)
            {
                Start(institution, d.Owner ?? institution, at, counts);
                return;
            }
            if (kind == SpecimenKind.Group && Holder == institution)
            {
                ChangeCounts(at, Counts + counts);
                return;
            }
            if (d.Counterparty == Holder && (kind == SpecimenKind.Individual || counts == Counts))
            {
                MoveTo(institution, d.Owner ?? institution, at);
                return;
            }
            Fail(e, "holder.already-held", "institution",
                $"On {d.Date} the specimen is already held by {nameOf(Holder.Value)}; record that it left there first, or acquire it from there.");
        }

        private void ApplyDisposition(SpecimenEvent e, DateTime at, SexCounts counts)
        {
            var d = e.Details;
            if (Holder is null)
            {
                Fail(e, "holder.not-held", "date", $"Nobody holds the specimen on {d.Date} to dispose of it.");
                return;
            }
            if (!Counts.Covers(counts))
            {
                Fail(e, "counts.exceeded", "counts", $"The group holds {Counts} on {d.Date}; {counts} cannot leave it.");
                return;
            }
            if (counts != Counts)
            {
                if (d.Counterparty is not null)
                    Fail(e, "counts.partial-move", "counts", "Part of a group can leave for another institution only by a transfer, which splits the group.");
                else
                    ChangeCounts(at, Counts - counts);
                return;
            }
            if (d.Counterparty is { } receiver)
            {
                if (receiver == Holder)
                    Fail(e, "event.counterparty", "to", "An institution cannot dispose of a specimen to itself.");
                else
                    MoveTo(receiver, d.Owner ?? receiver, at);
                return;
            }
            End(at, SpecimenStatus.Departed);
        }

        private void ApplyDeath(SpecimenEvent e, DateTime at, SexCounts counts)
        {
            var d = e.Details;
            if (Holder is null)
            {
                Fail(e, "holder.not-held", "date", $"Nobody in these records holds the specimen on {d.Date} to record its death.");
                return;
            }
            if (!Counts.Covers(counts))
            {
                Fail(e, "counts.exceeded", "counts", $"The group holds {Counts} on {d.Date}; {counts} cannot have died.");
                return;
            }
            if (counts == Counts)
                End(at, SpecimenStatus.Dead);
            else
                ChangeCounts(at, Counts - counts);
        }

        private void Start(InstitutionId holder, InstitutionId owner, DateTime at, SexCounts counts)
        {
            Started = true;
            (Holder, Owner, Counts, Status) = (holder, owner, counts, SpecimenStatus.Held);
            Periods.Add(HoldingPeriod.Open(specimen, Periods.Count, holder, at, counts));
        }

        private void MoveTo(InstitutionId holder, InstitutionId owner, DateTime at)
        {
            CloseCurrent(at);
            (Holder, Owner) = (holder, owner);
            Periods.Add(HoldingPeriod.Open(specimen, Periods.Count, holder, at, Counts));
        }

        private void ChangeCounts(DateTime at, SexCounts counts)
        {
            CloseCurrent(at);
            Counts = counts;
            Periods.Add(HoldingPeriod.Open(specimen, Periods.Count, Holder!.Value, at, counts));
        }

        private void End(DateTime at, SpecimenStatus status)
        {
            CloseCurrent(at);
            (Holder, Owner, Status) = (null, null, status);
            if (status == SpecimenStatus.Dead)
                Counts = SexCounts.Zero;
        }

        /// <summary>Closes the open period; one that would last no time at all is dropped, since it held no instant.</summary>
        private void CloseCurrent(DateTime at)
        {
            var current = Periods[^1];
            if (current.From == at)
                Periods.RemoveAt(Periods.Count - 1);
            else
                current.Close(at);
        }

        private void Fail(SpecimenEvent e, string code, string field, string message) =>
            Violations.Add(new(code, field, $"{message} (event {e.Sequence}: {Name(e.Type)} of {e.Details.Date})"));

        private static string Name(EventType type) => type switch
        {
            EventType.IdentifierAdded => "identifier",
            _ => type.ToString().ToLowerInvariant(),
        };
    }
}
