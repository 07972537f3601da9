namespace Menagerie.Web.Shared;

/// <summary>The server-rendered pages: one folder per feature beside its API endpoints, every page behind sign-in unless named here.</summary>
public static class Site
{
    /// <summary>The pages anyone may open: what Menagerie is, signing in and out, the language, and the error pages.</summary>
    public static readonly string[] PublicPages = ["/Start/Index", "/Accounts/SignIn", "/Accounts/SignOut", "/Localization/Language", "/Shared/Error"];

    public static IServiceCollection AddMenagerieSite(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/";
            o.Conventions.AuthorizeFolder("/");
            foreach (var page in PublicPages)
                o.Conventions.AllowAnonymousToPage(page);
        });
        services.AddHttpContextAccessor();
        services.AddScoped<Viewer>();
        return services;
    }

    /// <summary>
    /// A person gets a page in their language for a failure or a status without a body (404, 403, 429); an API
    /// client keeps its problem details.
    /// </summary>
    public static IApplicationBuilder UseMenagerieErrorPages(this IApplicationBuilder app)
    {
        app.UseWhen(IsApi, api => api.UseExceptionHandler().UseStatusCodePages());
        app.UseWhen(c => !IsApi(c), site => site.UseExceptionHandler("/error/500").UseStatusCodePagesWithReExecute("/error/{0}"));
        return app;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal);
}
