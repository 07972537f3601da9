using Menagerie.App;
using Menagerie.App.Accounts;
using Menagerie.App.Institutions;
using Menagerie.Web.Localization;
using Menagerie.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Menagerie.Web.Institutions;

/// <summary>The administrator's list of countries with their CITES Party status, and the form that adds one.</summary>
public sealed class CountriesModel(InstitutionCommands institutions, Access access, TimeProvider time, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty]
    public CountryForm Form { get; set; } = new();

    /// <summary>After a change the page names the country once: <c>?saved=RU</c>.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Saved { get; set; }

    public IReadOnlyList<CountryView> Countries { get; private set; } = [];

    public FormProblems Problems { get; private set; } = FormProblems.None;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (this.AdministratorsOnly(access) is { } refused)
            return refused;
        Form.StatusAsOf = Format.Field(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var (input, problems) = Form.ToInput(t);
        if (input is null)
        {
            if (this.AdministratorsOnly(access) is { } forbidden)
                return forbidden;
            Problems = new FormProblems(problems);
            return await ShowAsync(ct);
        }
        var outcome = await institutions.CreateCountryAsync(input, ct);
        if (outcome is Outcome<CountryView>.Created { Value: var created })
            return Redirect($"/admin/countries?saved={created.Code}#{created.Code}");
        if (this.Refusal(outcome) is { } refused)
            return refused;
        Problems = outcome is Outcome<CountryView>.Conflict conflict
            ? new FormProblems([new("country.code", "code", conflict.Message)])
            : FormProblems.Of(outcome)!;
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Countries = await institutions.ListCountriesAsync(ct);
        return Page();
    }
}
