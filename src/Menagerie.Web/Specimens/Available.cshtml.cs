using Menagerie.App;
using Menagerie.App.Specimens;
using Menagerie.App.Taxa;
using Menagerie.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Menagerie.Web.Specimens;

/// <summary>Every institution's animals available for transfer, with only what a surplus list shows, for anyone signed in.</summary>
public sealed class AvailableModel(AvailableAnimals available, TaxonCommands taxa) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Taxon { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public AvailablePage? Found { get; private set; }

    public FormProblems Problems { get; private set; } = FormProblems.None;

    public IReadOnlyList<TaxonView> Taxa { get; private set; } = [];

    public int Pages => Found is null ? 0 : Math.Max(1, (Found.Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        var outcome = await available.ListAsync(Taxon, (PageNumber - 1) * PageSize, PageSize, ct);
        Taxa = await taxa.ListAsync(ct);
        if (outcome is Outcome<AvailablePage>.Invalid invalid)
            Problems = new FormProblems(invalid.Violations);
        else
            Found = ((Outcome<AvailablePage>.Ok)outcome).Value;
        return Page();
    }

    /// <summary>This list's address at another page.</summary>
    public string Link(int page) => QueryString.Create(new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["taxon"] = Taxon,
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();
}
