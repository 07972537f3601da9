using Menagerie.App;
using Menagerie.App.Accounts;
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

    /// <summary>
    /// The 403 page for a page only an administrator may open, by the rule the use cases behind it check
    /// (<see cref="Access.IsAdministrator"/>): for a form that shows no records yet, or a form the page itself
    /// finds unreadable before a use case sees it. Null for the administrator.
    /// </summary>
    public static IActionResult? AdministratorsOnly(this PageModel page, Access access) =>
        access.IsAdministrator ? null : page.StatusCode(StatusCodes.Status403Forbidden);
}
