using Menagerie.App;
using Menagerie.App.Transfers;
using Menagerie.Domain.Transfers;
using Menagerie.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Menagerie.Web.Transfers;

/// <summary>The transfers the viewer's institutions are party to (an authority: those of its country), by view and status.</summary>
public sealed class ListModel(TransferQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public TransferListView View { get; set; } = TransferListView.All;

    [BindProperty(SupportsGet = true)]
    public TransferStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Open { get; set; }

    public IReadOnlyList<TransferSummary> Transfers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await queries.ListAsync(new TransferFilter(View, Status, Open), ct);
        if (this.Refusal(outcome) is { } refused)
            return refused;
        Transfers = ((Outcome<IReadOnlyList<TransferSummary>>.Ok)outcome).Value;
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (await OnGetAsync(ct) is not PageResult)
            return NotFound();
        return CsvDownload.File("transfers.csv",
            ["id", "status", "sender", "receiver", "terms", "return_due", "animals", "counts", "taxa", "dispatched_at", "received_at", "open_discrepancy", "next_step", "next_party"],
            Transfers.Select(t => new[]
            {
                t.Id.ToString(), t.Status.ToString().ToLowerInvariant(), t.Sender, t.Receiver, t.Terms.ToString().ToLowerInvariant(), CsvDownload.Date(t.ReturnDue),
                CsvDownload.Number(t.Animals), t.Counts, CsvDownload.Number(t.Taxa), CsvDownload.Instant(t.DispatchedAt), CsvDownload.Instant(t.ReceivedAt),
                t.OpenDiscrepancy ? "true" : "false", t.NextStep?.Action, t.NextStep?.Institution,
            }));
    }

    /// <summary>This list's address with the view changed and the other choices kept.</summary>
    public string Link(TransferListView view) => QueryString.Create(new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["view"] = view == TransferListView.All ? null : view.ToString(),
        ["status"] = Status?.ToString(),
        ["open"] = Open ? "true" : null,
    }.Where(p => p.Value is not null)).ToUriComponent() is { Length: > 0 } query ? query : "?";
}
