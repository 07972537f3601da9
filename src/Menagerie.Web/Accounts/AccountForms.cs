using Menagerie.App.Accounts;
using Menagerie.Domain;
using Menagerie.Web.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Menagerie.Web.Accounts;

/// <summary>A membership as the form holds it: a role, and the institution or country it is held at (one, or neither).</summary>
public sealed class MembershipForm
{
    public string? Role { get; set; }
    public string? Institution { get; set; }
    public string? Country { get; set; }

    /// <summary>The membership to give, or the problem that there is no role to give; the use case checks the rest.</summary>
    public (MembershipInput? Input, List<RuleViolation> Problems) ToInput()
    {
        if (!Enum.TryParse<Role>(Role, ignoreCase: true, out var role) || !Enum.IsDefined(role))
            return (null, [new("membership.role", "role", $"'{Role}' is not a role.")]);
        return (new MembershipInput(role, OptionalText.From(Institution), OptionalText.From(Country)), []);
    }
}

/// <summary>
/// The problems the account use cases name, in the reader's language for the rules a person meets on these
/// pages (a wrong or short password, a name taken, a membership without its place); any other as the use case
/// wrote it. A membership's problems stand beside the field they are about.
/// </summary>
public static class AccountProblems
{
    public static FormProblems Of(IReadOnlyList<RuleViolation> violations, IStringLocalizer t, IdentityOptions identity) =>
        new(violations.Select(v => v with { Field = Field(v), Wording = Message(v, t, identity) }).ToList());

    public static FormProblems Of(RuleViolation violation, IStringLocalizer t, IdentityOptions identity) => Of([violation], t, identity);

    private static string Field(RuleViolation v) => v.Code switch
    {
        "membership.role" => "role",
        "membership.institution" => "institution",
        "membership.country" => "country",
        _ => v.Field,
    };

    private static Wording Message(RuleViolation v, IStringLocalizer t, IdentityOptions identity) => v.Code switch
    {
        "account.password-mismatch" => t["The current password is wrong."].Value,
        "account.password-repeat" => t["The new password and its repeat differ."].Value,
        "account.PasswordTooShort" => t["A password needs at least {0} characters.", identity.Password.RequiredLength].Value,
        "account.InvalidUserName" => t["A user name is needed, made of Latin letters, digits and - . _ @ + only."].Value,
        "account.DuplicateUserName" or "account.taken" => t["There is already a user with this name."].Value,
        "account.last-administrator" => t["This is the last administrator who may sign in: give another user the administrator role first."].Value,
        "membership.role" => t["Choose a role."].Value,
        "membership.institution" => t["This role is held at an institution: choose one."].Value,
        "membership.country" => t["An authority is scoped to a country: choose one."].Value,
        "membership.taken" => t["They already have this membership."].Value,
        "token.name" => t["A token needs a name of at most 100 characters, so you can tell it apart later."].Value,
        _ => v.Wording,
    };
}

/// <summary>A membership in words: "curator at MOSCOW", "authority over KP", "administrator".</summary>
public static class MembershipWords
{
    /// <summary>The membership in words, its institution or country named by <paramref name="place"/> (by default, its code).</summary>
    public static string Of(IStringLocalizer t, MembershipView m, Func<string, string>? place = null)
    {
        place ??= code => code;
        var role = Labels.Of(t, m.Role);
        return m switch
        {
            { Institution: { } institution } => t["{0} at {1}", role, place(institution)].Value,
            { Country: { } country } => t["{0} over {1}", role, place(country)].Value,
            _ => role,
        };
    }
}

/// <summary>What the membership fields of a form show: the choices, what was chosen, and the problems found.</summary>
public sealed record MembershipFields(string Legend, MembershipForm Form, IReadOnlyList<App.Institutions.InstitutionView> Institutions, IReadOnlyList<App.Institutions.CountryView> Countries, FormProblems Problems);
