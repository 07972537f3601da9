using Menagerie.App;
using Menagerie.App.Ledger;
using Menagerie.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Menagerie.Web.Ledger;

/// <summary>An animal's or group's entries in the ledger: its record, events, identifiers and holdings, as they were written.</summary>
public sealed class SpecimenHistoryModel(LedgerQueries ledger) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public SpecimenLedger Shown { get; private set; } = null!;

    public FormProblems Problems { get; private set; } = FormProblems.None;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var outcome = await ledger.SpecimenAsync(id, Before, ct);
        if (this.Refusal(outcome) is { } refused)
            return refused;
        if (FormProblems.Of(outcome) is { } problems)
        {
            Problems = problems;
            return Page();
        }
        Shown = ((Outcome<SpecimenLedger>.Ok)outcome).Value;
        return Page();
    }
}
