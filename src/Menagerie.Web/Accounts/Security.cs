using System.Security.Claims;
using System.Threading.RateLimiting;
using Menagerie.App.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Menagerie.Web.Accounts;

/// <summary>Authentication, rate limits and response headers: the web app's defences in one place.</summary>
public static class Security
{
    public const string SignInRateLimit = "sign-in";
    public const string PolicyScheme = "Menagerie";

    public static IServiceCollection AddMenagerieSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        new IdentityBuilder(typeof(User), services).AddSignInManager();
        services.AddAuthentication(PolicyScheme)
            .AddPolicyScheme(PolicyScheme, "Sign-in cookie or API token", o => o.ForwardDefaultSelector = ApiTokenAuthentication.Select)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/SignIn";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // An API client gets a status code, not a redirect to a page meant for people.
            o.Events.OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden);
            // In place of Identity's SecurityStampValidator, which looks every 30 minutes: every request.
            o.Events.OnValidatePrincipal = ValidateSessionAsync;
        });
        services.AddAuthorization();

        var permitPerMinute = configuration.GetValue("Menagerie:RateLimit:SignInPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only attempts count: reading the sign-in page again is not guessing a password.
            o.AddPolicy(SignInRateLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? PerClient(context, permitPerMinute)
                : RateLimitPartition.GetNoLimiter("page"));
            o.AddPolicy(AccountEndpoints.TokenRateLimit, context => PerClient(context, permitPerMinute));
        });
        return services;
    }

    /// <summary>Security headers on every answer. Scalar's page needs its inline start-up script; nothing else does.</summary>
    public static Task AddHeaders(HttpContext context, RequestDelegate next)
    {
        // Set as the answer starts, not before: an error page clears the headers of the answer it replaces.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/scalar", StringComparison.Ordinal)
                ? "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; frame-ancestors 'none'"
                : "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";
            return Task.CompletedTask;
        });
        return next(context);
    }

    /// <summary>
    /// Checks a sign-in cookie on every request (the user read again only when someone's access has changed since,
    /// <see cref="AccountCommands.FindSignedInAsync"/>): its user must still exist, not be disabled, and carry the
    /// security stamp the cookie was issued with (a password reset changes it). A
    /// cookie that fails is removed and the request goes on as nobody's: 401 from the API, the sign-in page from
    /// a page that needs it. A cookie that passes brings the user's memberships, read afresh, so that a membership
    /// taken away stops counting at the next request.
    /// </summary>
    public static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var user = Guid.TryParse(context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            ? await services.GetRequiredService<AccountCommands>().FindSignedInAsync(userId, context.HttpContext.RequestAborted)
            : null;
        if (user is null || !string.Equals(user.SecurityStamp, context.Principal!.FindFirstValue(stampClaim), StringComparison.Ordinal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        services.GetRequiredService<Access>().ActAs(user.Memberships);
    }

    /// <summary>
    /// Names the person behind the request for the ledger. Their memberships came with their sign-in cookie or
    /// token, checked on this request (<see cref="ValidateSessionAsync"/>, <see cref="ApiTokenAuthentication"/>).
    /// </summary>
    public static Task IdentifyActor(HttpContext context, RequestDelegate next)
    {
        context.RequestServices.GetRequiredService<App.Persistence.Actor>().Name =
            context.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : "web (not signed in)";
        return next(context);
    }

    private static RateLimitPartition<string> PerClient(HttpContext context, int permitPerMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permitPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    private static Task Answer(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
