using Menagerie.Domain.Compliance;

namespace Menagerie.Domain.Transport;

/// <summary>A stretch of the hold kept warm, measured from the door.</summary>
public sealed record HeatedZone(int FromCm, int ToCm, TemperatureRange Temperature);

/// <summary>
/// The vehicle's or aircraft's hold: its floor, height and load limit, the temperature it keeps outside any
/// heated zone (null when not known), an aisle along one side for attendants, and how far from the door an
/// attendant can reach a crate during the journey.
/// </summary>
public sealed record Hold
{
    public required string Name { get; init; }
    public required int LengthCm { get; init; }
    public required int WidthCm { get; init; }
    public required int HeightCm { get; init; }
    public required decimal MaxLoadKg { get; init; }
    public TemperatureRange? Temperature { get; init; }
    public HeatedZone? HeatedZone { get; init; }
    public const int DefaultAisleCm = 60;
    public const int DefaultAttendantReachCm = 600;

    public int AisleCm { get; init; } = DefaultAisleCm;
    public int AttendantReachCm { get; init; } = DefaultAttendantReachCm;

    public int UsableWidthCm => WidthCm - AisleCm;
}

/// <summary>Where a crate stands: its row, its distance from the door and from the aisle, and which way round.</summary>
public sealed record Placement(string Crate, int Row, int FromDoorCm, int FromAisleCm, int AcrossCm, int AlongCm, bool Heated);

/// <summary>A constraint no arrangement met, with the crates it concerns.</summary>
public sealed record LoadingFailure(string Constraint, Wording Message)
{
    public IReadOnlyList<string> Crates { get; init; } = [];
}

/// <summary>The crates placed in the hold, the sight screens between predators and prey, the weight of every crate, and what failed if anything.</summary>
public sealed record LoadingPlan(Hold Hold, IReadOnlyList<Placement> Placements, IReadOnlyList<int> ScreensAtCm, decimal LoadKg, int LengthUsedCm, IReadOnlyList<LoadingFailure> Failures)
{
    public bool Feasible => Failures.Count == 0;
}

/// <summary>
/// Lays crates out in rows across the hold, from the door inwards, leaving the aisle free. Predators are loaded
/// in one section and everything else in another, with an opaque screen between them, so no prey sees a
/// predator (W-05). A crate whose animals cannot bear the hold's temperature goes in the heated zone, and one
/// that the heated zone would overheat stays out of it (W-01). Crates of large or dangerous animals stand
/// within the attendant's reach of the door (W-11). A few orders of sections and crates are tried; the first
/// that meets every constraint is the plan, otherwise the one that fails least says which constraints fail.
/// </summary>
public static class Loading
{
    /// <summary>The floor an opaque screen between sections takes.</summary>
    public const int ScreenCm = 10;

    public static LoadingPlan Plan(IReadOnlyList<Crate> crates, Hold hold)
    {
        ArgumentNullException.ThrowIfNull(crates);
        ArgumentNullException.ThrowIfNull(hold);
        var fixedFailures = Unplaceable(crates, hold);
        var load = crates.Sum(c => c.GrossKg);
        var fitting = crates.Where(c => Orientation(c, hold) is not null && c.Outer.HeightCm <= hold.HeightCm).ToList();
        LoadingPlan? best = null;
        foreach (var order in Orders(fitting, hold))
        {
            var plan = Layout(order, hold, fixedFailures, load);
            if (plan.Feasible)
                return plan;
            if (best is null || Failing(plan) < Failing(best))
                best = plan;
        }
        return best ?? new LoadingPlan(hold, [], [], load, 0, fixedFailures);
    }

    private static int Failing(LoadingPlan plan) => plan.Failures.Sum(f => Math.Max(f.Crates.Count, 1));

    /// <summary>Crates that no arrangement can take: too tall or too wide for the hold, or too heavy together.</summary>
    private static List<LoadingFailure> Unplaceable(IReadOnlyList<Crate> crates, Hold hold)
    {
        var failures = new List<LoadingFailure>();
        var tall = crates.Where(c => c.Outer.HeightCm > hold.HeightCm).ToList();
        if (tall.Count > 0)
        {
            var heights = string.Join(", ", tall.Select(c => $"{c.Number} {c.Outer.HeightCm} cm"));
            failures.Add(new("height", tall.Count == 1
                ? Wording.Of($"{Names(tall)} is taller than the hold's {hold.HeightCm} cm ({heights}).")
                : $"{Names(tall)} are taller than the hold's {hold.HeightCm} cm ({heights}).")
            { Crates = [.. tall.Select(c => c.Number)] });
        }
        var wide = crates.Where(c => Orientation(c, hold) is null).ToList();
        if (wide.Count > 0)
        {
            failures.Add(new("width", $"{Names(wide)} cannot stand in the {hold.UsableWidthCm} cm of floor beside the aisle either way round.")
            { Crates = [.. wide.Select(c => c.Number)] });
        }
        var load = crates.Sum(c => c.GrossKg);
        if (load > hold.MaxLoadKg)
            failures.Add(new("weight", $"The crates weigh {load:0.#} kg gross; the hold takes {hold.MaxLoadKg:0.#} kg."));
        return failures;
    }

    private static string Names(IEnumerable<Crate> crates) => string.Join(", ", crates.Select(c => c.Number));

    /// <summary>The crate's side across the hold and along it: long side across where it fits, so rows stay shallow.</summary>
    private static (int Across, int Along)? Orientation(Crate crate, Hold hold)
    {
        var (longer, shorter) = crate.Outer.LengthCm >= crate.Outer.WidthCm
            ? (crate.Outer.LengthCm, crate.Outer.WidthCm)
            : (crate.Outer.WidthCm, crate.Outer.LengthCm);
        if (longer <= hold.UsableWidthCm)
            return (longer, shorter);
        if (shorter <= hold.UsableWidthCm)
            return (shorter, longer);
        return null;
    }

    private static bool Bears(TemperatureRange? temperature, Crate crate) => temperature is null || temperature.Within(crate.Temperature);

    private static bool NeedsHeat(Crate crate, Hold hold) => !Bears(hold.Temperature, crate);

    private static bool NeedsAccess(Crate crate) => crate.Requirement.AttendantAccess;

    /// <summary>Sections (predators first or last) crossed with crate orders that favour access or heat.</summary>
    private static IEnumerable<List<List<Crate>>> Orders(List<Crate> crates, Hold hold)
    {
        var predators = crates.Where(c => c.Requirement.Predator).ToList();
        var others = crates.Where(c => !c.Requirement.Predator).ToList();
        Func<Crate, int> access = c => NeedsAccess(c) ? 0 : 1;
        Func<Crate, int> heatFirst = c => NeedsHeat(c, hold) ? 0 : 1;
        Func<Crate, int> heatLast = c => NeedsHeat(c, hold) ? 1 : 0;
        var keys = new (Func<Crate, int> First, Func<Crate, int> Second)[]
        {
            (access, heatFirst), (access, heatLast), (heatFirst, access), (heatLast, access),
        };
        foreach (var (first, second) in keys)
        {
            List<Crate> Sort(List<Crate> section) =>
                [.. section.OrderBy(first).ThenBy(second).ThenByDescending(c => Orientation(c, hold)!.Value.Along).ThenBy(c => c.Number, StringComparer.Ordinal)];
            yield return [Sort(predators), Sort(others)];
            yield return [Sort(others), Sort(predators)];
        }
    }

    private static LoadingPlan Layout(List<List<Crate>> sections, Hold hold, List<LoadingFailure> fixedFailures, decimal load)
    {
        var placements = new List<Placement>();
        var screens = new List<int>();
        var row = new List<(Crate Crate, int Across, int Along)>();
        int rowStart = 0, rowDepth = 0, rowWidth = 0, rowNumber = 0;
        var placed = new Dictionary<string, Crate>(StringComparer.Ordinal);

        void CloseRow()
        {
            if (row.Count == 0)
                return;
            rowNumber++;
            var offset = 0;
            foreach (var (crate, across, along) in row)
            {
                placements.Add(new(crate.Number, rowNumber, rowStart, offset, across, along, InHeatedZone(hold, rowStart, along)));
                offset += across;
            }
            rowStart += rowDepth;
            row.Clear();
            rowDepth = rowWidth = 0;
        }

        var previousHadCrates = false;
        foreach (var section in sections)
        {
            if (section.Count == 0)
                continue;
            if (previousHadCrates)
            {
                CloseRow();
                screens.Add(rowStart);
                rowStart += ScreenCm;
            }
            previousHadCrates = true;
            foreach (var crate in section)
            {
                placed[crate.Number] = crate;
                var (across, along) = Orientation(crate, hold)!.Value;
                var depth = Math.Max(rowDepth, along);
                if (row.Count > 0 && (rowWidth + across > hold.UsableWidthCm || !row.Select(c => c.Crate).Append(crate).All(c => Suits(hold, c, rowStart, depth))))
                {
                    CloseRow();
                }
                if (row.Count == 0)
                {
                    rowStart = NextStart(hold, crate, rowStart, along);
                    depth = along;
                }
                row.Add((crate, across, along));
                rowDepth = depth;
                rowWidth += across;
            }
        }
        CloseRow();
        var failures = new List<LoadingFailure>(fixedFailures);
        failures.AddRange(Check(hold, placements, placed, rowStart));
        return new LoadingPlan(hold, placements, screens, load, rowStart, failures);
    }

    /// <summary>The first row start from here where the crate's temperature is kept: here, the heated zone's start, or its end.</summary>
    private static int NextStart(Hold hold, Crate crate, int from, int along)
    {
        if (Suits(hold, crate, from, along) || hold.HeatedZone is not { } zone)
            return from;
        foreach (var start in new[] { zone.FromCm, zone.ToCm }.Where(s => s > from).Order())
        {
            if (Suits(hold, crate, start, along))
                return start;
        }
        return from;
    }

    /// <summary>The crate's animals bear the temperature of the floor from start to start + along.</summary>
    private static bool Suits(Hold hold, Crate crate, int start, int along)
    {
        if (hold.HeatedZone is not { } zone)
            return Bears(hold.Temperature, crate);
        if (start >= zone.FromCm && start + along <= zone.ToCm)
            return Bears(zone.Temperature, crate);
        if (start + along <= zone.FromCm || start >= zone.ToCm)
            return Bears(hold.Temperature, crate);
        return Bears(zone.Temperature, crate) && Bears(hold.Temperature, crate);
    }

    private static bool InHeatedZone(Hold hold, int start, int along) =>
        hold.HeatedZone is { } zone && start >= zone.FromCm && start + along <= zone.ToCm;

    private static IEnumerable<LoadingFailure> Check(Hold hold, List<Placement> placements, Dictionary<string, Crate> crates, int lengthUsed)
    {
        if (lengthUsed > hold.LengthCm)
        {
            var beyond = placements.Where(p => p.FromDoorCm + p.AlongCm > hold.LengthCm).Select(p => p.Crate).ToList();
            yield return new("floor", $"The crates need {lengthUsed} cm of the hold's length beside the aisle; it has {hold.LengthCm} cm ({beyond.Count} crates do not fit).") { Crates = beyond };
        }
        var temperature = placements.Where(p => !Suits(hold, crates[p.Crate], p.FromDoorCm, p.AlongCm)).Select(p => p.Crate).ToList();
        if (temperature.Count > 0)
        {
            var outside = hold.Temperature is { } t ? Wording.Of($"the hold's {t}") : "the hold's temperature";
            var where = hold.HeatedZone is null ? Wording.Of("and the hold has no heated zone") : $"nor in the heated zone's {hold.HeatedZone.Temperature}, or it has no room for them";
            yield return new("heated-zone", $"{string.Join(", ", temperature)} cannot travel at {outside} {where} (W-01).") { Crates = temperature };
        }
        var unreachable = placements.Where(p => NeedsAccess(crates[p.Crate]) && p.FromDoorCm > hold.AttendantReachCm).Select(p => p.Crate).ToList();
        if (unreachable.Count > 0)
        {
            yield return new("attendant-access", $"{string.Join(", ", unreachable)} need an attendant's access but stand more than {hold.AttendantReachCm} cm from the door (W-11).")
            { Crates = unreachable };
        }
    }
}
