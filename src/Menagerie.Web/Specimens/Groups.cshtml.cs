using System.Globalization;
using Menagerie.App;
using Menagerie.App.Specimens;
using Menagerie.Domain;
using Menagerie.Domain.Specimens;
using Menagerie.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Menagerie.Web.Specimens;

/// <summary>
/// A group split in two (part of it becomes a group of its own, say in another enclosure) or merged whole
/// into another group of its taxon at the same institution. The holder's registrar.
/// </summary>
public sealed class GroupsModel(SpecimenQueries queries, SpecimenCommands commands, TimeProvider time) : PageModel
{
    [BindProperty]
    public string? Counts { get; set; }

    [BindProperty]
    public string? Into { get; set; }

    [BindProperty]
    public string? Date { get; set; }

    [BindProperty]
    public string? Time { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public long Version { get; set; }

    public SpecimenView Group { get; private set; } = null!;

    /// <summary>The other groups of its taxon at its holder, which it may join.</summary>
    public IReadOnlyList<SpecimenView> Others { get; private set; } = [];

    public FormProblems Problems { get; private set; } = FormProblems.None;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
            return refused;
        var now = time.GetUtcNow().UtcDateTime;
        Date = Format.Field(DateOnly.FromDateTime(now));
        Time = now.ToString("HH:mm", CultureInfo.InvariantCulture);
        Version = Group.Version;
        return Page();
    }

    public Task<IActionResult> OnPostSplitAsync(string id, CancellationToken ct) =>
        WriteAsync(id, at => commands.SplitAsync(id, new GroupSplitInput(Counts, at, OptionalText.From(Reason)), Version, ct), ct);

    public Task<IActionResult> OnPostMergeAsync(string id, CancellationToken ct) =>
        WriteAsync(id, at => commands.MergeAsync(id, new GroupMergeInput(Into, at, OptionalText.From(Reason)), Version, ct), ct);

    private async Task<IActionResult> WriteAsync(string id, Func<DateTime?, Task<Outcome<SpecimenView>>> write, CancellationToken ct)
    {
        var problems = new List<RuleViolation>();
        var at = Instant(problems);
        var outcome = problems.Count > 0 ? new Outcome<SpecimenView>.Invalid(problems) : await write(at);
        switch (outcome)
        {
            case Outcome<SpecimenView>.Ok or Outcome<SpecimenView>.Created:
                var result = outcome is Outcome<SpecimenView>.Ok ok ? ok.Value : ((Outcome<SpecimenView>.Created)outcome).Value;
                return Redirect($"/specimens/{result.Id}?saved=1");
            case Outcome<SpecimenView>.Stale stale:
                if (await LoadAsync(id, ct) is { } gone)
                    return gone;
                Version = stale.CurrentVersion;
                Problems = new FormProblems([new("specimen.stale", "version", $"The group changed since the form was opened; it is now {Group.Counts}. Check the counts and send again.")]);
                return Page();
            default:
                if (this.Refusal(outcome) is { } refused)
                    return refused;
                if (await LoadAsync(id, ct) is { } missing)
                    return missing;
                Problems = FormProblems.Of(outcome)!;
                return Page();
        }
    }

    private DateTime? Instant(List<RuleViolation> problems)
    {
        var at = FormTime.Utc(Date, Time);
        if (at is null)
            problems.Add(new("event.instant", "at", $"'{Date} {Time}' is not a date (yyyy-MM-dd) and a time of day (hh:mm)."));
        return at;
    }

    private async Task<IActionResult?> LoadAsync(string id, CancellationToken ct)
    {
        var outcome = await queries.GetAsync(id, ct);
        if (this.Refusal(outcome) is { } refused)
            return refused;
        if (outcome is not Outcome<SpecimenView>.Ok { Value: var group } || group.Kind != SpecimenKind.Group)
            return NotFound();
        if (!queries.PermissionsFor(group).Describe)
            return StatusCode(StatusCodes.Status403Forbidden);
        Group = group;
        if (await queries.ListAsync(new SpecimenFilter(group.Holder!.Code, group.Taxon.ScientificName, SpecimenStatus.Held, Limit: SpecimenQueries.MaxPageSize), ct)
            is Outcome<SpecimenPage>.Ok { Value: var page })
            Others = page.Items.Where(s => s.Kind == SpecimenKind.Group && s.Id != group.Id).ToList();
        return null;
    }
}
