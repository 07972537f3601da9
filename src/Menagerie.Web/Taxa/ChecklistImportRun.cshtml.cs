using Menagerie.App;
using Menagerie.App.Accounts;
using Menagerie.App.Compliance.Reference;
using Menagerie.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Menagerie.Web.Taxa;

/// <summary>A checklist import the administrator started: how far it has got, then the edition it made or every problem of its file.</summary>
public sealed class ChecklistImportRunModel(ChecklistImportRuns imports, Access access) : PageModel
{
    public ChecklistImportRun Run { get; private set; } = null!;

    public IActionResult OnGet(Guid run)
    {
        if (this.AdministratorsOnly(access) is { } refusal)
            return refusal;
        var found = imports.Find(run);
        if (found is not Outcome<ChecklistImportRun>.Ok { Value: var value })
            return this.Refusal(found) ?? NotFound();
        Run = value;
        return Page();
    }
}
