using System.Security.Cryptography;
using System.Text;

namespace Menagerie.App.Accounts;

/// <summary>
/// A personal API token. Only its SHA-256 is stored: the secret is shown once, when it is created.
/// Tokens carry 256 random bits, so a fast hash is enough; there is nothing to guess.
/// </summary>
public sealed class ApiToken
{
    public const string SecretPrefix = "mng_";

    private ApiToken() { Name = Hash = Prefix = ""; }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public string Name { get; private set; }

    /// <summary>The secret's first characters, so a person can tell their tokens apart.</summary>
    public string Prefix { get; private set; }

    public string Hash { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }
    public long Version { get; private set; }

    public bool IsActive => RevokedAt is null;

    internal static (ApiToken Token, string Secret) Issue(Guid userId, string name, DateTime now)
    {
        var secret = SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            Name = name,
            Prefix = secret[..(SecretPrefix.Length + 6)],
            Hash = HashOf(secret),
            CreatedAt = now,
        };
        return (token, secret);
    }

    internal void Revoke(DateTime now) => RevokedAt ??= now;

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
