using Menagerie.App;
using Menagerie.App.Accounts;
using Menagerie.App.Institutions;
using Menagerie.Domain;
using Menagerie.Web.Localization;
using Menagerie.Web.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Menagerie.Web.Accounts;

/// <summary>
/// One user, for the administrator: their memberships, given and taken away; disabling, enabling and unlocking
/// them; and a new password, set or generated (shown on this one answer). Each is a form of its own.
/// </summary>
public sealed class UserModel(
    AccountCommands accounts, InstitutionCommands institutions, Access access, UserManager<User> users, SignInManager<User> signIn,
    IOptions<IdentityOptions> identity, IStringLocalizer<Text> t) : PageModel
{
    /// <summary>What the page says once after a change: <c>joined</c>, <c>left</c>, <c>disabled</c>, <c>enabled</c>, <c>unlocked</c>.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    [BindProperty]
    public MembershipForm Membership { get; set; } = new();

    [BindProperty]
    public string? Password { get; set; }

    public UserView Shown { get; private set; } = null!;

    public IReadOnlyList<InstitutionView> Institutions { get; private set; } = [];

    public IReadOnlyList<CountryView> Countries { get; private set; } = [];

    /// <summary>The password just set, with the generated one if there is one: on this answer only.</summary>
    public PasswordReset? Reset { get; private set; }

    /// <summary>The problems of the form just sent, and which form it was (<c>membership</c>, <c>sign-in</c>, <c>password</c>).</summary>
    public FormProblems Problems { get; private set; } = FormProblems.None;

    public string? ProblemsOf { get; private set; }

    public async Task<IActionResult> OnGetAsync(string name, CancellationToken ct) => await ShowAsync(await accounts.GetUserAsync(name, ct), ct);

    public async Task<IActionResult> OnPostJoinAsync(string name, CancellationToken ct)
    {
        var (membership, problems) = Membership.ToInput();
        if (membership is null)
            return this.AdministratorsOnly(access) ?? await RefusedAsync(name, "membership", problems, ct);
        return await accounts.AddMembershipAsync(name, membership, ct) switch
        {
            Outcome<UserView>.Created created => Saved(created.Value.UserName, "joined"),
            Outcome<UserView>.Conflict conflict => await RefusedAsync(name, "membership", [new("membership.taken", "role", conflict.Message)], ct),
            Outcome<UserView>.Invalid invalid => await RefusedAsync(name, "membership", invalid.Violations, ct),
            var other => Refused(other),
        };
    }

    public async Task<IActionResult> OnPostLeaveAsync(string name, Guid membership, CancellationToken ct) =>
        await accounts.RemoveMembershipAsync(name, membership, ct) switch
        {
            Outcome<UserView>.Ok ok => Saved(ok.Value.UserName, "left"),
            var other => Refused(other),
        };

    public Task<IActionResult> OnPostDisableAsync(string name, CancellationToken ct) => SignInChangeAsync(name, accounts.DisableAsync(name, ct), "disabled", ct);

    public Task<IActionResult> OnPostEnableAsync(string name, CancellationToken ct) => SignInChangeAsync(name, accounts.EnableAsync(name, ct), "enabled", ct);

    public Task<IActionResult> OnPostUnlockAsync(string name, CancellationToken ct) => SignInChangeAsync(name, accounts.UnlockAsync(name, ct), "unlocked", ct);

    public async Task<IActionResult> OnPostResetAsync(string name, CancellationToken ct)
    {
        var outcome = await accounts.ResetPasswordAsync(name, string.IsNullOrEmpty(Password) ? null : Password, ct);
        Password = null;
        if (outcome is Outcome<PasswordReset>.Invalid invalid)
            return await RefusedAsync(name, "password", invalid.Violations, ct);
        if (outcome is not Outcome<PasswordReset>.Ok { Value: var reset })
            return Refused(outcome);
        // An administrator who resets their own password goes on here, as after changing it on their account page.
        if (string.Equals(reset.User.UserName, User.Identity?.Name, StringComparison.Ordinal)
            && User.Identity!.AuthenticationType == IdentityConstants.ApplicationScheme && await users.FindByNameAsync(reset.User.UserName) is { } self)
            await signIn.RefreshSignInAsync(self);
        Reset = reset;
        Response.Headers.CacheControl = "no-store";
        return await ShowAsync(new Outcome<UserView>.Ok(reset.User), ct);
    }

    /// <summary>Whether a user may sign in, in words.</summary>
    public static string SignInState(IStringLocalizer t, UserView user) =>
        user.Disabled ? t["disabled"] : user.LockedOut ? t["locked out after failed sign-ins"] : t["may sign in"];

    private async Task<IActionResult> SignInChangeAsync(string name, Task<Outcome<UserView>> change, string done, CancellationToken ct) =>
        await change switch
        {
            Outcome<UserView>.Ok ok => Saved(ok.Value.UserName, done),
            Outcome<UserView>.Invalid invalid => await RefusedAsync(name, "sign-in", invalid.Violations, ct),
            var other => Refused(other),
        };

    private RedirectResult Saved(string name, string what) => Redirect($"{UsersModel.Link(name)}?done={what}");

    private IActionResult Refused<T>(Outcome<T> outcome) => this.Refusal(outcome) ?? throw new InvalidOperationException($"Unexpected outcome {outcome}.");

    /// <summary>The page again with the problems of one of its forms, and what was typed in it.</summary>
    private async Task<IActionResult> RefusedAsync(string name, string form, IReadOnlyList<RuleViolation> problems, CancellationToken ct)
    {
        var found = AccountProblems.Of(problems, t, identity.Value);
        // Disabling, enabling and unlocking have no field to stand beside: their problem is the form's.
        (Problems, ProblemsOf) = (form == "sign-in" ? new FormProblems([]) { General = Domain.Wording.Join(" ", found.All.Select(v => v.Wording)) } : found, form);
        return await ShowAsync(await accounts.GetUserAsync(name, ct), ct);
    }

    private async Task<IActionResult> ShowAsync(Outcome<UserView> user, CancellationToken ct)
    {
        if (this.Refusal(user) is { } refused)
            return refused;
        Shown = ((Outcome<UserView>.Ok)user).Value;
        Institutions = await institutions.ListAsync(ct);
        Countries = await institutions.ListCountriesAsync(ct);
        return Page();
    }
}
