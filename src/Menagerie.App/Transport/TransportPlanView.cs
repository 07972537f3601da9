using Menagerie.Domain.Compliance;
using Menagerie.Domain.Transport;

namespace Menagerie.App.Transport;

/// <summary>The transport plan as the API and <c>menagerie transport plan --format json</c> give it.</summary>
public sealed record TransportPlanView(
    Guid Transfer,
    string Verdict,
    string? LarEdition,
    string ContainerTable,
    IReadOnlyList<CrateView> Crates,
    IReadOnlyList<MissingMeasurementsView> MissingMeasurements,
    LoadingView? Loading,
    JourneyView Journey,
    IReadOnlyList<TransportFindingView> Findings)
{
    public static TransportPlanView Of(TransportPapers papers)
    {
        ArgumentNullException.ThrowIfNull(papers);
        var plan = papers.Plan;
        return new(
            papers.Transfer,
            Words.Kebab(plan.Verdict),
            plan.Journey.LarEdition,
            plan.ContainerTable,
            [.. plan.Crates.Select(CrateView.Of)],
            [.. plan.Proposal.Missing.Select(m => new MissingMeasurementsView(m.Line, m.Specimen, m.Animal, m.Measurements))],
            plan.Loading is { } l ? LoadingView.Of(l) : null,
            JourneyView.Of(plan.Journey),
            [.. plan.Findings.Select(f => new TransportFindingView(f.Rule, Words.Kebab(f.Severity), f.Message, f.Source, f.Lines, f.Crates))]);
    }
}

public sealed record SizeView(int Length, int Width, int Height)
{
    public static SizeView Of(Dimensions d) => new(d.LengthCm, d.WidthCm, d.HeightCm);
}

public sealed record OccupantView(int Line, string Specimen, string? Name, string Taxon, string CommonName, int Count);

public sealed record CrateView(
    string Crate, string Group, string? ContainerRequirement, bool ContainerRequirementConfirmed, string Formula, IReadOnlyList<OccupantView> Animals,
    SizeView InnerCm, SizeView OuterCm, decimal AnimalKg, decimal TareKg, decimal GrossKg, int VentilationCm2PerWall,
    bool Padlocks, bool FeedFromOutside, bool Predator, bool AttendantAccess, TemperatureRange Temperature, string Source)
{
    public static CrateView Of(Crate c) => new(
        c.Number, c.Requirement.Group, c.Requirement.Reference, c.Requirement.IsConfirmed, Words.Kebab(c.Requirement.Formula),
        [.. c.Occupants.Select(o => new OccupantView(o.Line, o.Specimen, o.Name, o.Taxon, o.CommonName, o.Count))],
        SizeView.Of(c.Inner), SizeView.Of(c.Outer), c.AnimalKg, c.TareKg, c.GrossKg, c.VentilationCm2PerWall,
        c.Requirement.Padlocks, c.Requirement.FeedFromOutside, c.Requirement.Predator, c.Requirement.AttendantAccess, c.Temperature, c.Requirement.Source);
}

public sealed record MissingMeasurementsView(int Line, string Specimen, string Animal, IReadOnlyList<string> Measurements);

/// <summary>The hold as the plan used it (its temperature outside the heated zone, the aisle, the attendants' reach from the door) and the crates placed in it.</summary>
public sealed record LoadingView(
    string Hold, int LengthCm, int WidthCm, int HeightCm, decimal MaxLoadKg, TemperatureRange? Temperature, int AisleCm, int AttendantReachCm, HeatedZone? HeatedZone,
    bool Feasible, decimal LoadKg, int LengthUsedCm, IReadOnlyList<int> ScreensAtCm, IReadOnlyList<Placement> Placements, IReadOnlyList<LoadingFailure> Failures)
{
    public static LoadingView Of(LoadingPlan l) => new(
        l.Hold.Name, l.Hold.LengthCm, l.Hold.WidthCm, l.Hold.HeightCm, l.Hold.MaxLoadKg, l.Hold.Temperature, l.Hold.AisleCm, l.Hold.AttendantReachCm, l.Hold.HeatedZone,
        l.Feasible, l.LoadKg, l.LengthUsedCm, l.ScreensAtCm, l.Placements, l.Failures);
}

public sealed record LegView(string From, string To, DateTime Departs, DateTime Arrives, string Mode, string? Carrier, IReadOnlyList<string> Transit, double Hours);

public sealed record JourneyView(IReadOnlyList<LegView> Legs, double? ExpectedHours, int CheckEveryHours, int ChecksExpected, string? Attendant)
{
    public static JourneyView Of(Journey j) => new(
        [.. j.Legs.Select(l => new LegView(l.From, l.To, l.Departs, l.Arrives, Words.Kebab(l.Mode), l.Carrier, l.Transit, l.Duration.TotalHours))],
        j.ExpectedDuration?.TotalHours, j.CheckEveryHours, j.ChecksExpected, j.Attendant);
}

public sealed record TransportFindingView(string Rule, string Severity, Domain.Wording Message, string Source, IReadOnlyList<int> Lines, IReadOnlyList<string> Crates);
