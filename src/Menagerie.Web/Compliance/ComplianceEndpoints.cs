using Menagerie.App.Compliance;
using Menagerie.Domain;
using Menagerie.Web.Http;
using Menagerie.Web.Shared;

namespace Menagerie.Web.Compliance;

/// <summary>A shipment file checked without a transfer, as <c>menagerie compliance check</c> checks it.</summary>
public static class ComplianceEndpoints
{
    public static void MapComplianceEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/compliance/check", async (string? on, HttpRequest request, ShipmentChecks checks, HttpContext http, CancellationToken ct) =>
            {
                DateOnly? day = null;
                if (on is not null)
                {
                    if (FormTime.Date(on) is not { } parsed)
                        return OutcomeResults.Invalid([new RuleViolation("compliance.on", "on", $"'{on}' is not a date written YYYY-MM-DD.")]);
                    day = parsed;
                }
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
