using Menagerie.App;
using Menagerie.App.Specimens;
using Menagerie.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Menagerie.Web.Institutions;

public sealed class CensusModel(Census census) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? On { get; set; }

    public CensusView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var outcome = await census.OnAsync(code, On, ct);
        if (this.Refusal(outcome) is { } refused)
            return refused;
        View = ((Outcome<CensusView>.Ok)outcome).Value;
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(string code, CancellationToken ct)
    {
        var outcome = await census.OnAsync(code, On, ct);
        if (this.Refusal(outcome) is { } refused)
            return refused;
        var view = ((Outcome<CensusView>.Ok)outcome).Value;
        return CsvDownload.File($"census-{view.Institution.Code}-{CsvDownload.Date(view.Date)}.csv",
            ["institution", "date", "scientific_name", "common_name", "individuals", "individuals_by_sex", "groups", "group_counts_by_sex", "total_by_sex", "total"],
            view.Taxa.Select(l => new[]
            {
                view.Institution.Code, CsvDownload.Date(view.Date), l.Taxon.ScientificName, l.Taxon.CommonName, CsvDownload.Number(l.Individuals),
                l.IndividualsBySex, CsvDownload.Number(l.Groups), l.GroupCountsBySex, l.TotalBySex, CsvDownload.Number(l.Total),
            }));
    }
}
