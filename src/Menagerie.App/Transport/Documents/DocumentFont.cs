using PdfSharp.Drawing;
using PdfSharp.Fonts;

namespace Menagerie.App.Transport.Documents;

/// <summary>
/// DejaVu Sans and DejaVu Sans Bold from this assembly for every PDF: on Linux PDFsharp finds no font of its own
/// and throws. Italic is simulated by PDFsharp, so no third font file has to ship.
/// </summary>
internal sealed class DocumentFont : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string RegularFace = "DejaVuSans";
    private const string BoldFace = "DejaVuSans-Bold";

    private static readonly Lazy<byte[]> RegularBytes = new(() => Load(RegularFace));
    private static readonly Lazy<byte[]> BoldBytes = new(() => Load(BoldFace));

    // PDFsharp takes its resolver once per process and requires the same instance on any later setting.
    private static readonly Lazy<bool> Registered = new(() =>
    {
        GlobalFontSettings.FontResolver ??= new DocumentFont();
        return true;
    });

    /// <summary>Makes the embedded fonts PDFsharp's; safe from any thread, any number of times.</summary>
    public static void EnsureRegistered() => _ = Registered.Value;

    public static XFont Regular(double size) => Font(size, XFontStyleEx.Regular);

    public static XFont Bold(double size) => Font(size, XFontStyleEx.Bold);

    public static XFont Italic(double size) => Font(size, XFontStyleEx.Italic);

    /// <summary>A font of the family; PDFsharp resolves it on creation, so the resolver is registered first.</summary>
    public static XFont Font(double size, XFontStyleEx style)
    {
        EnsureRegistered();
        return new XFont(Family, size, style);
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        string.Equals(familyName, Family, StringComparison.OrdinalIgnoreCase)
            ? new FontResolverInfo(isBold ? BoldFace : RegularFace, mustSimulateBold: false, mustSimulateItalic: isItalic)
            : null;

    public byte[]? GetFont(string faceName) => faceName switch
    {
        RegularFace => RegularBytes.Value,
        BoldFace => BoldBytes.Value,
        _ => null,
    };

    /// <summary>The bytes of a font file this assembly carries, by its face name (DejaVuSans-Bold).</summary>
    internal static byte[] Load(string face)
    {
        var name = $"Menagerie.Fonts.{face}.ttf";
        using var stream = typeof(DocumentFont).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded font {name} is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
