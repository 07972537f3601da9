namespace Menagerie.Domain.Specimens;

public enum SpecimenStatus
{
    /// <summary>Alive and held by an institution.</summary>
    Held,

    /// <summary>Dead; for a group, every animal in it.</summary>
    Dead,

    /// <summary>Left these records alive (disposed to someone outside them).</summary>
    Departed,

    /// <summary>On its way between two institutions, held by a transfer.</summary>
    InTransit,

    /// <summary>Did not arrive with its transfer; still held by it until found or declared lost.</summary>
    Missing,

    /// <summary>Declared lost after going missing on a transfer.</summary>
    Lost,

    /// <summary>A group that joined another group; its animals are counted there.</summary>
    Merged,
}

/// <summary>What a specimen's history amounts to when its effective events are replayed in time order.</summary>
public sealed record LifeState(
    IReadOnlyList<HoldingPeriod> Holdings,
    IReadOnlyList<SpecimenIdentifier> Identifiers,
    SpecimenStatus Status,
    InstitutionId? Holder,
    TransferId? InTransitOn,
    InstitutionId? Owner,
    SexCounts Counts,
    SpecimenId? Sire,
    SpecimenId? Dam,
    PartialDate? BirthDate,
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
        return r.State();
    }

    /// <summary>
    /// What the history amounts to with one more event that comes after all of it, from <paramref name="end"/>, the
    /// state its replay ends in: the same as replaying the whole history with the event, at the cost of one event.
    /// The holding periods and identifiers of <paramref name="end"/> are copied, not changed.
    /// </summary>
    public static LifeState Continue(
        SpecimenId specimen, SpecimenKind kind, Sex sex, LifeState end, SpecimenEvent next, Func<InstitutionId, string>? nameOf = null)
    {
        ArgumentNullException.ThrowIfNull(end);
        ArgumentNullException.ThrowIfNull(next);
        var r = new Replayer(specimen, kind, sex, nameOf ?? (id => id.ToString()));
        r.Resume(end);
        r.Apply(next);
        return r.State();
    }

    private sealed class Replayer(SpecimenId specimen, SpecimenKind kind, Sex sex, Func<InstitutionId, string> nameOf)
    {
        private readonly SexCounts _one = SexCounts.Of(sex);

        public bool Started { get; private set; }

        public List<HoldingPeriod> Periods { get; } = [];
        public List<SpecimenIdentifier> Identifiers { get; } = [];
        public List<RuleViolation> Violations { get; } = [];
        public SpecimenStatus Status { get; private set; } = SpecimenStatus.Held;

        /// <summary>Who keeps the specimen now; neither institution nor transfer once it has left the records.</summary>
        public Keeper Keeper { get; private set; }

        public InstitutionId? Owner { get; private set; }
        public SexCounts Counts { get; private set; } = SexCounts.Zero;
        public SpecimenId? Sire { get; private set; }
        public SpecimenId? Dam { get; private set; }
        public PartialDate? Birth { get; private set; }

        private InstitutionId? Holder => Keeper.Institution;

        public LifeState State() => new(Periods, Identifiers, Status, Keeper.Institution, Keeper.Transfer, Owner, Counts, Sire, Dam, Birth, Violations);

        /// <summary>Takes up where a replay ended, with copies of its periods and identifiers.</summary>
        public void Resume(LifeState end)
        {
            Started = true;
            Periods.AddRange(end.Holdings.Select(h => h.Copy()));
            Identifiers.AddRange(end.Identifiers.Select(i => i.Copy()));
            (Status, Keeper, Owner, Counts) = (end.Status, new Keeper(end.Holder, end.InTransitOn), end.Owner, end.Counts);
            (Sire, Dam, Birth) = (end.Sire, end.Dam, end.BirthDate);
        }

        private TransferId? Transit => Keeper.Transfer;

        public void Apply(SpecimenEvent e)
        {
            var d = e.Details;
            var at = d.OrderingInstant;
            var counts = kind == SpecimenKind.Group ? d.Counts ?? SexCounts.Zero : _one;
            if (!Started && d.Type is not (EventType.Birth or EventType.Acquisition or EventType.SplitFrom))
            {
                Fail(e, "history.not-started", "date", $"The specimen's records begin later than this {Name(d.Type)} ({d.Date}): they begin with a birth or an acquisition.");
                return;
            }
            if (Status == SpecimenStatus.Dead && d.Type is not (EventType.Note or EventType.IdentifierAdded))
            {
                Fail(e, "history.after-death", "date", $"The {Name(d.Type)} on {d.Date} comes after the death.");
                return;
            }
            if (Status == SpecimenStatus.Merged && d.Type is not (EventType.Note or EventType.IdentifierAdded))
            {
                Fail(e, "history.after-merge", "date", $"The {Name(d.Type)} on {d.Date} comes after the group joined another; record it there.");
                return;
            }
            // In transit, only the transfer's own receipt and resolution act on the animal (a death among them, as
            // dead on arrival): a death recorded beside it would leave a receipt with nothing to account for.
            var byTheTransfer = d.Transfer == Transit && d.Type is (EventType.Arrival or EventType.Death or EventType.ReportedMissing or EventType.Lost or EventType.SplitOff or EventType.WelfareCheck);
            if (Transit is { } transfer && !byTheTransfer && d.Type is not (EventType.Note or EventType.IdentifierAdded))
            {
                Fail(e, "holder.in-transit", "date", $"On {d.Date} the specimen is in transit on transfer {transfer}; a {Name(d.Type)} waits until it has arrived.");
                return;
            }
            switch (d.Type)
            {
                case EventType.Birth: ApplyBirth(e, at, counts); break;
                case EventType.Acquisition: ApplyAcquisition(e, at, counts); break;
                case EventType.Disposition: ApplyDisposition(e, at, counts); break;
                case EventType.Death: ApplyDeath(e, at, counts); break;
                case EventType.Dispatch: ApplyDispatch(e, at, counts); break;
                case EventType.Arrival: ApplyArrival(e, at, counts); break;
                case EventType.ReportedMissing or EventType.Lost: ApplyMissingOrLost(e, at); break;
                case EventType.SplitOff: ApplySplitOff(e, at, counts); break;
                case EventType.MergedInto:
                    if (Holder is null || counts != Counts)
                        Fail(e, "merge.whole-group", "counts", $"A group held by an institution merges whole: it holds {Counts} on {d.Date}.");
                    else
                        End(at, SpecimenStatus.Merged);
                    break;
                case EventType.MergedFrom:
                    if (Holder is null)
                        Fail(e, "holder.not-held", "date", $"Nobody holds the group on {d.Date} for another to join it.");
                    else
                        Grow(e, at, counts);
                    break;
                case EventType.SplitFrom:
                    if (Started)
                        Fail(e, "history.split-not-first", "date", "A group formed by a split begins with that split.");
                    else
                        Start(d.Transfer is { } t ? Keeper.OnTransfer(t) : Keeper.At(d.Institution!.Value), d.Owner ?? d.Institution, at, counts);
                    break;
                case EventType.IdentifierAdded:
                    if (Identifiers.Any(i => string.Equals(i.Scheme, d.IdentifierScheme, StringComparison.OrdinalIgnoreCase)
                                             && string.Equals(i.Value, d.IdentifierValue, StringComparison.OrdinalIgnoreCase)))
                    {
                        Fail(e, "identifier.duplicate", "value", $"The specimen already carries {d.IdentifierScheme} '{d.IdentifierValue}'.");
                        break;
                    }
                    Identifiers.Add(SpecimenIdentifier.Create(specimen, Identifiers.Count, d.IdentifierScheme!.Trim(), d.IdentifierValue!.Trim(), d.Institution ?? Holder, d.Date.Date));
                    break;
                case EventType.Move or EventType.Weight or EventType.Measurement:
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
                Grow(e, at, counts); // a hatch into a counted group already held
                return;
            }
            if (Started)
            {
                Fail(e, "history.birth-not-first", "date", $"A birth ({d.Date}) must come before every other event of an individual's life.");
                return;
            }
            (Sire, Dam, Birth) = (d.Sire, d.Dam, d.Date);
            Start(Keeper.At(d.Institution!.Value), d.Owner ?? d.Institution.Value, at, counts);
        }

        private void ApplyAcquisition(SpecimenEvent e, DateTime at, SexCounts counts)
        {
            var d = e.Details;
            var institution = d.Institution!.Value;
            if (Holder is null)
            {
                Start(Keeper.At(institution), d.Owner ?? institution, at, counts);
                return;
            }
            if (kind == SpecimenKind.Group && Holder == institution)
            {
                Grow(e, at, counts);
                return;
            }
            if (d.Counterparty == Holder && (kind == SpecimenKind.Individual || counts == Counts))
            {
                MoveTo(Keeper.At(institution), d.Owner ?? institution, at);
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
                    MoveTo(Keeper.At(receiver), d.Owner ?? receiver, at);
                return;
            }
            End(at, SpecimenStatus.Departed);
        }

        private void ApplyDeath(SpecimenEvent e, DateTime at, SexCounts counts)
        {
            var d = e.Details;
            if (Holder is null && Transit is null)
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

        private void ApplyDispatch(SpecimenEvent e, DateTime at, SexCounts counts)
        {
            var d = e.Details;
            if (Holder is null || Holder != d.Institution)
            {
                Fail(e, "holder.not-sender", "institution", $"On {d.Date} the specimen is not held by {Named(d.Institution)}, so it cannot be dispatched from there.");
                return;
            }
            if (kind == SpecimenKind.Group && counts != Counts)
            {
                Fail(e, "counts.partial-move", "counts", $"The group holds {Counts}; a dispatch sends the whole group, so split off the {counts} first.");
                return;
            }
            MoveTo(Keeper.OnTransfer(d.Transfer!.Value), Owner, at);
            Status = SpecimenStatus.InTransit;
        }

        private void ApplyArrival(SpecimenEvent e, DateTime at, SexCounts counts)
        {
            var d = e.Details;
            if (Transit != d.Transfer)
            {
                Fail(e, "holder.not-in-transit", "transfer", $"On {d.Date} the specimen is not in transit on transfer {d.Transfer}, so it cannot arrive from it.");
                return;
            }
            if (kind == SpecimenKind.Group && counts != Counts)
            {
                Fail(e, "counts.partial-move", "counts", $"The group in transit holds {Counts}; {counts} cannot arrive as the whole of it.");
                return;
            }
            MoveTo(Keeper.At(d.Institution!.Value), d.Owner ?? d.Institution.Value, at);
            Status = SpecimenStatus.Held;
        }

        private void ApplyMissingOrLost(SpecimenEvent e, DateTime at)
        {
            var d = e.Details;
            if (Transit != d.Transfer)
            {
                Fail(e, "holder.not-in-transit", "transfer", $"On {d.Date} the specimen is not in transit on transfer {d.Transfer}.");
                return;
            }
            if (d.Type == EventType.ReportedMissing)
                Status = SpecimenStatus.Missing;
            else if (Status != SpecimenStatus.Missing)
                Fail(e, "transfer.not-missing", "type", "Only a specimen reported missing can be declared lost.");
            else
                End(at, SpecimenStatus.Lost);
        }

        private void ApplySplitOff(SpecimenEvent e, DateTime at, SexCounts counts)
        {
            var d = e.Details;
            if (kind != SpecimenKind.Group)
                Fail(e, "split.individual", "type", "Only a group can be split.");
            else if (Holder is null && Transit is null)
                Fail(e, "holder.not-held", "date", $"Nobody holds the group on {d.Date} to split it.");
            else if (!Counts.Covers(counts) || counts == Counts)
                Fail(e, "counts.exceeded", "counts", $"The group holds {Counts} on {d.Date}; a split takes part of it, not {counts}.");
            else
                ChangeCounts(at, Counts - counts);
        }

        private void Start(Keeper keeper, InstitutionId? owner, DateTime at, SexCounts counts)
        {
            Started = true;
            (Keeper, Owner, Counts) = (keeper, owner, counts);
            Status = keeper.Transfer is null ? SpecimenStatus.Held : SpecimenStatus.InTransit;
            Periods.Add(HoldingPeriod.Open(specimen, Periods.Count, keeper, at, counts));
        }

        private void MoveTo(Keeper keeper, InstitutionId? owner, DateTime at)
        {
            CloseCurrent(at);
            (Keeper, Owner) = (keeper, owner);
            Periods.Add(HoldingPeriod.Open(specimen, Periods.Count, keeper, at, Counts));
        }

        /// <summary>Animals join a group held: born into it, acquired, or another group merged into it; never beyond the most a group holds.</summary>
        private void Grow(SpecimenEvent e, DateTime at, SexCounts counts)
        {
            var grown = Counts + counts;
            if (grown.IsTooMany)
                Fail(e, "group.too-many", "counts", $"With {counts} more the group would hold {grown}: at most {SexCounts.MaxAnimals} animals.");
            else
                ChangeCounts(at, grown);
        }

        private void ChangeCounts(DateTime at, SexCounts counts)
        {
            CloseCurrent(at);
            Counts = counts;
            Periods.Add(HoldingPeriod.Open(specimen, Periods.Count, Keeper, at, counts));
        }

        private void End(DateTime at, SpecimenStatus status)
        {
            CloseCurrent(at);
            (Keeper, Owner, Status) = (default, null, status);
            if (status is SpecimenStatus.Dead or SpecimenStatus.Lost or SpecimenStatus.Merged)
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

        private string Named(InstitutionId? id) => id is { } value ? nameOf(value) : "the sender";

        private void Fail(SpecimenEvent e, string code, string field, string message) =>
            Violations.Add(new(code, field, $"{message} (event {e.Sequence}: {Name(e.Type)} of {e.Details.Date})"));

        private static string Name(EventType type) => type switch
        {
            EventType.IdentifierAdded => "identifier",
            EventType.ReportedMissing => "report of a missing animal",
            EventType.WelfareCheck => "welfare check",
            EventType.SplitOff or EventType.SplitFrom => "split",
            EventType.MergedInto or EventType.MergedFrom => "merge",
            _ => type.ToString().ToLowerInvariant(),
        };
    }
}
