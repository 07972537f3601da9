using Menagerie.App.Compliance.Reference;
using Menagerie.Domain;
using Menagerie.Web.Http;
using Menagerie.Web.Shared;

namespace Menagerie.Web.Taxa;

/// <summary>The reference data compliance reads, for anyone signed in, as <c>menagerie reference status|show</c> prints them.</summary>
public static class ReferenceEndpoints
{
    public static void MapReferenceEndpoints(this IEndpointRouteBuilder api)
    {
        var reference = api.MapGroup("/reference").WithTags("Reference data");
        reference.MapGet("/status", async (ListingLookup lookup, CancellationToken ct) => TypedResults.Ok(await lookup.StatusAsync(ct)))
            .WithSummary("The reference data in use: the checklist edition, how many listing changes are recorded over it and the newest, how far they are complete per class and Appendix, and the Party list's date.");
        reference.MapGet("/listings/{taxon}", async (string taxon, string? on, ListingLookup lookup, HttpContext http, CancellationToken ct) =>
            {
                DateOnly? day = null;
                if (on is not null)
                {
                    if (FormTime.Date(on) is not { } parsed)
                        return OutcomeResults.Invalid([new RuleViolation("reference.on", "on", $"'{on}' is not a date written YYYY-MM-DD.")]);
                    day = parsed;
                }
                return (await lookup.ShowAsync(taxon, day, ct)).ToHttp(http);
            })
            .WithSummary("A taxon's listings in force on a day (?on=YYYY-MM-DD, today by default): its lineage, the taxon it is listed under, each listing with its source and as-of date, and the dated changes to the listings of its lineage. A synonym resolves to its listed name.")
            .Produces<TaxonListingView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }
}
