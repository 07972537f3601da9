using System.Security.Cryptography;
using Menagerie.Domain;

namespace Menagerie.App.Installations;

/// <summary>
/// This installation's name and signing key (ECDSA on P-256 with SHA-256; .NET has no built-in Ed25519). One row,
/// created on first use. Partners register the public key under the name and verify this installation's
/// transfer packages with it. The private key is stored as PKCS#8 and never enters the ledger.
/// </summary>
public sealed class InstallationKey
{
    public const int SingletonId = 1;
    public const int MaxNameLength = 100;

    private InstallationKey() { Name = ""; PublicKey = PrivateKey = []; }

    public int Id { get; private set; } = SingletonId;
    public string Name { get; private set; }

    /// <summary>SubjectPublicKeyInfo (DER).</summary>
    public byte[] PublicKey { get; private set; }

    /// <summary>PKCS#8 (DER), unencrypted: whoever can read the database can sign as this installation.</summary>
    public byte[] PrivateKey { get; private set; }

    public DateTime CreatedAt { get; private set; }

    internal static InstallationKey Generate(string name, DateTime now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new()
        {
            Name = name,
            PublicKey = key.ExportSubjectPublicKeyInfo(),
            PrivateKey = key.ExportPkcs8PrivateKey(),
            CreatedAt = now,
        };
    }

    /// <summary>Signs the exact bytes given; the signature is IEEE P1363 (r‖s, 64 bytes).</summary>
    internal byte[] Sign(ReadOnlySpan<byte> content)
    {
        using var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(PrivateKey, out _);
        return key.SignData(content, HashAlgorithmName.SHA256);
    }
}

/// <summary>Public keys as people pass them around: base64 SubjectPublicKeyInfo (or PEM), and a fingerprint to compare by eye.</summary>
public static class PublicKeys
{
    public const string Algorithm = "ECDSA-P256-SHA256";

    /// <summary>The SHA-256 of the SubjectPublicKeyInfo, hex in groups of four: what two people read to each other to check a key.</summary>
    public static string Fingerprint(byte[] subjectPublicKeyInfo) =>
        string.Join(':', Convert.ToHexStringLower(SHA256.HashData(subjectPublicKeyInfo)).Chunk(4).Select(c => new string(c)));

    /// <summary>Reads a P-256 public key, or says what is wrong with the text.</summary>
    public static byte[]? TryParse(string? text, out Wording problem)
    {
        problem = "";
        var trimmed = text?.Trim() ?? "";
        try
        {
            using var key = ECDsa.Create();
            if (trimmed.Contains("-----BEGIN", StringComparison.Ordinal))
                key.ImportFromPem(trimmed);
            else
                key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(trimmed), out _);
            if (!string.Equals(key.ExportParameters(false).Curve.Oid.Value, ECCurve.NamedCurves.nistP256.Oid.Value, StringComparison.Ordinal))
            {
                problem = "The key is an ECDSA key on another curve; Menagerie installations sign with P-256.";
                return null;
            }
            return key.ExportSubjectPublicKeyInfo();
        }
        catch (Exception e) when (e is FormatException or CryptographicException or ArgumentException)
        {
            problem = "This is not a public key: expected the base64 text that 'menagerie installation key show' prints on the partner's installation.";
            return null;
        }
    }

    /// <summary>True when the signature is the key's signature of exactly these bytes.</summary>
    public static bool Verify(byte[] subjectPublicKeyInfo, ReadOnlySpan<byte> content, ReadOnlySpan<byte> signature)
    {
        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out _);
        return key.VerifyData(content, signature, HashAlgorithmName.SHA256);
    }
}
