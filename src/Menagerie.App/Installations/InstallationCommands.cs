using Menagerie.App.Accounts;
using Menagerie.App.Persistence;
using Menagerie.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Menagerie.App.Installations;

/// <summary>
/// Which installation this is, as the host configures it (<c>Menagerie:Installation:Name</c>, else the machine
/// name): the name its key is created under on first use. Once the key exists, its stored name is the one partners know.
/// </summary>
public sealed class InstallationSettings
{
    public const string NameSetting = "Menagerie:Installation:Name";

    public string Name { get; set; } = Environment.MachineName;

    public static InstallationSettings From(IConfiguration? configuration) =>
        new() { Name = configuration?[NameSetting] is { Length: > 0 } name ? name.Trim() : Environment.MachineName };
}

public sealed record InstallationKeyView(string Name, string Algorithm, string PublicKey, string Fingerprint, DateTime CreatedAt);

public sealed record TrustedInstallationView(string Name, string Algorithm, string PublicKey, string Fingerprint, DateTime TrustedAt, string TrustedBy, long Version)
{
    public static TrustedInstallationView Of(TrustedInstallation t) =>
        new(t.Name, PublicKeys.Algorithm, Convert.ToBase64String(t.PublicKey), PublicKeys.Fingerprint(t.PublicKey), t.TrustedAt, t.TrustedBy, t.Version);
}

/// <summary>This installation's signing key, and the partner installations whose transfer packages it accepts.</summary>
public sealed class InstallationCommands(MenagerieDbContext db, InstallationSettings settings, Access access)
{
    /// <summary>The name and public key partners register to accept this installation's packages; the key is made on first use.</summary>
    public async Task<Outcome<InstallationKeyView>> ShowKeyAsync(CancellationToken ct)
    {
        if (await KeyAsync(ct) is not { } key)
            return new Outcome<InstallationKeyView>.Forbidden("The installation's signing key is created by an administrator.");
        if (!key.IsValid)
            return key.Violations.ToList();
        var k = key.Value;
        return new Outcome<InstallationKeyView>.Ok(new(k.Name, PublicKeys.Algorithm, Convert.ToBase64String(k.PublicKey), PublicKeys.Fingerprint(k.PublicKey), k.CreatedAt));
    }

    /// <summary>
    /// Registers a partner's public key under its name. Trusting a name again with the same key changes nothing;
    /// with another key it is refused unless <paramref name="replace"/>, so that a key cannot be swapped by mistake.
    /// </summary>
    public async Task<Outcome<TrustedInstallationView>> TrustAsync(string name, string publicKey, bool replace, CancellationToken ct)
    {
        if (!access.IsAdministrator)
            return new Outcome<TrustedInstallationView>.Forbidden("Partner installations are trusted by an administrator.");
        var problems = CheckName(name, "name");
        var key = PublicKeys.TryParse(publicKey, out var keyProblem);
        if (key is null)
            problems.Add(new("installation.public-key", "publicKey", keyProblem));
        if (problems.Count > 0)
            return problems;
        var trimmed = name.Trim();
        if (await db.InstallationKeys.AsNoTracking().AnyAsync(k => k.Name == trimmed, ct))
            return new List<RuleViolation> { new("installation.own-name", "name", $"'{trimmed}' is this installation's own name; trust a partner under its name.") };

        var existing = await db.TrustedInstallations.FirstOrDefaultAsync(t => t.Name == trimmed, ct);
        if (existing is null)
        {
            var trusted = TrustedInstallation.Create(trimmed, key!, db.UtcNow, db.ActorName);
            db.TrustedInstallations.Add(trusted);
            return await Saving.SaveAsync(db, $"installation {trimmed} trusted", () => TrustedInstallationView.Of(trusted), ct, created: true);
        }
        if (existing.PublicKey.AsSpan().SequenceEqual(key))
            return new Outcome<TrustedInstallationView>.Ok(TrustedInstallationView.Of(existing));
        if (!replace)
        {
            return new Outcome<TrustedInstallationView>.Conflict(
                $"'{trimmed}' is already trusted with another key (fingerprint {PublicKeys.Fingerprint(existing.PublicKey)}); nothing was changed. If that installation really has a new key, trust it again with replace (--replace).");
        }
        existing.Replace(key!, db.UtcNow, db.ActorName);
        return await Saving.SaveAsync(db, $"installation {trimmed} trusted with a new key", () => TrustedInstallationView.Of(existing), ct);
    }

    public async Task<IReadOnlyList<TrustedInstallationView>> ListTrustedAsync(CancellationToken ct) =>
        (await db.TrustedInstallations.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct)).Select(TrustedInstallationView.Of).ToList();

    /// <summary>This installation's key, made under the configured name the first time it is needed; null when the caller may not make it.</summary>
    internal async Task<Result<InstallationKey>?> KeyAsync(CancellationToken ct)
    {
        var key = await db.InstallationKeys.AsNoTracking().FirstOrDefaultAsync(ct);
        if (key is not null)
            return key;
        if (!access.IsAdministrator)
            return null;
        var problems = CheckName(settings.Name, "Menagerie:Installation:Name");
        if (problems.Count > 0)
            return problems;
        key = InstallationKey.Generate(settings.Name.Trim(), db.UtcNow);
        db.InstallationKeys.Add(key);
        try
        {
            await db.SaveChangesAsync($"signing key of installation {key.Name} created", ct);
        }
        catch (DbUpdateException e) when (Saving.IsWriteConflict(e))
        {
            // Another process made the key first; that one is the installation's key.
            db.ChangeTracker.Clear();
            return await db.InstallationKeys.AsNoTracking().SingleAsync(ct);
        }
        db.Entry(key).State = EntityState.Detached;
        return key;
    }

    private static List<RuleViolation> CheckName(string? name, string field)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > InstallationKey.MaxNameLength || trimmed.Any(char.IsControl))
            return [new("installation.name", field, $"'{name}' is not an installation name: 1 to {InstallationKey.MaxNameLength} characters, no control characters.")];
        return [];
    }
}
