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
/// A country's name and CITES Party status, recorded as of a date with its source, at the version read: when
/// someone else changed it first, the form shows their values beside this person's, to send again or leave.
/// </summary>
public sealed class ChangeCountryModel(InstitutionCommands institutions, Access access, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty]
    public CountryForm Form { get; set; } = new();

    [BindProperty]
    public long Version { get; set; }

    /// <summary>What the form showed when it was opened, sent back with it to name what others changed.</summary>
    [BindProperty]
    public CountryForm Opened { get; set; } = new();

    public CountryView Country { get; private set; } = null!;

    /// <summary>Set when someone else changed the country since the form was opened.</summary>
    public bool Raced { get; private set; }

    public FormProblems Problems { get; private set; } = FormProblems.None;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if ((this.AdministratorsOnly(access) ?? await LoadAsync(code, ct)) is { } refused)
            return refused;
        (Form, Version) = (CountryForm.Of(Country), Country.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        Form.Code = code;
        var (input, problems) = Form.ToInput(t);
        if (input is null)
        {
            if ((this.AdministratorsOnly(access) ?? await LoadAsync(code, ct)) is { } forbidden)
                return forbidden;
            Problems = new FormProblems(problems);
            return Page();
        }
        var outcome = await institutions.UpdateCountryAsync(code, input, Version, ct);
        if (outcome is Outcome<CountryView>.Ok { Value: var saved })
            return Redirect($"/admin/countries?saved={saved.Code}#{saved.Code}");
        if ((this.Refusal(outcome) ?? await LoadAsync(code, ct)) is { } refused)
            return refused;
        if (outcome is Outcome<CountryView>.Stale)
        {
            (Raced, Version) = (true, Country.Version);
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
        var outcome = await institutions.GetCountryAsync(code, ct);
        if (this.Refusal(outcome) is { } refused)
            return refused;
        Country = ((Outcome<CountryView>.Ok)outcome).Value;
        return null;
    }
}
