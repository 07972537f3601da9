using Menagerie.App.Compliance;
using Menagerie.Web.Http;

namespace Menagerie.Web.Compliance;

/// <summary>A shipment file checked without a transfer, as <c>menagerie compliance check</c> checks it.</summary>
public static class ComplianceEndpoints
{
    public static void MapComplianceEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/compliance/check", async (string? on, HttpRequest request, ShipmentChecks checks, HttpContext http, CancellationToken ct) =>
            {
                var (day, invalid) = QueryDates.Day(on, "compliance.on", "on");
                if (invalid is not null)
                    return invalid;
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body, ct);
                return (await checks.CheckAsync(body.ToArray(), "shipment.json", day, ct)).ToHttp(http);
            })
            .WithTags("Compliance")
            .Accepts<object>("application/json")
            .WithSummary("Checks a shipment file (the JSON of samples/shipments/shipment.schema.json, as the body) against the checklist in use: every requirement with its rule, severity, status and source, the documents still needed and each line's listing; on the shipment's date or ?on=YYYY-MM-DD. Every problem of an unreadable file at once.")
            .Produces<ComplianceView>().ProducesValidationProblem();
    }
}
