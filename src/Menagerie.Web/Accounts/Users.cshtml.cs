using Menagerie.App;
using Menagerie.App.Accounts;
using Menagerie.App.Institutions;
using Menagerie.Web.Localization;
using Menagerie.Web.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Menagerie.Web.Accounts;

/// <summary>
/// The administrator's list of users, found by name or membership, and the form that adds one with a first
/// membership; a password left blank is generated and shown on the answer that adds the user, never again.
/// </summary>
public sealed class UsersModel(AccountCommands accounts, InstitutionCommands institutions, Access access, IOptions<IdentityOptions> identity, IStringLocalizer<Text> t) : PageModel
{
    /// <summary>Part of a name or of a membership's institution or country code.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary><c>locked</c> or <c>disabled</c>: only the users who cannot sign in for that reason.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Show { get; set; }

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public MembershipForm Membership { get; set; } = new();

    public IReadOnlyList<UserView> Users { get; private set; } = [];

    public IReadOnlyList<InstitutionView> Institutions { get; private set; } = [];

    public IReadOnlyList<CountryView> Countries { get; private set; } = [];

    /// <summary>The user just added, with the generated password if there is one: on this answer only.</summary>
    public NewUser? Added { get; private set; }

    public FormProblems Problems { get; private set; } = FormProblems.None;

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var (membership, problems) = Membership.ToInput();
        if (membership is null)
        {
            if (this.AdministratorsOnly(access) is { } forbidden)
                return forbidden;
            Problems = AccountProblems.Of(problems, t, identity.Value);
            return await ShowAsync(ct);
        }
        var password = string.IsNullOrEmpty(Password) ? null : Password;
        switch (await accounts.AddUserAsync(UserName ?? "", password, [membership], ct))
        {
            case Outcome<NewUser>.Created { Value: var added }:
                (Added, UserName, Password, Membership) = (added, null, null, new MembershipForm());
                Response.Headers.CacheControl = "no-store";
                break;
            case Outcome<NewUser>.Conflict conflict:
                Problems = AccountProblems.Of(new Domain.RuleViolation("account.taken", "userName", conflict.Message), t, identity.Value);
                break;
            case Outcome<NewUser>.Invalid invalid:
                Problems = AccountProblems.Of(invalid.Violations, t, identity.Value);
                break;
            case var refused:
                return this.Refusal(refused) ?? throw new InvalidOperationException($"Unexpected outcome {refused}.");
        }
        return await ShowAsync(ct);
    }

    /// <summary>The users the filters leave, by name.</summary>
    public IEnumerable<UserView> Shown() => Users.Where(u =>
        (Show != "locked" || u.LockedOut) && (Show != "disabled" || u.Disabled)
        && (string.IsNullOrWhiteSpace(Q) || u.UserName.Contains(Q.Trim(), StringComparison.OrdinalIgnoreCase)
            || u.Memberships.Any(m => string.Equals(m.Institution ?? m.Country, Q.Trim(), StringComparison.OrdinalIgnoreCase))));

    public static string Link(string userName) => "/admin/users/" + Uri.EscapeDataString(userName).Replace("%40", "@", StringComparison.Ordinal);

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var users = await accounts.ListUsersAsync(ct);
        if (this.Refusal(users) is { } refused)
            return refused;
        Users = ((Outcome<IReadOnlyList<UserView>>.Ok)users).Value;
        Institutions = await institutions.ListAsync(ct);
        Countries = await institutions.ListCountriesAsync(ct);
        return Page();
    }
}
