using Menagerie.App;
using Menagerie.App.Studbooks;
using Menagerie.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Menagerie.Web.Studbooks;

/// <summary>The best male × female pairs of the reference population on a day, as <c>studbook pairs</c> ranks them.</summary>
public sealed class PairsModel(StudbookRecords records) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Reference { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? On { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Top { get; set; } = 20;

    public StudbookHeader Header { get; private set; } = null!;
    public StudbookAnalysisState Analysis { get; private set; } = null!;
    public PairsReport? Pairs { get; private set; }
    public FormProblems Problems { get; private set; } = FormProblems.None;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var (header, analysis, refusal) = await StudbookPages.OpenAsync(this, records, id, "pairs", Reference, On, ct);
        if (refusal is not null)
            return refusal;
        (Header, Analysis) = (header!, analysis!);
        if (Analysis.Results is not null)
        {
            var ranked = await records.PairsAsync(id, Reference, On, Top, ct);
            if (ranked is Outcome<PairsReport>.Ok { Value: var pairs })
                Pairs = pairs;
            else
                Problems = FormProblems.Of(ranked) ?? FormProblems.None;
        }
        return Page();
    }
}
