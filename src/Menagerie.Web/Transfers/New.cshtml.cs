using Menagerie.App;
using Menagerie.App.Institutions;
using Menagerie.App.Specimens;
using Menagerie.App.Transfers;
using Menagerie.Domain.Specimens;
using Menagerie.Domain.Transfers;
using Menagerie.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Menagerie.Web.Transfers;

/// <summary>
/// A new transfer: an offer of the viewer's own animals (individuals, or counts by sex taken from a group, of any
/// taxa), or a request for another institution's animals by their identifiers; proposed at once or kept as a draft.
/// </summary>
public sealed class NewModel(TransferCommands commands, SpecimenQueries specimens, InstitutionCommands institutions, Viewer viewer) : PageModel
{
    /// <summary><c>offer</c>: the viewer's institution sends; <c>request</c>: it asks to receive.</summary>
    [BindProperty(SupportsGet = true)]
    public string Mode { get; set; } = "offer";

    /// <summary>The viewer's institution in this transfer.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Mine { get; set; }

    /// <summary>The other party; given in the address by the list of available animals, with <see cref="Requested"/>.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Other { get; set; }

    [BindProperty]
    public string Terms { get; set; } = "gift";

    [BindProperty]
    public DateOnly? ReturnDue { get; set; }

    [BindProperty]
    public DateOnly? PlannedDeparture { get; set; }

    [BindProperty]
    public IList<Guid> Selected { get; set; } = [];

    /// <summary>For a group offered in part: counts by sex, by the group's global id.</summary>
    [BindProperty]
    public IDictionary<string, string?> Counts { get; set; } = new Dictionary<string, string?>(StringComparer.Ordinal);

    /// <summary>A request's animals, one a line: an identifier, or an identifier and counts (<c>MOS-G0002=3.3.0</c>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Requested { get; set; }

    [BindProperty]
    public bool Submit { get; set; }

    public IReadOnlyList<ViewerPlace> Places { get; private set; } = [];

    public IReadOnlyList<InstitutionView> Others { get; private set; } = [];

    /// <summary>The animals the viewer's institution may offer: held there and on no other transfer.</summary>
    public IReadOnlyList<SpecimenView> Offerable { get; private set; } = [];

    public bool MayPropose { get; private set; }

    public FormProblems Problems { get; private set; } = FormProblems.None;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
            return refused;
        var offer = Mode != "request";
        var input = new TransferInput
        {
            Sender = offer ? Mine : Other,
            Receiver = offer ? Other : Mine,
            Terms = Terms,
            ReturnDue = Terms == "loan" ? ReturnDue : null,
            PlannedDeparture = PlannedDeparture,
            InitiatedBy = offer ? "sender" : "receiver",
            Lines = offer ? OfferedLines() : RequestedLines(),
            Submit = Submit,
        };
        var outcome = await commands.CreateAsync(input, ct);
        if (outcome is Outcome<TransferView>.Created { Value: var created })
            return Redirect($"/transfers/{created.Id}?done={(Submit ? (offer ? "propose" : "request") : "draft")}");
        if (this.Refusal(outcome) is { } forbidden)
            return forbidden;
        Problems = FormProblems.Of(outcome)!;
        return Page();
    }

    private List<TransferLineInput> OfferedLines() =>
        Selected.Distinct().Select(id => new TransferLineInput(id.ToString(), Counts.TryGetValue(id.ToString(), out var c) && !string.IsNullOrWhiteSpace(c) ? c.Trim() : null)).ToList();

    private List<TransferLineInput> RequestedLines() =>
        (Requested ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('=', 2, StringSplitOptions.TrimEntries))
            .Select(parts => new TransferLineInput(parts[0], parts.Length > 1 ? parts[1] : null)).ToList();

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        Places = (await viewer.GetAsync(ct)).Places.Where(p => TransferRoles.Draft.Any(p.Roles.Contains)).ToList();
        if (Places.Count == 0)
            return StatusCode(StatusCodes.Status403Forbidden);
        var place = Places.FirstOrDefault(p => string.Equals(p.Code, Mine, StringComparison.OrdinalIgnoreCase)) ?? Places[0];
        Mine = place.Code;
        MayPropose = place.Roles.Contains(App.Accounts.Role.Curator);
        Others = (await institutions.ListAsync(ct)).Where(i => i.Code != place.Code).ToList();
        if (Mode != "request" && await specimens.ListAsync(new SpecimenFilter(place.Code, Status: SpecimenStatus.Held, Limit: SpecimenQueries.MaxPageSize), ct)
            is Outcome<SpecimenPage>.Ok { Value: var held })
        {
            Offerable = held.Items.Where(s => s.OnTransfer is null)
                .OrderBy(s => s.Taxon.ScientificName, StringComparer.Ordinal).ThenBy(Specimens.ShowModel.Called, StringComparer.Ordinal).ToList();
        }
        return null;
    }

    public static IReadOnlyList<string> TermWords { get; } = [.. Enum.GetValues<TransferTerms>().Select(App.Words.Kebab)];
}
