using System.Text;
using Menagerie.App;
using Menagerie.App.Transport;
using Menagerie.App.Transport.Documents;
using Menagerie.Web.Http;

namespace Menagerie.Web.Transfers;

/// <summary>A transfer's transport: its plan, journey and welfare log.</summary>
public static class TransportEndpoints
{
    public static void MapTransportEndpoints(this IEndpointRouteBuilder api)
    {
        var transfers = api.MapGroup("/transfers/{id:guid}").WithTags("Transport");
        transfers.MapGet("/transport-plan", async (Guid id, TransportPlans plans, HttpContext http, CancellationToken ct) =>
                (await plans.PlanAsync(id, null, ct)).ToHttp(http))
            .WithSummary("Crates for every animal (container requirement, inner and outer size, gross weight, ventilation, padlocks), the measurements still missing, the loading plan for the journey's hold, the journey, and the transport rules' findings; verdict clear, warnings or blocked.")
            .Produces<TransportPlanView>().ProducesProblem(StatusCodes.Status404NotFound);
        transfers.MapGet("/transport-plan.svg", async (Guid id, TransportPlans plans, HttpContext http, CancellationToken ct) =>
                await DrawingAsync(id, plans, http, view => LoadingPlanDrawing.Draw(view, $"{http.Request.PathBase}/specimens/") is { } svg
                    ? TypedResults.Text(svg, "image/svg+xml", Encoding.UTF8)
                    : null, ct))
            .WithSummary("The loading plan drawn to scale as SVG (one unit a millimetre; 1:50 at its natural size): the hold from above with its door, aisle, heated zone and sight screens, the rows, each crate labelled and linked to its animals' records, and every constraint the plan fails, numbered and marked on its crates.")
            .Produces(StatusCodes.Status200OK, contentType: "image/svg+xml").ProducesProblem(StatusCodes.Status404NotFound);
        transfers.MapGet("/transport-plan.png", async (Guid id, TransportPlans plans, HttpContext http, CancellationToken ct) =>
                await DrawingAsync(id, plans, http, view => LoadingPlanDrawing.DrawPng(view) is { } png
                    ? TypedResults.File(png, "image/png")
                    : null, ct))
            .WithSummary("The same loading plan as a PNG at twice a screen's resolution, for where an SVG cannot go: the SVG drawing rasterised, without its links.")
            .Produces(StatusCodes.Status200OK, contentType: "image/png").ProducesProblem(StatusCodes.Status404NotFound);
        transfers.MapGet("/transport-documents/{file}", async (Guid id, string file, TransportPlans plans, TransportSettings settings, HttpContext http, CancellationToken ct) =>
            {
                if (!TransportDocuments.FileNames.Contains(file, StringComparer.OrdinalIgnoreCase))
                    return TypedResults.Problem($"No transport document '{file}': one of {string.Join(", ", TransportDocuments.FileNames)}.", statusCode: StatusCodes.Status404NotFound);
                var papers = await plans.PapersAsync(id, null, ct);
                if (papers is not Outcome<TransportPapers>.Ok { Value: var p })
                    return papers.ToHttp(http);
                // Labels link to the records where people reach this installation: configured, or as this request came in.
                var baseUrl = settings.PublicUrl ?? new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}");
                var document = TransportDocuments.Render(p, baseUrl, file)!;
                return TypedResults.File(document.Pdf, "application/pdf", document.FileName);
            })
            .WithSummary("A transport document as PDF: labels.pdf (one label per crate with a QR code to each animal's record), manifest.pdf, shippers-certification.pdf, air-waybill-handling.pdf. Marked DRAFT while the plan is blocked.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").ProducesProblem(StatusCodes.Status404NotFound);
        transfers.MapGet("/journey", async (Guid id, TransportPlans plans, HttpContext http, CancellationToken ct) =>
                (await plans.JourneyAsync(id, ct)).ToHttp(http))
            .WithSummary("The journey as recorded: legs, hold, attendant, check interval, LAR edition, the veterinarian's temperature ranges, addresses and 24-hour contact.")
            .Produces<JourneyInput>().ProducesProblem(StatusCodes.Status404NotFound);
        transfers.MapPut("/journey", async (Guid id, JourneyInput input, TransportPlans plans, HttpContext http, CancellationToken ct) =>
                (await plans.RecordJourneyAsync(id, input, ct)).ToHttp(http, location: _ => $"/api/v1/transfers/{id}/journey"))
            .WithSummary("Records the journey, replacing the one before (a transport coordinator, registrar or curator of either party). Every problem is reported at once.")
            .Produces<JourneyInput>().Produces<JourneyInput>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        transfers.MapGet("/welfare-checks", async (Guid id, TransportPlans plans, HttpContext http, CancellationToken ct) =>
                (await plans.WelfareLogAsync(id, ct)).ToHttp(http))
            .WithSummary("The journey's welfare log: every check on the transfer's animals, in time order.")
            .Produces<IReadOnlyList<WelfareCheckView>>().ProducesProblem(StatusCodes.Status404NotFound);
        transfers.MapPost("/welfare-checks", async (Guid id, WelfareCheckInput input, TransportPlans plans, HttpContext http, CancellationToken ct) =>
                (await plans.RecordWelfareCheckAsync(id, input, ct)).ToHttp(http, location: _ => $"/api/v1/transfers/{id}/welfare-checks"))
            .WithSummary("An attendant's welfare check (transport coordinator or veterinarian of either party): time, crates (none: all), temperature, condition, food and water given, sedation, who checked; recorded as an event on each animal.")
            .Produces<IReadOnlyList<WelfareCheckView>>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
    }

    /// <summary>A transfer's loading plan drawn, or why not: the transfer is not there or not the reader's, or its journey records no hold.</summary>
    private static async Task<IResult> DrawingAsync(Guid id, TransportPlans plans, HttpContext http, Func<TransportPlanView, IResult?> draw, CancellationToken ct)
    {
        var plan = await plans.PlanAsync(id, null, ct);
        if (plan is not Outcome<TransportPlanView>.Ok { Value: var view })
            return plan.ToHttp(http);
        return draw(view)
            ?? TypedResults.Problem($"Transfer {id} has no loading plan to draw: its journey records no hold.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
    }
}
