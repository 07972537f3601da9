using System.Security.Cryptography;
using Menagerie.App.Institutions;
using Menagerie.App.Persistence;
using Menagerie.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Menagerie.App.Accounts;

public sealed record MembershipInput(Role Role, string? Institution = null, string? Country = null);

public sealed record MembershipView(Guid Id, Role Role, string? Institution, string? Country);

public sealed record UserView(Guid Id, string UserName, bool Disabled, bool LockedOut, IReadOnlyList<MembershipView> Memberships);

/// <summary>A user just created; the generated password is shown this once and stored only hashed.</summary>
public sealed record NewUser(UserView User, string? GeneratedPassword);

public sealed record TokenView(Guid Id, string Name, string Prefix, DateTime CreatedAt, DateTime? RevokedAt)
{
    public static TokenView Of(ApiToken t) => new(t.Id, t.Name, t.Prefix, t.CreatedAt, t.RevokedAt);
}

/// <summary>A token just created; its secret is shown this once.</summary>
public sealed record NewToken(TokenView Token, string Secret);

/// <summary>
/// The user behind a request, as read once per request: who they are, the security stamp their sign-in must
/// still carry, and their memberships. Only a user who may be signed in now (not disabled, not locked out) has one.
/// </summary>
public sealed record SignedInUser(Guid Id, string UserName, string? SecurityStamp, IReadOnlyList<Membership> Memberships);

/// <summary>Users, their memberships and their personal API tokens.</summary>
public sealed partial class AccountCommands(MenagerieDbContext db, UserManager<User> users, Access access, SessionCache sessions, DatabaseOptions database)
{
    public const int GeneratedPasswordLength = 20;

    private const string AdministratorsOnly = "Users and memberships are managed by an administrator.";

    public async Task<Outcome<NewUser>> AddUserAsync(string userName, string? password, IReadOnlyList<MembershipInput?>? memberships, CancellationToken ct)
    {
        if (!access.IsAdministrator)
            return new Outcome<NewUser>.Forbidden(AdministratorsOnly);
        var problems = new List<RuleViolation>();
        if (await users.FindByNameAsync(userName ?? "") is not null)
            return new Outcome<NewUser>.Conflict($"There is already a user '{userName}'.");
        var resolved = new List<(Role Role, InstitutionId? Institution, string? Country)>();
        foreach (var (membership, i) in InputList.Present(memberships, "memberships", problems))
            resolved.Add(await ResolveAsync(membership, $"memberships[{i}]", problems, ct));

        var generated = password is null ? GeneratePassword() : null;
        var user = new User { Id = Guid.CreateVersion7(), UserName = userName?.Trim() };
        if (user.UserName?.Length > User.MaxNameLength)
            problems.Add(new("account.user-name-length", "userName", $"A user name has at most {User.MaxNameLength} characters."));
        foreach (var validator in users.UserValidators)
            problems.AddRange(Violations(await validator.ValidateAsync(users, user), "userName"));
        foreach (var validator in users.PasswordValidators)
            problems.AddRange(Violations(await validator.ValidateAsync(users, user, password ?? generated!), "password"));
        if (problems.Count > 0)
            return problems;

        // The user and their memberships are one change: a user without the roles asked for is never seen.
        var refused = await db.InTransactionAsync(async attempt =>
        {
            user = new User { Id = user.Id, UserName = user.UserName };
            var created = await users.CreateAsync(user, password ?? generated!);
            if (!created.Succeeded)
                return Violations(created, "userName").ToList();
            foreach (var (role, institution, country) in resolved)
                user.Join(Membership.Create(user.Id, role, institution, country));
            await db.SaveChangesAsync($"user {user.UserName} added", attempt);
            return null;
        }, ct);
        if (refused is not null)
            return refused;
        return new Outcome<NewUser>.Created(new NewUser(await ViewAsync(user, ct), generated));
    }

    /// <summary>Gives a user one more membership.</summary>
    public async Task<Outcome<UserView>> AddMembershipAsync(string userName, MembershipInput membership, CancellationToken ct)
    {
        if (!access.IsAdministrator)
            return new Outcome<UserView>.Forbidden(AdministratorsOnly);
        var user = await FindWithMembershipsAsync(userName, ct);
        if (user is null)
            return new Outcome<UserView>.NotFound($"There is no user '{userName}'.");
        var problems = new List<RuleViolation>();
        var (role, institution, country) = await ResolveAsync(membership, "membership", problems, ct);
        if (problems.Count > 0)
            return problems;
        if (user.Memberships.Any(m => m.Role == role && m.InstitutionId == institution && m.CountryCode == country))
            return new Outcome<UserView>.Conflict($"{userName} already has that membership.");
        user.Join(Membership.Create(user.Id, role, institution, country));
        await db.SaveChangesAsync($"{userName} made {role}", ct);
        return new Outcome<UserView>.Created(await ViewAsync(user, ct));
    }

    /// <summary>Takes a membership away; it stops counting at the user's next request.</summary>
    public async Task<Outcome<UserView>> RemoveMembershipAsync(string userName, Guid membershipId, CancellationToken ct)
    {
        if (!access.IsAdministrator)
            return new Outcome<UserView>.Forbidden(AdministratorsOnly);
        var user = await FindWithMembershipsAsync(userName, ct);
        var membership = user?.Memberships.FirstOrDefault(m => m.Id == membershipId);
        if (user is null || membership is null)
            return new Outcome<UserView>.NotFound($"{userName} has no membership {membershipId}.");
        user.Leave(membership);
        db.Memberships.Remove(membership);
        await db.SaveChangesAsync($"{userName} no longer {membership.Role}", ct);
        return new Outcome<UserView>.Ok(await ViewAsync(user, ct));
    }

    public async Task<Outcome<IReadOnlyList<UserView>>> ListUsersAsync(CancellationToken ct)
    {
        if (!access.IsAdministrator)
            return new Outcome<IReadOnlyList<UserView>>.Forbidden(AdministratorsOnly);
        var all = await db.Users.AsNoTracking().Include(u => u.Memberships).OrderBy(u => u.UserName).ToListAsync(ct);
        var views = new List<UserView>(all.Count);
        foreach (var user in all)
            views.Add(await ViewAsync(user, ct));
        return new Outcome<IReadOnlyList<UserView>>.Ok(views);
    }

    public async Task<Outcome<NewToken>> CreateTokenAsync(string userName, string tokenName, CancellationToken ct)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
            return new Outcome<NewToken>.NotFound($"There is no user '{userName}'.");
        if (string.IsNullOrWhiteSpace(tokenName) || tokenName.Trim().Length > 100)
            return new Outcome<NewToken>.Invalid([new("token.name", "name", "A token needs a name of at most 100 characters, so you can tell it apart later.")]);
        var (token, secret) = ApiToken.Issue(user.Id, tokenName.Trim(), db.UtcNow);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync($"API token '{token.Name}' created for {user.UserName}", ct);
        return new Outcome<NewToken>.Created(new NewToken(TokenView.Of(token), secret));
    }

    public async Task<Outcome<IReadOnlyList<TokenView>>> ListTokensAsync(string userName, CancellationToken ct)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
            return new Outcome<IReadOnlyList<TokenView>>.NotFound($"There is no user '{userName}'.");
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == user.Id).OrderBy(t => t.CreatedAt).ToListAsync(ct);
        return new Outcome<IReadOnlyList<TokenView>>.Ok(tokens.Select(TokenView.Of).ToList());
    }

    /// <summary>Revokes a token, named by its id or its prefix; it stops working at once.</summary>
    public async Task<Outcome<TokenView>> RevokeTokenAsync(string userName, string idOrPrefix, CancellationToken ct)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
            return new Outcome<TokenView>.NotFound($"There is no user '{userName}'.");
        var candidates = await db.ApiTokens.Where(t => t.UserId == user.Id).ToListAsync(ct);
        var matching = candidates.Where(t => t.Id.ToString() == idOrPrefix || t.Prefix == idOrPrefix).ToList();
        if (matching.Count != 1)
            return new Outcome<TokenView>.NotFound($"{user.UserName} has {(matching.Count == 0 ? "no" : "more than one")} token '{idOrPrefix}'.");
        matching[0].Revoke(db.UtcNow);
        return await Saving.SaveAsync(db, $"API token '{matching[0].Name}' of {user.UserName} revoked", () => TokenView.Of(matching[0]), ct);
    }

    /// <summary>
    /// The user an active token belongs to, with their memberships, or null: no such token, revoked, or its
    /// user disabled. On every token-authenticated request: the access stamp, and the token's user only when the
    /// stamp has moved since they were last read.
    /// </summary>
    public async Task<SignedInUser?> FindByTokenAsync(string secret, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(secret) || !secret.StartsWith(ApiToken.SecretPrefix, StringComparison.Ordinal))
            return null;
        var hash = ApiToken.HashOf(secret);
        return await CachedAsync("token " + hash, () => db.ApiTokens.AsNoTracking().Where(t => t.Hash == hash && t.RevokedAt == null)
            .Join(db.Users, t => t.UserId, u => u.Id, (_, u) => u).Select(Session).FirstOrDefaultAsync(ct), ct);
    }

    /// <summary>
    /// The user a sign-in cookie names, with their memberships, or null when they no longer exist or are disabled.
    /// On every cookie-authenticated request, as <see cref="FindByTokenAsync"/>.
    /// </summary>
    public Task<SignedInUser?> FindSignedInAsync(Guid userId, CancellationToken ct) =>
        CachedAsync("user " + userId, () => db.Users.AsNoTracking().Where(u => u.Id == userId).Select(Session).FirstOrDefaultAsync(ct), ct);

    private async Task<SignedInUser?> CachedAsync(string key, Func<Task<SessionRow?>> read, CancellationToken ct)
    {
        // The stamps are read first: what is read after them is at least as new as the stamps it is kept under.
        var stamps = await AccessStamp.ReadAsync(database, ct);
        db.LedgerHeadRead = stamps.Ledger;
        if (sessions.Find(stamps.Access, key) is { } known)
            return known;
        var user = SignedIn(await read());
        if (user is not null)
            sessions.Keep(stamps.Access, key, user);
        return user;
    }

    private sealed record SessionRow(Guid Id, string? UserName, string? SecurityStamp, bool Disabled, List<Membership> Memberships);

    private static readonly System.Linq.Expressions.Expression<Func<User, SessionRow>> Session = u =>
        new SessionRow(u.Id, u.UserName, u.SecurityStamp, u.Disabled, u.Memberships.ToList());

    // A lockout after wrong passwords stops signing in, not the sessions and tokens the user already has: someone
    // guessing at a name must not be able to stop its owner's work. Disabling stops them all.
    private static SignedInUser? SignedIn(SessionRow? row) =>
        row is null || row.Disabled ? null : new SignedInUser(row.Id, row.UserName ?? "", row.SecurityStamp, row.Memberships);

    /// <summary>Keeps one sign-in attempt; the ledger then has every login and failed login.</summary>
    public async Task RecordSignInAsync(string userName, User? user, bool succeeded, string outcome, string? remoteAddress, CancellationToken ct)
    {
        db.SignIns.Add(SignInRecord.Create(userName, user?.Id, db.UtcNow, succeeded, outcome, remoteAddress));
        await db.SaveChangesAsync(succeeded ? $"{userName} signed in" : $"failed sign-in as {userName}: {outcome}", ct);
    }

    public async Task<UserView?> FindUserAsync(Guid id, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Include(u => u.Memberships).FirstOrDefaultAsync(u => u.Id == id, ct);
        return user is null ? null : await ViewAsync(user, ct);
    }

    /// <summary>A user by name as Identity matches names (normalized), with their memberships.</summary>
    private async Task<User?> FindWithMembershipsAsync(string userName, CancellationToken ct)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is not null)
            await db.Entry(user).Collection(u => u.Memberships).LoadAsync(ct);
        return user;
    }

    public static string GeneratePassword() =>
        RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", GeneratedPasswordLength);

    private async Task<(Role, InstitutionId?, string?)> ResolveAsync(MembershipInput m, string field, List<RuleViolation> problems, CancellationToken ct)
    {
        if (!Enum.IsDefined(m.Role))
        {
            problems.Add(new("membership.role", field, $"'{m.Role}' is not a role."));
            return default;
        }
        if (Membership.IsInstitutionRole(m.Role))
        {
            var institution = string.IsNullOrWhiteSpace(m.Institution) ? null : await InstitutionCommands.FindAsync(db, m.Institution, ct);
            if (institution is null)
                problems.Add(new("membership.institution", field, $"The {m.Role} role is held at an institution; there is no institution '{m.Institution}'."));
            return (m.Role, institution?.Id, null);
        }
        if (m.Role == Role.Authority)
        {
            var code = (m.Country ?? "").Trim().ToUpperInvariant();
            if (!await db.Countries.AnyAsync(c => c.Code == code, ct))
                problems.Add(new("membership.country", field, $"An authority is scoped to a country; there is no country '{m.Country}'."));
            return (m.Role, null, code);
        }
        return (m.Role, null, null);
    }

    private async Task<UserView> ViewAsync(User user, CancellationToken ct) => View(user, await InstitutionCodesAsync(ct));

    private Task<Dictionary<InstitutionId, string>> InstitutionCodesAsync(CancellationToken ct) =>
        db.Institutions.AsNoTracking().ToDictionaryAsync(i => i.Id, i => i.Code, ct);

    private UserView View(User user, Dictionary<InstitutionId, string> codes) =>
        new(user.Id, user.UserName!, user.Disabled, user.IsLockedOut(db.UtcNow),
            user.Memberships.Select(m => new MembershipView(m.Id, m.Role, m.InstitutionId is { } i ? codes[i] : null, m.CountryCode)).ToList());

    private static IEnumerable<RuleViolation> Violations(IdentityResult result, string field) =>
        result.Errors.Select(e => new RuleViolation("account." + e.Code, field, Wording.FromString(e.Description)));
}
