using Menagerie.Domain.Compliance;
using Menagerie.Domain.Compliance.Rules;

namespace Menagerie.App.Compliance;

/// <summary>
/// The JSON shape of a compliance check, for <c>menagerie compliance check --format json</c> and the API:
/// <c>{"verdict":"blocked|warnings|clear","requirements":[{"rule","severity","status","lines","satisfiedBy","source",…}]}</c>,
/// every value lower case as written. Lines are the shipment's lines counted from 1.
/// </summary>
public sealed record ComplianceView(
    string Verdict,
    string On,
    ChecklistSourceView Checklist,
    IReadOnlyList<RequirementView> Requirements,
    IReadOnlyList<DocumentNeededView> DocumentsNeeded,
    IReadOnlyList<LineListingView> Listings)
{
    public static ComplianceView Of(ComplianceReport report, Checklist checklist)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(checklist);
        var needed = report.Requirements
            .Where(r => r.IsOpen && r.Need is not null)
            .GroupBy(r => (r.Need!.Type, r.Need.IssuingState))
            .Select(g => new DocumentNeededView(
                DocumentNames.Name(g.Key.Type), g.Key.IssuingState, [.. g.SelectMany(r => r.Lines).Distinct().Order()], [.. g.Select(r => r.Rule).Distinct(StringComparer.Ordinal)],
                g.Any(r => r.Severity == Severity.Block) ? "block" : "warn"))
            .OrderBy(n => n.Severity == "block" ? 0 : 1)
            .ToList();
        return new(
            Words.Kebab(report.Verdict),
            report.On.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            new ChecklistSourceView(checklist.Source, checklist.AsOf),
            [.. report.Requirements.Select(RequirementView.Of)],
            needed,
            [.. report.Listings.Select(l => LineListingView.Of(l, checklist))]);
    }
}

public sealed record ChecklistSourceView(string Source, DateOnly AsOf);

public sealed record RequirementView(
    string Rule,
    string Severity,
    string Status,
    IReadOnlyList<int> Lines,
    Domain.Wording Message,
    NeedView? Needs,
    HeldDocumentView? SatisfiedBy,
    OverrideView? Override,
    string Source)
{
    public static RequirementView Of(Requirement r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(
            r.Rule, Words.Kebab(r.Severity), Words.Kebab(r.Status), r.Lines, r.Message,
            r.Need is { } n && r.Status != RequirementStatus.Satisfied ? new NeedView(DocumentNames.Name(n.Type), n.IssuingState, n.ValidOn, n.Quantity == 0 ? null : n.Quantity) : null,
            r.Status == RequirementStatus.Satisfied && r.SatisfiedBy is { } d ? HeldDocumentView.Of(d) : null,
            r.Override is { } o ? new OverrideView(o.Rule, o.Lines, o.By, o.Reason, o.At) : null,
            r.Source);
    }
}

public sealed record NeedView(string Document, string? Issuer, DateOnly ValidOn, int? Quantity);

public sealed record HeldDocumentView(string Document, string Number, string Issuer, DateOnly Issued, DateOnly? ValidFrom, DateOnly? ValidUntil)
{
    public static HeldDocumentView Of(ShipmentDocument d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(DocumentNames.Name(d.Type), d.Number, d.IssuingState, d.IssuedOn, d.ValidFrom, DocumentNames.UsableUntil(d));
    }
}

public sealed record OverrideView(string Rule, IReadOnlyList<int> Lines, string By, string Reason, DateTime At)
{
    public static OverrideView Of(WarningOverride o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var confirmed = o.AsOverride();
        return new(confirmed.Rule, confirmed.Lines, confirmed.By, confirmed.Reason, confirmed.At);
    }
}

public sealed record DocumentNeededView(string Document, string? Issuer, IReadOnlyList<int> Lines, IReadOnlyList<string> Rules, string Severity);

public sealed record LineListingView(int Line, string Recorded, string? Taxon, string Outcome, string? Appendix, IReadOnlyList<string> Possible, Domain.Wording Description)
{
    public static LineListingView Of(ListingResolution l, Checklist checklist)
    {
        ArgumentNullException.ThrowIfNull(l);
        return new(
            l.Line, l.Recorded, l.Taxon, Words.Kebab(l.Outcome),
            l.Outcome == ListingOutcome.Listed ? l.Appendix.ToString() : null,
            [.. l.Possible.Select(a => a == Domain.Compliance.Appendix.NotListed ? "not-listed" : a.ToString())],
            ListingRules.Describe(l, checklist));
    }
}
