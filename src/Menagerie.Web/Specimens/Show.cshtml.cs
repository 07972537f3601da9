using Menagerie.App;
using Menagerie.App.Specimens;
using Menagerie.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Menagerie.Web.Specimens;

/// <summary>An animal's or group's record: what it is, who holds and owns it, its parents, and its whole history.</summary>
public sealed class ShowModel(SpecimenQueries queries) : PageModel
{
    /// <summary>The day asked about in "who held it on".</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? On { get; set; }

    public HistoryView History { get; private set; } = null!;

    /// <summary>How the parents the record and its events name are called, where the viewer may see them; the others go by their global id.</summary>
    public IDictionary<Guid, string> Parents { get; } = new Dictionary<Guid, string>();

    public HolderOnDateView? HeldOn { get; private set; }

    public FormProblems Problems { get; private set; } = FormProblems.None;

    public SpecimenPermissions May { get; private set; } = new(false, false, false, false);

    /// <summary>After a write, the page says so once (<c>?saved=1</c>, <c>?recorded=EVENT</c>).</summary>
    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Recorded { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var outcome = await queries.HistoryAsync(id, ct);
        if (this.Refusal(outcome) is { } refused)
            return refused;
        if (FormProblems.Of(outcome) is { } problems)
        {
            Problems = problems;
            return Page();
        }
        History = ((Outcome<HistoryView>.Ok)outcome).Value;
        May = queries.PermissionsFor(History.Specimen);
        var named = new[] { History.Specimen.Sire, History.Specimen.Dam }.Concat(History.Events.SelectMany(e => new[] { e.Sire, e.Dam }));
        foreach (var parent in named.OfType<Guid>().Distinct())
        {
            if (await queries.GetAsync(parent.ToString(), ct) is Outcome<SpecimenView>.Ok seen)
                Parents[parent] = Called(seen.Value);
        }

        if (On is { } on && await queries.HolderOnAsync(History.Specimen.Id.ToString(), on, ct) is Outcome<HolderOnDateView>.Ok held)
            HeldOn = held.Value;
        return Page();
    }

    /// <summary>An event a person may correct or withdraw here: one of the kinds this site records, still in effect.</summary>
    public static bool Correctable(EventView e) => e.Effective && EventForm.Recordable.Contains(e.Type);

    /// <summary>How a specimen is called in a sentence: its house name, else its first identifier, else its global id.</summary>
    public static string Called(SpecimenView s) => s.Name ?? (s.Identifiers.Count > 0 ? s.Identifiers[0].Value : null) ?? s.Id.ToString();
}
