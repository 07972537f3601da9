using Menagerie.App;
using Menagerie.App.Transfers;
using Menagerie.App.Transport;
using Menagerie.Domain;
using Menagerie.Web.Localization;
using Menagerie.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Menagerie.Web.Transfers;

/// <summary>
/// The journey editor, for those who record a transfer's journey (a transport coordinator, registrar or curator of
/// either party, as for <c>PUT /api/v1/transfers/{id}/journey</c>): the legs, the hold, the attendant, the check
/// interval, the LAR edition, the addresses and 24-hour contact the labels print, and the veterinarian's
/// temperature range for each line. Saved through the same use case as the API; every problem beside its field.
/// </summary>
public sealed class JourneyModel(TransferQueries queries, TransportPlans plans, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty]
    public JourneyForm Form { get; set; } = new();

    public TransferView Transfer { get; private set; } = null!;

    public FormProblems Problems { get; private set; } = FormProblems.None;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var journey = await plans.JourneyToEditAsync(id, ct);
        if ((this.Refusal(journey) ?? await LoadAsync(id, ct)) is { } refused)
            return refused;
        Form = JourneyForm.Of(((Outcome<JourneyRecord>.Ok)journey).Value, Lines);
        return Page();
    }

    /// <summary>Another blank leg to fill in, everything typed so far kept; nothing is saved.</summary>
    public async Task<IActionResult> OnPostLegAsync(Guid id, CancellationToken ct)
    {
        var journey = await plans.JourneyToEditAsync(id, ct);
        if ((this.Refusal(journey) ?? await LoadAsync(id, ct)) is { } refused)
            return refused;
        Form.Complete(Lines, Form.Legs.Count(l => l.IsBlank) + 1);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing)
            return missing;
        Form.Complete(Lines);
        var (input, unread, onForm) = Form.ToInput();
        if (unread.Count > 0)
        {
            // What the form could not read is named, and with it every other problem of the journey, all at once; nothing is sent.
            if (this.Refusal(await plans.JourneyToEditAsync(id, ct)) is { } refused)
                return refused;
            var fields = unread.Select(p => p.Field).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var others = input.ToJourney(Lines).Violations.Select(v => v with { Field = onForm(v.Field) }).Where(v => !fields.Contains(v.Field));
            return Show([.. unread, .. others]);
        }
        var outcome = await plans.RecordJourneyAsync(id, input, Form.Version, ct);
        if (outcome is Outcome<JourneyInput>.Ok or Outcome<JourneyInput>.Created)
            return Redirect($"/transfers/{id}/transport?saved=journey#journey");
        if (this.Refusal(outcome) is { } gone)
            return gone;
        if (outcome is Outcome<JourneyInput>.Stale { CurrentVersion: var current })
        {
            Form.Version = current;
            Problems = new FormProblems([])
            {
                General = t["Someone else recorded the journey after you opened this form, and nothing of yours was saved. Open the journey again to see theirs, or send this form again to replace it with yours."].Value,
            };
            return Page();
        }
        var problems = FormProblems.Of(outcome)!;
        return problems.General is not null ? Show(problems) : Show([.. problems.All.Select(v => v with { Field = onForm(v.Field) })]);
    }

    private PageResult Show(IReadOnlyList<RuleViolation> problems) => Show(new FormProblems(problems));

    private PageResult Show(FormProblems problems)
    {
        Problems = problems;
        return Page();
    }

    /// <summary>The ways a leg travels, as the journey writes them and as the page names them.</summary>
    public static IReadOnlyList<(string Mode, string Label)> Modes(IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return [("air", t["Air"]), ("road", t["Road"]), ("rail", t["Rail"]), ("sea", t["Sea"])];
    }

    /// <summary>The transfer's line numbers, each of which may have the veterinarian's range.</summary>
    public IReadOnlyList<int> Lines => [.. Transfer.Lines.Select(l => l.Number)];

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var page = await queries.GetAsync(id, ct);
        if (this.Refusal(page) is { } refused)
            return refused;
        Transfer = ((Outcome<TransferView>.Ok)page).Value;
        return null;
    }
}
