using Menagerie.App.Accounts;
using Menagerie.App.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Menagerie.App.Sample;

/// <summary>A sample user created now, with the password to sign in as them (null when it was configured, not generated).</summary>
public sealed record SampleUser(string UserName, string? GeneratedPassword);

/// <summary>
/// The sample accounts: one user per role at each of the four sample zoos (<c>registrar@MOSCOW</c>,
/// <c>curator@PRAGUE</c>, …), an authority for each of their countries (<c>authority@RU</c>, <c>authority@DE</c>)
/// and <c>admin</c>. Passwords are generated
/// and shown once, or all take <c>Menagerie:Sample:Password</c> when it is set; none is written in code.
/// </summary>
public sealed class SampleAccounts(MenagerieDbContext db, AccountCommands accounts, UserManager<User> users)
{
    public static readonly string[] Institutions = ["MOSCOW", "PYONGYANG", "BERLIN", "PRAGUE"];

    private static readonly (string Prefix, Role Role)[] InstitutionRoles =
    [
        ("registrar", Role.Registrar), ("curator", Role.Curator), ("veterinarian", Role.Veterinarian),
        ("studbook-keeper", Role.StudbookKeeper), ("transport-coordinator", Role.TransportCoordinator), ("viewer", Role.Viewer),
    ];

    /// <summary>Creates the sample users that do not exist yet. Returns them; an empty list when all were there.</summary>
    public async Task<Outcome<IReadOnlyList<SampleUser>>> EnsureAsync(string? password, CancellationToken ct)
    {
        var wanted = new List<(string Name, MembershipInput Membership)> { ("admin", new MembershipInput(Role.Administrator)) };
        foreach (var code in Institutions)
        {
            var institution = await db.Institutions.AsNoTracking().FirstOrDefaultAsync(i => i.Code == code, ct);
            if (institution is null)
                continue;
            wanted.AddRange(InstitutionRoles.Select(r => ($"{r.Prefix}@{code}", new MembershipInput(r.Role, code))));
            wanted.Add(($"authority@{institution.CountryCode}", new MembershipInput(Role.Authority, Country: institution.CountryCode)));
        }

        var created = new List<SampleUser>();
        foreach (var (name, membership) in wanted)
        {
            if (await users.FindByNameAsync(name) is not null)
                continue;
            switch (await accounts.AddUserAsync(name, password, [membership], ct))
            {
                case Outcome<NewUser>.Created { Value: var user }:
                    created.Add(new SampleUser(name, user.GeneratedPassword));
                    break;
                case Outcome<NewUser>.Invalid invalid:
                    return invalid.Violations.Select(v => v with { Field = "Menagerie:Sample:Password" }).ToList();
                case var other:
                    throw new InvalidOperationException($"Sample user {name}: {other}");
            }
        }
        return new Outcome<IReadOnlyList<SampleUser>>.Ok(created);
    }
}
