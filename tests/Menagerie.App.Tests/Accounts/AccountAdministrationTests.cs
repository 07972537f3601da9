using Menagerie.App.Accounts;
using Menagerie.App.Persistence;
using Menagerie.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Menagerie.App.Tests.Given;

namespace Menagerie.App.Tests.Accounts;

public sealed class AccountAdministrationTests
{
    private const string Password = "a long enough passphrase";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_disabled_user_has_no_session_until_enabled_again(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TwoZoosAndALionAsync(database);
        await using var services = database.Services();
        await using var scope = services.Scope(actor: "admin");
        var accounts = scope.ServiceProvider.GetRequiredService<AccountCommands>();
        var user = Ok(await accounts.AddUserAsync("registrar@MOSCOW", Password, [new(Role.Registrar, "MOSCOW")], Ct)).User;
        var token = Ok(await accounts.CreateTokenAsync("registrar@MOSCOW", "census script", Ct)).Secret;

        var disabled = Ok(await accounts.DisableAsync("registrar@MOSCOW", Ct));
        var byTokenWhileDisabled = await accounts.FindByTokenAsync(token, Ct);
        var byIdWhileDisabled = await accounts.FindSignedInAsync(user.Id, Ct);
        var enabled = Ok(await accounts.EnableAsync("registrar@MOSCOW", Ct));
        var byToken = await accounts.FindByTokenAsync(token, Ct);

        Assert.True(disabled.Disabled);
        Assert.Null(byTokenWhileDisabled);
        Assert.Null(byIdWhileDisabled);
        Assert.False(enabled.Disabled);
        Assert.Equal("registrar@MOSCOW", byToken?.UserName);
        Assert.Equal(Role.Registrar, Assert.Single(byToken!.Memberships).Role);
        Assert.Equal(["user registrar@MOSCOW disabled", "user registrar@MOSCOW enabled"], await LastReasonsAsync(database, 2));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_locked_out_user_keeps_their_token_and_unlocking_clears_the_lockout_and_the_count(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TwoZoosAndALionAsync(database);
        await using var services = database.Services();
        await using var scope = services.Scope(actor: "admin");
        var accounts = scope.ServiceProvider.GetRequiredService<AccountCommands>();
        Ok(await accounts.AddUserAsync("viewer@MOSCOW", Password, [new(Role.Viewer, "MOSCOW")], Ct));
        var token = Ok(await accounts.CreateTokenAsync("viewer@MOSCOW", "census script", Ct)).Secret;
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = (await users.FindByNameAsync("viewer@MOSCOW"))!;
        for (var i = 0; i < 5; i++)
            await users.AccessFailedAsync(user);

        var whileLocked = await accounts.FindByTokenAsync(token, Ct);
        var listed = Ok(await accounts.ListUsersAsync(Ct)).Single(u => u.UserName == "viewer@MOSCOW");
        var unlocked = Ok(await accounts.UnlockAsync("viewer@MOSCOW", Ct));
        var afterwards = await accounts.FindByTokenAsync(token, Ct);

        // Locked out after wrong passwords, they may not sign in; the token they already have goes on working.
        Assert.NotNull(whileLocked);
        Assert.True(listed.LockedOut);
        Assert.False(unlocked.LockedOut);
        Assert.NotNull(afterwards);
        await using var db = TestDatabase.Open(database.Options);
        var stored = await db.Users.SingleAsync(u => u.UserName == "viewer@MOSCOW", Ct);
        Assert.Equal((null, 0), (stored.LockoutEnd, stored.AccessFailedCount));
        Assert.Equal(["user viewer@MOSCOW unlocked"], await LastReasonsAsync(database, 1));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_reset_password_works_ends_the_old_stamp_and_never_enters_the_ledger(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TwoZoosAndALionAsync(database);
        await using var services = database.Services();
        var (oldStamp, chosen, generated) = (default(string), default(PasswordReset), default(PasswordReset));
        await using (var scope = services.Scope(actor: "admin"))
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountCommands>();
            var user = Ok(await accounts.AddUserAsync("curator@MOSCOW", Password, [new(Role.Curator, "MOSCOW")], Ct)).User;
            oldStamp = (await accounts.FindSignedInAsync(user.Id, Ct))!.SecurityStamp;
            chosen = Ok(await accounts.ResetPasswordAsync("curator@MOSCOW", "a new passphrase of mine", Ct));
            generated = Ok(await accounts.ResetPasswordAsync("curator@MOSCOW", null, Ct));
        }

        await using var check = services.Scope();
        var users = check.ServiceProvider.GetRequiredService<UserManager<User>>();
        var stored = (await users.FindByNameAsync("curator@MOSCOW"))!;
        Assert.Null(chosen.GeneratedPassword);
        Assert.Equal(AccountCommands.GeneratedPasswordLength, generated.GeneratedPassword?.Length);
        Assert.True(await users.CheckPasswordAsync(stored, generated.GeneratedPassword!));
        Assert.False(await users.CheckPasswordAsync(stored, Password));
        Assert.NotEqual(oldStamp, stored.SecurityStamp);
        await using var db = TestDatabase.Open(database.Options);
        var ledger = await db.LedgerEntries.Select(e => e.Reason + e.Before + e.After).ToListAsync(Ct);
        Assert.DoesNotContain(ledger, text => text.Contains("a new passphrase of mine", StringComparison.Ordinal)
            || text.Contains(generated.GeneratedPassword!, StringComparison.Ordinal) || text.Contains(stored.PasswordHash!, StringComparison.Ordinal)
            || text.Contains(stored.SecurityStamp!, StringComparison.Ordinal));
        Assert.Equal(2, (await LastReasonsAsync(database, 2)).Count(r => r == "password of user curator@MOSCOW reset by an administrator; their sessions ended"));
    }

    [Fact]
    public async Task Only_an_administrator_administers_users_and_an_unknown_user_is_not_found()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await TwoZoosAndALionAsync(database);
        await using var services = database.Services();
        await using (var admin = services.Scope(actor: "admin"))
            Ok(await admin.ServiceProvider.GetRequiredService<AccountCommands>().AddUserAsync("viewer@MOSCOW", Password, [new(Role.Viewer, "MOSCOW")], Ct));
        await using var db = TestDatabase.Open(database.Options);
        var moscow = await db.Institutions.SingleAsync(i => i.Code == "MOSCOW", Ct);
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Access>().ActAs([Membership.AtInstitution(Guid.NewGuid(), Role.Curator, moscow.Id)]);
        var accounts = scope.ServiceProvider.GetRequiredService<AccountCommands>();
        var before = await db.LedgerEntries.CountAsync(Ct);

        Assert.IsType<Outcome<UserView>.Forbidden>(await accounts.DisableAsync("viewer@MOSCOW", Ct));
        Assert.IsType<Outcome<UserView>.Forbidden>(await accounts.EnableAsync("viewer@MOSCOW", Ct));
        Assert.IsType<Outcome<UserView>.Forbidden>(await accounts.UnlockAsync("viewer@MOSCOW", Ct));
        Assert.IsType<Outcome<PasswordReset>.Forbidden>(await accounts.ResetPasswordAsync("viewer@MOSCOW", null, Ct));
        await using var operatorScope = services.Scope(actor: "admin");
        Assert.IsType<Outcome<UserView>.NotFound>(await operatorScope.ServiceProvider.GetRequiredService<AccountCommands>().DisableAsync("nobody@MOSCOW", Ct));
        Assert.IsType<Outcome<PasswordReset>.NotFound>(await operatorScope.ServiceProvider.GetRequiredService<AccountCommands>().ResetPasswordAsync("nobody@MOSCOW", null, Ct));
        Assert.Equal(before, await db.LedgerEntries.CountAsync(Ct));
    }

    [Fact]
    public async Task The_last_administrator_who_may_sign_in_cannot_be_disabled()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await TwoZoosAndALionAsync(database);
        await using var services = database.Services();
        await using var scope = services.Scope(actor: "admin");
        var accounts = scope.ServiceProvider.GetRequiredService<AccountCommands>();
        Ok(await accounts.AddUserAsync("admin", Password, [new(Role.Administrator)], Ct));
        Ok(await accounts.AddUserAsync("deputy", Password, [new(Role.Administrator)], Ct));

        Ok(await accounts.DisableAsync("deputy", Ct));
        var last = await accounts.DisableAsync("admin", Ct);

        var invalid = Assert.IsType<Outcome<UserView>.Invalid>(last);
        Assert.Equal("account.last-administrator", Assert.Single(invalid.Violations).Code);
        Assert.False(Ok(await accounts.ListUsersAsync(Ct)).Single(u => u.UserName == "admin").Disabled);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_user_changes_their_own_password_with_the_current_one(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TwoZoosAndALionAsync(database);
        await using var services = database.Services();
        await using (var admin = services.Scope(actor: "admin"))
            Ok(await admin.ServiceProvider.GetRequiredService<AccountCommands>().AddUserAsync("registrar@MOSCOW", Password, [new(Role.Registrar, "MOSCOW")], Ct));
        await using var scope = services.Scope(actor: "registrar@MOSCOW");
        var accounts = scope.ServiceProvider.GetRequiredService<AccountCommands>();
        var before = await database.LedgerEntriesAsync();

        var refused = await accounts.ChangeOwnPasswordAsync("registrar@MOSCOW", "not the password", "short", Ct);
        var ledgerAfterRefusal = await database.LedgerEntriesAsync();
        Ok(await accounts.ChangeOwnPasswordAsync("registrar@MOSCOW", Password, "my own new passphrase", Ct));

        var invalid = Assert.IsType<Outcome<UserView>.Invalid>(refused);
        Assert.Equal(["current", "new"], invalid.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
        Assert.Equal(before, ledgerAfterRefusal);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var stored = (await users.FindByNameAsync("registrar@MOSCOW"))!;
        Assert.True(await users.CheckPasswordAsync(stored, "my own new passphrase"));
        Assert.False(await users.CheckPasswordAsync(stored, Password));
        Assert.Equal(["user registrar@MOSCOW changed their password"], await LastReasonsAsync(database, 1));
    }

    [Fact]
    public async Task A_new_password_repeated_differently_is_one_more_problem_and_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await TwoZoosAndALionAsync(database);
        await using var services = database.Services();
        await using (var admin = services.Scope(actor: "admin"))
            Ok(await admin.ServiceProvider.GetRequiredService<AccountCommands>().AddUserAsync("curator@MOSCOW", Password, [new(Role.Curator, "MOSCOW")], Ct));
        await using var scope = services.Scope(actor: "curator@MOSCOW");
        var accounts = scope.ServiceProvider.GetRequiredService<AccountCommands>();
        var before = await database.LedgerEntriesAsync();

        var all = await accounts.ChangeOwnPasswordAsync("curator@MOSCOW", "not the password", "short", "shorter", Ct);
        var repeatOnly = await accounts.ChangeOwnPasswordAsync("curator@MOSCOW", Password, "my own new passphrase", "my own new passphrasE", Ct);

        Assert.Equal(["current", "new", "repeat"], Assert.IsType<Outcome<UserView>.Invalid>(all).Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
        Assert.Equal("account.password-repeat", Assert.Single(Assert.IsType<Outcome<UserView>.Invalid>(repeatOnly).Violations).Code);
        Assert.Equal(before, await database.LedgerEntriesAsync());
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        Assert.True(await users.CheckPasswordAsync((await users.FindByNameAsync("curator@MOSCOW"))!, Password));
    }

    [Fact]
    public async Task An_administrator_reads_one_user_and_nobody_else_may()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await TwoZoosAndALionAsync(database);
        await using var services = database.Services();
        await using (var admin = services.Scope(actor: "admin"))
            Ok(await admin.ServiceProvider.GetRequiredService<AccountCommands>().AddUserAsync("authority@KP", Password, [new(Role.Authority, Country: "KP")], Ct));
        await using var db = TestDatabase.Open(database.Options);
        var moscow = await db.Institutions.SingleAsync(i => i.Code == "MOSCOW", Ct);
        await using var curator = services.CreateAsyncScope();
        curator.ServiceProvider.GetRequiredService<Access>().ActAs([Membership.AtInstitution(Guid.NewGuid(), Role.Curator, moscow.Id)]);
        await using var scope = services.Scope(actor: "admin");
        var accounts = scope.ServiceProvider.GetRequiredService<AccountCommands>();

        var read = Ok(await accounts.GetUserAsync("AUTHORITY@kp", Ct));
        var unknown = await accounts.GetUserAsync("nobody@MOSCOW", Ct);
        var refused = await curator.ServiceProvider.GetRequiredService<AccountCommands>().GetUserAsync("authority@KP", Ct);

        Assert.Equal(("authority@KP", false, false), (read.UserName, read.Disabled, read.LockedOut));
        Assert.Equal((Role.Authority, "KP", (string?)null), (Assert.Single(read.Memberships).Role, read.Memberships[0].Country, read.Memberships[0].Institution));
        Assert.IsType<Outcome<UserView>.NotFound>(unknown);
        Assert.IsType<Outcome<UserView>.Forbidden>(refused);
    }

    private static async Task<List<string?>> LastReasonsAsync(TestDatabase database, int count)
    {
        await using var db = TestDatabase.Open(database.Options);
        var reasons = await db.LedgerEntries.OrderByDescending(e => e.Sequence).Select(e => e.Reason).Take(count).ToListAsync(Ct);
        reasons.Reverse();
        return reasons;
    }
}
