using Menagerie.App;
using Menagerie.App.Accounts;
using Menagerie.App.Institutions;
using Menagerie.Web.Localization;
using Menagerie.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Menagerie.Web.Institutions;

/// <summary>
/// An institution's name, country and time zone, changed at the version read: when someone else changed it
/// first, the form shows what they changed beside what this person entered, to send again or leave.
/// </summary>
public sealed class ChangeModel(InstitutionCommands institutions, Access access, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Country { get; set; }

    [BindProperty]
    public string? TimeZone { get; set; }

    [BindProperty]
    public long Version { get; set; }

    /// <summary>What the form showed when it was opened, sent back with it to name what others changed.</summary>
    [BindProperty]
    public string? OpenedName { get; set; }

    [BindProperty]
    public string? OpenedCountry { get; set; }

    [BindProperty]
    public string? OpenedTimeZone { get; set; }

    public InstitutionView Institution { get; private set; } = null!;

    public IReadOnlyList<CountryView> Countries { get; private set; } = [];

    /// <summary>Set when someone else changed the institution since the form was opened.</summary>
    public bool Raced { get; private set; }

    public FormProblems Problems { get; private set; } = FormProblems.None;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if ((this.AdministratorsOnly(access) ?? await LoadAsync(code, ct)) is { } refused)
            return refused;
        (Name, Country, TimeZone, Version) = (Institution.Name, Institution.Country.Code, Institution.TimeZone, Institution.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        var outcome = await institutions.UpdateAsync(code, Name ?? "", Country ?? "", TimeZone ?? "", Version, ct);
        if (outcome is Outcome<InstitutionView>.Ok { Value: var saved })
            return Redirect($"/admin/institutions?saved={Uri.EscapeDataString(saved.Code)}#{saved.Code}");
        if ((this.Refusal(outcome) ?? await LoadAsync(code, ct)) is { } refused)
            return refused;
        if (outcome is Outcome<InstitutionView>.Stale)
        {
            (Raced, Version) = (true, Institution.Version);
            Problems = new FormProblems([])
            {
                General = t["Someone else changed this record after you opened the form, and nothing of yours was saved. Their values are shown beside yours; send the form again to keep yours."].Value,
            };
        }
        else
        {
            Problems = FormProblems.Of(outcome)!;
        }
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string code, CancellationToken ct)
    {
        var outcome = await institutions.GetAsync(code, ct);
        if (this.Refusal(outcome) is { } refused)
            return refused;
        Institution = ((Outcome<InstitutionView>.Ok)outcome).Value;
        Countries = await institutions.ListCountriesAsync(ct);
        return null;
    }
}
