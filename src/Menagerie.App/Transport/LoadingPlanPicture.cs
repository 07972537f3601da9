using Menagerie.App.Studbooks.Plots;
using Menagerie.Domain;
using SkiaSharp;
using Svg.Skia;
using Svg.Skia.TypefaceProviders;

namespace Menagerie.App.Transport;

public static partial class LoadingPlanDrawing
{
    /// <summary>Pixels for each of the SVG's CSS pixels: sharp on a high-density screen and when printed.</summary>
    private const float PngDensity = 2f;

    /// <summary>
    /// The loading plan as a PNG, for where an SVG cannot go (a message, a document, an older viewer), or null when
    /// there is no plan to draw. It is the SVG of <see cref="Draw"/> rasterised, so the two never differ, in the
    /// embedded fonts: a server without fonts still draws every word.
    /// </summary>
    public static byte[]? DrawPng(TransportPlanView plan, string specimenPages = "/specimens/", Func<Wording, string>? say = null)
    {
        if (Draw(plan, specimenPages, say) is not { } svg)
            return null;
        using var drawing = new SKSvg();
        drawing.Settings.EnableJavaScript = false;
        drawing.Settings.TypefaceProviders = [new EmbeddedTypefaces(PlotFont.HasHangul(svg))];
        drawing.FromSvg(svg);
        using var png = new MemoryStream();
        if (!drawing.Save(png, SKColors.White, SKEncodedImageFormat.Png, 100, PngDensity, PngDensity))
            throw new InvalidOperationException($"The loading plan of transfer {plan.Transfer} could not be drawn as a PNG.");
        return png.ToArray();
    }

    /// <summary>DejaVu Sans, bold where asked; NanumGothic for a drawing with Korean words, which DejaVu Sans has no letters for.</summary>
    private sealed class EmbeddedTypefaces(bool hangul) : ITypefaceProvider
    {
        public SKTypeface? FromFamilyName(string fontFamily, SKFontStyleWeight fontWeight, SKFontStyleWidth fontWidth, SKFontStyleSlant fontStyle) =>
            hangul ? PlotFont.Hangul : fontWeight >= SKFontStyleWeight.SemiBold ? PlotFont.Bold : PlotFont.Regular;
    }
}
