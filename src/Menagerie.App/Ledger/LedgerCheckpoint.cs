using System.Globalization;
using System.Text;
using System.Text.Json;
using Menagerie.App.Files;
using Menagerie.App.Installations;

namespace Menagerie.App.Ledger;

/// <summary>
/// The ledger's chain head at an instant, signed with the installation's key: a file the operator keeps away from
/// the database, so that removing the last entries and rewinding the head to match — which leaves a chain that
/// verifies — is still found by <c>audit verify --checkpoint</c>. The signature covers every other field, as the
/// JSON array <c>[format, installation, fingerprint, sequence, hash, writtenAt]</c> in UTF-8, so the file may be
/// reformatted but no value changed.
/// </summary>
public sealed record LedgerCheckpoint(
    string Format, string Installation, string Fingerprint, long Sequence, string Hash, DateTime WrittenAt, string Signature)
{
    public const string FormatName = "menagerie.ledger-checkpoint/1";

    /// <summary>Far above any checkpoint; a larger file is not read.</summary>
    public const int MaxBytes = 64 * 1024;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        WriteIndented = true,
        // Base64 as written ('+', not \u002B): the file is read by people as well as by verify.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    internal static LedgerCheckpoint Sign(InstallationKey key, long sequence, string hash, DateTime writtenAt)
    {
        var unsigned = new LedgerCheckpoint(FormatName, key.Name, PublicKeys.Fingerprint(key.PublicKey), sequence, hash, writtenAt, "");
        return unsigned with { Signature = Convert.ToBase64String(key.Sign(unsigned.SignedContent())) };
    }

    /// <summary>True when the signature is the given key's signature of this checkpoint's fields.</summary>
    internal bool IsSignedBy(byte[] subjectPublicKeyInfo)
    {
        var signature = new byte[Signature.Length];
        return Convert.TryFromBase64String(Signature, signature, out var length)
            && PublicKeys.Verify(subjectPublicKeyInfo, SignedContent(), signature.AsSpan(0, length));
    }

    private byte[] SignedContent() => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new object[]
    {
        Format, Installation, Fingerprint, Sequence, Hash, WrittenAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
    }));

    public byte[] ToFile() => [.. JsonSerializer.SerializeToUtf8Bytes(this, Options), (byte)'\n'];

    /// <summary>Reads a checkpoint file, or names what makes it no checkpoint (<paramref name="file"/> is its name in the problem).</summary>
    public static (LedgerCheckpoint? Checkpoint, InputProblem? Problem) Read(byte[] content, string file)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length > MaxBytes)
            return (null, new(file, 0, "file", $"The file is larger than {MaxBytes / 1024} KB; it is not a ledger checkpoint."));
        try
        {
            // The format first, so that another kind of JSON file is called what it is rather than a checkpoint missing its fields.
            using (var document = JsonDocument.Parse(content))
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object
                    || !document.RootElement.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String
                    || !string.Equals(format.GetString(), FormatName, StringComparison.Ordinal))
                {
                    return (null, new(file, 1, "format", $"This is not a Menagerie ledger checkpoint ({FormatName})."));
                }
            }
            return (JsonSerializer.Deserialize<LedgerCheckpoint>(content, Options), null);
        }
        catch (JsonException e)
        {
            var (field, message) = JsonInput.Problem(e, typeof(LedgerCheckpoint), Options);
            return (null, new(file, (int)(e.LineNumber ?? 0) + 1, field.Length > 0 ? field : "file", message));
        }
    }
}
