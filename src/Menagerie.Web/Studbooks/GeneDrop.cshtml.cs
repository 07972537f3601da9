using System.Globalization;
using Menagerie.App;
using Menagerie.App.Studbooks;
using Menagerie.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Menagerie.Web.Studbooks;

/// <summary>The form that starts a gene drop of the reference population on a day; the run goes on in the background.</summary>
public sealed class GeneDropModel(StudbookRecords records) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Reference { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? On { get; set; }

    // Read as text: a number the form cannot read is the use case's to refuse, beside its field.
    [BindProperty]
    public string? Iterations { get; set; } = "1000";

    [BindProperty]
    public string? Seed { get; set; } = "1";

    public StudbookHeader Header { get; private set; } = null!;
    public FormProblems Problems { get; private set; } = FormProblems.None;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await ShowAsync(id, FormProblems.None, ct);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var iterations = int.TryParse(Iterations, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : 0;
        ulong? seed = ulong.TryParse(Seed, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : null;
        var started = seed is { } readable
            ? await records.StartGeneDropAsync(id, new GeneDropRequest(Reference, On, iterations, readable), ct)
            : new Outcome<GeneDropRun>.Invalid([StudbookRecords.UnreadableSeed]);
        if (started is Outcome<GeneDropRun>.Created { Value: var run })
            return Redirect($"/studbooks/{id}/genedrop/{run.Id}");
        return this.Refusal(started) ?? await ShowAsync(id, FormProblems.Of(started) ?? FormProblems.None, ct);
    }

    private async Task<IActionResult> ShowAsync(Guid id, FormProblems problems, CancellationToken ct)
    {
        var studbook = await records.GetAsync(id, ct);
        if (studbook is not Outcome<StudbookView>.Ok { Value: var view })
            return this.Refusal(studbook) ?? NotFound();
        Problems = problems;
        Header = new StudbookHeader(view, "genedrop", Reference, On, FormProblems.None);
        return Page();
    }
}
