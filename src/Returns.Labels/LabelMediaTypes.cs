namespace Returns.Labels;

/// <summary>The media types of <see cref="RenderedLabel.Content"/>.</summary>
public static class LabelMediaTypes
{
    /// <summary><c>application/pdf</c>, for <see cref="LabelFormat.Pdf4x6"/> and <see cref="LabelFormat.PdfA4"/>.</summary>
    public const string Pdf = "application/pdf";

    /// <summary>
    /// <c>application/x-zpl</c>, for <see cref="LabelFormat.Zpl"/>. ZPL has no registered media type; this is the
    /// name most print servers and carrier APIs use. The content is 7-bit ASCII (every other character is hex-escaped
    /// with <c>^FH</c>), so it may also be handled as <c>text/plain; charset=us-ascii</c>.
    /// </summary>
    public const string Zpl = "application/x-zpl";

    /// <summary><c>image/svg+xml</c>, for <see cref="LabelFormat.Svg"/> (UTF-8).</summary>
    public const string Svg = "image/svg+xml";

    /// <summary>The media type of a format.</summary>
    /// <param name="format">The format.</param>
    /// <returns>The media type.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The format is not defined.</exception>
    public static string For(LabelFormat format) => format switch
    {
        LabelFormat.Pdf4x6 or LabelFormat.PdfA4 => Pdf,
        LabelFormat.Zpl => Zpl,
        LabelFormat.Svg => Svg,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown label format."),
    };
}
