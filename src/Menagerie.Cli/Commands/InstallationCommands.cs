using System.CommandLine;
using Menagerie.App.Installations;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Menagerie.Cli.Commands;

public static class InstallationCommands
{
    public static Command Create(CliContext cli)
    {
        var format = GlobalOptions.Format();
        var show = new Command("show", "This installation's name and public key, for partner installations to trust. The key is created on first use.") { format };
        show.SetAction(async (parse, ct) => await WithInstallationAsync(cli, parse, async installation =>
            await (await installation.ShowKeyAsync(ct)).ReportAsync(cli, parse.GetValue(format), key =>
            {
                var facts = new Grid().AddColumn().AddColumn();
                facts.AddRow("[bold]Installation[/]", Markup.Escape(key.Name));
                facts.AddRow("[bold]Algorithm[/]", key.Algorithm);
                facts.AddRow("[bold]Public key[/]", key.PublicKey);
                facts.AddRow("[bold]Fingerprint[/]", key.Fingerprint);
                cli.Console.Write(facts);
                cli.Output.WriteLine($"A partner installation accepts this one's transfer packages after: menagerie installation trust {Quoted(key.Name)} {key.PublicKey}");
            }, ct), ct));
        var key = new Command("key", "This installation's signing key.") { show };

        var name = new Argument<string>("name") { Description = "The partner installation's name, as 'installation key show' prints it there." };
        var publicKey = new Argument<string>("public-key") { Description = "Its public key: the base64 text 'installation key show' prints there." };
        var replace = new Option<bool>("--replace") { Description = "Replace the key already trusted under this name (the partner has a new key)." };
        var trustFormat = GlobalOptions.Format();
        var trust = new Command("trust", "Accepts transfer packages signed with a partner installation's key.") { name, publicKey, replace, trustFormat };
        trust.SetAction(async (parse, ct) => await WithInstallationAsync(cli, parse, async installation =>
            await (await installation.TrustAsync(parse.GetRequiredValue(name), parse.GetRequiredValue(publicKey), parse.GetValue(replace), ct))
                .ReportAsync(cli, parse.GetValue(trustFormat), t => cli.Output.WriteLine(
                    $"Installation {t.Name} is trusted with the key {t.Fingerprint}: its transfer packages can be imported here."), ct), ct));

        var listFormat = GlobalOptions.Format();
        var trusted = new Command("trusted", "The partner installations whose transfer packages are accepted here.") { listFormat };
        trusted.SetAction(async (parse, ct) => await WithInstallationAsync(cli, parse, async installation =>
        {
            var all = await installation.ListTrustedAsync(ct);
            if (parse.GetValue(listFormat) == OutputFormat.Json)
            {
                await cli.WriteJsonAsync(all, ct);
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("Installation", "Fingerprint", "Trusted", "By");
            foreach (var t in all)
                table.AddRow(Markup.Escape(t.Name), t.Fingerprint, $"{t.TrustedAt:yyyy-MM-dd HH:mm}", Markup.Escape(t.TrustedBy));
            cli.Console.Write(table);
            return ExitCodes.Ok;
        }, ct));

        return new Command("installation", "This installation's signing key, and the partner installations it exchanges transfer packages with.") { key, trust, trusted };
    }

    /// <summary>Opens the records with this installation's configured name (Menagerie__Installation__Name), used when its key is first created.</summary>
    internal static async Task<int> WithInstallationAsync(CliContext cli, ParseResult parse, Func<App.Installations.InstallationCommands, Task<int>> work, CancellationToken ct) =>
        await WithServicesAsync(cli, parse, services => work(services.GetRequiredService<App.Installations.InstallationCommands>()), ct);

    internal static async Task<int> WithServicesAsync(CliContext cli, ParseResult parse, Func<IServiceProvider, Task<int>> work, CancellationToken ct)
    {
        var opened = await cli.OpenAsync(parse, ct);
        if (opened is not { } o)
            return ExitCodes.Usage;
        await using var scope = o.Scope;
        scope.ServiceProvider.GetRequiredService<InstallationSettings>().Name = InstallationSettings.From(cli.Configuration).Name;
        return await work(scope.ServiceProvider);
    }

    private static string Quoted(string name) => name.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'') ? $"\"{name.Replace("\"", "\\\"", StringComparison.Ordinal)}\"" : name;
}
