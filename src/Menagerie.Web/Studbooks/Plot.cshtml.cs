using Menagerie.App;
using Menagerie.App.Studbooks;
using Menagerie.App.Studbooks.Plots;
using Menagerie.Web.Localization;
using Menagerie.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Menagerie.Web.Studbooks;

/// <summary>
/// One plot of a studbook for its page, drawn by the same renderer as the API's and the command line's, with its
/// titles, axes and legends in the page's language: <c>pedigree</c> takes the individual from the query.
/// </summary>
public sealed class PlotModel(StudbookRecords records, IStringLocalizer<Text> t) : PageModel
{
    public async Task<IActionResult> OnGetAsync(
        Guid id, string plot, string format, string? reference, string? on, string? individual, CancellationToken ct)
    {
        var pedigree = plot == StudbookPlots.Name(StudbookPlotKind.Pedigree);
        if (pedigree && string.IsNullOrWhiteSpace(individual))
            return NotFound();
        var drawn = await records.PlotAsync(id, plot, pedigree ? individual!.Trim() : null, format, reference, on, w => t.Say(w), ct);
        return drawn switch
        {
            Outcome<StudbookPlotImage>.Ok { Value: var image } => File(image.Content, image.MediaType),
            Outcome<StudbookPlotImage>.Invalid => BadRequest(),
            _ => this.Refusal(drawn) ?? NotFound(),
        };
    }
}
