using Menagerie.App.Specimens;
using Menagerie.Domain;
using Menagerie.Domain.Specimens;
using Menagerie.Web.Http;

namespace Menagerie.Web.Specimens;

public sealed record SpecimenUpdate(string? Name, string? Sex);

public static class SpecimenEndpoints
{
    public static void MapSpecimenEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/available", async (string? taxon, int? offset, int? limit, AvailableAnimals available, HttpContext http, CancellationToken ct) =>
                (await available.ListAsync(taxon, offset ?? 0, limit ?? 100, ct)).ToHttp(http))
            .WithTags("Specimens")
            .WithSummary("Every institution's animals marked available for transfer, for anyone signed in: the global id a request names each by, taxon, sex or counts, birth date and age, institution and note; no identifiers, no history. Filtered by taxon (scientific name or id), a page at a time.")
            .Produces<AvailablePage>().ProducesValidationProblem();
        var specimens = api.MapGroup("/specimens").WithTags("Specimens");
        specimens.MapGet("/", async (string? holder, string? taxon, string? status, bool? available, int? offset, int? limit, string? sex, string? owner, bool? onLoan,
                SpecimenQueries queries, HttpContext http, CancellationToken ct) =>
            {
                var problems = new List<RuleViolation>();
                var filter = new SpecimenFilter(holder, taxon, QueryWords.Optional<SpecimenStatus>(status, "status", problems), offset ?? 0, limit ?? 100,
                    QueryWords.Optional<Sex>(sex, "sex", problems), owner, onLoan ?? false, available);
                return problems.Count > 0 ? OutcomeResults.Invalid(problems) : (await queries.ListAsync(filter, ct)).ToHttp(http);
            })
            .WithSummary("Specimens, filtered by holder or owner (institution code), taxon, status, sex (individuals), onLoan=true (held by one institution, owned by another) and whether they are available for transfer, a page at a time.")
            .Produces<SpecimenPage>().ProducesValidationProblem();
        specimens.MapPost("/", async (SpecimenInput input, SpecimenCommands commands, HttpContext http, CancellationToken ct) =>
                (await commands.CreateAsync(input, ct)).ToHttp(http, s => s.Version, s => $"/api/v1/specimens/{s.Id}"))
            .WithSummary("Enters a specimen with the first event of its records: its birth (or hatch) or its acquisition.")
            .Produces<SpecimenView>(StatusCodes.Status201Created).ProducesValidationProblem();
        specimens.MapGet("/{id}", async (string id, SpecimenQueries queries, HttpContext http, CancellationToken ct) =>
                (await queries.GetAsync(id, ct)).ToHttp(http, s => s.Version))
            .WithSummary("A specimen, by global id or by any identifier it carries.")
            .Produces<SpecimenView>().ProducesProblem(StatusCodes.Status404NotFound);
        specimens.MapPut("/{id}", async (string id, SpecimenUpdate update, SpecimenCommands commands, HttpContext http, CancellationToken ct) =>
                await OutcomeResults.IfMatchAsync(http, async version => (await commands.DescribeAsync(id, update.Name, update.Sex, version, ct)).ToHttp(http, s => s.Version)))
            .WithSummary("Changes the house name, or an individual's sex once known. Send If-Match with the ETag you read.")
            .ProducesConditionalWrite<SpecimenView>();
        specimens.MapPut("/{id}/origin", async (string id, SpecimenOriginInput input, SpecimenCommands commands, HttpContext http, CancellationToken ct) =>
                await OutcomeResults.IfMatchAsync(http, async version => (await commands.RecordOriginAsync(id, input, version, ct)).ToHttp(http, s => s.Version)))
            .WithSummary("Records the animal's CITES source code (citesSource: C, F, W …) and the ISO code of its population of origin (origin), which the compliance rules read; empty clears them. Registrar of the holder.")
            .ProducesConditionalWrite<SpecimenView>();
        specimens.MapPut("/{id}/availability", async (string id, AvailabilityInput input, SpecimenCommands commands, HttpContext http, CancellationToken ct) =>
                await OutcomeResults.IfMatchAsync(http, async version => (await commands.MarkAvailabilityAsync(id, input, version, ct)).ToHttp(http, s => s.Version)))
            .WithSummary("Marks the animal as available for transfer (available: true) or withdraws the mark (false), with an optional note. Curator of the holder; not for an animal that has died, left or is in transit. If-Match takes the specimen's ETag.")
            .ProducesConditionalWrite<SpecimenView>();
        specimens.MapGet("/{id}/events", async (string id, SpecimenQueries queries, HttpContext http, CancellationToken ct) =>
                (await queries.HistoryAsync(id, ct)).ToHttp(http, h => h.Specimen.Version))
            .WithSummary("The specimen's full history, corrected events included and marked.")
            .Produces<HistoryView>().ProducesProblem(StatusCodes.Status404NotFound);
        specimens.MapPost("/{id}/events", async (string id, EventInput input, SpecimenCommands commands, HttpContext http, CancellationToken ct) =>
                await OutcomeResults.IfMatchAsync(http, async version => (await commands.RecordEventAsync(id, input, version, ct)).ToHttp(http, r => r.SpecimenVersion, r => $"/api/v1/specimens/{r.Specimen}/events")))
            .WithSummary("Records an event, or corrects an earlier one (give 'supersedes' and a 'reason'). If-Match takes the specimen's ETag.")
            .ProducesConditionalWrite<RecordedEvent>(StatusCodes.Status201Created);
        specimens.MapPost("/{id}/split", async (string id, GroupSplitInput input, SpecimenCommands commands, HttpContext http, CancellationToken ct) =>
                await OutcomeResults.IfMatchAsync(http, async version => (await commands.SplitAsync(id, input, version, ct)).ToHttp(http, s => s.Version, s => $"/api/v1/specimens/{s.Id}")))
            .WithSummary("Splits part of a group (counts by sex) off into a new group at the same institution; both histories name each other. If-Match takes the group's ETag.")
            .ProducesConditionalWrite<SpecimenView>(StatusCodes.Status201Created);
        specimens.MapPost("/{id}/merge", async (string id, GroupMergeInput input, SpecimenCommands commands, HttpContext http, CancellationToken ct) =>
                await OutcomeResults.IfMatchAsync(http, async version => (await commands.MergeAsync(id, input, version, ct)).ToHttp(http, s => s.Version)))
            .WithSummary("Merges this whole group into another of the same taxon at the same institution ('into'); answers with the group it joined. If-Match takes this group's ETag.")
            .ProducesConditionalWrite<SpecimenView>();
        specimens.MapGet("/{id}/holder", async (string id, DateOnly on, SpecimenQueries queries, HttpContext http, CancellationToken ct) =>
                (await queries.HolderOnAsync(id, on, ct)).ToHttp(http))
            .WithSummary("Who held the specimen on a date (two holders on the day it moved).")
            .Produces<HolderOnDateView>().ProducesProblem(StatusCodes.Status404NotFound);
    }
}
