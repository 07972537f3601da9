using System.Text.Json;
using Menagerie.App.Installations;
using Menagerie.Domain;

namespace Menagerie.App.Transfers.Packages;

/// <summary>
/// The file of a transfer package: one line of JSON, <c>{"format","signer","algorithm","content","signature"}</c>,
/// where <c>content</c> is the base64 of the package's exact bytes and <c>signature</c> the signer's signature of
/// those bytes, not of a re-serialisation. The file must also be exactly as it was written, so that a changed
/// byte anywhere — in the content, the signature, the signer's name, or the JSON around them — is refused.
/// </summary>
internal static class SignedPackage
{
    public const string Format = "menagerie.signed-package/1";

    /// <summary>Far above any shipment's records; a larger file is not read.</summary>
    public const int MaxBytes = 64 * 1024 * 1024;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public sealed record Opened(string Signer, byte[] Content, byte[] Signature);

    private sealed record Envelope(string Format, string Signer, string Algorithm, string Content, string Signature);

    public static byte[] Write(string signer, byte[] content, byte[] signature) =>
        JsonSerializer.SerializeToUtf8Bytes(
            new Envelope(Format, signer, PublicKeys.Algorithm, Convert.ToBase64String(content), Convert.ToBase64String(signature)), Options);

    /// <summary>Reads the envelope and checks the file is exactly as written; the signature is checked by the caller, who knows the signer's key.</summary>
    public static Result<Opened> Open(byte[] file)
    {
        if (file.Length > MaxBytes)
            return Refused("package.size", $"The file is larger than {MaxBytes / (1024 * 1024)} MB; it is not a transfer package.");
        Envelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<Envelope>(file, Options);
        }
        catch (JsonException)
        {
            envelope = null;
        }
        if (envelope is null || !string.Equals(envelope.Format, Format, StringComparison.Ordinal))
            return Refused("package.format", $"This is not a Menagerie transfer package ({Format}), or it has been damaged.");
        if (!string.Equals(envelope.Algorithm, PublicKeys.Algorithm, StringComparison.Ordinal))
            return Refused("package.algorithm", $"The package is signed with {envelope.Algorithm}; Menagerie verifies {PublicKeys.Algorithm}.");
        byte[] content, signature;
        try
        {
            (content, signature) = (Convert.FromBase64String(envelope.Content), Convert.FromBase64String(envelope.Signature));
        }
        catch (FormatException)
        {
            return Altered();
        }
        // Base64 and JSON each allow several spellings of the same value; only the one written is accepted.
        if (!file.AsSpan().SequenceEqual(Write(envelope.Signer, content, signature)))
            return Altered();
        return new Opened(envelope.Signer, content, signature);
    }

    private static Result<Opened> Altered() =>
        Refused("package.altered", "The file has been changed since it was written: it is not exactly as its sender signed it. Nothing was imported; ask the sender for the package again.");

    private static Result<Opened> Refused(string code, Wording message) => new List<RuleViolation> { new(code, "file", message) };
}
