using System.Globalization;
using System.Text;
using Returns.Labels.Internal;

namespace Returns.Labels;

/// <summary>A QR code as a standalone SVG image, for a screen (a portal page, an e-mail) rather than a label.</summary>
public static class QrCodeSvg
{
    /// <summary>Draws <paramref name="payload"/> as a QR code (error correction M) with its four-module quiet zone.</summary>
    /// <param name="payload">The text to encode, e.g. an RMA number or a carrier's drop-off code.</param>
    /// <param name="title">The image's accessible name, read by screen readers.</param>
    /// <returns>An <c>&lt;svg&gt;</c> element sized in modules (it scales to its container), black on white.</returns>
    /// <exception cref="ArgumentException">The payload is empty or too long for a QR code.</exception>
    public static string Render(string payload, string title)
    {
        ArgumentException.ThrowIfNullOrEmpty(payload);
        ArgumentNullException.ThrowIfNull(title);
        QrModules modules;
        try
        {
            modules = Symbols.Qr(payload);
        }
        catch (ZXing.WriterException exception)
        {
            throw new ArgumentException($"The payload ({payload.Length} characters) does not fit in a QR code.", nameof(payload), exception);
        }

        var side = modules.Size + (2 * Symbols.QrQuietZone);
        var svg = new StringBuilder(modules.Size * modules.Size * 4);
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" role=\"img\" shape-rendering=\"crispEdges\">");
        svg.Append("<title>").Append(System.Net.WebUtility.HtmlEncode(title)).Append("</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/><path fill=\"#000\" d=\"");
        for (var y = 0; y < modules.Size; y++)
        {
            for (var x = 0; x < modules.Size; x++)
            {
                if (modules[x, y])
                {
                    svg.Append(CultureInfo.InvariantCulture, $"M{x + Symbols.QrQuietZone} {y + Symbols.QrQuietZone}h1v1h-1z");
                }
            }
        }

        return svg.Append("\"/></svg>").ToString();
    }
}
