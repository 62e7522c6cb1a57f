using ZXing;
using ZXing.Common;

namespace Returns.Labels.Tests.Decoding;

/// <summary>
/// A grey-scale image painted from black rectangles read back out of a label (PDF paths or SVG rects), with
/// exact area coverage per pixel, for ZXing to decode like a scanner would.
/// </summary>
internal sealed class Raster
{
    private readonly float[] _coverage;
    private readonly double _scale;

    public Raster(double pageWidth, double pageHeight, double pixelsPerUnit)
    {
        _scale = pixelsPerUnit;
        Width = (int)Math.Ceiling(pageWidth * pixelsPerUnit);
        Height = (int)Math.Ceiling(pageHeight * pixelsPerUnit);
        _coverage = new float[Width * Height];
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Paints a black rectangle given in page units, top-left origin.</summary>
    public void Fill(double x, double y, double width, double height)
    {
        var x0 = x * _scale;
        var x1 = (x + width) * _scale;
        var y0 = y * _scale;
        var y1 = (y + height) * _scale;
        for (var py = Math.Max(0, (int)Math.Floor(y0)); py < Math.Min(Height, (int)Math.Ceiling(y1)); py++)
        {
            var cy = Math.Min(py + 1, y1) - Math.Max(py, y0);
            for (var px = Math.Max(0, (int)Math.Floor(x0)); px < Math.Min(Width, (int)Math.Ceiling(x1)); px++)
            {
                var cx = Math.Min(px + 1, x1) - Math.Max(px, x0);
                var i = (py * Width) + px;
                _coverage[i] = (float)Math.Min(1, _coverage[i] + (cx * cy));
            }
        }
    }

    /// <summary>The text of the only symbol of <paramref name="format"/> in the image, or null when none is found.</summary>
    public string? Decode(BarcodeFormat format)
    {
        var luminance = new byte[Width * Height];
        for (var i = 0; i < luminance.Length; i++)
        {
            luminance[i] = (byte)Math.Round(255 * (1 - _coverage[i]));
        }

        var hints = new Dictionary<DecodeHintType, object>
        {
            [DecodeHintType.POSSIBLE_FORMATS] = new List<BarcodeFormat> { format },
            [DecodeHintType.TRY_HARDER] = true,
        };
        var result = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new GrayLuminanceSource(luminance, Width, Height))), hints);
        return result?.Text;
    }

    /// <summary>An 8-bit grey luminance source over a pixel buffer (0 = black).</summary>
    private sealed class GrayLuminanceSource(byte[] pixels, int width, int height) : LuminanceSource(width, height)
    {
        public override byte[] Matrix => pixels;

        public override byte[] getRow(int y, byte[] row)
        {
            if (row is null || row.Length < Width)
            {
                row = new byte[Width];
            }

            Array.Copy(pixels, y * Width, row, 0, Width);
            return row;
        }
    }
}
