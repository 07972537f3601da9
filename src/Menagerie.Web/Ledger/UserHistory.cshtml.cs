using Menagerie.App;
using Menagerie.App.Ledger;
using Menagerie.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Menagerie.Web.Ledger;

/// <summary>A user's entries in the ledger, for the administrator: the account, memberships, tokens and sign-in attempts.</summary>
public sealed class UserHistoryModel(LedgerQueries ledger) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public UserLedger Shown { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string name, CancellationToken ct)
    {
        var outcome = await ledger.UserAsync(name, Before, ct);
        if (this.Refusal(outcome) is { } refused)
            return refused;
        Shown = ((Outcome<UserLedger>.Ok)outcome).Value;
        return Page();
    }
}
