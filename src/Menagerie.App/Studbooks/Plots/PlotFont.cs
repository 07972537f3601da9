using ScottPlot;
using SkiaSharp;

namespace Menagerie.App.Studbooks.Plots;

/// <summary>
/// The one font every plot uses, DejaVu Sans, served from this assembly: on a machine without
/// fonts ScottPlot would otherwise draw no text at all and raise no error.
/// </summary>
internal sealed class PlotFont : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<SKTypeface> Typeface = new(Load);
    private static readonly Lazy<bool> Registered = new(Register);

    /// <summary>Makes DejaVu Sans ScottPlot's default font; safe to call from any thread, any number of times.</summary>
    public static void EnsureRegistered() => _ = Registered.Value;

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) => Matches(fontName) ? Typeface.Value : null;

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) =>
        Matches(fontName) ? Typeface.Value : null;

    private static bool Matches(string fontName) => string.Equals(fontName, Family, StringComparison.OrdinalIgnoreCase);

    private static bool Register()
    {
        Fonts.FontResolvers.Insert(0, new PlotFont());
        Fonts.Default = Family;
        Fonts.Sans = Family;
        return true;
    }

    private static SKTypeface Load()
    {
        using var stream = typeof(PlotFont).Assembly.GetManifestResourceStream("Menagerie.Fonts.DejaVuSans.ttf")
            ?? throw new InvalidOperationException("The embedded font Menagerie.Fonts.DejaVuSans.ttf is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        using var data = SKData.CreateCopy(copy.ToArray());
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException("The embedded font Menagerie.Fonts.DejaVuSans.ttf could not be read.");
    }
}
