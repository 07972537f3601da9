using Menagerie.Domain;
using Microsoft.AspNetCore.Identity;

namespace Menagerie.App.Accounts;

/// <summary>A person who signs in. Names follow <c>role@INSTITUTION</c> in the sample data, but any name will do.</summary>
public sealed class User : IdentityUser<Guid>
{
    /// <summary>The longest user name the accounts' store keeps (ASP.NET Core Identity's column).</summary>
    public const int MaxNameLength = 256;

    private readonly List<Membership> _memberships = [];

    public IReadOnlyList<Membership> Memberships => _memberships;

    /// <summary>
    /// Set by an administrator: the user cannot sign in, and their sessions and API tokens stop working at
    /// their next request. Their memberships and everything they recorded stay.
    /// </summary>
    public bool Disabled { get; private set; }

    /// <summary>Locked out after too many failed sign-ins, until <see cref="IdentityUser{TKey}.LockoutEnd"/>.</summary>
    public bool IsLockedOut(DateTime now) => LockoutEnabled && LockoutEnd > new DateTimeOffset(now);

    internal void Disable() => Disabled = true;

    internal void Enable() => Disabled = false;

    internal void Join(Membership membership) => _memberships.Add(membership);

    internal void Leave(Membership membership) => _memberships.Remove(membership);
}

/// <summary>What a user may do, and where.</summary>
public enum Role
{
    Registrar,
    Curator,
    Veterinarian,
    StudbookKeeper,
    TransportCoordinator,
    Viewer,

    /// <summary>A state's authority: reads the transfers leaving or entering its country and records approvals.</summary>
    Authority,

    /// <summary>Manages institutions and memberships.</summary>
    Administrator,
}

/// <summary>
/// A role held at one institution, an authority over one country, or the administrator role,
/// which belongs to neither.
/// </summary>
public sealed class Membership
{
    private Membership() { }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public Role Role { get; private set; }
    public InstitutionId? InstitutionId { get; private set; }
    public string? CountryCode { get; private set; }

    public static bool IsInstitutionRole(Role role) => role is not (Role.Authority or Role.Administrator);

    internal static Membership Create(Guid userId, Role role, InstitutionId? institution, string? country) => role switch
    {
        Role.Administrator => new() { Id = Guid.CreateVersion7(), UserId = userId, Role = role },
        Role.Authority => new() { Id = Guid.CreateVersion7(), UserId = userId, Role = role, CountryCode = country ?? throw new ArgumentNullException(nameof(country)) },
        _ => AtInstitution(userId, role, institution ?? throw new ArgumentNullException(nameof(institution))),
    };

    internal static Membership AtInstitution(Guid userId, Role role, InstitutionId institution) =>
        new() { Id = Guid.CreateVersion7(), UserId = userId, Role = role, InstitutionId = institution };
}
