using Menagerie.App.Accounts;
using Menagerie.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Menagerie.Web.Accounts;

[EnableRateLimiting(Security.SignInRateLimit)]
public sealed class SignInModel(SignInManager<User> signIn, UserManager<User> users, AccountCommands accounts, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty]
    public string UserName { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.FindByNameAsync(UserName);
        // A disabled user is answered as a name that does not exist: the password is not even tried.
        var result = user is null || user.Disabled
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        var outcome = result switch
        {
            { Succeeded: true } => "signed in",
            { IsLockedOut: true } => "locked out",
            { IsNotAllowed: true } => "not allowed",
            _ when user is null => "unknown user",
            _ when user.Disabled => "disabled",
            _ => "wrong password",
        };
        await accounts.RecordSignInAsync(UserName, user, result.Succeeded, outcome, HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        // One message for a wrong name and a wrong password, so the page does not tell which names exist.
        Problem = result.IsLockedOut
            ? t["This account is locked after too many failed attempts. Try again in 15 minutes."]
            : t["The user name or the password is wrong."];
        return Page();
    }
}
