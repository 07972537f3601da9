using System.Security.Claims;
using System.Text.Encodings.Web;
using Menagerie.App.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Menagerie.Web.Accounts;

/// <summary>
/// Personal API tokens sent as <c>Authorization: Bearer mng_…</c>. The token is looked up by its hash, with its
/// user's state and memberships, and kept until someone's access changes (<see cref="AccountCommands.FindByTokenAsync"/>),
/// so a revoked token, or the token of a user disabled, stops working from the next request.
/// </summary>
public sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccountCommands accounts, Access access)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Token";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
            return AuthenticateResult.NoResult();
        var user = await accounts.FindByTokenAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (user is null)
            return AuthenticateResult.Fail("The token is not valid, or has been revoked, or its user may not sign in now.");
        access.ActAs(user.Memberships);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()), new Claim(ClaimTypes.Name, user.UserName)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>Chooses the token scheme for requests that carry a bearer token, the sign-in cookie otherwise.</summary>
    public static string Select(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal)
            ? SchemeName
            : Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme;
}
