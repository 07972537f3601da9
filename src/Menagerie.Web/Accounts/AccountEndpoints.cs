using System.Security.Claims;
using Menagerie.App.Accounts;
using Menagerie.Web.Http;
using Microsoft.AspNetCore.Identity;

namespace Menagerie.Web.Accounts;

public sealed record TokenRequest(string Name);

public sealed record NewUserRequest(string UserName, string? Password, IReadOnlyList<MembershipInput?>? Memberships);

/// <summary>The password an administrator sets; none, and one is generated and returned this once.</summary>
public sealed record PasswordResetRequest(string? Password);

public sealed record OwnPasswordChange(string? Current, string? New);

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
        me.MapPost("/password", ChangeOwnPasswordAsync)
            .WithSummary("Changes your password: the current one and the new one (at least 12 characters). Your other sign-in sessions end; your tokens go on working.")
            .Produces<UserView>().ProducesValidationProblem()
            .RequireRateLimiting(Security.SignInRateLimit);
    }

    private static async Task<IResult> ChangeOwnPasswordAsync(
        OwnPasswordChange request, ClaimsPrincipal principal, AccountCommands accounts, UserManager<User> users, SignInManager<User> signIn, HttpContext http, CancellationToken ct)
    {
        var outcome = await accounts.ChangeOwnPasswordAsync(principal.Identity!.Name!, request.Current, request.New, ct);
        // The new security stamp ends every session made before, this one too: a person changing their password
        // in the browser stays signed in, with a cookie that carries the new stamp.
        if (outcome is App.Outcome<UserView>.Ok && principal.Identity.AuthenticationType == IdentityConstants.ApplicationScheme
            && await users.FindByNameAsync(principal.Identity.Name!) is { } user)
        {
            await signIn.RefreshSignInAsync(user);
        }
        return outcome.ToHttp(http);
    }

    /// <summary>The administrator's: users and their memberships.</summary>
    public static void MapUserEndpoints(this IEndpointRouteBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Users");
        users.MapGet("/", async (AccountCommands accounts, HttpContext http, CancellationToken ct) => (await accounts.ListUsersAsync(ct)).ToHttp(http))
            .WithSummary("Every user and their memberships (administrator).")
            .Produces<IReadOnlyList<UserView>>().ProducesProblem(StatusCodes.Status403Forbidden);
        users.MapPost("/", async (NewUserRequest request, AccountCommands accounts, HttpContext http, CancellationToken ct) =>
                (await accounts.AddUserAsync(request.UserName, request.Password, request.Memberships, ct))
                    .ToHttp(http, location: u => $"/api/v1/users/{Uri.EscapeDataString(u.User.UserName)}"))
            .WithSummary("Adds a user with memberships (administrator). Without a password one is generated and returned this once.")
            .Produces<NewUser>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        users.MapPost("/{userName}/memberships", async (string userName, MembershipInput membership, AccountCommands accounts, HttpContext http, CancellationToken ct) =>
                (await accounts.AddMembershipAsync(userName, membership, ct)).ToHttp(http))
            .WithSummary("Gives a user a role at an institution, an authority over a country, or the administrator role (administrator).")
            .Produces<UserView>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        users.MapDelete("/{userName}/memberships/{id:guid}", async (string userName, Guid id, AccountCommands accounts, HttpContext http, CancellationToken ct) =>
                (await accounts.RemoveMembershipAsync(userName, id, ct)).ToHttp(http))
            .WithSummary("Takes a membership away; it stops counting at the user's next request (administrator).")
            .Produces<UserView>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        users.MapPost("/{userName}/disable", async (string userName, AccountCommands accounts, HttpContext http, CancellationToken ct) =>
                (await accounts.DisableAsync(userName, ct)).ToHttp(http))
            .WithSummary("Disables a user: they cannot sign in, and their sessions and API tokens stop working at their next request (administrator).")
            .Produces<UserView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        users.MapPost("/{userName}/enable", async (string userName, AccountCommands accounts, HttpContext http, CancellationToken ct) =>
                (await accounts.EnableAsync(userName, ct)).ToHttp(http))
            .WithSummary("Lets a disabled user sign in again; their API tokens work again (administrator).")
            .Produces<UserView>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        users.MapPost("/{userName}/unlock", async (string userName, AccountCommands accounts, HttpContext http, CancellationToken ct) =>
                (await accounts.UnlockAsync(userName, ct)).ToHttp(http))
            .WithSummary("Ends a lockout after failed sign-ins, and resets the count of failed attempts (administrator).")
            .Produces<UserView>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        users.MapPost("/{userName}/reset-password", async (string userName, PasswordResetRequest? request, AccountCommands accounts, HttpContext http, CancellationToken ct) =>
                (await accounts.ResetPasswordAsync(userName, request?.Password, ct)).ToHttp(http))
            .WithSummary("Sets a user's password, or generates one and returns it this once, and ends their sign-in sessions (administrator).")
            .Produces<PasswordReset>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static Guid UserId(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;
}
