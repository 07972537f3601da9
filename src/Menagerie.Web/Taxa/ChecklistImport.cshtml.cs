using Menagerie.App;
using Menagerie.App.Accounts;
using Menagerie.App.Compliance.Reference;
using Menagerie.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Menagerie.Web.Taxa;

/// <summary>The administrator imports a new CSV export of the CITES Checklist; the import runs in the background.</summary>
[RequestSizeLimit(ChecklistImportRuns.MaxFileBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = ChecklistImportRuns.MaxFileBytes + 1024 * 1024)]
public sealed class ChecklistImportModel(ChecklistImportRuns imports, ListingLookup lookup, Access access) : PageModel
{
    [BindProperty]
    public IFormFile? Export { get; set; }

    [BindProperty]
    public string? AsOf { get; set; }

    [BindProperty]
    public string? Source { get; set; }

    public ChecklistEditionView? Edition { get; private set; }

    public FormProblems Problems { get; private set; } = FormProblems.None;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (this.AdministratorsOnly(access) is { } refusal)
            return refusal;
        Edition = await lookup.EditionAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Read only for the administrator: anyone else is refused before their file is looked at.
        byte[]? content = null;
        if (access.IsAdministrator && Export is { Length: > 0 })
        {
            using var copy = new MemoryStream();
            await Export.CopyToAsync(copy, ct);
            content = copy.ToArray();
        }
        var started = imports.Start(Export?.FileName, content, AsOf, Source);
        if (started is Outcome<ChecklistImportRun>.Created { Value: var run })
            return Redirect($"/admin/checklist/{run.Id}");
        if (this.Refusal(started) is { } refusal)
            return refusal;
        Problems = FormProblems.Of(started) ?? FormProblems.None;
        Edition = await lookup.EditionAsync(ct);
        return Page();
    }
}
