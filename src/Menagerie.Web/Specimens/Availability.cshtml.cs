using Menagerie.App;
using Menagerie.App.Specimens;
using Menagerie.Web.Localization;
using Menagerie.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Menagerie.Web.Specimens;

/// <summary>A curator of the holder marks an animal available for transfer to other institutions, or withdraws the mark.</summary>
public sealed class AvailabilityModel(SpecimenQueries queries, SpecimenCommands commands, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty]
    public bool Available { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public long Version { get; set; }

    public SpecimenView Specimen { get; private set; } = null!;

    public FormProblems Problems { get; private set; } = FormProblems.None;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
            return refused;
        // The form offers the other choice: to mark an animal that is not marked, and to withdraw a mark.
        (Available, Note, Version) = (!Specimen.AvailableForTransfer, Specimen.AvailabilityNote, Specimen.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        var outcome = await commands.MarkAvailabilityAsync(id, new AvailabilityInput(Available, Note), Version, ct);
        if (outcome is Outcome<SpecimenView>.Ok { Value: var saved })
            return Redirect($"/specimens/{saved.Id}?saved=1");
        if (this.Refusal(outcome) is { } refused)
            return refused;
        if (await LoadAsync(id, ct) is { } gone)
            return gone;
        Problems = outcome is Outcome<SpecimenView>.Stale
            ? new FormProblems([]) { General = t["Someone else changed this record after you opened the form, and nothing of yours was saved. It is shown as it is now; send the form again to apply your choice."].Value }
            : FormProblems.Of(outcome)!;
        Version = Specimen.Version;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string id, CancellationToken ct)
    {
        var outcome = await queries.GetAsync(id, ct);
        if (this.Refusal(outcome) is { } refused)
            return refused;
        if (outcome is not Outcome<SpecimenView>.Ok { Value: var specimen })
            return NotFound();
        if (!queries.PermissionsFor(specimen).MarkAvailable)
            return StatusCode(StatusCodes.Status403Forbidden);
        Specimen = specimen;
        return null;
    }
}
