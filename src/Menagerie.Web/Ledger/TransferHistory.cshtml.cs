using Menagerie.App;
using Menagerie.App.Ledger;
using Menagerie.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Menagerie.Web.Ledger;

/// <summary>A transfer's entries in the ledger: the transfer, its lines, steps, documents, confirmed warnings and journey.</summary>
public sealed class TransferHistoryModel(LedgerQueries ledger) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public TransferLedger Shown { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var outcome = await ledger.TransferAsync(id, Before, ct);
        if (this.Refusal(outcome) is { } refused)
            return refused;
        Shown = ((Outcome<TransferLedger>.Ok)outcome).Value;
        return Page();
    }
}
