using Menagerie.Domain.Compliance;

namespace Menagerie.Domain.Transport;

/// <summary>
/// A transfer's physical move: its crates, the measurements still missing, the loading plan for the hold, the
/// journey, and what the transport rules found. Blocked when an animal has no crate or no arrangement of the
/// hold works; otherwise complete, with warnings where something needs attention.
/// </summary>
public sealed record TransportPlan(CrateProposal Proposal, LoadingPlan? Loading, Journey Journey, string ContainerTable, IReadOnlyList<TransportFinding> Findings)
{
    public IReadOnlyList<Crate> Crates => Proposal.Crates;
    public IEnumerable<TransportFinding> Blocks => Findings.Where(f => f.Severity == Severity.Block);
    public IEnumerable<TransportFinding> Warnings => Findings.Where(f => f.Severity == Severity.Warn);
    public Verdict Verdict => Blocks.Any() ? Verdict.Blocked : Warnings.Any() ? Verdict.Warnings : Verdict.Clear;

    /// <summary>The crate a line's animals travel in (several for a group spread over crates).</summary>
    public IEnumerable<Crate> CratesOf(int line) => Crates.Where(c => c.Occupants.Any(o => o.Line == line));
}

public static class TransportPlanner
{
    public static TransportPlan Plan(IReadOnlyList<TransportAnimal> animals, ContainerTable table, Journey journey)
    {
        ArgumentNullException.ThrowIfNull(journey);
        var proposal = Crating.Propose(animals, table);
        var findings = new List<TransportFinding>(proposal.Findings);
        LoadingPlan? loading = null;
        if (journey.Hold is { } hold)
        {
            loading = Loading.Plan(proposal.Crates, hold);
            findings.AddRange(loading.Failures.Select(f => new TransportFinding(RuleOf(f.Constraint), Severity.Block,
                $"No loading plan: {f.Message}", SourceOf(f.Constraint))
            { Crates = f.Crates }));
        }
        else
        {
            findings.Add(new("T-17", Severity.Block, "No hold is recorded for the journey: the loading plan needs its floor, height and load limit.",
                "IATA Live Animals Acceptance Checklist (transfer-rules §2.4)"));
        }
        var attended = proposal.Crates.Where(c => c.Requirement.AttendantAccess).ToList();
        if (attended.Count > 0 && string.IsNullOrWhiteSpace(journey.Attendant))
        {
            findings.Add(new("W-11", Severity.Warn, "Large or dangerous animals travel with an attendant or veterinarian named on the booking; none is recorded.",
                "Acceptance checklist item 4; RGP-85 (transfer-rules §4)")
            { Crates = [.. attended.Select(c => c.Number)] });
        }
        if (journey.CheckEveryHours > Welfare.InspectionHours)
        {
            findings.Add(new("W-02", Severity.Warn,
                $"Crates are to be checked every {journey.CheckEveryHours} hours; the rule is at least every {Welfare.InspectionHours} hours where accessible.",
                "50 CFR 14.109(a)"));
        }
        if (journey.LarEdition is null)
        {
            findings.Add(new("T-00", Severity.Warn, "The journey does not record the LAR edition the crates were checked against; each shipment records the edition in force.",
                Crating.ContainerSource));
        }
        if (journey.Legs.Count == 0)
            findings.Add(new("W-07", Severity.Info, "No journey legs are recorded: the expected duration and welfare checks follow once they are.", "CITES Advice to Carriers §1.1"));
        return new TransportPlan(proposal, loading, journey, table.Edition, findings);
    }

    private static string RuleOf(string constraint) => constraint switch
    {
        "heated-zone" => "W-01",
        "attendant-access" => "W-11",
        _ => "T-17",
    };

    private static string SourceOf(string constraint) => constraint switch
    {
        "heated-zone" => Welfare.TemperatureSource,
        "attendant-access" => "Acceptance checklist item 4 (transfer-rules §4)",
        _ => "IATA Live Animals Acceptance Checklist: container and hold arrangements (transfer-rules §2.4)",
    };
}
