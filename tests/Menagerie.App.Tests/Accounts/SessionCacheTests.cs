using Menagerie.App.Accounts;
using Menagerie.App.Persistence;
using Menagerie.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Menagerie.App.Tests.Given;

namespace Menagerie.App.Tests.Accounts;

/// <summary>
/// Sessions are kept between requests while nobody's access changes. Two service providers on one database stand
/// for two processes: the web app answering requests, and the command line (or a second web process) changing access.
/// </summary>
public sealed class SessionCacheTests
{
    private const string Password = "a long enough passphrase";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_token_revoked_by_another_process_is_refused_on_the_next_request(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var web = database.Services();
        await using var cli = database.Services();
        var token = await UserWithATokenAsync(database, cli);

        var before = await FindByTokenAsync(web, token.Secret);
        var again = await FindByTokenAsync(web, token.Secret);
        await AsOperatorAsync(cli, accounts => accounts.RevokeTokenAsync("registrar@MOSCOW", token.Token.Prefix, Ct));
        var after = await FindByTokenAsync(web, token.Secret);

        Assert.Equal("registrar@MOSCOW", before?.UserName);
        Assert.Same(before, again);
        Assert.Null(after);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_membership_removed_by_another_process_stops_counting_on_the_next_request(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var web = database.Services();
        await using var cli = database.Services();
        var token = await UserWithATokenAsync(database, cli);
        var user = await AsOperatorAsync(cli, accounts => accounts.AddMembershipAsync("registrar@MOSCOW", new(Role.Viewer, "PYONGYANG"), Ct));
        var viewer = user.Memberships.Single(m => m.Role == Role.Viewer);

        var before = await FindByTokenAsync(web, token.Secret);
        await AsOperatorAsync(cli, accounts => accounts.RemoveMembershipAsync("registrar@MOSCOW", viewer.Id, Ct));
        var after = await FindByTokenAsync(web, token.Secret);

        Assert.Equal([Role.Registrar, Role.Viewer], before!.Memberships.Select(m => m.Role).Order());
        Assert.Equal([Role.Registrar], after!.Memberships.Select(m => m.Role));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_user_disabled_by_another_process_loses_their_token_and_their_sign_in_on_the_next_request(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var web = database.Services();
        await using var cli = database.Services();
        var token = await UserWithATokenAsync(database, cli);
        var id = (await FindByTokenAsync(web, token.Secret))!.Id;
        var signedIn = await FindSignedInAsync(web, id);

        await AsOperatorAsync(cli, accounts => accounts.DisableAsync("registrar@MOSCOW", Ct));

        Assert.NotNull(signedIn);
        Assert.Null(await FindByTokenAsync(web, token.Secret));
        Assert.Null(await FindSignedInAsync(web, id));
    }

    [Fact]
    public async Task A_token_revoked_by_hand_in_the_database_file_stops_working_within_a_minute()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var web = database.Services();
        await using var cli = database.Services();
        var token = await UserWithATokenAsync(database, cli);
        var before = await FindByTokenAsync(web, token.Secret);

        // Outside Menagerie: no access stamp moves, so the session kept stays until it is a minute old.
        await using (var db = TestDatabase.Open(database.Options))
            await db.Database.ExecuteSqlRawAsync("UPDATE ApiTokens SET RevokedAt = '2026-11-29 10:00:00'", Ct);
        var kept = await FindByTokenAsync(web, token.Secret);
        database.Time.Advance(SessionCache.MaxAge + TimeSpan.FromSeconds(1));
        var after = await FindByTokenAsync(web, token.Secret);

        Assert.NotNull(before);
        Assert.Same(before, kept);
        Assert.Null(after);
    }

    [Fact]
    public void Answers_kept_never_weigh_more_than_the_capacity_and_are_forgotten_two_changes_later()
    {
        var cache = new ReadCache(new FakeTimeProvider());

        cache.Keep(stamp: 7, "page 1", "a page of many", weight: 49_990);
        cache.Keep(stamp: 7, "page 2", "one page too many", weight: 11);
        cache.Keep(stamp: 7, "specimen", "one animal");
        cache.Keep(stamp: 7, "specimen", "the same animal read again");
        var kept = (cache.Find(7, "page 1"), cache.Find(7, "page 2"), cache.Find(7, "specimen"));
        cache.Keep(stamp: 8, "page 2", "after a change");
        // A request that read the stamp before the change still finds what was kept under it.
        var afterOneChange = (cache.Find(7, "page 1"), cache.Find(8, "page 2"), cache.Find(8, "page 1"));
        cache.Keep(stamp: 9, "specimen", "after another change");

        Assert.Equal(("a page of many", null, "one animal"), kept);
        Assert.Equal(("a page of many", "after a change", null), afterOneChange);
        Assert.Null(cache.Find(7, "page 1"));
        Assert.Equal("after a change", cache.Find(8, "page 2"));
        Assert.Equal("after another change", cache.Find(9, "specimen"));
    }

    private static async Task<NewToken> UserWithATokenAsync(TestDatabase database, ServiceProvider cli)
    {
        await TwoZoosAndALionAsync(database);
        await AsOperatorAsync(cli, accounts => accounts.AddUserAsync("registrar@MOSCOW", Password, [new(Role.Registrar, "MOSCOW")], Ct));
        return await AsOperatorAsync(cli, accounts => accounts.CreateTokenAsync("registrar@MOSCOW", "census script", Ct));
    }

    /// <summary>One request's scope, as the web app makes for each request.</summary>
    private static async Task<SignedInUser?> FindByTokenAsync(ServiceProvider process, string secret)
    {
        await using var request = process.CreateAsyncScope();
        return await request.ServiceProvider.GetRequiredService<AccountCommands>().FindByTokenAsync(secret, Ct);
    }

    private static async Task<SignedInUser?> FindSignedInAsync(ServiceProvider process, Guid user)
    {
        await using var request = process.CreateAsyncScope();
        return await request.ServiceProvider.GetRequiredService<AccountCommands>().FindSignedInAsync(user, Ct);
    }

    private static async Task<T> AsOperatorAsync<T>(ServiceProvider process, Func<AccountCommands, Task<Outcome<T>>> command)
    {
        await using var scope = process.Scope(actor: "admin");
        return Ok(await command(scope.ServiceProvider.GetRequiredService<AccountCommands>()));
    }
}
