using System.CommandLine;
using Menagerie.App.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Menagerie.Cli.Commands;

public static class UserCommands
{
    public static Command Create(CliContext cli)
    {
        var name = new Argument<string>("user") { Description = "The user name, e.g. registrar@MOSCOW." };
        var password = new Option<string?>("--password") { Description = "At least 12 characters. Without it a password is generated and shown once." };
        var roles = new Option<string[]>("--role")
        {
            Description = "A membership: ROLE@INSTITUTION (registrar, curator, veterinarian, studbook-keeper, transport-coordinator, viewer), authority@COUNTRY, or administrator. Repeat for several.",
            AllowMultipleArgumentsPerToken = false,
        };
        var format = GlobalOptions.Format();
        var add = new Command("add", "Adds a user with their memberships.") { name, password, roles, format };
        add.SetAction(async (parse, ct) =>
        {
            var memberships = new List<MembershipInput>();
            foreach (var text in parse.GetValue(roles) ?? [])
            {
                if (!MembershipText.TryParse(text, out var membership))
                {
                    await cli.Error.WriteLineAsync($"--role {text}: {MembershipText.Expected}");
                    return ExitCodes.Usage;
                }
                memberships.Add(membership);
            }
            return await WithAccountsAsync(cli, parse, async accounts =>
                await (await accounts.AddUserAsync(parse.GetRequiredValue(name), parse.GetValue(password), memberships, ct))
                    .ReportAsync(cli, parse.GetValue(format), created => RenderNewUser(cli, created), ct), ct);
        });

        var listFormat = GlobalOptions.Format();
        var list = new Command("list", "Every user and their memberships.") { listFormat };
        list.SetAction(async (parse, ct) => await WithAccountsAsync(cli, parse, async accounts =>
            await (await accounts.ListUsersAsync(ct)).ReportAsync(cli, parse.GetValue(listFormat), all =>
            {
                var table = new Table().AddColumns("User", "Memberships", "Disabled", "Locked out");
                foreach (var u in all)
                {
                    table.AddRow(Markup.Escape(u.UserName), Markup.Escape(string.Join(", ", u.Memberships.Select(MembershipText.Format))),
                        u.Disabled ? "yes" : "", u.LockedOut ? "yes" : "");
                }
                cli.Console.Write(table);
            }, ct), ct));

        return new Command("user", "People who sign in, their memberships and API tokens.")
        {
            add, list, TokenCommands(cli),
            Administer(cli, "disable", "Disables a user: they cannot sign in, and their sessions and API tokens stop working at once.",
                (accounts, user, ct) => accounts.DisableAsync(user, ct), u => $"User {u.UserName} disabled: they cannot sign in, and their sessions and tokens no longer work."),
            Administer(cli, "enable", "Lets a disabled user sign in again; their API tokens work again.",
                (accounts, user, ct) => accounts.EnableAsync(user, ct), u => $"User {u.UserName} enabled."),
            Administer(cli, "unlock", "Ends a lockout after failed sign-ins, and the count of failed attempts.",
                (accounts, user, ct) => accounts.UnlockAsync(user, ct), u => $"User {u.UserName} unlocked."),
            ResetPassword(cli),
        };
    }

    /// <summary>An administrator's command on one user, answered with the user as it now is.</summary>
    private static Command Administer(
        CliContext cli, string verb, string description, Func<AccountCommands, string, CancellationToken, Task<App.Outcome<UserView>>> act, Func<UserView, string> done)
    {
        var name = new Argument<string>("user") { Description = "The user name, e.g. registrar@MOSCOW." };
        var format = GlobalOptions.Format();
        var command = new Command(verb, description) { name, format };
        command.SetAction(async (parse, ct) => await WithAccountsAsync(cli, parse, async accounts =>
            await (await act(accounts, parse.GetRequiredValue(name), ct)).ReportAsync(cli, parse.GetValue(format), u => cli.Output.WriteLine(done(u)), ct), ct));
        return command;
    }

    private static Command ResetPassword(CliContext cli)
    {
        var name = new Argument<string>("user") { Description = "The user name, e.g. registrar@MOSCOW." };
        var password = new Option<string?>("--password") { Description = "At least 12 characters. Without it a password is generated and shown once." };
        var format = GlobalOptions.Format();
        var command = new Command("reset-password", "Sets a user's password and ends their sign-in sessions; without --password one is generated and shown once.")
        {
            name, password, format,
        };
        command.SetAction(async (parse, ct) => await WithAccountsAsync(cli, parse, async accounts =>
            await (await accounts.ResetPasswordAsync(parse.GetRequiredValue(name), parse.GetValue(password), ct)).ReportAsync(cli, parse.GetValue(format), reset =>
            {
                cli.Output.WriteLine($"Password of {reset.User.UserName} reset; their sign-in sessions have ended.");
                if (reset.GeneratedPassword is not null)
                    cli.Output.WriteLine($"Password (shown this once): {reset.GeneratedPassword}");
            }, ct), ct));
        return command;
    }

    private static Command TokenCommands(CliContext cli)
    {
        var user = new Argument<string>("user") { Description = "The user the token belongs to." };
        var tokenName = new Option<string>("--name") { Description = "What the token is for, so you can tell it apart later.", Required = true };
        var format = GlobalOptions.Format();
        var create = new Command("create", "Creates a personal API token; its secret is shown this once.") { user, tokenName, format };
        create.SetAction(async (parse, ct) => await WithAccountsAsync(cli, parse, async accounts =>
            await (await accounts.CreateTokenAsync(parse.GetRequiredValue(user), parse.GetRequiredValue(tokenName), ct))
                .ReportAsync(cli, parse.GetValue(format), t => cli.Output.WriteLine(
                    $"Token '{t.Token.Name}' ({t.Token.Id}) created. Send it as 'Authorization: Bearer {t.Secret}'. It is shown this once."), ct), ct));

        var revokeUser = new Argument<string>("user") { Description = "The user the token belongs to." };
        var token = new Argument<string>("token") { Description = "The token's id or its prefix (as token list shows)." };
        var revoke = new Command("revoke", "Revokes a token; it stops working at once.") { revokeUser, token };
        revoke.SetAction(async (parse, ct) => await WithAccountsAsync(cli, parse, async accounts =>
            await (await accounts.RevokeTokenAsync(parse.GetRequiredValue(revokeUser), parse.GetRequiredValue(token), ct))
                .ReportAsync(cli, OutputFormat.Table, t => cli.Output.WriteLine($"Token '{t.Name}' ({t.Prefix}…) revoked."), ct), ct));

        var listUser = new Argument<string>("user") { Description = "The user whose tokens to list." };
        var listFormat = GlobalOptions.Format();
        var list = new Command("list", "A user's tokens: names, prefixes, when created and revoked.") { listUser, listFormat };
        list.SetAction(async (parse, ct) => await WithAccountsAsync(cli, parse, async accounts =>
            await (await accounts.ListTokensAsync(parse.GetRequiredValue(listUser), ct)).ReportAsync(cli, parse.GetValue(listFormat), tokens =>
            {
                var table = new Table().AddColumns("Id", "Name", "Prefix", "Created", "Revoked");
                foreach (var t in tokens)
                    table.AddRow(t.Id.ToString(), Markup.Escape(t.Name), Markup.Escape(t.Prefix), $"{t.CreatedAt:yyyy-MM-dd HH:mm}", $"{t.RevokedAt:yyyy-MM-dd HH:mm}");
                cli.Console.Write(table);
            }, ct), ct));

        return new Command("token", "Personal API tokens.") { create, revoke, list };
    }

    private static async Task<int> WithAccountsAsync(CliContext cli, ParseResult parse, Func<AccountCommands, Task<int>> work, CancellationToken ct)
    {
        var opened = await cli.OpenAsync(parse, ct);
        if (opened is not { } o)
            return ExitCodes.Usage;
        await using var scope = o.Scope;
        return await work(scope.ServiceProvider.GetRequiredService<AccountCommands>());
    }

    private static void RenderNewUser(CliContext cli, NewUser created)
    {
        cli.Output.WriteLine($"User {created.User.UserName} added: {string.Join(", ", created.User.Memberships.Select(MembershipText.Format))}.");
        if (created.GeneratedPassword is not null)
            cli.Output.WriteLine($"Password (shown this once): {created.GeneratedPassword}");
    }
}

/// <summary>Memberships as people write them: registrar@MOSCOW, authority@KP, administrator.</summary>
public static class MembershipText
{
    public const string Expected = "expected ROLE@INSTITUTION (e.g. registrar@MOSCOW), authority@COUNTRY (e.g. authority@KP) or administrator.";

    public static bool TryParse(string text, out MembershipInput membership)
    {
        var parts = text.Split('@', 2);
        var roleText = parts[0].Replace("-", "", StringComparison.Ordinal);
        var place = parts.Length == 2 && parts[1].Length > 0 ? parts[1] : null;
        if (roleText.Equals("admin", StringComparison.OrdinalIgnoreCase))
            roleText = nameof(Role.Administrator);
        membership = new MembershipInput(Role.Viewer);
        if (!Enum.TryParse<Role>(roleText, ignoreCase: true, out var role) || !Enum.IsDefined(role) || roleText.All(char.IsAsciiDigit))
            return false;
        membership = role switch
        {
            Role.Administrator => new MembershipInput(role),
            Role.Authority => new MembershipInput(role, Country: place),
            _ => new MembershipInput(role, place),
        };
        return (role == Role.Administrator) == (place is null);
    }

    public static string Format(MembershipView m) => m.Role switch
    {
        Role.Administrator => "administrator",
        Role.Authority => $"authority@{m.Country}",
        _ => $"{m.Role.ToString().ToLowerInvariant()}@{m.Institution}",
    };
}
