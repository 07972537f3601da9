namespace Menagerie.Domain.Compliance;

/// <summary>
/// A warning on a transfer confirmed by a named person with the reason — "temperature plan: heated hold
/// agreed with the crew". It stands for the rule and lines it names; a block can never be overridden.
/// </summary>
public sealed class WarningOverride
{
    private WarningOverride() { Rule = Lines = Reason = By = ""; }

    public Guid Id { get; private set; }
    public TransferId TransferId { get; private set; }
    public string Rule { get; private set; }

    /// <summary>The transfer lines it concerns, written 1,2,3; empty for the shipment as a whole.</summary>
    public string Lines { get; private set; }

    public string Reason { get; private set; }
    public string By { get; private set; }
    public DateTime At { get; private set; }

    public RequirementOverride AsOverride() =>
        new(Rule, [.. Lines.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse)], By, Reason, At);

    /// <summary>
    /// Confirms an open warning of the transfer's current requirements. The rule and lines must name one
    /// requirement exactly as the check reports it; blocks, met requirements and notes are refused.
    /// </summary>
    public static Result<WarningOverride> Record(
        TransferId transfer, ComplianceReport report, string? rule, IReadOnlyList<int> lines, string? reason, DateTime now, string by)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(lines);
        var problems = new List<RuleViolation>();
        var normalized = rule?.Trim().ToUpperInvariant() ?? "";
        var wanted = lines.Distinct().Order().ToList();
        var matches = report.Requirements
            .Where(r => r.Rule == normalized && r.Lines.Order().SequenceEqual(wanted))
            .ToList();
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 2000)
            problems.Add(new("override.reason", "reason", "An override needs the reason, at most 2000 characters."));
        if (matches.Count == 0)
        {
            var lineText = wanted.Count == 0 ? Wording.Of("the shipment as a whole") : $"lines {string.Join(",", wanted)}";
            problems.Add(new("override.requirement", "rule", $"The transfer has no requirement {normalized} for {lineText}; name the rule and lines as its requirements list them."));
        }
        else if (matches.Any(r => r.Severity == Severity.Block))
            problems.Add(new("override.block", "rule", $"{normalized} is a block: it is met by the document or fact it asks for, never overridden."));
        else if (!matches.Any(r => r.Severity == Severity.Warn && r.Status != RequirementStatus.Satisfied))
            problems.Add(new("override.not-open", "rule", $"{normalized} is already met or is only a note; there is nothing to override."));
        if (problems.Count > 0)
            return problems;
        return new WarningOverride
        {
            Id = Guid.CreateVersion7(new DateTimeOffset(now)),
            TransferId = transfer,
            Rule = normalized,
            Lines = string.Join(",", wanted),
            Reason = reason!.Trim(),
            By = by,
            At = now,
        };
    }
}
