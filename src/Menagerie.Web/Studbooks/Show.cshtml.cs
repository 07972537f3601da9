using Menagerie.App.Studbooks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Menagerie.Web.Studbooks;

/// <summary>A studbook's summary on a day, its four plots, and one individual's pedigree chart when asked for.</summary>
public sealed class ShowModel(StudbookRecords records) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Reference { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? On { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Individual { get; set; }

    public StudbookHeader Header { get; private set; } = null!;

    public StudbookAnalysisState Analysis { get; private set; } = null!;

    /// <summary>The query each plot is asked for with: the same day and reference population as the page.</summary>
    public string PlotQuery => Header.Link("").Split('?') is [_, var query] ? "?" + query : "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var (header, analysis, refusal) = await StudbookPages.OpenAsync(this, records, id, "", Reference, On, ct);
        if (refusal is not null)
            return refusal;
        (Header, Analysis) = (header!, analysis!);
        return Page();
    }
}
