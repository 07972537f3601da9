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
        // Identity hashes nothing for a name it does not know, nor for a locked account: hashing once here then
        // makes every failed sign-in take as long as a wrong password does, so that time does not tell them apart.
        if (user is null || user.Disabled || result.IsLockedOut)
            users.PasswordHasher.VerifyHashedPassword(Unknown, UnknownHash.Value, Password);
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
        // One message for a wrong name, a wrong password and a locked account, so the page does not tell which names exist.
        Problem = t["The user name or the password is wrong, or the account is locked for 15 minutes after too many failed attempts."];
        return Page();
    }

    private static readonly User Unknown = new();

    private static readonly Lazy<string> UnknownHash = new(() => new PasswordHasher<User>().HashPassword(Unknown, Guid.NewGuid().ToString()));
}
