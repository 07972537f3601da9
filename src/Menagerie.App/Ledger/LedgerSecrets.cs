using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Menagerie.App.Ledger;

/// <summary>
/// What the ledger keeps of a credential, which many people may read: not the value but its keyed hash,
/// <c>hmac-sha256:</c> and hex, under the chain head's <see cref="LedgerHead.SecretKey"/>. Without that key a reader of
/// entries can neither reverse it nor test guesses against it; <c>audit verify</c>, which has it, recomputes the hash
/// from the row and so tells a password hash or a key changed outside the ledger. Entries written before keyed hashes
/// hold <see cref="LedgerEntryView.SecretMark"/>, which says only that there was a value.
/// </summary>
internal static class LedgerSecrets
{
    public const string Prefix = "hmac-sha256:";

    private static readonly HashSet<string> Columns = new(StringComparer.Ordinal)
    {
        "User.PasswordHash", "User.SecurityStamp", "User.ConcurrencyStamp", "ApiToken.Hash", "IdentityUserToken`1.Value",
        "InstallationKey.PrivateKey",
    };

    private static readonly HashSet<string> Types = Columns.Select(c => c[..c.IndexOf('.', StringComparison.Ordinal)]).ToHashSet(StringComparer.Ordinal);

    public static bool IsSecret(string entityType, string field) => Columns.Contains($"{entityType}.{field}");

    public static bool HasSecrets(string entityType) => Types.Contains(entityType);

    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(32);

    /// <summary>The keyed hash of a credential as stored; the column is hashed with it, so equal values of two columns do not look alike.</summary>
    public static string Hash(byte[] key, string entityType, string field, object value)
    {
        var bytes = value switch
        {
            byte[] b => b,
            string s => Encoding.UTF8.GetBytes(s),
            _ => JsonSerializer.SerializeToUtf8Bytes(value),
        };
        var column = Encoding.UTF8.GetBytes($"{entityType}.{field}\0");
        return Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(key, (byte[])[.. column, .. bytes]));
    }
}
