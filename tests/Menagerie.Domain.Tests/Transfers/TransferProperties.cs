using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using CsCheck;
using Menagerie.Domain.Specimens;
using Menagerie.Domain.Transfers;
using Menagerie.Testing;
using static Menagerie.Domain.Tests.Specimens.Given;

namespace Menagerie.Domain.Tests.Transfers;

/// <summary>
/// Random sequences of drafts, proposals, acceptances, declines, clearances, cancellations, dispatches, receipts
/// (arrived, dead on arrival, missing), resolutions, deaths and hatches at the holder, over three zoos, a few
/// individuals and one or two groups, at instants that never go back. Some steps break a rule on purpose.
/// After every step: the domain refuses exactly the broken steps and a refused step changes nothing; one holder
/// at every instant; a transfer holds animals only between dispatch and receipt (or resolution); animals are
/// conserved, checked against a naive model of who holds how many; no record is lost or duplicated; a specimen
/// is on one open transfer at most, an offer's from its draft and a request's from its acceptance, and accepting a request
/// whose animals have gone, shrunk or been taken since is refused.
/// </summary>
public sealed class TransferProperties
{
    private static readonly InstitutionId[] Zoos = [Moscow, Pyongyang, Prague];
    private static readonly DateTime Start = new(2024, 1, 1, 8, 0, 0, DateTimeKind.Utc);

    /// <summary>What a step does. <see cref="Verb.Progress"/> takes an open transfer to its next step (or drafts one), so that sequences reach receipts.</summary>
    private enum Verb { Progress, Draft, Submit, Accept, Decline, Clear, Cancel, Dispatch, Receive, Resolve, Death, Hatch }

    /// <summary>A rule a step breaks on purpose; one the step has no use for is ignored.</summary>
    private enum Mistake { None, AnyTransfer, WrongParty, NoReason, SameParties, NotAvailable, InTheFuture, TooEarly, CountsOff, LineLeftOut, NoSuchLine, MoreThanHeld }

    /// <summary>
    /// One step: what to do, the rule it breaks, which transfer or specimen (modulo what there is), hours since the step
    /// before (0 is the same instant), and numbers for subsets, counts and outcomes.
    /// </summary>
    private sealed record Step(Verb Verb, Mistake Mistake, int Pick, int Hours, int[] Dice);

    private static readonly Gen<Verb> VerbGen = Gen.Frequency(
        (12, Verb.Progress), (3, Verb.Draft), (1, Verb.Submit), (1, Verb.Accept), (1, Verb.Decline), (1, Verb.Clear), (1, Verb.Cancel),
        (1, Verb.Dispatch), (1, Verb.Receive), (1, Verb.Resolve), (2, Verb.Death), (1, Verb.Hatch));

    private static readonly Gen<Mistake> MistakeGen = Gen.Frequency(
        (16, Mistake.None), (1, Mistake.AnyTransfer), (1, Mistake.WrongParty), (1, Mistake.NoReason), (1, Mistake.SameParties), (1, Mistake.NotAvailable),
        (1, Mistake.InTheFuture), (1, Mistake.TooEarly), (1, Mistake.CountsOff), (1, Mistake.LineLeftOut), (1, Mistake.NoSuchLine), (1, Mistake.MoreThanHeld));

    private static readonly Gen<Step> StepGen = Gen.Select(VerbGen, MistakeGen, Gen.Int[0, 63], Gen.Frequency((1, Gen.Const(0)), (4, Gen.Int[1, 30])), Gen.Int[0, 9999].Array[24],
        (verb, mistake, pick, hours, dice) => new Step(verb, mistake, pick, hours, dice));

    /// <summary>An individual: the zoo holding it and its sex.</summary>
    private static readonly Gen<(int Zoo, Sex Sex)> IndividualGen = Gen.Select(Gen.Int[0, 2], Gen.Enum<Sex>());

    /// <summary>A group: the zoo holding it and its counts by sex (at least one animal).</summary>
    private static readonly Gen<(int Zoo, SexCounts Counts)> GroupGen = Gen.Select(Gen.Int[0, 2], Gen.Int[0, 4], Gen.Int[0, 4], Gen.Int[0, 2],
        (zoo, m, f, u) => (zoo, new SexCounts(m, f, m + f + u == 0 ? 1 : u)));

    [Fact]
    public void Random_transfer_sequences_keep_one_holder_conserve_animals_and_lose_no_record()
    {
        var seen = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        Gen.Select(IndividualGen.Array[1, 4], GroupGen.Array[1, 2], StepGen.Array[1, 50]).Sample((individuals, groups, steps) =>
        {
            var world = new World(individuals, groups, seen);
            for (var i = 0; i < steps.Length; i++)
                world.Apply(steps[i], i);
            world.CheckConservationAtEveryInstant();
        }, iter: 1000);

        // A search that never reached a case proves nothing about it.
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(Environment.NewLine, seen.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}: {kv.Value}")));
        string[] reached =
        [
            "dispatched, splitting a group", "received at the instant of dispatch", "line arrived, dead, missing", "line dead, missing", "line missing",
            "missing found", "missing lost", "died at the holder", "refused: CountsOff", "refused: LineLeftOut", "refused: TooEarly", "refused: NotAvailable",
            "requested an animal on another transfer", "request refused at acceptance",
        ];
        Assert.All(reached, key => Assert.True(seen.ContainsKey(key), $"never reached: {key}"));
    }

    /// <summary>The three zoos' specimens and transfers as the domain keeps them, and beside them a naive model of who holds how many.</summary>
    private sealed class World
    {
        private readonly ConcurrentDictionary<string, int> _seen;
        private readonly List<Specimen> _specimens = [];
        private readonly List<Transfer> _transfers = [];

        /// <summary>The naive reference: how many animals each keeper (zoo or transfer) holds now.</summary>
        private readonly Dictionary<Keeper, SexCounts> _model = [];

        /// <summary>Hatches (+) and deaths and losses (−), with their instants: the population at any instant follows from these.</summary>
        private readonly List<(DateTime At, SexCounts Change, bool Added)> _changes = [];

        private readonly List<DateTime> _instants = [];
        private readonly Dictionary<TransferId, List<LineReceipt>> _receipts = [];

        /// <summary>When each missing specimen was found or declared lost: the transfer holds it until then.</summary>
        private readonly Dictionary<SpecimenId, DateTime> _resolved = [];

        private SexCounts _initial = SexCounts.Zero;
        private DateTime _clock = Start.AddHours(1);
        private int _tags;

        public World((int Zoo, Sex Sex)[] individuals, (int Zoo, SexCounts Counts)[] groups, ConcurrentDictionary<string, int> seen)
        {
            _seen = seen;
            foreach (var (zoo, sex) in individuals)
                Add(Specimen.Create(SpecimenId.New(), SpecimenKind.Individual, Lion, sex, null, EventId.New(), Arrived(Zoos[zoo], null), Now, "test").Value, zoo);
            foreach (var (zoo, counts) in groups)
                Add(Specimen.Create(SpecimenId.New(), SpecimenKind.Group, Lion, Sex.Unknown, null, EventId.New(), Arrived(Zoos[zoo], counts), Now, "test").Value, zoo);

            void Add(Specimen specimen, int zoo)
            {
                Assert.Empty(specimen.Record(new EventDetails
                {
                    Type = EventType.IdentifierAdded,
                    Date = new(DateOnly.FromDateTime(Start), false),
                    At = Start,
                    IdentifierScheme = "local",
                    IdentifierValue = $"S{_specimens.Count}",
                }));
                _specimens.Add(specimen);
                _initial += specimen.Counts;
                Change(Keeper.At(Zoos[zoo]), specimen.Counts);
            }

            static EventDetails Arrived(InstitutionId zoo, SexCounts? counts) => new()
            {
                Type = EventType.Acquisition,
                Date = new(DateOnly.FromDateTime(Start), false),
                At = Start,
                Institution = zoo,
                CounterpartyName = "wild",
                Counts = counts,
            };
        }

        public void Apply(Step step, int index)
        {
            _clock = _clock.AddHours(step.Hours);
            _instants.Add(_clock);
            var dice = new Dice(step.Dice);
            var before = Snapshot();
            var events = _specimens.ToDictionary(s => s.Id, s => s.Events.Select(e => e.Id).ToList());

            var (violations, broken) = step.Verb switch
            {
                Verb.Draft => Draft(step, dice),
                Verb.Death => Death(step, dice),
                Verb.Hatch => Hatch(step, dice),
                _ => Pick(step) is { } t ? Act(t, step.Verb == Verb.Progress ? Next(t) : step.Verb, step, dice)
                    : step.Verb == Verb.Progress ? Draft(step, dice) : ([], false),
            };
            var context = $"step {index} ({step.Verb})";
            Assert.True(broken == violations.Count > 0, $"{context}: expected {(broken ? "a refusal" : "success")}, got [{string.Join("; ", violations.Select(v => $"{v.Code} {v.Field}: {v.Message}"))}]");
            if (violations.Count > 0)
            {
                Assert.Equal(before, Snapshot());
                Seen($"refused: {step.Mistake}");
            }
            Check(events, context);
        }

        public void CheckConservationAtEveryInstant()
        {
            foreach (var at in _instants.Prepend(Start))
                CheckConservation(at, $"at {at:O}");
        }

        // ---- the steps: each returns what the domain said, and whether the step broke a rule on purpose ----

        private (IReadOnlyList<RuleViolation>, bool) Draft(Step step, Dice dice)
        {
            // A sender with animals to send, unless there is none or the step means to draft what is not there.
            var senders = Zoos.Where(z => _specimens.Any(s => Available(s, z))).ToList();
            var sender = senders.Count == 0 || step.Mistake == Mistake.NotAvailable ? Zoos[step.Pick % 3] : senders[step.Pick % senders.Count];
            var receiver = step.Mistake == Mistake.SameParties ? sender : Zoos[(Array.IndexOf(Zoos, sender) + 1 + dice.Roll(2)) % 3];
            // An offer takes its animals at once; a request takes none until it is accepted, so it may ask for animals on another transfer.
            var initiatedBy = dice.Roll(2) == 0 ? TransferParty.Sender : TransferParty.Receiver;
            bool Fits(Specimen s) => initiatedBy == TransferParty.Sender ? Available(s, sender) : Requestable(s, sender);
            var pool = step.Mistake == Mistake.NotAvailable ? _specimens : _specimens.Where(Fits).ToList();
            var chosen = pool.Where(_ => dice.Roll(2) == 0).ToList();
            if (chosen.Count == 0 && pool.Count > 0)
                chosen.Add(pool[dice.Roll(pool.Count)]);
            var lines = chosen.Select(s => new LineRequest(s, s.Kind == SpecimenKind.Group && dice.Roll(3) > 0 ? Part(s.Counts, dice) : null)).ToList();
            var loan = dice.Roll(4) == 0;
            var broken = sender == receiver || lines.Count == 0 || chosen.Any(s => !Fits(s));
            var drafted = Transfer.Draft(TransferId.New(), sender, receiver, loan ? TransferTerms.Loan : TransferTerms.Gift, loan ? new DateOnly(2027, 6, 1) : null,
                initiatedBy, lines, Now, "test");
            if (drafted.IsValid && initiatedBy == TransferParty.Receiver && chosen.Any(s => s.OnTransfer is not null))
                Seen("requested an animal on another transfer");
            if (drafted.IsValid)
                _transfers.Add(drafted.Value);
            return (drafted.Violations, broken);

            static SexCounts? Part(SexCounts of, Dice dice) => dice.Take(of) is { IsZero: false } part ? part : null;
        }

        /// <summary>A transfer the verb applies to, or (by mistake) any transfer; null when there is none.</summary>
        private Transfer? Pick(Step step)
        {
            var pool = step.Mistake == Mistake.AnyTransfer ? _transfers : _transfers.Where(t => AppliesTo(step.Verb, t)).ToList();
            return pool.Count == 0 ? null : pool[step.Pick % pool.Count];
        }

        private static bool AppliesTo(Verb verb, Transfer t) => verb switch
        {
            Verb.Progress => t.IsOpen,
            Verb.Submit => t.Status == TransferStatus.Draft,
            Verb.Accept or Verb.Decline => t.Status == TransferStatus.Proposed,
            Verb.Clear => t.Status == TransferStatus.Accepted,
            Verb.Cancel => t.Status is TransferStatus.Draft or TransferStatus.Proposed or TransferStatus.Accepted or TransferStatus.Cleared,
            Verb.Dispatch => t.Status == TransferStatus.Cleared,
            Verb.Receive => t.Status == TransferStatus.Dispatched,
            _ => t.HasOpenDiscrepancy,
        };

        private static Verb Next(Transfer t) => t.Status switch
        {
            TransferStatus.Draft => Verb.Submit,
            TransferStatus.Proposed => Verb.Accept,
            TransferStatus.Accepted => Verb.Clear,
            TransferStatus.Cleared => Verb.Dispatch,
            TransferStatus.Dispatched => Verb.Receive,
            _ => Verb.Resolve,
        };

        private (IReadOnlyList<RuleViolation>, bool) Act(Transfer t, Verb verb, Step step, Dice dice)
        {
            var wrongParty = step.Mistake == Mistake.WrongParty;
            var reason = step.Mistake == Mistake.NoReason ? " " : "for the record";
            var broken = !AppliesTo(verb, t) || (wrongParty && verb is Verb.Submit or Verb.Accept or Verb.Decline)
                || (string.IsNullOrWhiteSpace(reason) && verb is Verb.Decline or Verb.Clear or Verb.Cancel);
            return verb switch
            {
                Verb.Submit => (t.Submit(wrongParty ? Other(t.InitiatedBy) : t.InitiatedBy, Now, "test"), broken),
                Verb.Accept => Accept(t, wrongParty, broken),
                Verb.Decline => (t.Decline(wrongParty ? t.InitiatedBy : Other(t.InitiatedBy), reason, Now, "test", Find), broken),
                Verb.Clear => (t.Clear(reason, Now, "test"), broken),
                Verb.Cancel => (t.Cancel(dice.Roll(2) == 0 ? TransferParty.Sender : TransferParty.Receiver, reason, Now, "test", Find), broken),
                Verb.Dispatch => Dispatch(t, step),
                Verb.Receive => Receive(t, step, dice),
                _ => Resolve(t, step, dice, reason),
            };
        }

        /// <summary>A sender accepting a request takes its animals now: refused when one has gone, shrunk or been taken since.</summary>
        private (IReadOnlyList<RuleViolation>, bool) Accept(Transfer t, bool wrongParty, bool broken)
        {
            var changed = t.Status == TransferStatus.Proposed && !wrongParty && t.InitiatedBy == TransferParty.Receiver && t.Lines.Any(l =>
                Find(l.SpecimenId) is var s && (!Requestable(s, t.SenderId) || s.OnTransfer is not null || (s.Kind == SpecimenKind.Group && !s.Counts.Covers(l.Counts))));
            var violations = t.Accept(wrongParty ? t.InitiatedBy : Other(t.InitiatedBy), Now, "test", Find);
            if (changed)
            {
                Assert.All(violations, v => Assert.Equal(Transfer.AnimalsChanged, v.Code));
                Seen("request refused at acceptance");
            }
            return (violations, broken || changed);
        }

        private (IReadOnlyList<RuleViolation>, bool) Dispatch(Transfer t, Step step)
        {
            var at = step.Mistake == Mistake.InTheFuture ? Now.AddHours(1) : _clock;
            var broken = t.Status != TransferStatus.Cleared || at > Now || t.Lines.Select(l => (Line: l, Specimen: Find(l.SpecimenId))).Any(x =>
                x.Specimen.Status != SpecimenStatus.Held || x.Specimen.HolderId != t.SenderId || (x.Specimen.OnTransfer is { } other && other != t.Id)
                || (x.Specimen.Kind == SpecimenKind.Group && !x.Specimen.Counts.Covers(x.Line.Counts)));
            var splits = t.Lines.Count(l => l.Kind == SpecimenKind.Group && Find(l.SpecimenId).Counts != l.Counts);
            var dispatched = t.Dispatch(at, Now, "test", Find);
            if (dispatched.IsValid)
            {
                Assert.Equal(splits, dispatched.Value.Count);
                Seen(splits > 0 ? "dispatched, splitting a group" : "dispatched");
                foreach (var line in t.Lines)
                    Move(Keeper.At(t.SenderId), Keeper.OnTransfer(t.Id), line.Counts);
                AddCreated(dispatched.Value);
            }
            return (dispatched.Violations, broken);
        }

        private (IReadOnlyList<RuleViolation>, bool) Receive(Transfer t, Step step, Dice dice)
        {
            var at = step.Mistake switch
            {
                Mistake.InTheFuture => Now.AddHours(1),
                Mistake.TooEarly when t.DispatchedAt is { } dispatchedAt => dispatchedAt.AddHours(-1),
                _ => _clock,
            };
            // The receiver's identifiers go on animals that arrived.
            var receipts = t.Lines.Select(l => Outcome(l, dice) is var r && !r.Arrived.IsZero && dice.Roll(2) == 0 ? r with { Identifiers = [("local", $"R{++_tags}")] } : r).ToList();
            if (step.Mistake == Mistake.CountsOff && receipts.Count > 0)
            {
                // Counts that do not add up: one animal too many, one too few, or one moved so that a count goes negative.
                var i = dice.Roll(receipts.Count);
                var one = SexCounts.Of((Sex)dice.Roll(3));
                receipts[i] = dice.Roll(3) switch
                {
                    0 => receipts[i] with { Missing = receipts[i].Missing + one },
                    1 => receipts[i] with { Arrived = receipts[i].Arrived - one },
                    _ => receipts[i] with { Arrived = receipts[i].Arrived - one, DeadOnArrival = receipts[i].DeadOnArrival + one },
                };
            }
            if (step.Mistake == Mistake.LineLeftOut && receipts.Count > 0)
                receipts.RemoveAt(dice.Roll(receipts.Count));
            var broken = t.Status != TransferStatus.Dispatched || at > Now || at < t.DispatchedAt || receipts.Count != t.Lines.Count
                || receipts.Any(r => r.Arrived.IsZero && r.Identifiers.Count > 0)
                || receipts.Any(r => r.Arrived.IsNegative || r.DeadOnArrival.IsNegative || r.Missing.IsNegative
                    || r.Arrived + r.DeadOnArrival + r.Missing != t.Lines.Single(l => l.Number == r.Line).Counts);
            var received = t.Receive(at, receipts, Now, "test", Find);
            if (received.IsValid)
            {
                _receipts[t.Id] = receipts;
                Seen(at == t.DispatchedAt ? "received at the instant of dispatch" : "received");
                foreach (var r in receipts)
                {
                    Move(Keeper.OnTransfer(t.Id), Keeper.At(t.ReceiverId), r.Arrived);
                    Remove(Keeper.OnTransfer(t.Id), r.DeadOnArrival, at);
                    Seen("line " + string.Join(", ", new[] { (r.Arrived, "arrived"), (r.DeadOnArrival, "dead"), (r.Missing, "missing") }.Where(x => !x.Item1.IsZero).Select(x => x.Item2)));
                }
                AddCreated(received.Value);
            }
            return (received.Violations, broken);

            static LineReceipt Outcome(TransferLine line, Dice dice)
            {
                var none = SexCounts.Zero;
                if (line.Kind == SpecimenKind.Individual)
                {
                    return dice.Roll(10) switch
                    {
                        < 6 => new(line.Number, line.Counts, none, none, []),
                        < 8 => new(line.Number, none, line.Counts, none, []),
                        _ => new(line.Number, none, none, line.Counts, []),
                    };
                }
                if (dice.Roll(3) == 0)
                    return new(line.Number, line.Counts, none, none, []);
                var dead = dice.Take(line.Counts);
                var missing = dice.Take(line.Counts - dead);
                return new(line.Number, line.Counts - dead - missing, dead, missing, []);
            }
        }

        private (IReadOnlyList<RuleViolation>, bool) Resolve(Transfer t, Step step, Dice dice, string reason)
        {
            var open = t.Lines.Where(l => l.HasOpenDiscrepancy).ToList();
            var number = step.Mistake == Mistake.NoSuchLine ? t.Lines.Count + 1
                : open.Count > 0 ? open[dice.Roll(open.Count)].Number
                : t.Lines[dice.Roll(t.Lines.Count)].Number;
            var line = t.Lines.FirstOrDefault(l => l.Number == number);
            var resolution = dice.Roll(2) == 0 ? MissingResolution.Found : MissingResolution.Lost;
            var at = step.Mistake switch
            {
                Mistake.InTheFuture => Now.AddHours(1),
                Mistake.TooEarly when t.ReceivedAt is { } receivedAt => receivedAt.AddHours(-1),
                _ => _clock,
            };
            var broken = line is not { HasOpenDiscrepancy: true } || string.IsNullOrWhiteSpace(reason) || at > Now || at < t.ReceivedAt;
            var violations = t.ResolveMissing(number, resolution, at, reason, TransferParty.Receiver, Now, "test", Find);
            if (violations.Count == 0)
            {
                var missing = line!.Missing!.Value;
                if (resolution == MissingResolution.Found)
                    Move(Keeper.OnTransfer(t.Id), Keeper.At(t.ReceiverId), missing);
                else
                    Remove(Keeper.OnTransfer(t.Id), missing, at);
                _resolved[line.MissingId!.Value] = at;
                Seen(resolution == MissingResolution.Found ? "missing found" : "missing lost");
            }
            return (violations, broken);
        }

        private (IReadOnlyList<RuleViolation>, bool) Death(Step step, Dice dice)
        {
            var held = _specimens.Where(s => s.Status == SpecimenStatus.Held).ToList();
            if (held.Count == 0)
                return ([], false);
            var s = held[step.Pick % held.Count];
            var (holder, before) = (s.HolderId!.Value, s.Counts);
            SexCounts? counts = s.Kind == SpecimenKind.Individual ? null
                : step.Mistake == Mistake.MoreThanHeld ? before + SexCounts.Of((Sex)dice.Roll(3))
                : dice.Roll(3) == 0 || dice.Take(before) is not { IsZero: false } part ? before : part;
            var broken = counts is { } c && !before.Covers(c);
            var violations = s.Record(new EventDetails { Type = EventType.Death, Date = DateOf(_clock), At = _clock, Counts = counts, Text = "died at the holder" });
            if (violations.Count == 0)
            {
                Remove(Keeper.At(holder), counts ?? before, _clock);
                Seen("died at the holder");
            }
            return (violations, broken);
        }

        private (IReadOnlyList<RuleViolation>, bool) Hatch(Step step, Dice dice)
        {
            var groups = _specimens.Where(s => s.Kind == SpecimenKind.Group && s.Status == SpecimenStatus.Held).ToList();
            if (groups.Count == 0)
                return ([], false);
            var group = groups[step.Pick % groups.Count];
            var holder = group.HolderId!.Value;
            var counts = dice.Take(new(2, 2, 2)) is { IsZero: false } some ? some : new SexCounts(0, 0, 1);
            var violations = group.Record(new EventDetails { Type = EventType.Birth, Date = DateOf(_clock), At = _clock, Institution = holder, Counts = counts });
            if (violations.Count == 0)
            {
                Change(Keeper.At(holder), counts);
                _changes.Add((_clock, counts, true));
            }
            return (violations, false);
        }

        private static bool Available(Specimen s, InstitutionId sender) => Requestable(s, sender) && s.OnTransfer is null;

        private static bool Requestable(Specimen s, InstitutionId sender) => s.Status == SpecimenStatus.Held && s.HolderId == sender && s.OwnerId == sender;

        private static TransferParty Other(TransferParty party) => party == TransferParty.Sender ? TransferParty.Receiver : TransferParty.Sender;

        private static PartialDate DateOf(DateTime at) => new(DateOnly.FromDateTime(at), false);

        private void Seen(string what) => _seen.AddOrUpdate(what, 1, (_, n) => n + 1);

        private Specimen Find(SpecimenId id) => _specimens.Single(s => s.Id == id);

        private void AddCreated(IReadOnlyList<Specimen> created)
        {
            foreach (var s in created)
            {
                Assert.DoesNotContain(_specimens, x => x.Id == s.Id);
                _specimens.Add(s);
            }
        }

        private void Move(Keeper from, Keeper to, SexCounts counts)
        {
            Change(from, SexCounts.Zero - counts);
            Change(to, counts);
        }

        private void Remove(Keeper from, SexCounts counts, DateTime at)
        {
            Change(from, SexCounts.Zero - counts);
            _changes.Add((at, counts, false));
        }

        private void Change(Keeper keeper, SexCounts by) => _model[keeper] = _model.GetValueOrDefault(keeper) + by;

        // ---- the invariants ----

        private void Check(Dictionary<SpecimenId, List<EventId>> eventsBefore, string context)
        {
            Assert.Equal(_specimens.Count, _specimens.Select(s => s.Id).Distinct().Count());
            Assert.Equal(_transfers.Count, _transfers.Select(t => t.Id).Distinct().Count());
            var byId = _specimens.ToDictionary(s => s.Id);
            foreach (var s in _specimens)
            {
                if (eventsBefore.TryGetValue(s.Id, out var earlier))
                    Assert.Equal(earlier, s.Events.Take(earlier.Count).Select(e => e.Id)); // appended, never edited or removed
                CheckHoldings(s, context);
                CheckKeptByTransfer(s, context);
                CheckSplits(s, byId);
            }
            foreach (var t in _transfers)
                CheckLines(t, byId, context);
            CheckClaims();
            CheckConservation(_clock, context);
            CheckModel(context);
        }

        /// <summary>One holder at every instant: periods follow each other without overlap or gap from the first event to the end.</summary>
        private static void CheckHoldings(Specimen s, string context)
        {
            var replay = LifeHistory.Replay(s.Id, s.Kind, s.Sex, s.Events);
            Assert.Empty(replay.Violations);
            Assert.Equal(replay.Holdings.Count, s.Holdings.Count);
            var begin = s.Events[0].Details.OrderingInstant;
            var ended = s.Status is SpecimenStatus.Dead or SpecimenStatus.Lost;
            Assert.True(ended || s.Status is SpecimenStatus.Held or SpecimenStatus.InTransit or SpecimenStatus.Missing, $"{context}: {s.Id} is {s.Status}");
            DateTime? end = ended ? s.Events.Where(e => e.Type is EventType.Death or EventType.Lost).Max(e => e.Details.OrderingInstant) : null;
            var periods = s.Holdings;
            if (periods.Count == 0)
            {
                Assert.True(ended && end == begin, $"{context}: {s.Id} has no holder although its records span time");
                return;
            }
            Assert.Equal(begin, periods[0].From);
            for (var i = 0; i < periods.Count; i++)
            {
                var p = periods[i];
                Assert.Equal(i, p.Index);
                Assert.True((p.HolderId is null) != (p.TransferId is null), $"{context}: period {i} of {s.Id} has not exactly one keeper");
                Assert.False(p.Counts.IsZero || p.Counts.IsNegative, $"{context}: period {i} of {s.Id} holds {p.Counts}");
                Assert.True(p.To is null ? i == periods.Count - 1 : p.From < p.To, $"{context}: period {i} of {s.Id} is open early, or lasts no time");
                if (i > 0)
                    Assert.True(periods[i - 1].To == p.From, $"{context}: periods {i - 1} and {i} of {s.Id} overlap or leave a gap");
            }
            var last = periods[^1];
            Assert.Equal(end, last.To);
            Assert.Equal(ended ? null : last.HolderId, s.HolderId);
            Assert.Equal(ended ? null : last.TransferId, s.InTransitOn);
            Assert.Equal(ended ? SexCounts.Zero : last.Counts, s.Counts);
        }

        /// <summary>A transfer keeps a specimen only from its dispatch until its receipt, or until the missing animals are resolved.</summary>
        private void CheckKeptByTransfer(Specimen s, string context)
        {
            foreach (var p in s.Holdings.Where(p => p.TransferId is not null))
            {
                var t = _transfers.Single(x => x.Id == p.TransferId);
                Assert.True(t.DispatchedAt is { } dispatched && p.From >= dispatched, $"{context}: {s.Id} kept by {t.Status} transfer {t.Id} from {p.From:O}");
                var missing = t.Lines.FirstOrDefault(l => l.MissingId == s.Id);
                DateTime? until = t.Status switch
                {
                    TransferStatus.Dispatched => null,
                    TransferStatus.Received when missing is not null => missing.HasOpenDiscrepancy ? null : _resolved[s.Id],
                    TransferStatus.Received => t.ReceivedAt,
                    _ => throw new Xunit.Sdk.XunitException($"{context}: {s.Id} kept by transfer {t.Id}, which is {t.Status}"),
                };
                Assert.True(until is null || p.To <= until, $"{context}: {s.Id} kept by transfer {t.Id} until {p.To:O}, after {until:O}");
            }
            if (s.InTransitOn is { } on)
            {
                var t = _transfers.Single(x => x.Id == on);
                var missing = t.Status == TransferStatus.Received && t.Lines.Any(l => l.HasOpenDiscrepancy && l.MissingId == s.Id);
                Assert.True(t.Status == TransferStatus.Dispatched || missing, $"{context}: {s.Id} in transit on {t.Status} transfer");
                Assert.Equal(missing ? SpecimenStatus.Missing : SpecimenStatus.InTransit, s.Status);
            }
        }

        /// <summary>A split names the other group on both sides, with the same counts.</summary>
        private static void CheckSplits(Specimen s, Dictionary<SpecimenId, Specimen> byId)
        {
            foreach (var off in s.Events.Where(e => e.Type == EventType.SplitOff))
            {
                var child = byId[off.RelatedId!.Value];
                Assert.Equal(EventType.SplitFrom, child.Events[0].Type);
                Assert.Equal(s.Id, child.Events[0].RelatedId);
                Assert.Equal(off.Counts, child.Events[0].Counts);
            }
            Assert.DoesNotContain(s.Events.Skip(1), e => e.Type == EventType.SplitFrom);
            if (s.Events[0] is { Type: EventType.SplitFrom, RelatedId: { } parent })
                Assert.Single(byId[parent].Events, e => e.Type == EventType.SplitOff && e.RelatedId == s.Id);
        }

        /// <summary>Every dispatched line left a dispatch; every received line accounts for its counts, each part with its event.</summary>
        private void CheckLines(Transfer t, Dictionary<SpecimenId, Specimen> byId, string context)
        {
            var dispatched = t.Status is TransferStatus.Dispatched or TransferStatus.Received;
            var received = t.Status == TransferStatus.Received;
            Assert.Equal(dispatched, t.DispatchedAt is not null);
            Assert.Equal(received, t.ReceivedAt is not null);
            foreach (var l in t.Lines)
            {
                var named = byId[l.SpecimenId];
                Assert.Equal(dispatched, l.ShippedId is not null);
                Assert.Equal(received, l.Arrived is not null && l.DeadOnArrival is not null && l.Missing is not null);
                if (!dispatched)
                    continue;
                var shipped = byId[l.ShippedId!.Value];
                Assert.True(shipped == named || shipped.Events[0] is { Type: EventType.SplitFrom } first && first.RelatedId == named.Id, $"{context}: line {l.Number} shipped an unrelated specimen");
                Assert.Single(shipped.Events, e => e.Type == EventType.Dispatch && e.TransferId == t.Id && e.At == t.DispatchedAt && (shipped.Kind == SpecimenKind.Individual || e.Counts == l.Counts));
                if (!received)
                    continue;

                var (arrived, dead, missing) = (l.Arrived!.Value, l.DeadOnArrival!.Value, l.Missing!.Value);
                var said = _receipts[t.Id].Single(r => r.Line == l.Number);
                Assert.Equal((said.Arrived, said.DeadOnArrival, said.Missing), (arrived, dead, missing));
                Assert.Equal(l.Counts, arrived + dead + missing);
                foreach (var (scheme, value) in arrived.IsZero ? [] : said.Identifiers)
                    Assert.Contains(shipped.Identifiers, i => i.Scheme == scheme && i.Value == value && i.AssignedBy == t.ReceiverId);
                Assert.Equal(!dead.IsZero, shipped.Events.Any(e => e.Type == EventType.Death && e.TransferId == t.Id && (shipped.Kind == SpecimenKind.Individual || e.Counts == dead)));
                var foundShipped = l.MissingId == shipped.Id && l.Resolution == MissingResolution.Found;
                Assert.Equal((arrived.IsZero ? 0 : 1) + (foundShipped ? 1 : 0), shipped.Events.Count(e => e.Type == EventType.Arrival && e.TransferId == t.Id));
                Assert.Equal(missing.IsZero, l.MissingId is null);
                if (l.MissingId is not { } missingId)
                {
                    Assert.Null(l.Resolution);
                    continue;
                }
                var lost = byId[missingId];
                Assert.True(arrived.IsZero ? lost == shipped : lost.Events[0].RelatedId == shipped.Id, $"{context}: line {l.Number}'s missing animals are not where the receipt put them");
                Assert.Single(lost.Events, e => e.Type == EventType.ReportedMissing && e.TransferId == t.Id);
                Assert.Equal(l.Resolution == MissingResolution.Lost, lost.Events.Any(e => e.Type == EventType.Lost && e.TransferId == t.Id));
                if (l.Resolution == MissingResolution.Found)
                    Assert.Contains(lost.Events, e => e.Type == EventType.Arrival && e.TransferId == t.Id && (lost.Kind == SpecimenKind.Individual || e.Counts == missing));
            }
        }

        /// <summary>
        /// The specimens an open transfer claims — its lines' before dispatch (an offer's from its draft, a request's once the
        /// sender accepts it), the ones that travel once dispatched, the missing ones after receipt — are on it, on it alone,
        /// and nothing else is on any transfer.
        /// </summary>
        private void CheckClaims()
        {
            var claims = new Dictionary<SpecimenId, TransferId>();
            foreach (var t in _transfers.Where(t => t.IsOpen))
            {
                var claimed = t.Status switch
                {
                    TransferStatus.Dispatched => t.Lines.Select(l => l.ShippedId!.Value),
                    TransferStatus.Received => t.Lines.Where(l => l.HasOpenDiscrepancy).Select(l => l.MissingId!.Value),
                    TransferStatus.Draft or TransferStatus.Proposed when t.InitiatedBy == TransferParty.Receiver => [],
                    _ => t.Lines.Select(l => l.SpecimenId),
                };
                foreach (var id in claimed)
                    Assert.True(claims.TryAdd(id, t.Id), $"{id} is claimed by two open transfers");
            }
            foreach (var s in _specimens)
                Assert.Equal(claims.TryGetValue(s.Id, out var t) ? t : null, s.OnTransfer);
        }

        /// <summary>All animals, wherever they are, make the initial count plus hatches minus deaths and losses up to the instant.</summary>
        private void CheckConservation(DateTime at, string context)
        {
            var expected = _changes.Where(c => c.At <= at).Aggregate(_initial, (sum, c) => c.Added ? sum + c.Change : sum - c.Change);
            var held = _specimens.SelectMany(s => s.Holdings).Where(p => p.Contains(at)).Aggregate(SexCounts.Zero, (sum, p) => sum + p.Counts);
            Assert.True(expected == held, $"{context}: {held} animals held at {at:O}, expected {expected}");
        }

        /// <summary>Each zoo and each transfer holds now what the naive model says it does.</summary>
        private void CheckModel(string context)
        {
            var actual = _specimens.SelectMany(s => s.Holdings).Where(p => p.Contains(_clock))
                .GroupBy(p => new Keeper(p.HolderId, p.TransferId))
                .ToDictionary(g => g.Key, g => g.Aggregate(SexCounts.Zero, (sum, p) => sum + p.Counts));
            Assert.True(Describe(_model) == Describe(actual), $"{context}: held {Describe(actual)}, the model says {Describe(_model)}");

            static string Describe(Dictionary<Keeper, SexCounts> counts) =>
                string.Join(", ", counts.Where(c => !c.Value.IsZero).Select(c => $"{c.Key.Institution?.ToString() ?? c.Key.Transfer.ToString()}: {c.Value}").Order(StringComparer.Ordinal));
        }

        /// <summary>Everything a step could change, to show that a refused step changed nothing.</summary>
        private string Snapshot()
        {
            var b = new StringBuilder();
            foreach (var s in _specimens)
            {
                b.Append(CultureInfo.InvariantCulture, $"{s.Id} {s.Status} {s.HolderId} {s.InTransitOn} {s.OnTransfer} {s.OwnerId} {s.Counts} {s.Version} |");
                foreach (var e in s.Events)
                    b.Append(CultureInfo.InvariantCulture, $" {e.Sequence}:{e.Type}:{e.Id}");
                foreach (var h in s.Holdings)
                    b.Append(CultureInfo.InvariantCulture, $" [{h.Index} {h.HolderId}{h.TransferId} {h.From:O} {h.To:O} {h.Counts}]");
                b.Append(CultureInfo.InvariantCulture, $" ids {s.Identifiers.Count}").AppendLine();
            }
            foreach (var t in _transfers)
            {
                b.Append(CultureInfo.InvariantCulture, $"{t.Id} {t.Status} {t.DispatchedAt:O} {t.ReceivedAt:O} steps {t.Steps.Count} {t.Version} |");
                foreach (var l in t.Lines)
                    b.Append(CultureInfo.InvariantCulture, $" [{l.Number} {l.SpecimenId} {l.Counts} {l.ShippedId} {l.Arrived} {l.DeadOnArrival} {l.Missing} {l.MissingId} {l.Resolution}]");
                b.AppendLine();
            }
            return b.ToString();
        }
    }
}
