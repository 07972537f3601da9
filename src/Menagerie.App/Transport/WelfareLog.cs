using Menagerie.Domain.Transfers;

namespace Menagerie.App.Transport;

/// <summary>A crate of the plan as the welfare form offers it: its number and the animals in it.</summary>
public sealed record WelfareCrateView(string Crate, IReadOnlyList<OccupantView> Animals);

/// <summary>
/// One check as the attendant made it: a time, what was seen and done, and the animals it covered (each its own
/// event in the records), named by the crates of the plan that hold them. <see cref="Overdue"/>: how much later than
/// the journey's interval allows it came for the animal waiting longest (W-02), or null when it was on time.
/// </summary>
public sealed record WelfareRoundView(
    DateTime At, IReadOnlyList<string> Animals, IReadOnlyList<string> Crates, bool AllAnimals, decimal? TemperatureC, string? Condition,
    bool? Fed, bool? Watered, string? Sedation, string? Attendant, string RecordedBy, TimeSpan? Overdue);

/// <summary>
/// A transfer's welfare log as its page shows it: the transfer's state, the crates a check may name, the checks with
/// those that came late marked, the check overdue now (or, after arrival, the one missed before it) and whether the
/// person looking is an attendant of either party (a transport coordinator or veterinarian), who records checks.
/// </summary>
public sealed record WelfareLogView(
    Guid Transfer, TransferStatus Status, DateTime? DispatchedAt, DateTime? ReceivedAt, int CheckEveryHours,
    IReadOnlyList<WelfareCrateView> Crates, IReadOnlyList<WelfareRoundView> Checks, WelfareDueView? Due, bool IsAttendant)
{
    /// <summary>The person may record a check now: an attendant, while the animals travel.</summary>
    public bool MayRecord => IsAttendant && Status == TransferStatus.Dispatched;
}

/// <summary>Animals whose next check is late by <see cref="Overdue"/> at <see cref="Until"/> (now, or the arrival), and their crates.</summary>
public sealed record WelfareDueView(DateTime Until, TimeSpan Overdue, IReadOnlyList<string> Animals, IReadOnlyList<string> Crates, bool AllAnimals);

/// <summary>
/// When welfare checks were due (W-02): the journey begins at dispatch, and each animal is checked again within
/// the journey's interval of its last check. A check is overdue by the longest wait beyond the interval of any
/// animal it covers; checks on some crates do not reset the clock of the others.
/// </summary>
public static class WelfareSchedule
{
    /// <summary>The checks, one per time and observation, in time order, each with how late it came.</summary>
    /// <param name="checks">The log's events, one per animal.</param>
    /// <param name="animals">Every animal that travels, as the log names them.</param>
    /// <param name="cratesOf">The crates of the plan that hold an animal.</param>
    /// <param name="start">The dispatch, when the journey and its first interval begin.</param>
    /// <param name="interval">The journey's check interval.</param>
    public static IReadOnlyList<WelfareRoundView> Rounds(
        IEnumerable<WelfareCheckView> checks, IReadOnlyCollection<string> animals, Func<string, IEnumerable<string>> cratesOf, DateTime start, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(animals);
        ArgumentNullException.ThrowIfNull(cratesOf);
        var last = animals.ToDictionary(a => a, _ => start, StringComparer.Ordinal);
        var rounds = new List<WelfareRoundView>();
        var together = checks
            .GroupBy(c => (c.At, c.TemperatureC, c.Condition, c.Fed, c.Watered, c.Sedation, c.Attendant, c.RecordedBy))
            .OrderBy(g => g.Key.At);
        foreach (var round in together)
        {
            var covered = round.Select(c => c.Specimen).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var late = covered.Select(a => round.Key.At - last.GetValueOrDefault(a, start) - interval).DefaultIfEmpty(TimeSpan.Zero).Max();
            foreach (var animal in covered)
                last[animal] = Later(last.GetValueOrDefault(animal, start), round.Key.At);
            var k = round.Key;
            rounds.Add(new WelfareRoundView(
                k.At, covered, [.. covered.SelectMany(cratesOf).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                animals.All(a => covered.Contains(a, StringComparer.Ordinal)),
                k.TemperatureC, k.Condition, k.Fed, k.Watered, k.Sedation, k.Attendant, k.RecordedBy, late > TimeSpan.Zero ? late : null));
        }
        return rounds;
    }

    /// <summary>The animals waiting longer than the interval for their next check at <paramref name="until"/>; null when none is.</summary>
    public static WelfareDueView? Due(
        IReadOnlyList<WelfareRoundView> rounds, IReadOnlyCollection<string> animals, Func<string, IEnumerable<string>> cratesOf, DateTime start, TimeSpan interval, DateTime until)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        ArgumentNullException.ThrowIfNull(animals);
        ArgumentNullException.ThrowIfNull(cratesOf);
        var waiting = animals
            .Select(a => (Animal: a, Late: until - rounds.Where(r => r.Animals.Contains(a, StringComparer.Ordinal)).Select(r => r.At).Append(start).Max() - interval))
            .Where(w => w.Late > TimeSpan.Zero)
            .OrderBy(w => w.Animal, StringComparer.Ordinal)
            .ToList();
        if (waiting.Count == 0)
            return null;
        return new WelfareDueView(until, waiting.Max(w => w.Late), [.. waiting.Select(w => w.Animal)],
            [.. waiting.SelectMany(w => cratesOf(w.Animal)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], waiting.Count == animals.Count);
    }

    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;
}
