using System.Diagnostics;
using System.Globalization;
using System.Text;
using CsCheck;
using Menagerie.App.Institutions;
using Menagerie.App.Ledger;
using Menagerie.App.Persistence;
using Menagerie.App.Specimens;
using Menagerie.App.Taxa;
using Menagerie.App.Transfers;
using Menagerie.Domain;
using Menagerie.Domain.Specimens;
using Menagerie.Domain.Taxa;
using Menagerie.Domain.Transfers;
using Menagerie.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Menagerie.App.Tests.Given;

namespace Menagerie.App.Tests.Transfers;

/// <summary>
/// Random sequences of transfer steps, deaths and hatches driven through the use cases and saved to a real SQLite
/// database: one database, one taxon (and so one census line) per sequence. After every step: the use case refuses
/// exactly the broken steps, a refused step writes nothing (the ledger head does not move), and the holdings at that
/// instant match a naive model of who holds how many. After every sequence: the ledger verifies, the census of the
/// three zoos plus the animals in transit at the end of every day makes the initial count plus hatches minus deaths
/// and losses, holding periods leave no gap or overlap, every received line accounts for all its animals, and a
/// specimen is on one open transfer at most: an offer's from its draft, a request's from its acceptance, which is a
/// conflict when one of its animals has gone, shrunk or been taken since.
/// </summary>
public sealed class TransferSequenceProperties
{
    private static readonly string[] Zoos = ["MOSCOW", "PYONGYANG", "PRAGUE"];
    private static readonly DateTime Start = new(2025, 3, 1, 8, 0, 0, DateTimeKind.Utc);
    private const string InTransit = "in transit";

    private enum Verb { Progress, Draft, Decline, Cancel, Death, Hatch }

    /// <summary>A rule a step breaks on purpose; one the step has no use for is ignored.</summary>
    private enum Mistake { None, WrongParty, NoReason, SameParties, NotAvailable, InTheFuture, TooEarly, CountsOff, LineLeftOut, MoreThanHeld }

    private sealed record Step(Verb Verb, Mistake Mistake, int Pick, int Hours, int[] Dice);

    private static readonly Gen<Step> StepGen = Gen.Select(
        Gen.Frequency((14, Verb.Progress), (2, Verb.Draft), (1, Verb.Decline), (1, Verb.Cancel), (1, Verb.Death), (1, Verb.Hatch)),
        Gen.Frequency((24, Mistake.None), (1, Mistake.WrongParty), (1, Mistake.NoReason), (1, Mistake.SameParties), (1, Mistake.NotAvailable),
            (1, Mistake.InTheFuture), (1, Mistake.TooEarly), (1, Mistake.CountsOff), (1, Mistake.LineLeftOut), (1, Mistake.MoreThanHeld)),
        Gen.Int[0, 63], Gen.Frequency((1, Gen.Const(0)), (3, Gen.Int[1, 12])), Gen.Int[0, 9999].Array[16],
        (verb, mistake, pick, hours, dice) => new Step(verb, mistake, pick, hours, dice));

    private static readonly Gen<(int Zoo, Sex Sex)> IndividualGen = Gen.Select(Gen.Int[0, 2], Gen.Enum<Sex>());

    private static readonly Gen<(int Zoo, SexCounts Counts)> GroupGen = Gen.Select(Gen.Int[0, 2], Gen.Int[0, 4], Gen.Int[0, 4], Gen.Int[0, 2],
        (zoo, m, f, u) => (zoo, new SexCounts(m, f, m + f + u == 0 ? 1 : u)));

    [Fact]
    public async Task Random_sequences_through_the_use_cases_keep_the_ledger_intact_and_the_census_balanced()
    {
        var clock = Stopwatch.StartNew();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = database.Services();
        await ThreeZoosAsync(services);
        var sequences = 0;
        var steps = 0;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        await Gen.Select(IndividualGen.Array[1, 3], GroupGen.Array[1, 2], StepGen.Array[4, 30]).SampleAsync(async (individuals, groups, sequence) =>
        {
            // Each sequence has its own taxon and animals, so its census line and its assertions are its own.
            var run = new Run(services, database.Options, Interlocked.Increment(ref sequences), seen);
            await run.SetUpAsync(individuals, groups);
            for (var i = 0; i < sequence.Length; i++)
                await run.ApplyAsync(sequence[i], i);
            await run.CheckAsync();
            Interlocked.Add(ref steps, sequence.Length);
        }, iter: 20, threads: 1);
        // What the sequences reached, to read beside the time they took (the domain properties assert coverage; twenty sequences vary too much to).
        TestContext.Current.TestOutputHelper?.WriteLine($"{sequences} sequences, {steps} steps in {clock.Elapsed.TotalSeconds:F1} s; "
            + string.Join(", ", seen.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}: {kv.Value}")));
    }

    private static async Task ThreeZoosAsync(ServiceProvider services)
    {
        await using var scope = services.Scope();
        var institutions = scope.ServiceProvider.GetRequiredService<InstitutionCommands>();
        Ok(await institutions.CreateCountryAsync(new("RU", "Russian Federation", true, new DateOnly(1992, 1, 1), new DateOnly(2015, 7, 1), "CITES list of Parties"), Ct));
        Ok(await institutions.CreateCountryAsync(new("KP", "DPRK", false, null, new DateOnly(2015, 7, 1), "CITES list of Parties"), Ct));
        Ok(await institutions.CreateCountryAsync(new("CZ", "Czechia", true, new DateOnly(1993, 1, 1), new DateOnly(2015, 7, 1), "CITES list of Parties"), Ct));
        Ok(await institutions.CreateAsync(new("MOSCOW", "Moscow Zoo", "RU", "Europe/Moscow"), Ct));
        Ok(await institutions.CreateAsync(new("PYONGYANG", "Central Zoo, Pyongyang", "KP", "Asia/Pyongyang"), Ct));
        Ok(await institutions.CreateAsync(new("PRAGUE", "Prague Zoo", "CZ", "Europe/Prague"), Ct));
    }

    /// <summary>One sequence: its taxon and animals, the naive model of who holds how many, and what the database holds now.</summary>
    private sealed class Run(ServiceProvider services, DatabaseOptions options, int number, Dictionary<string, int> seen)
    {
        private readonly List<Guid> _transfers = [];
        private readonly Dictionary<Guid, DateOnly> _examined = [];
        private readonly Dictionary<string, SexCounts> _model = new(StringComparer.Ordinal);
        private readonly List<(DateTime At, SexCounts Change)> _changes = [];
        private readonly SortedSet<DateOnly> _days = [];
        private readonly Dictionary<InstitutionId, string> _codes = [];
        private SexCounts _initial;
        private TaxonId _taxon;
        private DateTime _clock = Start;
        private int _tags;
        private (List<Specimen> Specimens, List<Transfer> Transfers, (long, string) Head) _state;

        public async Task SetUpAsync((int Zoo, Sex Sex)[] individuals, (int Zoo, SexCounts Counts)[] groups)
        {
            await using var scope = services.Scope();
            // A subspecies of its own for each sequence: the compliance rules read it as the mandarin duck, not CITES-listed.
            var name = $"Aix galericulata sequence{number}";
            _taxon = new TaxonId(Ok(await scope.ServiceProvider.GetRequiredService<TaxonCommands>().CreateAsync(new(name, "Mandarin duck", TaxonRank.Subspecies, "Aves"), Ct)).Id);
            var specimens = scope.ServiceProvider.GetRequiredService<SpecimenCommands>();
            foreach (var (zoo, sex) in individuals)
                await AddAsync(zoo, new SpecimenInput { Taxon = name, Sex = sex.ToString(), First = Acquired(zoo, null) }, SexCounts.Of(sex));
            foreach (var (zoo, counts) in groups)
                await AddAsync(zoo, new SpecimenInput { Kind = "group", Taxon = name, First = Acquired(zoo, counts.ToString()) }, counts);
            await using (var db = TestDatabase.Open(options))
            {
                foreach (var i in await db.Institutions.AsNoTracking().ToListAsync(Ct))
                    _codes[i.Id] = i.Code;
            }
            _days.Add(DateOnly.FromDateTime(Start));
            _state = await LoadAsync();

            async Task AddAsync(int zoo, SpecimenInput input, SexCounts counts)
            {
                Ok(await specimens.CreateAsync(input, Ct));
                _initial += counts;
                Change(Zoos[zoo], counts);
            }

            static EventInput Acquired(int zoo, string? counts) =>
                new() { Type = "acquisition", Date = "2025-03-01", Institution = Zoos[zoo], FromName = "wild", Counts = counts };
        }

        public async Task ApplyAsync(Step step, int index)
        {
            _clock = _clock.AddHours(step.Hours);
            _days.Add(DateOnly.FromDateTime(_clock));
            var dice = new Dice(step.Dice);
            var before = Snapshot(_state);

            var (violations, broken, done) = step.Verb switch
            {
                Verb.Draft => await DraftAsync(step, dice),
                Verb.Death or Verb.Hatch => await RecordAsync(step, dice),
                _ => Pick(step) is { } t ? await ActAsync(t, step, dice) : step.Verb == Verb.Progress ? await DraftAsync(step, dice) : ([], false, () => { }),
            };
            var context = $"sequence {number} step {index} ({step.Verb}, {step.Mistake})";
            Assert.True(broken == violations.Count > 0, $"{context}: expected {(broken ? "a refusal" : "success")}, got [{string.Join("; ", violations.Select(v => $"{v.Code} {v.Field}: {v.Message}"))}]");
            var head = _state.Head;
            _state = await LoadAsync();
            if (violations.Count > 0)
            {
                Seen($"refused: {step.Mistake}");
                Assert.Equal(head, _state.Head); // nothing written, not even to the ledger
                Assert.Equal(before, Snapshot(_state));
            }
            else
            {
                done();
            }
            CheckModel(context);
        }

        // ---- the steps: what the use case said, whether the step broke a rule on purpose, and what it does to the model ----

        private async Task<(IReadOnlyList<RuleViolation>, bool, Action)> DraftAsync(Step step, Dice dice)
        {
            // A sender with animals to send, unless there is none or the step means to draft what is not there.
            var senders = Enumerable.Range(0, 3).Where(z => _state.Specimens.Any(s => Available(s, IdOf(Zoos[z])))).ToList();
            var sender = senders.Count == 0 || step.Mistake == Mistake.NotAvailable ? step.Pick % 3 : senders[step.Pick % senders.Count];
            var receiver = step.Mistake == Mistake.SameParties ? sender : (sender + 1 + dice.Roll(2)) % 3;
            var senderId = IdOf(Zoos[sender]);
            // An offer takes its animals at once; a request takes none until it is accepted, so it may ask for animals on another transfer.
            var request = dice.Roll(2) == 1;
            bool Fits(Specimen s) => request ? Requestable(s, senderId) : Available(s, senderId);
            var pool = step.Mistake == Mistake.NotAvailable ? _state.Specimens : _state.Specimens.Where(Fits).ToList();
            var chosen = pool.Where(_ => dice.Roll(2) == 0).ToList();
            if (chosen.Count == 0 && pool.Count > 0)
                chosen.Add(pool[dice.Roll(pool.Count)]);
            var lines = chosen.Select(s => new TransferLineInput(s.Id.Value.ToString(), s.Kind == SpecimenKind.Group && dice.Roll(3) > 0 && dice.Take(s.Counts) is { IsZero: false } part ? part.ToString() : null)).ToList();
            var loan = dice.Roll(4) == 0;
            var broken = sender == receiver || lines.Count == 0 || chosen.Any(s => !Fits(s));
            var violations = await TransfersAsync(c => c.CreateAsync(new TransferInput
            {
                Sender = Zoos[sender],
                Receiver = Zoos[receiver],
                Terms = loan ? "loan" : "gift",
                ReturnDue = loan ? new DateOnly(2027, 6, 1) : null,
                InitiatedBy = request ? "receiver" : "sender",
                Lines = lines,
                Submit = dice.Roll(2) == 0,
            }, Ct));
            return (violations, broken, () => { });
        }

        /// <summary>
        /// The veterinary certificates the animals need to clear (examined the day before the real clock's today,
        /// when clearance is checked) and to leave (examined on the sequence's own day, when they are dispatched).
        /// </summary>
        private async Task CertifyAsync(Transfer t)
        {
            var examined = DateOnly.FromDateTime(_clock);
            await using var db = TestDatabase.Open(options);
            var state = await db.Institutions.AsNoTracking().Where(i => i.Id == t.SenderId).Select(i => i.CountryCode).SingleAsync(Ct);
            await using var scope = services.Scope();
            var documents = scope.ServiceProvider.GetRequiredService<TransferDocuments>();
            foreach (var issued in new[] { DateOnly.FromDateTime(NowUtc).AddDays(-1), examined })
            {
                Ok(await documents.RegisterAsync(t.Id.Value, new DocumentInput
                {
                    Type = "veterinary-certificate",
                    Number = $"VET-{t.Id.Value:N}-{issued:yyyyMMdd}",
                    IssuingAuthority = "State veterinary service",
                    IssuingState = state,
                    IssuedOn = issued,
                }, Ct));
            }
            _examined[t.Id.Value] = examined;
        }

        private Transfer? Pick(Step step)
        {
            var pool = _state.Transfers.Where(t => step.Verb switch
            {
                Verb.Decline => t.Status == TransferStatus.Proposed,
                Verb.Cancel => t.Status is TransferStatus.Draft or TransferStatus.Proposed or TransferStatus.Accepted or TransferStatus.Cleared,
                _ => t.IsOpen,
            }).ToList();
            return pool.Count == 0 ? null : pool[step.Pick % pool.Count];
        }

        private async Task<(IReadOnlyList<RuleViolation>, bool, Action)> ActAsync(Transfer t, Step step, Dice dice)
        {
            var id = t.Id.Value;
            var reason = step.Mistake == Mistake.NoReason ? null : "for the record";
            var noReason = reason is null;
            Action nothing = () => { };
            switch (step.Verb, t.Status)
            {
                case (Verb.Decline, _):
                    return (await TransfersAsync(c => c.DeclineAsync(id, reason, null, Ct)), noReason, nothing);
                case (Verb.Cancel, _):
                    return (await TransfersAsync(c => c.CancelAsync(id, reason, null, Ct)), noReason, nothing);
                case (_, TransferStatus.Draft):
                    var wrong = step.Mistake == Mistake.WrongParty;
                    var bySender = (t.InitiatedBy == TransferParty.Sender) != wrong;
                    return (await TransfersAsync(c => bySender ? c.ProposeAsync(id, null, Ct) : c.RequestAsync(id, null, Ct)), wrong, nothing);
                case (_, TransferStatus.Proposed):
                    // A sender accepting a request takes its animals now: a conflict (409) when one has gone, shrunk or been taken since.
                    var changed = t.InitiatedBy == TransferParty.Receiver && t.Lines.Any(l => _state.Specimens.Single(s => s.Id == l.SpecimenId) is var s
                        && (!Requestable(s, t.SenderId) || s.OnTransfer is not null || (s.Kind == SpecimenKind.Group && !s.Counts.Covers(l.Counts))));
                    return (await TransfersAsync(c => c.AcceptAsync(id, null, Ct)), changed, nothing);
                case (_, TransferStatus.Accepted):
                    if (!noReason)
                        await CertifyAsync(t);
                    return (await TransfersAsync(c => c.ClearAsync(id, reason, null, Ct)), noReason, nothing);
                case (_, TransferStatus.Cleared):
                    return await DispatchAsync(t, step);
                case (_, TransferStatus.Dispatched):
                    return await ReceiveAsync(t, step, dice);
                default:
                    return await ResolveAsync(t, step, dice, reason);
            }
        }

        private async Task<(IReadOnlyList<RuleViolation>, bool, Action)> DispatchAsync(Transfer t, Step step)
        {
            var at = step.Mistake == Mistake.InTheFuture ? NowUtc.AddHours(1) : _clock;
            // The animals leave only within ten days of their examination (V-02), however long the sequence waited.
            var examinedTooLongAgo = DateOnly.FromDateTime(at).DayNumber - _examined.GetValueOrDefault(t.Id.Value).DayNumber > 10;
            var broken = at > NowUtc || examinedTooLongAgo || t.Lines.Select(l => (Line: l, Specimen: _state.Specimens.Single(s => s.Id == l.SpecimenId))).Any(x =>
                x.Specimen.Status != SpecimenStatus.Held || x.Specimen.HolderId != t.SenderId
                || (x.Specimen.Kind == SpecimenKind.Group && !x.Specimen.Counts.Covers(x.Line.Counts)));
            var violations = await TransfersAsync(c => c.DispatchAsync(t.Id.Value, new DispatchInput(at), null, null, Ct));
            return (violations, broken, () =>
            {
                Seen(t.Lines.Any(l => l.Kind == SpecimenKind.Group && _state.Specimens.Single(s => s.Id == l.SpecimenId).Counts != l.Counts) ? "dispatched, splitting a group" : "dispatched");
                foreach (var line in t.Lines)
                    Move(_codes[t.SenderId], InTransit, line.Counts);
            }
            );
        }

        private async Task<(IReadOnlyList<RuleViolation>, bool, Action)> ReceiveAsync(Transfer t, Step step, Dice dice)
        {
            var at = step.Mistake switch
            {
                Mistake.InTheFuture => NowUtc.AddHours(1),
                Mistake.TooEarly => t.DispatchedAt!.Value.AddHours(-1),
                _ => _clock,
            };
            var outcomes = t.Lines.Select(l => (Line: l, Counts: Outcome(l, dice))).ToList();
            var off = step.Mistake == Mistake.CountsOff ? dice.Roll(outcomes.Count) : -1;
            if (off >= 0)
                outcomes[off] = (outcomes[off].Line, outcomes[off].Counts with { Missing = outcomes[off].Counts.Missing + SexCounts.Of((Sex)dice.Roll(3)) });
            if (step.Mistake == Mistake.LineLeftOut)
                outcomes.RemoveAt(dice.Roll(outcomes.Count));
            var input = new ReceiptInput(at, outcomes.Select((o, i) => Line(o.Line, o.Counts, i == off)).ToList());
            var broken = at > NowUtc || at < t.DispatchedAt || step.Mistake == Mistake.LineLeftOut || off >= 0;
            var violations = await TransfersAsync(c => c.ReceiveAsync(t.Id.Value, input, null, null, Ct));
            return (violations, broken, () =>
            {
                Seen(at == t.DispatchedAt ? "received at the instant of dispatch" : DateOnly.FromDateTime(at) == DateOnly.FromDateTime(t.DispatchedAt!.Value) ? "received the day of dispatch" : "received");
                foreach (var (_, (arrived, dead, missing)) in outcomes)
                {
                    Seen("line " + string.Join(", ", new[] { (arrived, "arrived"), (dead, "dead"), (missing, "missing") }.Where(x => !x.Item1.IsZero).Select(x => x.Item2)));
                    Move(InTransit, _codes[t.ReceiverId], arrived);
                    Remove(InTransit, dead, at);
                }
            }
            );

            static (SexCounts Arrived, SexCounts Dead, SexCounts Missing) Outcome(TransferLine line, Dice dice)
            {
                var none = SexCounts.Zero;
                if (line.Kind == SpecimenKind.Individual)
                    return dice.Roll(10) switch { < 6 => (line.Counts, none, none), < 8 => (none, line.Counts, none), _ => (none, none, line.Counts) };
                if (dice.Roll(3) == 0)
                    return (line.Counts, none, none);
                var dead = dice.Take(line.Counts);
                var missing = dice.Take(line.Counts - dead);
                return (line.Counts - dead - missing, dead, missing);
            }

            ReceiptLineInput Line(TransferLine line, (SexCounts Arrived, SexCounts Dead, SexCounts Missing) c, bool off)
            {
                // The receiver's identifiers go on animals that arrived.
                IReadOnlyList<IdentifierInput> identifiers = !c.Arrived.IsZero && dice.Roll(2) == 0 ? [new("local", $"S{number}-R{++_tags}")] : [];
                if (line.Kind == SpecimenKind.Individual && !off)
                    return new() { Line = line.Number, Outcome = !c.Arrived.IsZero ? "arrived" : !c.Dead.IsZero ? "dead" : "missing", Identifiers = identifiers };
                return new()
                {
                    Line = line.Number,
                    Identifiers = identifiers,
                    Arrived = Text(c.Arrived),
                    DeadOnArrival = Text(c.Dead),
                    Missing = Text(c.Missing),
                };
            }

            static string? Text(SexCounts counts) => counts.IsZero ? null : counts.ToString();
        }

        private async Task<(IReadOnlyList<RuleViolation>, bool, Action)> ResolveAsync(Transfer t, Step step, Dice dice, string? reason)
        {
            var open = t.Lines.Where(l => l.HasOpenDiscrepancy).ToList();
            var line = open[dice.Roll(open.Count)];
            var found = dice.Roll(2) == 0;
            var at = step.Mistake switch
            {
                Mistake.InTheFuture => NowUtc.AddHours(1),
                Mistake.TooEarly => t.ReceivedAt!.Value.AddHours(-1),
                _ => _clock,
            };
            var broken = reason is null || at > NowUtc || at < t.ReceivedAt;
            var violations = await TransfersAsync(c => c.ResolveAsync(t.Id.Value, line.Number, new ResolutionInput(found ? "found" : "lost", at, reason), null, Ct));
            return (violations, broken, () =>
            {
                Seen(found ? "missing found" : "missing lost");
                if (found)
                    Move(InTransit, _codes[t.ReceiverId], line.Missing!.Value);
                else
                    Remove(InTransit, line.Missing!.Value, at);
            }
            );
        }

        /// <summary>A death, or for a group a hatch, at the institution holding the animal.</summary>
        private async Task<(IReadOnlyList<RuleViolation>, bool, Action)> RecordAsync(Step step, Dice dice)
        {
            var held = _state.Specimens.Where(s => s.Status == SpecimenStatus.Held && (step.Verb == Verb.Death || s.Kind == SpecimenKind.Group)).ToList();
            if (held.Count == 0)
                return ([], false, () => { });
            var s = held[step.Pick % held.Count];
            var holder = _codes[s.HolderId!.Value];
            var hatch = step.Verb == Verb.Hatch;
            var counts = hatch ? (dice.Take(new(2, 2, 2)) is { IsZero: false } some ? some : new SexCounts(0, 0, 1))
                : s.Kind == SpecimenKind.Individual ? s.Counts
                : step.Mistake == Mistake.MoreThanHeld ? s.Counts + SexCounts.Of((Sex)dice.Roll(3))
                : dice.Roll(3) == 0 || dice.Take(s.Counts) is not { IsZero: false } part ? s.Counts : part;
            var input = new EventInput
            {
                Type = hatch ? "hatch" : "death",
                Date = _clock.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                At = _clock,
                Institution = hatch ? holder : null,
                Counts = s.Kind == SpecimenKind.Group ? counts.ToString() : null,
            };
            await using var scope = services.Scope();
            var violations = Violations(await scope.ServiceProvider.GetRequiredService<SpecimenCommands>().RecordEventAsync(s.Id.Value.ToString(), input, null, Ct));
            var at = _clock;
            return (violations, !hatch && !s.Counts.Covers(counts), () =>
            {
                Seen(hatch ? "hatched" : "died at the holder");
                if (hatch)
                    Change(holder, counts, at);
                else
                    Remove(holder, counts, at);
            }
            );
        }

        // ---- the model ----

        private void Seen(string what) => seen[what] = seen.GetValueOrDefault(what) + 1;

        private void Move(string from, string to, SexCounts counts)
        {
            Change(from, SexCounts.Zero - counts);
            Change(to, counts);
        }

        private void Remove(string from, SexCounts counts, DateTime at) => Change(from, SexCounts.Zero - counts, at);

        private void Change(string keeper, SexCounts by, DateTime? at = null)
        {
            _model[keeper] = _model.GetValueOrDefault(keeper) + by;
            if (at is { } instant)
                _changes.Add((instant, by));
        }

        /// <summary>What each zoo and the transfers hold at this instant, from the stored holding periods, is what the model says.</summary>
        private void CheckModel(string context)
        {
            var held = _state.Specimens.SelectMany(s => s.Holdings).Where(p => p.Contains(_clock))
                .GroupBy(p => p.HolderId is { } h ? _codes[h] : InTransit, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Aggregate(SexCounts.Zero, (sum, p) => sum + p.Counts), StringComparer.Ordinal);
            Assert.True(Describe(_model) == Describe(held), $"{context}: held {Describe(held)}, the model says {Describe(_model)}");
        }

        private static string Describe(Dictionary<string, SexCounts> counts) =>
            string.Join(", ", counts.Where(c => !c.Value.IsZero).OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}: {c.Value}"));

        // ---- after the sequence ----

        public async Task CheckAsync()
        {
            await using (var scope = services.Scope())
            {
                var audit = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(Ct);
                Assert.True(audit.Intact, $"sequence {number}: {audit.Problem}");
            }
            await CheckCensusAsync();
            _state = await LoadAsync(withEvents: true);
            var byId = _state.Specimens.ToDictionary(s => s.Id);
            foreach (var s in _state.Specimens)
                CheckHoldings(s, byId);
            foreach (var t in _state.Transfers.Where(t => t.Status == TransferStatus.Received))
            {
                foreach (var l in t.Lines)
                    Assert.Equal(l.Counts, l.Arrived!.Value + l.DeadOnArrival!.Value + l.Missing!.Value);
            }
            var claims = _state.Transfers.Where(t => t.IsOpen).SelectMany(t => (t.Status switch
            {
                TransferStatus.Dispatched => t.Lines.Select(l => l.ShippedId!.Value),
                TransferStatus.Received => t.Lines.Where(l => l.HasOpenDiscrepancy).Select(l => l.MissingId!.Value),
                TransferStatus.Draft or TransferStatus.Proposed when t.InitiatedBy == TransferParty.Receiver => [],
                _ => t.Lines.Select(l => l.SpecimenId),
            }).Select(id => (Specimen: id, Transfer: t.Id))).ToList();
            Assert.Equal(claims.Count, claims.Select(c => c.Specimen).Distinct().Count());
            foreach (var s in _state.Specimens)
                Assert.Equal(claims.Where(c => c.Specimen == s.Id).Select(c => (TransferId?)c.Transfer).SingleOrDefault(), s.OnTransfer);
        }

        /// <summary>The census of the three zoos plus what is in transit, at the end of every day the sequence touched.</summary>
        private async Task CheckCensusAsync()
        {
            await using var scope = services.Scope();
            var census = scope.ServiceProvider.GetRequiredService<Census>();
            var db = scope.ServiceProvider.GetRequiredService<MenagerieDbContext>();
            foreach (var day in _days)
            {
                var endOfDay = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                var expected = _changes.Where(c => c.At < endOfDay).Aggregate(_initial, (sum, c) => sum + c.Change);
                var byKeeper = new Dictionary<string, SexCounts>(StringComparer.Ordinal);
                foreach (var zoo in Zoos)
                {
                    var view = Ok(await census.OnAsync(zoo, day, Ct));
                    byKeeper[zoo] = view.Taxa.Where(l => l.Taxon.Id == _taxon.Value).Select(l => SexCounts.TryParse(l.TotalBySex, out var c) ? c : throw new FormatException(l.TotalBySex))
                        .Aggregate(SexCounts.Zero, (sum, c) => sum + c);
                }
                var transit = await db.HoldingPeriods.AsNoTracking()
                    .Where(h => h.TransferId != null && h.From < endOfDay && (h.To == null || h.To >= endOfDay))
                    .Join(db.Specimens.AsNoTracking().Where(s => s.TaxonId == _taxon), h => h.SpecimenId, s => s.Id, (h, _) => new { h.Males, h.Females, h.UnknownSex })
                    .ToListAsync(Ct);
                byKeeper[InTransit] = transit.Aggregate(SexCounts.Zero, (sum, h) => sum + new SexCounts(h.Males, h.Females, h.UnknownSex));
                var total = byKeeper.Values.Aggregate(SexCounts.Zero, (sum, c) => sum + c);
                Assert.True(expected == total, $"sequence {number}, end of {day:yyyy-MM-dd}: census {Describe(byKeeper)} makes {total}, expected {expected}");
                if (day == _days.Max)
                    Assert.Equal(Describe(_model), Describe(byKeeper));
            }
        }

        /// <summary>One keeper at every instant from the first event to the end; a transfer keeps animals only from dispatch to receipt or resolution.</summary>
        private void CheckHoldings(Specimen s, Dictionary<SpecimenId, Specimen> byId)
        {
            var periods = s.Holdings.OrderBy(p => p.Index).ToList();
            var ended = s.Status is SpecimenStatus.Dead or SpecimenStatus.Lost;
            var begin = s.Events.OrderBy(e => e.Sequence).First().Details.OrderingInstant;
            DateTime? end = ended ? s.Events.Where(e => e.Type is EventType.Death or EventType.Lost).Max(e => e.Details.OrderingInstant) : null;
            if (periods.Count == 0)
            {
                Assert.True(ended && begin == end, $"sequence {number}: {s.Id} has no holder although its records span time");
                return;
            }
            Assert.Equal(begin, periods[0].From);
            Assert.Equal(end, periods[^1].To);
            for (var i = 1; i < periods.Count; i++)
                Assert.True(periods[i - 1].To == periods[i].From && periods[i].From < (periods[i].To ?? DateTime.MaxValue), $"sequence {number}: periods {i - 1} and {i} of {s.Id} overlap or leave a gap");
            foreach (var p in periods.Where(p => p.TransferId is not null))
            {
                var t = _state.Transfers.Single(x => x.Id == p.TransferId);
                var missing = t.Lines.FirstOrDefault(l => l.MissingId == s.Id);
                DateTime? until = t.Status switch
                {
                    TransferStatus.Dispatched => null,
                    TransferStatus.Received when missing is not null => missing.HasOpenDiscrepancy ? null
                        : s.Events.Where(e => e.TransferId == t.Id && e.Type is EventType.Arrival or EventType.Lost).Max(e => e.Details.OrderingInstant),
                    TransferStatus.Received => t.ReceivedAt,
                    _ => DateTime.MinValue, // a transfer never dispatched keeps nothing
                };
                Assert.True(t.DispatchedAt <= p.From && (until is null || p.To <= until), $"sequence {number}: {s.Id} kept by {t.Status} transfer {t.Id} from {p.From:O} to {p.To:O}");
            }
            if (s.Events.OrderBy(e => e.Sequence).First() is { Type: EventType.SplitFrom, RelatedId: { } parent })
                Assert.Single(byId[parent].Events, e => e.Type == EventType.SplitOff && e.RelatedId == s.Id);
        }

        // ---- reading the database ----

        private async Task<IReadOnlyList<RuleViolation>> TransfersAsync(Func<TransferCommands, Task<Outcome<TransferView>>> act)
        {
            await using var scope = services.Scope();
            var outcome = await act(scope.ServiceProvider.GetRequiredService<TransferCommands>());
            if (outcome is Outcome<TransferView>.Created created)
                _transfers.Add(created.Value.Id);
            return Violations(outcome);
        }

        private static IReadOnlyList<RuleViolation> Violations<T>(Outcome<T> outcome) => outcome switch
        {
            Outcome<T>.Ok or Outcome<T>.Created => [],
            Outcome<T>.Invalid invalid => invalid.Violations,
            Outcome<T>.Conflict conflict => [new("conflict", "", conflict.Wording)],
            _ => throw new Xunit.Sdk.XunitException($"Expected success or a refusal, got {outcome}"),
        };

        /// <summary>This sequence's specimens (with their histories only when asked: the steps need their holdings), transfers and the ledger head.</summary>
        private async Task<(List<Specimen>, List<Transfer>, (long, string))> LoadAsync(bool withEvents = false)
        {
            await using var db = TestDatabase.Open(options);
            IQueryable<Specimen> query = db.Specimens.AsNoTracking().Include(s => s.Holdings);
            if (withEvents)
                query = query.Include(s => s.Events);
            var specimens = await query.AsSplitQuery().Where(s => s.TaxonId == _taxon).ToListAsync(Ct);
            var ids = _transfers.Select(id => new TransferId(id)).ToList();
            var transfers = await db.Transfers.AsNoTracking().Include(t => t.Lines).AsSplitQuery().Where(t => ids.Contains(t.Id)).ToListAsync(Ct);
            var head = await db.LedgerHeads.AsNoTracking().SingleAsync(Ct);
            return ([.. specimens.OrderBy(s => s.Id.Value)], [.. transfers.OrderBy(t => _transfers.IndexOf(t.Id.Value))], (head.Sequence, head.Hash));
        }

        private static string Snapshot((List<Specimen> Specimens, List<Transfer> Transfers, (long, string) Head) state)
        {
            var b = new StringBuilder();
            foreach (var s in state.Specimens)
            {
                b.Append(CultureInfo.InvariantCulture, $"{s.Id} {s.Status} {s.HolderId} {s.InTransitOn} {s.OnTransfer} {s.Counts} v{s.Version} |");
                foreach (var h in s.Holdings.OrderBy(h => h.Index))
                    b.Append(CultureInfo.InvariantCulture, $" [{h.HolderId}{h.TransferId} {h.From:O} {h.To:O} {h.Counts}]");
                b.AppendLine();
            }
            foreach (var t in state.Transfers)
            {
                b.Append(CultureInfo.InvariantCulture, $"{t.Id} {t.Status} v{t.Version} |");
                foreach (var l in t.Lines.OrderBy(l => l.Number))
                    b.Append(CultureInfo.InvariantCulture, $" [{l.Number} {l.ShippedId} {l.Arrived} {l.DeadOnArrival} {l.Missing} {l.MissingId} {l.Resolution}]");
                b.AppendLine();
            }
            return b.ToString();
        }

        private InstitutionId IdOf(string code) => _codes.Single(c => c.Value == code).Key;

        private static bool Available(Specimen s, InstitutionId sender) => Requestable(s, sender) && s.OnTransfer is null;

        private static bool Requestable(Specimen s, InstitutionId sender) => s.Status == SpecimenStatus.Held && s.HolderId == sender && s.OwnerId == sender;

        private static DateTime NowUtc => new(2026, 11, 29, 10, 0, 0, DateTimeKind.Utc);
    }
}
