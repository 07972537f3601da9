using System.Globalization;
using Menagerie.App;
using Menagerie.App.Compliance;
using Menagerie.App.Transfers;
using Menagerie.Domain;
using Menagerie.Web.Localization;
using Menagerie.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Menagerie.Web.Transfers;

/// <summary>
/// A transfer whole: parties, terms, lines, documents, requirements and timeline, with each step a form that only
/// the person who may take it sees. A step the rules refuse comes back with every reason, and nothing changes.
/// </summary>
public sealed class ShowModel(
    TransferQueries queries, TransferCompliance compliance, TransferCommands commands, TransferSignOffs signOffs, TimeProvider time, IStringLocalizer<Text> t)
    : PageModel
{
    public TransferView Transfer { get; private set; } = null!;

    public TransferPermissions May { get; private set; } = null!;

    public ComplianceView? Requirements { get; private set; }

    public FormProblems Problems { get; private set; } = FormProblems.None;

    /// <summary>The form the problems belong to (a step, a warning's confirmation, a line's resolution), to show them beside it.</summary>
    public string? ProblemsOf { get; private set; }

    /// <summary>After a step, the page says which was taken (<c>?done=accept</c>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    [BindProperty]
    public long Version { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? Date { get; set; }

    [BindProperty]
    public string? Time { get; set; }

    /// <summary>The planned departure the form changes to; blank clears it.</summary>
    [BindProperty]
    public DateOnly? Departure { get; set; }

    /// <summary>
    /// A day to see the requirements on (<c>?on=2024-11-20</c>); the steps are still refused by those on the planned
    /// departure, or today's when none is planned.
    /// </summary>
    [BindProperty(SupportsGet = true, Name = "on")]
    public string? On { get; set; }

    /// <summary>The requirements on the day asked for, when one was; null otherwise.</summary>
    public ComplianceView? RequirementsOn { get; private set; }

    /// <summary>The day asked for when it is not a date.</summary>
    public bool OnUnreadable { get; private set; }

    /// <summary>Today and now in UTC, for the dispatch form's defaults.</summary>
    public DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Why clearing or dispatching would be refused: the requirements that still block, by rule.</summary>
    public IReadOnlyList<string> OpenBlocks =>
        Requirements?.Requirements.Where(r => r.Severity == "block" && r.Status != "satisfied").Select(r => r.Rule).Distinct(StringComparer.Ordinal).ToList() ?? [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public Task<IActionResult> OnPostStepAsync(Guid id, string step, CancellationToken ct) => StepAsync(id, step, step switch
    {
        "propose" => commands.ProposeAsync(id, Version, ct),
        "request" => commands.RequestAsync(id, Version, ct),
        "accept" => commands.AcceptAsync(id, Version, ct),
        "decline" => commands.DeclineAsync(id, OptionalText.From(Reason), Version, ct),
        "clear" => commands.ClearAsync(id, OptionalText.From(Reason), Version, ct),
        "cancel" => commands.CancelAsync(id, OptionalText.From(Reason), Version, ct),
        "dispatch" => commands.DispatchAsync(id, new DispatchInput(FormTime.Utc(Date, Time)), Version, null, ct),
        _ => Task.FromResult<Outcome<TransferView>>(new Outcome<TransferView>.NotFound($"No step '{step}'.")),
    }, ct);

    public async Task<IActionResult> OnPostDepartureAsync(Guid id, CancellationToken ct) =>
        await StepAsync(id, "departure", commands.PlanDepartureAsync(id, new DepartureInput(Departure), Version, ct), ct);

    /// <summary>The authority of the sender's or the receiver's country approves, objects (with the reason) or withdraws its objection.</summary>
    public Task<IActionResult> OnPostSignOffAsync(Guid id, string? decision, CancellationToken ct) =>
        StepAsync(id, "sign-off", signOffs.SignOffAsync(id, new SignOffInput(decision, OptionalText.From(Reason)), Version, ct), ct);

    /// <summary>Where the person's own authority stands on the transfer, read from its timeline: its approval, and an objection not withdrawn.</summary>
    public (TransferStepView? Approval, TransferStepView? Objection) MySignOff
    {
        get
        {
            var mine = Transfer.Timeline.Where(s => s.Party == May.SignOffFor && Domain.Transfers.Transfer.IsSignOff(s.Action)).ToList();
            var objection = mine.LastOrDefault(s => s.Action is Domain.Transfers.TransferAction.Objected or Domain.Transfers.TransferAction.ObjectionWithdrawn);
            return (mine.LastOrDefault(s => s.Action == Domain.Transfers.TransferAction.Approved),
                objection?.Action == Domain.Transfers.TransferAction.Objected ? objection : null);
        }
    }

    public async Task<IActionResult> OnPostResolveAsync(Guid id, int line, string resolution, CancellationToken ct) =>
        await StepAsync(id, $"resolve-{line}", commands.ResolveAsync(id, line, new ResolutionInput(resolution, FormTime.Utc(Date, Time), OptionalText.From(Reason)), Version, ct), ct);

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, string rule, string? lines, CancellationToken ct)
    {
        var numbers = (lines ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).ToList();
        var outcome = await compliance.OverrideAsync(id, new OverrideInput(rule, numbers, OptionalText.From(Reason)), ct);
        if (outcome is Outcome<OverrideView>.Created)
            return Redirect($"/transfers/{id}?done=confirm#requirements");
        return this.Refusal(outcome) ?? await ShowProblemsAsync(id, $"confirm-{rule}-{lines}", FormProblems.Of(outcome)!, ct);
    }

    /// <summary>How a transfer's line names its animal: its house name, else its first identifier, else its global id.</summary>
    public static string Called(TransferLineView line) => line.Name ?? (line.Identifiers.Count > 0 ? line.Identifiers[0] : line.Specimen.ToString());

    private async Task<IActionResult> StepAsync(Guid id, string form, Task<Outcome<TransferView>> step, CancellationToken ct)
    {
        var outcome = await step;
        switch (outcome)
        {
            case Outcome<TransferView>.Ok:
                return Redirect($"/transfers/{id}?done={Uri.EscapeDataString(form)}");
            case Outcome<TransferView>.Stale:
                return await ShowProblemsAsync(id, form, new FormProblems([])
                {
                    General = t["Someone else changed this transfer after you opened the page, and nothing was done. It is shown as it is now; take the step again if it still applies."].Value,
                }, ct);
            default:
                return this.Refusal(outcome) ?? await ShowProblemsAsync(id, form, FormProblems.Of(outcome)!, ct);
        }
    }

    private async Task<IActionResult> ShowProblemsAsync(Guid id, string form, FormProblems problems, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } gone)
            return gone;
        (Problems, ProblemsOf) = (problems, form);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var page = await queries.PageAsync(id, ct);
        if (this.Refusal(page) is { } refused)
            return refused;
        (Transfer, May) = ((Outcome<TransferPage>.Ok)page).Value;
        Version = Transfer.Version;
        if (await compliance.RequirementsAsync(id, null, ct) is Outcome<ComplianceView>.Ok { Value: var requirements })
            Requirements = requirements;
        if (string.IsNullOrWhiteSpace(On))
            return null;
        if (FormTime.Date(On) is not { } on)
            OnUnreadable = true;
        else if (await compliance.RequirementsAsync(id, on, ct) is Outcome<ComplianceView>.Ok { Value: var then })
            RequirementsOn = then;
        return null;
    }

}
