using System.Globalization;
using Menagerie.App;
using Menagerie.App.Specimens;
using Menagerie.App.Transfers;
using Menagerie.Domain;
using Menagerie.Domain.Specimens;
using Menagerie.Web.Localization;
using Menagerie.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Menagerie.Web.Transfers;

/// <summary>
/// The receiving registrar's receipt: every line reconciled (an individual arrived, dead on arrival or missing; a
/// group's counts by sex, which must add up to what left), with the receiver's own identifiers.
/// </summary>
public sealed class ReceiveModel(TransferQueries queries, TransferCommands commands, TimeProvider time, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty]
    public IList<ReceiptLineForm> Lines { get; set; } = [];

    [BindProperty]
    public string? Date { get; set; }

    [BindProperty]
    public string? Time { get; set; }

    [BindProperty]
    public long Version { get; set; }

    public TransferView Transfer { get; private set; } = null!;

    public FormProblems Problems { get; private set; } = FormProblems.None;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
            return refused;
        var now = time.GetUtcNow().UtcDateTime;
        (Date, Time, Version) = (Format.Field(DateOnly.FromDateTime(now)), now.ToString("HH:mm", CultureInfo.InvariantCulture), Transfer.Version);
        Lines = Transfer.Lines.Select(l => new ReceiptLineForm
        {
            Line = l.Number,
            Outcome = l.Kind == SpecimenKind.Individual ? "arrived" : null,
            Arrived = l.Kind == SpecimenKind.Group ? l.Counts : null,
        }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
            return refused;
        var input = new ReceiptInput(FormTime.Utc(Date, Time), Lines.Select(l => new ReceiptLineInput
        {
            Line = l.Line,
            Outcome = OptionalText.From(l.Outcome),
            Arrived = OptionalText.From(l.Arrived),
            DeadOnArrival = OptionalText.From(l.DeadOnArrival),
            Missing = OptionalText.From(l.Missing),
            Identifiers = string.IsNullOrWhiteSpace(l.Value) ? [] : [new IdentifierInput(OptionalText.From(l.Scheme) ?? "local", l.Value.Trim())],
        }).ToList());
        var outcome = await commands.ReceiveAsync(id, input, Version, null, ct);
        switch (outcome)
        {
            case Outcome<TransferView>.Ok:
                return Redirect($"/transfers/{id}?done=receive");
            case Outcome<TransferView>.Stale:
                Problems = new FormProblems([])
                {
                    General = t["Someone else changed this transfer after you opened the form, and nothing was received. Check it, then send the receipt again."].Value,
                };
                Version = Transfer.Version;
                return Page();
            default:
                if (this.Refusal(outcome) is { } forbidden)
                    return forbidden;
                Problems = FormProblems.Of(outcome)!;
                return Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var page = await queries.PageAsync(id, ct);
        if (this.Refusal(page) is { } refused)
            return refused;
        var (transfer, may) = ((Outcome<TransferPage>.Ok)page).Value;
        if (!may.May("receive"))
            return StatusCode(StatusCodes.Status403Forbidden);
        Transfer = transfer;
        return null;
    }
}

/// <summary>One line of the receipt as the form holds it.</summary>
public sealed class ReceiptLineForm
{
    public int Line { get; set; }
    public string? Outcome { get; set; }
    public string? Arrived { get; set; }
    public string? DeadOnArrival { get; set; }
    public string? Missing { get; set; }
    public string? Scheme { get; set; } = "local";
    public string? Value { get; set; }
}
