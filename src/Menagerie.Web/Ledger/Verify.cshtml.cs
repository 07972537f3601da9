using Menagerie.App;
using Menagerie.App.Accounts;
using Menagerie.App.Ledger;
using Menagerie.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Menagerie.Web.Ledger;

/// <summary>
/// The administrator walks the ledger's hash chain from the browser, as <c>menagerie audit verify</c> does: the
/// verdict, the number of entries checked and the first broken entry. A form, not a link: the walk reads every
/// entry, and a crawler or a prefetch should not start it.
/// </summary>
public sealed class VerifyModel(LedgerQueries ledger, Access access) : PageModel
{
    public LedgerVerdict? Verdict { get; private set; }

    public IActionResult OnGet() => this.AdministratorsOnly(access) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await ledger.VerifyAsync(ct);
        if (this.Refusal(outcome) is { } refused)
            return refused;
        Verdict = ((Outcome<LedgerVerdict>.Ok)outcome).Value;
        return Page();
    }
}
