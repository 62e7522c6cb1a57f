using System.Globalization;
using System.Text;
using System.Xml.Linq;
using ZXing;

namespace Returns.Labels.Tests.Decoding;

/// <summary>Parses a rendered SVG with <see cref="XDocument"/>: its viewBox, black rects and text nodes.</summary>
internal sealed class SvgReadBack
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private SvgReadBack(XDocument document, string source)
    {
        Document = document;
        Source = source;
        var viewBox = document.Root!.Attribute("viewBox")!.Value.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        ViewBox = (viewBox[0], viewBox[1], viewBox[2], viewBox[3]);
    }

    public XDocument Document { get; }

    /// <summary>The SVG as text, to check escaping.</summary>
    public string Source { get; }

    public (double X, double Y, double Width, double Height) ViewBox { get; }

    /// <summary>The content of every &lt;text&gt; element, unescaped by the XML parser.</summary>
    public IReadOnlyList<string> Texts => Document.Descendants(Svg + "text").Select(t => t.Value).ToArray();

    public static SvgReadBack Parse(ReadOnlyMemory<byte> svg)
    {
        var source = Encoding.UTF8.GetString(svg.Span);
        return new SvgReadBack(XDocument.Parse(source), source);
    }

    /// <summary>Rasterises every black &lt;rect&gt; (white ones are the background) and decodes the one symbol of <paramref name="format"/>.</summary>
    public string? Decode(BarcodeFormat format, double pixelsPerUnit = 6)
    {
        var raster = new Raster(ViewBox.Width, ViewBox.Height, pixelsPerUnit);
        foreach (var rect in Document.Descendants(Svg + "rect"))
        {
            var fill = rect.AncestorsAndSelf().Select(e => (string?)e.Attribute("fill")).FirstOrDefault(f => f is not null) ?? "#000";
            if (fill is "#fff" or "#ffffff" or "white")
            {
                continue;
            }

            raster.Fill(D(rect, "x") - ViewBox.X, D(rect, "y") - ViewBox.Y, D(rect, "width"), D(rect, "height"));
        }

        return raster.Decode(format);
    }

    private static double D(XElement element, string attribute) =>
        double.Parse((string?)element.Attribute(attribute) ?? "0", CultureInfo.InvariantCulture);
}
