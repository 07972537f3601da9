using Menagerie.App;
using Menagerie.App.Compliance.Reference;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Menagerie.Web.Taxa;

/// <summary>
/// The CITES checklist the compliance rules read: its edition, as-of date and source; and a taxon's listings,
/// found by scientific name, as <c>menagerie reference show</c> prints them.
/// </summary>
public sealed class ChecklistModel(ListingLookup lookup) : PageModel
{
    public const int MaxNameLength = 200;

    [BindProperty(SupportsGet = true)]
    public string? Name { get; set; }

    public ChecklistEditionView? Edition { get; private set; }

    public TaxonListingView? Listing { get; private set; }

    /// <summary>The name asked for is not in the checklist.</summary>
    public bool Unknown { get; private set; }

    public bool TooLong { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Edition = await lookup.EditionAsync(ct);
        var name = Name?.Trim();
        if (string.IsNullOrEmpty(name))
            return Page();
        if (name.Length > MaxNameLength)
        {
            TooLong = true;
            return Page();
        }
        switch (await lookup.ShowAsync(name, ct))
        {
            case Outcome<TaxonListingView>.Ok ok:
                Listing = ok.Value;
                break;
            default:
                Unknown = true;
                break;
        }
        return Page();
    }
}
