using Menagerie.App;
using Menagerie.App.Accounts;
using Menagerie.App.Ledger;
using Menagerie.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Menagerie.Web.Ledger;

/// <summary>
/// The administrator walks the ledger's hash chain and compares the records with it from the browser, as
/// <c>menagerie audit verify</c> does: the verdict, the number of entries checked and the first broken entry, or,
/// with the chain whole, the first row of the records that differs from it. A form, not a link: the walk reads
/// every entry and every row, and a crawler or a prefetch should not start it.
/// </summary>
public sealed class VerifyModel(LedgerQueries ledger, Access access) : PageModel
{
    public LedgerVerdict? Verdict { get; private set; }

    /// <summary>
    /// The first row that differs, when that is what is wrong: the chain held, so the ledger is intact and the records
    /// are not as it describes them. A chain broken or a head missing is named by the report's entry instead.
    /// </summary>
    public RowDifference? DifferingRow => Verdict?.Report is { Intact: false, BrokenAt: null, Records.FirstDifference: { } row } ? row : null;

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
