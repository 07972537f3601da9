using System.Security.Claims;
using System.Threading.RateLimiting;
using Menagerie.App.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

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
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null)
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
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/scalar", StringComparison.Ordinal)
            ? "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; frame-ancestors 'none'"
            : "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";
        return next(context);
    }

    /// <summary>
    /// Names the person behind the request for the ledger, and reads their memberships afresh, so that a
    /// membership taken away stops counting at the next request.
    /// </summary>
    public static async Task IdentifyActor(HttpContext context, RequestDelegate next)
    {
        var services = context.RequestServices;
        if (context.User.Identity is { IsAuthenticated: true, Name: { } name }
            && Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            services.GetRequiredService<App.Persistence.Actor>().Name = name;
            var db = services.GetRequiredService<App.Persistence.MenagerieDbContext>();
            services.GetRequiredService<Access>().ActAs(
                await db.Memberships.AsNoTracking().Where(m => m.UserId == userId).ToListAsync(context.RequestAborted));
        }
        else
        {
            services.GetRequiredService<App.Persistence.Actor>().Name = "web (not signed in)";
        }
        await next(context);
    }

    private static RateLimitPartition<string> PerClient(HttpContext context, int permitPerMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permitPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    private static Task Answer(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
