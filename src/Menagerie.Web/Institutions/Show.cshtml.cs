using Menagerie.App;
using Menagerie.App.Institutions;
using Menagerie.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Menagerie.Web.Institutions;

/// <summary>An institution as every signed-in person may read it: its name, country and that country's CITES status.</summary>
public sealed class ShowModel(InstitutionCommands institutions) : PageModel
{
    public InstitutionView Institution { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var outcome = await institutions.GetAsync(code, ct);
        if (this.Refusal(outcome) is { } refused)
            return refused;
        Institution = ((Outcome<InstitutionView>.Ok)outcome).Value;
        return Page();
    }
}
