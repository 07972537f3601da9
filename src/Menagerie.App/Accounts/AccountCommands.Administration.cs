using System.Security.Cryptography;
using Menagerie.App.Persistence;
using Menagerie.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Menagerie.App.Accounts;

/// <summary>A password set by an administrator; a generated one is shown this once and stored only hashed.</summary>
public sealed record PasswordReset(UserView User, string? GeneratedPassword);

public sealed partial class AccountCommands
{
    /// <summary>Disables a user: they cannot sign in, and their sessions and tokens stop working at their next request.</summary>
    public Task<Outcome<UserView>> DisableAsync(string userName, CancellationToken ct) =>
        AdministerAsync(userName, async user =>
        {
            if (await IsLastAdministratorAsync(user, ct))
                return [new("account.last-administrator", "userName", $"{user.UserName} is the last administrator who may sign in; give another user the administrator role first.")];
            user.Disable();
            return [];
        }, user => $"user {user.UserName} disabled", ct);

    /// <summary>Lets a disabled user sign in again; their tokens work again.</summary>
    public Task<Outcome<UserView>> EnableAsync(string userName, CancellationToken ct) =>
        AdministerAsync(userName, user =>
        {
            user.Enable();
            return Task.FromResult<IReadOnlyList<RuleViolation>>([]);
        }, user => $"user {user.UserName} enabled", ct);

    /// <summary>Ends a lockout after failed sign-ins, and the count of failed attempts with it.</summary>
    public Task<Outcome<UserView>> UnlockAsync(string userName, CancellationToken ct) =>
        AdministerAsync(userName, user =>
        {
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            return Task.FromResult<IReadOnlyList<RuleViolation>>([]);
        }, user => $"user {user.UserName} unlocked", ct);

    /// <summary>
    /// Sets a user's password (generated, and shown this once, when none is given) and ends their sessions:
    /// a sign-in made with the old password no longer counts. Their API tokens are theirs to revoke.
    /// </summary>
    public async Task<Outcome<PasswordReset>> ResetPasswordAsync(string userName, string? password, CancellationToken ct)
    {
        var generated = password is null ? GeneratePassword() : null;
        var outcome = await AdministerAsync(userName, async user =>
        {
            var problems = await PasswordProblemsAsync(user, password ?? generated!, "password");
            if (problems.Count == 0)
                SetPassword(user, password ?? generated!);
            return problems;
        }, user => $"password of user {user.UserName} reset by an administrator; their sessions ended", ct);
        return outcome is Outcome<UserView>.Ok { Value: var view } ? new Outcome<PasswordReset>.Ok(new PasswordReset(view, generated)) : outcome.As<PasswordReset>();
    }

    /// <summary>One user and their memberships, by name, for the administrator.</summary>
    public async Task<Outcome<UserView>> GetUserAsync(string userName, CancellationToken ct)
    {
        if (!access.IsAdministrator)
            return new Outcome<UserView>.Forbidden(AdministratorsOnly);
        var user = await FindWithMembershipsAsync(userName, ct);
        return user is null ? new Outcome<UserView>.NotFound($"There is no user '{userName}'.") : new Outcome<UserView>.Ok(await ViewAsync(user, ct));
    }

    /// <summary>
    /// A user changes their own password, giving the current one. Their other sessions end; tokens go on working.
    /// Every problem is named at once: a wrong current password and a new one that is too short.
    /// </summary>
    public Task<Outcome<UserView>> ChangeOwnPasswordAsync(string userName, string? current, string? newPassword, CancellationToken ct) =>
        ChangeOwnPasswordAsync(userName, current, newPassword, newPassword, ct);

    /// <summary>
    /// The same, with the new password typed twice as a form asks for it: a repeat that differs is one more
    /// problem, named with the others, and nothing is changed.
    /// </summary>
    public async Task<Outcome<UserView>> ChangeOwnPasswordAsync(string userName, string? current, string? newPassword, string? repeated, CancellationToken ct)
    {
        var user = await FindWithMembershipsAsync(userName, ct);
        if (user is null)
            return new Outcome<UserView>.NotFound($"There is no user '{userName}'.");
        var problems = new List<RuleViolation>();
        if (string.IsNullOrEmpty(current) || user.PasswordHash is null
            || users.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash, current) == PasswordVerificationResult.Failed)
        {
            problems.Add(new("account.password-mismatch", "current", "The current password is wrong."));
        }
        problems.AddRange(await PasswordProblemsAsync(user, newPassword ?? "", "new"));
        if (!string.Equals(newPassword, repeated, StringComparison.Ordinal))
            problems.Add(new("account.password-repeat", "repeat", "The new password and its repeat differ."));
        if (problems.Count > 0)
            return problems;
        SetPassword(user, newPassword!);
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        var codes = await InstitutionCodesAsync(ct);
        return await Saving.SaveAsync(db, $"user {user.UserName} changed their password", () => View(user, codes), ct);
    }

    /// <summary>
    /// An administrator's change to one user, saved with its reason, or every problem and nothing saved. A change
    /// that changes nothing (unlocking a user who is not locked out) writes nothing either.
    /// </summary>
    private async Task<Outcome<UserView>> AdministerAsync(
        string userName, Func<User, Task<IReadOnlyList<RuleViolation>>> change, Func<User, string> reason, CancellationToken ct)
    {
        if (!access.IsAdministrator)
            return new Outcome<UserView>.Forbidden(AdministratorsOnly);
        var user = await FindWithMembershipsAsync(userName, ct);
        if (user is null)
            return new Outcome<UserView>.NotFound($"There is no user '{userName}'.");
        var problems = await change(user);
        if (problems.Count > 0)
            return problems.ToList();
        var codes = await InstitutionCodesAsync(ct);
        if (!db.ChangeTracker.HasChanges())
            return new Outcome<UserView>.Ok(View(user, codes));
        // Identity's own writes (a failed sign-in counted) check this stamp: a race becomes a conflict, not a lost update.
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        return await Saving.SaveAsync(db, reason(user), () => View(user, codes), ct);
    }

    private async Task<bool> IsLastAdministratorAsync(User user, CancellationToken ct) =>
        user.Memberships.Any(m => m.Role == Role.Administrator)
        && !await db.Users.AnyAsync(u => u.Id != user.Id && !u.Disabled && u.Memberships.Any(m => m.Role == Role.Administrator), ct);

    private async Task<List<RuleViolation>> PasswordProblemsAsync(User user, string password, string field)
    {
        var problems = new List<RuleViolation>();
        foreach (var validator in users.PasswordValidators)
            problems.AddRange(Violations(await validator.ValidateAsync(users, user, password), field));
        return problems;
    }

    /// <summary>
    /// Stores the new password's hash and a new security stamp, which every sign-in cookie must carry: the
    /// sessions made before stop at their next request. Written here, not through UserManager, so that the
    /// change is saved once, with its reason in the ledger (which records neither the hash nor the stamp).
    /// </summary>
    private void SetPassword(User user, string password)
    {
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        user.SecurityStamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(20));
    }
}
