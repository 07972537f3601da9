using Menagerie.App.Persistence;
using Menagerie.Testing;

namespace Menagerie.Cli.Tests;

public sealed class UserCommandTests
{
    [Fact]
    public async Task A_user_gets_a_token_that_can_be_listed_and_revoked()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);

        var add = await CliRun.RunAsync(database.Options, "user", "add", "registrar@BERLIN", "--role", "registrar@BERLIN", "--role", "viewer@PRAGUE");
        var create = await CliRun.RunAsync(database.Options, "user", "token", "create", "registrar@BERLIN", "--name", "census script");
        var listed = await CliRun.RunAsync(database.Options, "user", "token", "list", "registrar@BERLIN", "--format", "json");
        var prefix = System.Text.Json.JsonDocument.Parse(listed.Output).RootElement[0].GetProperty("prefix").GetString()!;
        var revoke = await CliRun.RunAsync(database.Options, "user", "token", "revoke", "registrar@BERLIN", prefix);
        var users = await CliRun.RunAsync(database.Options, "user", "list");

        Assert.Equal((0, 0, 0, 0, 0), (add.Exit, create.Exit, listed.Exit, revoke.Exit, users.Exit));
        Assert.Contains("registrar@BERLIN, viewer@PRAGUE", add.Output, StringComparison.Ordinal);
        Assert.Matches("Password \\(shown this once\\): \\S{20}", add.Output);
        Assert.Matches("Authorization: Bearer mng_[A-Za-z0-9_-]{43}", create.Output);
        Assert.Contains("revoked", revoke.Output, StringComparison.Ordinal);
        Assert.Contains("registrar@BERLIN", users.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_disables_enables_unlocks_and_resets_a_user()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        var add = await CliRun.RunAsync(database.Options, "user", "add", "curator@PRAGUE", "--password", "a long enough passphrase", "--role", "curator@PRAGUE");

        var disable = await CliRun.RunAsync(database.Options, "user", "disable", "curator@PRAGUE", "--format", "json");
        var listed = await CliRun.RunAsync(database.Options, "user", "list");
        var enable = await CliRun.RunAsync(database.Options, "user", "enable", "curator@PRAGUE");
        var unlock = await CliRun.RunAsync(database.Options, "user", "unlock", "curator@PRAGUE");
        var generated = await CliRun.RunAsync(database.Options, "user", "reset-password", "curator@PRAGUE");
        var chosen = await CliRun.RunAsync(database.Options, "user", "reset-password", "curator@PRAGUE", "--password", "another long passphrase", "--format", "json");
        var tooShort = await CliRun.RunAsync(database.Options, "user", "reset-password", "curator@PRAGUE", "--password", "short");

        Assert.Equal((0, 0, 0, 0, 0, 0, 0), (add.Exit, disable.Exit, listed.Exit, enable.Exit, unlock.Exit, generated.Exit, chosen.Exit));
        Assert.True(System.Text.Json.JsonDocument.Parse(disable.Output).RootElement.GetProperty("disabled").GetBoolean());
        Assert.Matches(@"curator@PRAGUE\s.*curator@PRAGUE\s.*yes", listed.Output);
        Assert.Contains("User curator@PRAGUE enabled.", enable.Output, StringComparison.Ordinal);
        Assert.Contains("User curator@PRAGUE unlocked.", unlock.Output, StringComparison.Ordinal);
        Assert.Matches("Password \\(shown this once\\): \\S{20}", generated.Output);
        var reset = System.Text.Json.JsonDocument.Parse(chosen.Output).RootElement;
        Assert.Equal(("curator@PRAGUE", System.Text.Json.JsonValueKind.Null), (reset.GetProperty("user").GetProperty("userName").GetString(), reset.GetProperty("generatedPassword").ValueKind));
        Assert.Equal(1, tooShort.Exit);
        Assert.Contains("password:", tooShort.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("user", "disable", "nobody@NOWHERE")]
    [InlineData("user", "enable", "nobody@NOWHERE")]
    [InlineData("user", "unlock", "nobody@NOWHERE")]
    [InlineData("user", "reset-password", "nobody@NOWHERE")]
    [InlineData("user", "add", "someone", "--role", "zookeeper@MOSCOW")]
    [InlineData("user", "add", "someone", "--role", "registrar")]
    [InlineData("user", "add", "someone", "--role", "administrator@MOSCOW")]
    [InlineData("user", "token", "create", "nobody@NOWHERE", "--name", "x")]
    [InlineData("user", "token", "create", "admin")]
    public async Task Bad_arguments_and_unknown_users_exit_2(params string[] args)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);

        var run = await CliRun.RunAsync(database.Options, args);

        Assert.Equal(2, run.Exit);
        Assert.NotEmpty(run.Error);
    }

    [Fact]
    public async Task A_user_with_problems_exits_1_naming_each()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);

        var run = await CliRun.RunAsync(database.Options, "user", "add", "curator@ATLANTIS", "--password", "short", "--role", "curator@ATLANTIS", "--role", "authority@XX");

        Assert.Equal(1, run.Exit);
        Assert.Contains("memberships[0]:", run.Error, StringComparison.Ordinal);
        Assert.Contains("memberships[1]:", run.Error, StringComparison.Ordinal);
        Assert.Contains("password:", run.Error, StringComparison.Ordinal);
    }
}
