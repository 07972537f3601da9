namespace Menagerie.App.Installations;

/// <summary>A partner installation whose transfer packages this one accepts: its name and public key, and who registered it when.</summary>
public sealed class TrustedInstallation
{
    private TrustedInstallation() { Name = TrustedBy = ""; PublicKey = []; }

    public string Name { get; private set; }

    /// <summary>SubjectPublicKeyInfo (DER) of the partner's P-256 key.</summary>
    public byte[] PublicKey { get; private set; }

    public DateTime TrustedAt { get; private set; }
    public string TrustedBy { get; private set; }
    public long Version { get; private set; }

    internal static TrustedInstallation Create(string name, byte[] publicKey, DateTime now, string by) =>
        new() { Name = name, PublicKey = publicKey, TrustedAt = now, TrustedBy = by };

    /// <summary>The partner has a new key (it was lost or rotated): the old one no longer verifies anything.</summary>
    internal void Replace(byte[] publicKey, DateTime now, string by) => (PublicKey, TrustedAt, TrustedBy) = (publicKey, now, by);
}
