using System.Collections.Frozen;
using UglyToad.PdfPig.Fonts;
using UglyToad.PdfPig.Fonts.AdobeFontMetrics;
using UglyToad.PdfPig.Fonts.Standard14Fonts;

namespace Returns.Labels.Internal;

/// <summary>
/// Advance widths of Helvetica and Helvetica-Bold (1/1000 em) from the Adobe font metrics shipped with PdfPig.
/// Arial and Liberation Sans share these metrics, so the SVG lays out like the PDF.
/// </summary>
internal static class HelveticaMetrics
{
    private const short FallbackWidth = 556;

    private static readonly FrozenDictionary<char, short> Regular = Load(Standard14Font.Helvetica);
    private static readonly FrozenDictionary<char, short> Bold = Load(Standard14Font.HelveticaBold);

    /// <summary>The width of <paramref name="text"/> in points at <paramref name="size"/> points.</summary>
    public static double Measure(string text, double size, bool bold)
    {
        var widths = bold ? Bold : Regular;
        long total = 0;
        foreach (var c in text)
        {
            total += widths.TryGetValue(c, out var w) ? w : FallbackWidth;
        }

        return total * size / 1000d;
    }

    private static FrozenDictionary<char, short> Load(Standard14Font font)
    {
        AdobeFontMetrics metrics = Standard14.GetAdobeFontMetrics(font);
        var glyphs = GlyphList.AdobeGlyphList;
        var widths = new Dictionary<char, short>();
        foreach (var (from, to) in new[] { (0x20, 0x24F), (0x2000, 0x206F), (0x20AC, 0x20AC) })
        {
            for (var code = from; code <= to; code++)
            {
                var name = glyphs.UnicodeCodePointToName(code);
                if (metrics.CharacterMetrics.TryGetValue(name, out var metric))
                {
                    widths[(char)code] = (short)Math.Round(metric.Width.X);
                }
            }
        }

        return widths.ToFrozenDictionary();
    }
}
