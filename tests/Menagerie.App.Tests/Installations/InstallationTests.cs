using System.Security.Cryptography;
using Menagerie.App.Installations;
using Menagerie.App.Persistence;
using Menagerie.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Menagerie.App.Tests.Given;

namespace Menagerie.App.Tests.Installations;

public sealed class InstallationTests
{
    [Fact]
    public async Task The_key_is_made_once_under_the_configured_name_and_its_private_half_never_enters_the_ledger()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = database.Services();
        services.GetRequiredService<InstallationSettings>().Name = "prague-zoo";

        var first = await ShowAsync(services);
        services.GetRequiredService<InstallationSettings>().Name = "renamed";
        var second = await ShowAsync(services);

        Assert.Equal(first, second);
        Assert.Equal("prague-zoo", first.Name);
        Assert.Equal(first.Fingerprint, PublicKeys.Fingerprint(Convert.FromBase64String(first.PublicKey)));
        await using var db = TestDatabase.Open(database.Options);
        var key = await db.InstallationKeys.SingleAsync(Ct);
        var entry = await db.LedgerEntries.SingleAsync(e => e.EntityType == nameof(InstallationKey), Ct);
        Assert.Contains("\"PrivateKey\":\"hmac-sha256:", entry.After, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(key.PrivateKey), entry.After, StringComparison.Ordinal);
        Assert.Contains(first.PublicKey, entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trusting_again_with_the_same_key_changes_nothing_and_with_another_needs_replace()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = database.Services();
        var (key, other) = (NewPublicKey(), NewPublicKey());

        Assert.IsType<Outcome<TrustedInstallationView>.Created>(await TrustAsync(services, "berlin-zoo", key));
        Assert.IsType<Outcome<TrustedInstallationView>.Ok>(await TrustAsync(services, "berlin-zoo", key));
        var refused = Assert.IsType<Outcome<TrustedInstallationView>.Conflict>(await TrustAsync(services, "berlin-zoo", other));
        var replaced = Assert.IsType<Outcome<TrustedInstallationView>.Ok>(await TrustAsync(services, "berlin-zoo", other, replace: true));

        Assert.Contains("already trusted with another key", refused.Message, StringComparison.Ordinal);
        Assert.Equal(other, replaced.Value.PublicKey);
        Assert.Equal(2, replaced.Value.Version);
        await using var scope = services.Scope();
        Assert.Equal(other, Assert.Single(await scope.ServiceProvider.GetRequiredService<InstallationCommands>().ListTrustedAsync(Ct)).PublicKey);
    }

    [Theory]
    [InlineData("berlin-zoo", "not a key", "publicKey")]
    [InlineData("", null, "name")]
    [InlineData("this-installation", null, "name")]
    public async Task A_bad_name_or_key_is_refused(string name, string? publicKey, string field)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = database.Services();
        services.GetRequiredService<InstallationSettings>().Name = "this-installation";
        await ShowAsync(services);

        var refused = Assert.IsType<Outcome<TrustedInstallationView>.Invalid>(await TrustAsync(services, name, publicKey ?? NewPublicKey()));

        Assert.Equal(field, Assert.Single(refused.Violations).Field);
    }

    [Fact]
    public async Task A_key_on_another_curve_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = database.Services();
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        var refused = Assert.IsType<Outcome<TrustedInstallationView>.Invalid>(
            await TrustAsync(services, "berlin-zoo", Convert.ToBase64String(p384.ExportSubjectPublicKeyInfo())));

        Assert.Contains("P-256", Assert.Single(refused.Violations).Message, StringComparison.Ordinal);
    }

    private static string NewPublicKey()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());
    }

    private static async Task<InstallationKeyView> ShowAsync(ServiceProvider services)
    {
        await using var scope = services.Scope();
        return Ok(await scope.ServiceProvider.GetRequiredService<InstallationCommands>().ShowKeyAsync(Ct));
    }

    private static async Task<Outcome<TrustedInstallationView>> TrustAsync(ServiceProvider services, string name, string publicKey, bool replace = false)
    {
        await using var scope = services.Scope();
        return await scope.ServiceProvider.GetRequiredService<InstallationCommands>().TrustAsync(name, publicKey, replace, Ct);
    }
}
