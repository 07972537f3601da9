using Menagerie.App;
using Menagerie.App.Specimens;
using Menagerie.Web.Localization;
using Menagerie.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Menagerie.Web.Specimens;

/// <summary>
/// The house name and an individual's sex, changed at the version read: when someone else changed the record
/// first, the form shows what they changed beside what this person entered, to send again or leave.
/// </summary>
public sealed class EditModel(SpecimenQueries queries, SpecimenCommands commands, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Sex { get; set; }

    [BindProperty]
    public long Version { get; set; }

    public SpecimenView Specimen { get; private set; } = null!;

    /// <summary>The record as it was when the form was opened, when someone else changed it since.</summary>
    public (string? Name, string Sex)? Opened { get; private set; }

    public FormProblems Problems { get; private set; } = FormProblems.None;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
            return refused;
        Name = Specimen.Name;
        Sex = Specimen.Sex.ToString().ToLowerInvariant();
        Version = Specimen.Version;
        return Page();
    }

    /// <summary>What the form showed when it was opened, sent back with it to name what others changed.</summary>
    [BindProperty]
    public string? OpenedName { get; set; }

    [BindProperty]
    public string? OpenedSex { get; set; }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        var outcome = await commands.DescribeAsync(id, Name ?? "", Sex, Version, ct);
        switch (outcome)
        {
            case Outcome<SpecimenView>.Ok { Value: var saved }:
                return Redirect($"/specimens/{saved.Id}?saved=1");
            case Outcome<SpecimenView>.Stale:
                if (await LoadAsync(id, ct) is { } gone)
                    return gone;
                Opened = (OpenedName, OpenedSex ?? "");
                Version = Specimen.Version;
                Problems = new FormProblems([])
                {
                    General = t["Someone else changed this record after you opened the form, and nothing of yours was saved. Their values are shown beside yours; send the form again to keep yours."].Value,
                };
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

    private async Task<IActionResult?> LoadAsync(string id, CancellationToken ct)
    {
        var outcome = await queries.GetAsync(id, ct);
        if (this.Refusal(outcome) is { } refused)
            return refused;
        if (outcome is not Outcome<SpecimenView>.Ok { Value: var specimen })
            return NotFound();
        if (!queries.PermissionsFor(specimen).Describe)
            return StatusCode(StatusCodes.Status403Forbidden);
        Specimen = specimen;
        return null;
    }
}
