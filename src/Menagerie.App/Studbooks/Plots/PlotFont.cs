using ScottPlot;
using SkiaSharp;

namespace Menagerie.App.Studbooks.Plots;

/// <summary>
/// The fonts plots use, served from this assembly: DejaVu Sans (Latin, Cyrillic), and NanumGothic for a plot
/// with Korean words, which DejaVu Sans has no letters for. On a machine without fonts ScottPlot would
/// otherwise draw no text at all and raise no error.
/// </summary>
internal sealed class PlotFont : IFontResolver
{
    public const string Family = "DejaVu Sans";
    public const string HangulFamily = "NanumGothic";

    private static readonly Lazy<SKTypeface> DejaVu = new(() => Load("DejaVuSans"));
    private static readonly Lazy<SKTypeface> DejaVuBold = new(() => Load("DejaVuSans-Bold"));
    private static readonly Lazy<SKTypeface> Nanum = new(() => Load("NanumGothic"));
    private static readonly Lazy<bool> Registered = new(Register);

    /// <summary>Makes DejaVu Sans ScottPlot's default font; safe to call from any thread, any number of times.</summary>
    public static void EnsureRegistered() => _ = Registered.Value;

    /// <summary>DejaVu Sans, for drawings other than plots (the loading plan's PNG).</summary>
    public static SKTypeface Regular => DejaVu.Value;

    public static SKTypeface Bold => DejaVuBold.Value;

    public static SKTypeface Hangul => Nanum.Value;

    /// <summary>Whether a text has Hangul syllables or letters.</summary>
    public static bool HasHangul(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (c is >= '\uAC00' and <= '\uD7AF' or >= '\u1100' and <= '\u11FF' or >= '\u3130' and <= '\u318F')
                return true;
        }
        return false;
    }

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) => Typeface(fontName);

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) => Typeface(fontName);

    private static SKTypeface? Typeface(string fontName) =>
        string.Equals(fontName, Family, StringComparison.OrdinalIgnoreCase) ? DejaVu.Value
        : string.Equals(fontName, HangulFamily, StringComparison.OrdinalIgnoreCase) ? Nanum.Value
        : null;

    private static bool Register()
    {
        Fonts.FontResolvers.Insert(0, new PlotFont());
        Fonts.Default = Family;
        Fonts.Sans = Family;
        return true;
    }

    private static SKTypeface Load(string face)
    {
        using var data = SKData.CreateCopy(Transport.Documents.DocumentFont.Load(face));
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"The embedded font {face} could not be read.");
    }
}
