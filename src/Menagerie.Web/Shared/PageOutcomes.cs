using Menagerie.App;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Menagerie.Web.Shared;

/// <summary>The one place where a use case's failure becomes a page: 404 and 403 as readable pages, the rest for the form to show.</summary>
public static class PageOutcomes
{
    /// <summary>The status page for a record that is not there (or not the viewer's) or not the viewer's to change; null otherwise.</summary>
    public static IActionResult? Refusal<T>(this PageModel page, Outcome<T> outcome) => outcome switch
    {
        Outcome<T>.NotFound => page.NotFound(),
        Outcome<T>.Forbidden => page.StatusCode(StatusCodes.Status403Forbidden),
        _ => null,
    };
}
