using Menagerie.App.Ledger;
using Menagerie.Web.Http;

namespace Menagerie.Web.Ledger;

/// <summary>The ledger over HTTP: the same reads as the "History in the ledger" pages, and the same verification as <c>menagerie audit verify</c>.</summary>
public static class LedgerEndpoints
{
    public static void MapLedgerEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/specimens/{id}/ledger", async (string id, long? before, LedgerQueries ledger, HttpContext http, CancellationToken ct) =>
                (await ledger.SpecimenAsync(id, before, ct)).ToHttp(http))
            .WithTags("Ledger")
            .WithSummary("An animal's or group's ledger entries, with its events, identifiers and holding periods, newest first; `before` pages on.")
            .Produces<SpecimenLedger>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/transfers/{id:guid}/ledger", async (Guid id, long? before, LedgerQueries ledger, HttpContext http, CancellationToken ct) =>
                (await ledger.TransferAsync(id, before, ct)).ToHttp(http))
            .WithTags("Ledger")
            .WithSummary("A transfer's ledger entries, with its lines, steps, documents, confirmed warnings and journey, newest first.")
            .Produces<TransferLedger>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/users/{userName}/ledger", async (string userName, long? before, LedgerQueries ledger, HttpContext http, CancellationToken ct) =>
                (await ledger.UserAsync(userName, before, ct)).ToHttp(http))
            .WithTags("Ledger")
            .WithSummary("A user's ledger entries, with their memberships, tokens and sign-in attempts (administrator).")
            .Produces<UserLedger>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/ledger/verify", async (LedgerQueries ledger, HttpContext http, CancellationToken ct) => (await ledger.VerifyAsync(ct)).ToHttp(http))
            .WithTags("Ledger")
            .WithSummary("Walks the ledger's hash chain as `menagerie audit verify` does, naming the first broken entry and its record (administrator).")
            .Produces<LedgerVerdict>().ProducesProblem(StatusCodes.Status403Forbidden);
    }
}
