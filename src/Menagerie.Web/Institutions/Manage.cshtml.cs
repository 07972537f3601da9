using Menagerie.App;
using Menagerie.App.Accounts;
using Menagerie.App.Institutions;
using Menagerie.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Menagerie.Web.Institutions;

/// <summary>The country and time zone fields of an institution's forms, with their choices and problems.</summary>
public sealed record PlaceFields(string? Country, string? TimeZone, IReadOnlyList<CountryView> Countries, FormProblems Problems);

/// <summary>The administrator's list of institutions, and the form that adds one.</summary>
public sealed class ManageModel(InstitutionCommands institutions, Access access) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Country { get; set; }

    [BindProperty]
    public string? TimeZone { get; set; }

    /// <summary>After a change the page names the institution once: <c>?saved=MOSCOW</c>.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Saved { get; set; }

    public IReadOnlyList<InstitutionView> Institutions { get; private set; } = [];

    public IReadOnlyList<CountryView> Countries { get; private set; } = [];

    public FormProblems Problems { get; private set; } = FormProblems.None;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => this.AdministratorsOnly(access) ?? await ShowAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var outcome = await institutions.CreateAsync(new InstitutionInput(Code ?? "", Name ?? "", Country ?? "", TimeZone ?? ""), ct);
        if (outcome is Outcome<InstitutionView>.Created { Value: var created })
            return Redirect($"/admin/institutions?saved={Uri.EscapeDataString(created.Code)}#{created.Code}");
        if (this.Refusal(outcome) is { } refused)
            return refused;
        Problems = outcome is Outcome<InstitutionView>.Conflict conflict
            ? new FormProblems([new("institution.code", "code", conflict.Message)])
            : FormProblems.Of(outcome)!;
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Institutions = await institutions.ListAsync(ct);
        Countries = await institutions.ListCountriesAsync(ct);
        return Page();
    }
}
