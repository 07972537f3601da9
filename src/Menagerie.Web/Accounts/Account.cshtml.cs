using System.Security.Claims;
using Menagerie.App;
using Menagerie.App.Accounts;
using Menagerie.App.Institutions;
using Menagerie.Web.Localization;
using Menagerie.Web.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Menagerie.Web.Accounts;

/// <summary>
/// The signed-in person's own account: who they are and where, their password, and their personal API tokens.
/// A new token's secret is on the one answer that creates it, never again. Sending these forms counts against
/// the sign-in limit, as the API's password and token requests do: each is a chance to guess a password.
/// </summary>
[EnableRateLimiting(Security.SignInRateLimit)]
public sealed class AccountModel(
    AccountCommands accounts, InstitutionCommands institutions, UserManager<User> users, SignInManager<User> signIn,
    IOptions<IdentityOptions> identity, IStringLocalizer<Text> t) : PageModel
{
    [BindProperty]
    public string? Current { get; set; }

    [BindProperty]
    public string? New { get; set; }

    [BindProperty]
    public string? Repeat { get; set; }

    [BindProperty]
    public string? TokenName { get; set; }

    /// <summary>After a change the page says so once: <c>?done=password</c> or <c>?done=revoked</c>.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public UserView Me { get; private set; } = null!;

    public IReadOnlyList<TokenView> Tokens { get; private set; } = [];

    /// <summary>The token just created, with its secret: on this answer only.</summary>
    public NewToken? Created { get; private set; }

    public FormProblems PasswordProblems { get; private set; } = FormProblems.None;

    public FormProblems TokenProblems { get; private set; } = FormProblems.None;

    public IReadOnlyDictionary<string, string> InstitutionNames { get; private set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> CountryNames { get; private set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    private string UserName => User.Identity!.Name!;

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken ct)
    {
        var outcome = await accounts.ChangeOwnPasswordAsync(UserName, Current, New, Repeat, ct);
        (Current, New, Repeat) = (null, null, null);
        if (outcome is Outcome<UserView>.Ok)
        {
            // The new security stamp ends every session made before, this one too: the person goes on here with
            // a cookie that carries the new stamp, as after the API's password change.
            if (User.Identity!.AuthenticationType == IdentityConstants.ApplicationScheme && await users.FindByNameAsync(UserName) is { } user)
                await signIn.RefreshSignInAsync(user);
            return Redirect("/account?done=password");
        }
        if (this.Refusal(outcome) is { } refused)
            return refused;
        PasswordProblems = outcome is Outcome<UserView>.Invalid invalid ? AccountProblems.Of(invalid.Violations, t, identity.Value) : FormProblems.Of(outcome)!;
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostTokenAsync(CancellationToken ct)
    {
        var outcome = await accounts.CreateTokenAsync(UserName, TokenName ?? "", ct);
        if (this.Refusal(outcome) is { } refused)
            return refused;
        if (outcome is Outcome<NewToken>.Created { Value: var created })
        {
            (Created, TokenName) = (created, null);
            Response.Headers.CacheControl = "no-store";
        }
        else
        {
            TokenProblems = outcome is Outcome<NewToken>.Invalid invalid ? AccountProblems.Of(invalid.Violations, t, identity.Value) : FormProblems.Of(outcome)!;
        }
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostRevokeAsync(string id, CancellationToken ct)
    {
        var outcome = await accounts.RevokeTokenAsync(UserName, id ?? "", ct);
        if (this.Refusal(outcome) is { } refused)
            return refused;
        return Redirect("/account?done=revoked");
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var me = Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? await accounts.FindUserAsync(id, ct) : null;
        if (me is null)
            return NotFound();
        Me = me;
        if (await accounts.ListTokensAsync(UserName, ct) is Outcome<IReadOnlyList<TokenView>>.Ok { Value: var tokens })
            Tokens = tokens.OrderBy(token => token.RevokedAt is not null).ThenByDescending(token => token.CreatedAt).ToList();
        InstitutionNames = (await institutions.ListAsync(ct)).ToDictionary(i => i.Code, i => i.Name, StringComparer.Ordinal);
        CountryNames = (await institutions.ListCountriesAsync(ct)).ToDictionary(c => c.Code, c => c.Name, StringComparer.Ordinal);
        return Page();
    }
}
