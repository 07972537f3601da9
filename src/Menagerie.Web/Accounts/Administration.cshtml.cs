using Menagerie.App;
using Menagerie.App.Accounts;
using Menagerie.App.Institutions;
using Menagerie.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Menagerie.Web.Accounts;

/// <summary>The administrator's start: users and who of them cannot sign in, institutions, countries.</summary>
public sealed class AdministrationModel(AccountCommands accounts, InstitutionCommands institutions) : PageModel
{
    public IReadOnlyList<UserView> Users { get; private set; } = [];

    public int Institutions { get; private set; }

    public int Countries { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var users = await accounts.ListUsersAsync(ct);
        if (this.Refusal(users) is { } refused)
            return refused;
        Users = ((Outcome<IReadOnlyList<UserView>>.Ok)users).Value;
        Institutions = (await institutions.ListAsync(ct)).Count;
        Countries = (await institutions.ListCountriesAsync(ct)).Count;
        return Page();
    }
}
