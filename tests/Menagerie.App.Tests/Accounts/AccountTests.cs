using Menagerie.App.Accounts;
using Menagerie.App.Persistence;
using Menagerie.App.Sample;
using Menagerie.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Menagerie.App.Tests.Given;

namespace Menagerie.App.Tests.Accounts;

public sealed class AccountTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_user_is_added_with_memberships_and_a_generated_password_that_works(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TwoZoosAndALionAsync(database);
        await using var services = database.Services();
        await using var scope = services.Scope(actor: "admin");

        var created = Ok(await scope.ServiceProvider.GetRequiredService<AccountCommands>().AddUserAsync(
            "registrar@MOSCOW", null, [new(Role.Registrar, "moscow"), new(Role.Viewer, "PYONGYANG")], Ct));

        Assert.Equal(AccountCommands.GeneratedPasswordLength, created.GeneratedPassword?.Length);
        Assert.Equal(["Registrar@MOSCOW", "Viewer@PYONGYANG"], created.User.Memberships.Select(m => $"{m.Role}@{m.Institution}"));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        Assert.True(await users.CheckPasswordAsync((await users.FindByNameAsync("registrar@MOSCOW"))!, created.GeneratedPassword!));
    }

    [Fact]
    public async Task Every_problem_with_a_new_user_is_reported_and_nothing_is_written()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await TwoZoosAndALionAsync(database);
        await using var services = database.Services();
        await using var scope = services.Scope();
        var before = await LedgerCountAsync(database);

        var outcome = await scope.ServiceProvider.GetRequiredService<AccountCommands>().AddUserAsync(
            "curator@ATLANTIS", "short", [new(Role.Curator, "ATLANTIS"), new(Role.Authority, Country: "XX"), new(Role.Registrar)], Ct);

        var invalid = Assert.IsType<Outcome<NewUser>.Invalid>(outcome);
        Assert.Equal(["memberships[0]", "memberships[1]", "memberships[2]", "password"], invalid.Violations.Select(v => v.Field).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(before, await LedgerCountAsync(database));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_token_works_until_it_is_revoked_and_only_its_hash_is_kept(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TwoZoosAndALionAsync(database);
        await using var services = database.Services();
        await using var scope = services.Scope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountCommands>();
        Ok(await accounts.AddUserAsync("registrar@MOSCOW", "a long enough passphrase", [new(Role.Registrar, "MOSCOW")], Ct));

        var token = Ok(await accounts.CreateTokenAsync("registrar@MOSCOW", "census script", Ct));
        var before = await accounts.FindByTokenAsync(token.Secret, Ct);
        Ok(await accounts.RevokeTokenAsync("registrar@MOSCOW", token.Token.Prefix, Ct));
        var after = await accounts.FindByTokenAsync(token.Secret, Ct);

        Assert.StartsWith(ApiToken.SecretPrefix, token.Secret, StringComparison.Ordinal);
        Assert.Equal("registrar@MOSCOW", before?.UserName);
        Assert.Null(after);
        await using var db = TestDatabase.Open(database.Options);
        var stored = await db.ApiTokens.SingleAsync(Ct);
        Assert.Equal(ApiToken.HashOf(token.Secret), stored.Hash);
        var ledger = await db.LedgerEntries.Select(e => e.Before + e.After).ToListAsync(Ct);
        Assert.DoesNotContain(ledger, text => text.Contains(token.Secret, StringComparison.Ordinal) || text.Contains(stored.Hash, StringComparison.Ordinal));
        var user = await db.Users.SingleAsync(Ct);
        Assert.DoesNotContain(ledger, text => text.Contains(user.PasswordHash!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_an_account_out()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await TwoZoosAndALionAsync(database);
        await using var services = database.Services();
        await using var scope = services.Scope();
        Ok(await scope.ServiceProvider.GetRequiredService<AccountCommands>().AddUserAsync("viewer@MOSCOW", "a long enough passphrase", [new(Role.Viewer, "MOSCOW")], Ct));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = (await users.FindByNameAsync("viewer@MOSCOW"))!;

        for (var i = 0; i < 4; i++)
            await users.AccessFailedAsync(user);
        var lockedAfterFour = await users.IsLockedOutAsync(user);
        await users.AccessFailedAsync(user);

        Assert.False(lockedAfterFour);
        Assert.True(await users.IsLockedOutAsync(user));
    }

    [Fact]
    public async Task Sample_accounts_take_the_configured_password_and_are_created_once()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var services = database.Services();
        await using var scope = services.Scope();
        var sample = scope.ServiceProvider.GetRequiredService<SampleAccounts>();

        var first = Ok(await sample.EnsureAsync("demo passphrase 2026", Ct));
        var second = Ok(await sample.EnsureAsync("demo passphrase 2026", Ct));

        Assert.Equal(1 + 4 * 6 + 4, first.Count);
        Assert.Contains(first, u => u.UserName == "registrar@MOSCOW");
        Assert.Contains(first, u => u.UserName == "studbook-keeper@PYONGYANG");
        Assert.Contains(first, u => u.UserName == "registrar@BERLIN");
        Assert.Contains(first, u => u.UserName == "curator@PRAGUE");
        Assert.Equal(["authority@CZ", "authority@DE", "authority@KP", "authority@RU"],
            first.Select(u => u.UserName).Where(n => n.StartsWith("authority@", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Contains(first, u => u.UserName == "admin");
        Assert.All(first, u => Assert.Null(u.GeneratedPassword));
        Assert.Empty(second);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        Assert.True(await users.CheckPasswordAsync((await users.FindByNameAsync("authority@RU"))!, "demo passphrase 2026"));
    }

    [Fact]
    public async Task Sample_accounts_without_a_configured_password_get_each_their_own()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var services = database.Services();
        await using var scope = services.Scope();

        var created = Ok(await scope.ServiceProvider.GetRequiredService<SampleAccounts>().EnsureAsync(null, Ct));

        Assert.Equal(created.Count, created.Select(u => u.GeneratedPassword).Distinct().Count());
        Assert.All(created, u => Assert.Equal(AccountCommands.GeneratedPasswordLength, u.GeneratedPassword?.Length));
    }

    private static async Task<int> LedgerCountAsync(TestDatabase database)
    {
        await using var db = TestDatabase.Open(database.Options);
        return await db.LedgerEntries.CountAsync(Ct);
    }
}
