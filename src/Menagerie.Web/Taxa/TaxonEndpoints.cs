using Menagerie.App.Taxa;
using Menagerie.Web.Http;

namespace Menagerie.Web.Taxa;

public static class TaxonEndpoints
{
    public static void MapTaxonEndpoints(this IEndpointRouteBuilder api)
    {
        var taxa = api.MapGroup("/taxa").WithTags("Taxa");
        taxa.MapGet("/", async (TaxonCommands commands, CancellationToken ct) => TypedResults.Ok(await commands.ListAsync(ct)))
            .WithSummary("Every taxon in these records.");
        taxa.MapPost("/", async (TaxonInput input, TaxonCommands commands, HttpContext http, CancellationToken ct) =>
                (await commands.CreateAsync(input, ct)).ToHttp(http, t => t.Version, t => $"/api/v1/taxa/{t.Id}"))
            .WithSummary("Adds a taxon: a species, subspecies or, where that is all that is known, a higher rank.")
            .Produces<TaxonView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        taxa.MapGet("/{id}", async (string id, TaxonCommands commands, HttpContext http, CancellationToken ct) =>
                (await commands.GetAsync(id, ct)).ToHttp(http, t => t.Version))
            .WithSummary("A taxon, by id or scientific name.")
            .Produces<TaxonView>().ProducesProblem(StatusCodes.Status404NotFound);
        taxa.MapPut("/{id}", async (string id, TaxonInput input, TaxonCommands commands, HttpContext http, CancellationToken ct) =>
                await OutcomeResults.IfMatchAsync(http, async version => (await commands.UpdateAsync(id, input, version, ct)).ToHttp(http, t => t.Version)))
            .WithSummary("Corrects a taxon's names, rank or class. Send If-Match with the ETag you read.")
            .ProducesConditionalWrite<TaxonView>();
    }
}
