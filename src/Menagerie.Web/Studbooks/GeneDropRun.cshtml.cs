using Menagerie.App;
using Menagerie.App.Studbooks;
using Menagerie.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Menagerie.Web.Studbooks;

/// <summary>A gene drop the reader started: how far it has got while it runs, its result once it is done.</summary>
public sealed class GeneDropRunModel(StudbookRecords records) : PageModel
{
    public StudbookHeader Header { get; private set; } = null!;
    public GeneDropRun Run { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid run, CancellationToken ct)
    {
        var studbook = await records.GetAsync(id, ct);
        if (studbook is not Outcome<StudbookView>.Ok { Value: var view })
            return this.Refusal(studbook) ?? NotFound();
        var found = await records.GeneDropAsync(id, run, ct);
        if (found is not Outcome<GeneDropRun>.Ok { Value: var value })
            return this.Refusal(found) ?? NotFound();
        Run = value;
        Header = new StudbookHeader(view, "genedrop", value.Reference == "auto" ? null : value.Reference, value.On, FormProblems.None);
        return Page();
    }
}
