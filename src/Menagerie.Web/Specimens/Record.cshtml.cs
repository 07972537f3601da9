using Menagerie.App;
using Menagerie.App.Specimens;
using Menagerie.Domain.Specimens;
using Menagerie.Web.Localization;
using Menagerie.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Menagerie.Web.Specimens;

/// <summary>
/// Records an event on an animal or group, corrects an earlier one (the new event supersedes it, with the
/// reason) or withdraws one recorded in error. The holder's registrar or veterinarian; its transport coordinator
/// records measurements and weights, from which crates are sized.
/// </summary>
public sealed class RecordModel(SpecimenQueries queries, SpecimenCommands commands, TimeProvider time, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty]
    public EventForm Form { get; set; } = new();

    public HistoryView History { get; private set; } = null!;

    /// <summary>The event being corrected or withdrawn, if any.</summary>
    public EventView? Replacing { get; private set; }

    public FormProblems Problems { get; private set; } = FormProblems.None;

    /// <summary>Events others recorded after the form was opened, when the save was refused as stale.</summary>
    public IReadOnlyList<EventView> NewSinceOpened { get; private set; } = [];

    /// <summary>The kinds of event the person may record here: all for the registrar and veterinarian, measurements and weights for the transport coordinator.</summary>
    public IReadOnlyList<EventType> Recordable { get; private set; } = EventForm.Recordable;

    public async Task<IActionResult> OnGetAsync(string id, string? type, Guid? supersedes, CancellationToken ct)
    {
        if (await LoadAsync(id, supersedes, type ?? "weight", ct) is { } refused)
            return refused;
        var seen = History.Events.Count == 0 ? 0 : History.Events.Max(e => e.Sequence);
        if (Replacing is not null && type != "retraction")
        {
            Form = EventForm.Correcting(Replacing, History.Specimen.Version, seen);
            return Page();
        }
        Form = new EventForm
        {
            Type = EventForm.Types.Contains(type) ? type! : "weight",
            Date = Format.Field(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)),
            Supersedes = Replacing?.Id,
            Version = History.Specimen.Version,
            Seen = seen,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        var (input, problems) = Form.ToInput();
        if (input is null)
            return await ShowAsync(id, new FormProblems(problems), ct);
        var outcome = await commands.RecordEventAsync(id, input, Form.Version, ct);
        switch (outcome)
        {
            case Outcome<RecordedEvent>.Created { Value: var recorded }:
                return Redirect($"/specimens/{recorded.Specimen}?recorded={recorded.Event.Id}#event-{recorded.Event.Id}");
            case Outcome<RecordedEvent>.Stale:
                var shown = await ShowAsync(id, FormProblems.None, ct);
                NewSinceOpened = History.Events.Where(e => e.Sequence > Form.Seen).ToList();
                Problems = new FormProblems([])
                {
                    General = t["Someone else changed this record after you opened the form, and nothing of yours was saved. What they recorded is listed below. Check your entry, then send it again."].Value,
                };
                Form.Version = History.Specimen.Version;
                Form.Seen = History.Events.Max(e => e.Sequence);
                return shown;
            default:
                return this.Refusal(outcome) ?? await ShowAsync(id, FormProblems.Of(outcome)!, ct);
        }
    }

    private async Task<IActionResult> ShowAsync(string id, FormProblems problems, CancellationToken ct)
    {
        if (await LoadAsync(id, Form.Supersedes, Form.Type, ct) is { } refused)
            return refused;
        Problems = problems;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string id, Guid? supersedes, string type, CancellationToken ct)
    {
        var outcome = await queries.HistoryAsync(id, ct);
        if (this.Refusal(outcome) is { } refused)
            return refused;
        if (outcome is not Outcome<HistoryView>.Ok { Value: var history })
            return NotFound();
        var may = queries.PermissionsFor(history.Specimen);
        if (!may.RecordEvents && !(may.Measure && supersedes is null && type is "measurement" or "weight"))
            return StatusCode(StatusCodes.Status403Forbidden);
        Recordable = may.RecordEvents ? EventForm.Recordable : [EventType.Weight, EventType.Measurement];
        History = history;
        Replacing = supersedes is { } target ? history.Events.FirstOrDefault(e => e.Id == target && e.Effective && e.Type != EventType.Retraction) : null;
        return supersedes is not null && Replacing is null ? NotFound() : null;
    }
}
