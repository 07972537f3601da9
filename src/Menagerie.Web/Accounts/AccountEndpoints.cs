using System.Security.Claims;
using Menagerie.App.Accounts;
using Menagerie.Web.Http;

namespace Menagerie.Web.Accounts;

public sealed record TokenRequest(string Name);

public static class AccountEndpoints
{
    public const string TokenRateLimit = "tokens";

    public static void MapAccountEndpoints(this IEndpointRouteBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("Account").RequireAuthorization();
        me.MapGet("/", async (ClaimsPrincipal principal, AccountCommands accounts, CancellationToken ct) =>
                await accounts.FindUserAsync(UserId(principal), ct) is { } user ? Results.Ok(user) : Results.Unauthorized())
            .WithSummary("Who you are signed in as, and your memberships.")
            .Produces<UserView>().ProducesProblem(StatusCodes.Status401Unauthorized);
        me.MapGet("/tokens", async (ClaimsPrincipal principal, AccountCommands accounts, HttpContext http, CancellationToken ct) =>
                (await accounts.ListTokensAsync(principal.Identity!.Name!, ct)).ToHttp(http))
            .WithSummary("Your personal API tokens (names and prefixes; secrets are never shown again).")
            .Produces<IReadOnlyList<TokenView>>();
        me.MapPost("/tokens", async (TokenRequest request, ClaimsPrincipal principal, AccountCommands accounts, HttpContext http, CancellationToken ct) =>
                (await accounts.CreateTokenAsync(principal.Identity!.Name!, request.Name, ct)).ToHttp(http, location: t => $"/api/v1/me/tokens/{t.Token.Id}"))
            .WithSummary("Creates a personal API token. Its secret is in this answer only: send it as 'Authorization: Bearer <secret>'.")
            .Produces<NewToken>(StatusCodes.Status201Created).ProducesValidationProblem()
            .RequireRateLimiting(TokenRateLimit);
        me.MapDelete("/tokens/{id}", async (string id, ClaimsPrincipal principal, AccountCommands accounts, HttpContext http, CancellationToken ct) =>
                (await accounts.RevokeTokenAsync(principal.Identity!.Name!, id, ct)).ToHttp(http))
            .WithSummary("Revokes one of your tokens, by id or prefix; it stops working at once.")
            .Produces<TokenView>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireRateLimiting(TokenRateLimit);
    }

    private static Guid UserId(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;
}
