using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using ZXing;

namespace Returns.Labels.Tests.Decoding;

/// <summary>Opens a rendered PDF with PdfPig and reads back its page, text and black filled rectangles.</summary>
internal sealed class PdfReadBack
{
    private PdfReadBack(double width, double height, string text, IReadOnlyList<(double X, double Y, double W, double H)> boxes)
    {
        Width = width;
        Height = height;
        Text = text;
        Boxes = boxes;
    }

    public double Width { get; }

    public double Height { get; }

    /// <summary>The page's letters in content order.</summary>
    public string Text { get; }

    /// <summary>Black filled rectangles, top-left origin.</summary>
    public IReadOnlyList<(double X, double Y, double W, double H)> Boxes { get; }

    public static PdfReadBack Open(ReadOnlyMemory<byte> pdf)
    {
        using var document = PdfDocument.Open(pdf.ToArray());
        Assert.Equal(1, document.NumberOfPages);
        Page page = document.GetPage(1);
        var boxes = new List<(double, double, double, double)>();
        foreach (var path in page.Paths)
        {
            if (!path.IsFilled || path.IsClipping || !IsDark(path.FillColor))
            {
                continue;
            }

            foreach (var subpath in path)
            {
                if (subpath.GetBoundingRectangle() is { } r)
                {
                    boxes.Add((r.Left, page.Height - r.Top, r.Width, r.Height));
                }
            }
        }

        return new PdfReadBack(page.Width, page.Height, page.Text, boxes);
    }

    /// <summary>Rasterises the filled rectangles and decodes the one symbol of <paramref name="format"/>.</summary>
    public string? Decode(BarcodeFormat format, double pixelsPerPoint = 6)
    {
        var raster = new Raster(Width, Height, pixelsPerPoint);
        foreach (var (x, y, w, h) in Boxes)
        {
            raster.Fill(x, y, w, h);
        }

        return raster.Decode(format);
    }

    private static bool IsDark(UglyToad.PdfPig.Graphics.Colors.IColor? color)
    {
        if (color is null)
        {
            return true;
        }

        var (r, g, b) = color.ToRGBValues();
        return r < 0.5 && g < 0.5 && b < 0.5;
    }
}
