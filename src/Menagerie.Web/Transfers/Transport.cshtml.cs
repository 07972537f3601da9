using Menagerie.App;
using Menagerie.App.Transfers;
using Menagerie.App.Transport;
using Menagerie.Web.Localization;
using Menagerie.Web.Shared;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Menagerie.Web.Transfers;

/// <summary>
/// A transfer's transport, for its coordinator: the crates with their animals and sizes, the measurements still
/// missing, the loading plan drawn to scale (the drawing the API and the command line give), the transport
/// rules' findings, the journey and the papers to print. The drawing's words are in the reader's language.
/// </summary>
public sealed class TransportModel(TransferQueries transfers, TransportPlans plans, IStringLocalizer<Text> t) : PageModel
{
    public TransferView Transfer { get; private set; } = null!;

    public TransportPlanView Plan { get; private set; } = null!;

    /// <summary>After the journey is saved, the page says so (<c>?saved=journey</c>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Saved { get; set; }

    /// <summary>Whether the person looking records the journey, and so is offered its editor.</summary>
    public bool MayEditJourney { get; private set; }

    /// <summary>The loading plan as SVG, each crate linked to its animals' pages; null while the journey records no hold.</summary>
    public IHtmlContent? Drawing { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var transfer = await transfers.GetAsync(id, ct);
        if (this.Refusal(transfer) is { } refused)
            return refused;
        var plan = await plans.PlanAsync(id, null, ct);
        if (this.Refusal(plan) is { } refusedPlan)
            return refusedPlan;
        (Transfer, Plan) = (((Outcome<TransferView>.Ok)transfer).Value, ((Outcome<TransportPlanView>.Ok)plan).Value);
        MayEditJourney = await plans.JourneyToEditAsync(id, ct) is Outcome<JourneyRecord>.Ok;
        // The renderer escapes every text it writes, so its SVG goes into the page as it is.
        Drawing = LoadingPlanDrawing.Draw(Plan, Url.Content("~/specimens/"), w => t.Say(w)) is { } svg ? new HtmlString(svg) : null;
        return Page();
    }
}
