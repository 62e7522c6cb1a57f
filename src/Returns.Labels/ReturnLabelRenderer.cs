using Returns.Labels.Internal;

namespace Returns.Labels;

/// <summary>
/// Renders return labels and customer slips as PDF (4 × 6 in or A4), ZPL II or SVG. Stateless and thread-safe:
/// one instance can serve every request (register it as a singleton). It logs nothing, so the names and addresses
/// on a label never reach a log.
/// </summary>
public sealed class ReturnLabelRenderer
{
    /// <summary>Renders a label.</summary>
    /// <param name="content">What the label shows.</param>
    /// <param name="format">The output format.</param>
    /// <returns>The rendered document and its media type.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined <see cref="LabelFormat"/>.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "An instance API, so it can be injected and replaced in tests.")]
    public RenderedLabel Render(ReturnLabelContent content, LabelFormat format)
    {
        ArgumentNullException.ThrowIfNull(content);
        var title = "Return label " + content.TrackingNumber;
        byte[] bytes = format switch
        {
            LabelFormat.Pdf4x6 => PdfLabelWriter.Write(LabelLayout.Label4x6(content, TextShaper.PdfStandardEncoding, LabelLayout.ThermalDot), title, content.CreatedAt),
            LabelFormat.PdfA4 => PdfLabelWriter.Write(LabelLayout.A4(content, TextShaper.PdfStandardEncoding), title, content.CreatedAt),
            LabelFormat.Zpl => ZplLabelWriter.Write(LabelLayout.Label4x6(content, TextShaper.Unicode, LabelLayout.ThermalDot)),
            LabelFormat.Svg => SvgLabelWriter.Write(LabelLayout.Label4x6(content, TextShaper.Unicode, LabelLayout.ThermalDot), title),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown label format."),
        };

        return new RenderedLabel(format, LabelMediaTypes.For(format), bytes);
    }
}
