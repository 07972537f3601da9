using System.Globalization;
using Menagerie.App.Persistence;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Menagerie.Web.Shared;

/// <summary>A failure a person can read, with the status code kept for their browser and for scripts.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }

    /// <summary>Where the person was when it happened: a refused sign-in reads differently from a missing page.</summary>
    public string? OriginalPath { get; private set; }

    public IActionResult OnGet(int code) => Show(code);

    public IActionResult OnPost(int code) => Show(code);

    private PageResult Show(int code)
    {
        Code = code is >= 400 and <= 599 ? code : 404;
        if (HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is { } error && DatabaseFailures.IsUnavailable(error))
        {
            Code = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = DatabaseFailures.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }
        OriginalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        Response.StatusCode = Code;
        return Page();
    }

    public string Title(IStringLocalizer t) => Code switch
    {
        400 => t["The request could not be read"],
        401 => t["Please sign in"],
        403 => t["You may not do this"],
        404 => t["Not found"],
        429 => t["Too many attempts"],
        503 => t["The records are unavailable for a moment"],
        _ => t["Something went wrong"],
    };

    public string Explanation(IStringLocalizer t) => Code switch
    {
        400 => t["The form was sent without its security token or with values the page did not expect. Go back, reload the page and try again."],
        401 => t["This page is for signed-in people."],
        403 => t["Your roles do not allow this. Ask your institution's administrator if you need it."],
        404 => t["There is nothing at this address, or it belongs to records you may not see."],
        429 when OriginalPath?.StartsWith("/Account/SignIn", StringComparison.OrdinalIgnoreCase) == true =>
            t["Too many sign-in attempts from your address. Wait a minute, then try again."],
        429 => t["Too many requests from your address. Wait a minute, then try again."],
        503 => t["The database did not answer or could not save, and nothing was changed. Wait a few seconds, then try again; if it goes on, tell your administrator."],
        _ => t["The server could not finish this request, and nothing was changed. Try again; if it happens again, tell your administrator the time it happened."],
    };
}
