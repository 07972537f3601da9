using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Menagerie.Web.Localization;

/// <summary>Remembers the language a person chose, for a year, and takes them back where they were.</summary>
public sealed class LanguageModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public IActionResult OnPost(string? language)
    {
        if (Languages.IsOffered(language))
        {
            Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, Languages.CookieValue(language!), new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365),
                IsEssential = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = Request.IsHttps,
            });
        }
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
