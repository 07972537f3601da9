using Menagerie.App;
using Menagerie.App.Compliance.Reference;
using Menagerie.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Menagerie.Web.Taxa;

/// <summary>
/// The CITES checklist the compliance rules read: its edition, as-of date and source, the listing changes over
/// it and the Party list, as <c>menagerie reference status</c> prints them; and a taxon's listings on a day,
/// found by scientific name, with the changes to them, as <c>menagerie reference show</c> prints them.
/// </summary>
public sealed class ChecklistModel(ListingLookup lookup) : PageModel
{
    public const int MaxNameLength = 200;

    [BindProperty(SupportsGet = true)]
    public string? Name { get; set; }

    /// <summary>The day whose listings are shown, yyyy-MM-dd; today when empty.</summary>
    [BindProperty(SupportsGet = true)]
    public string? On { get; set; }

    public ReferenceStatusView Status { get; private set; } = null!;

    public ChecklistEditionView? Edition => Status.Edition;

    public TaxonListingView? Listing { get; private set; }

    /// <summary>The name asked for is not in the checklist.</summary>
    public bool Unknown { get; private set; }

    public bool TooLong { get; private set; }

    /// <summary>The day asked for is not a date.</summary>
    public bool BadDay { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Status = await lookup.StatusAsync(ct);
        var name = Name?.Trim();
        DateOnly? day = null;
        if (!string.IsNullOrWhiteSpace(On))
        {
            day = FormTime.Date(On);
            BadDay = day is null;
        }
        TooLong = name?.Length > MaxNameLength;
        if (string.IsNullOrEmpty(name) || TooLong || BadDay)
            return Page();
        switch (await lookup.ShowAsync(name, day, ct))
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
