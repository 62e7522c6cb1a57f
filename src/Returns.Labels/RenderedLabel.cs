using Returns.Sdk.Carriers;

namespace Returns.Labels;

/// <summary>A rendered return label: the bytes to print, download or show, and what they are.</summary>
/// <param name="Format">The format the label was rendered in.</param>
/// <param name="MediaType">The media type of <paramref name="Content"/> (see <see cref="LabelMediaTypes"/>).</param>
/// <param name="Content">The document: PDF, ZPL (ASCII) or SVG (UTF-8) bytes.</param>
public sealed record RenderedLabel(LabelFormat Format, string MediaType, ReadOnlyMemory<byte> Content)
{
    /// <summary>The usual file name extension, with the dot: <c>.pdf</c>, <c>.zpl</c> or <c>.svg</c>.</summary>
    public string FileExtension => Format switch
    {
        LabelFormat.Pdf4x6 or LabelFormat.PdfA4 => ".pdf",
        LabelFormat.Zpl => ".zpl",
        _ => ".svg",
    };

    /// <summary>The label as the carrier SPI's <see cref="LabelDocument"/>, for <see cref="ReturnShipment.Label"/>.</summary>
    /// <returns>The same bytes and media type.</returns>
    public LabelDocument ToLabelDocument() => new(
        Format switch
        {
            LabelFormat.Zpl => LabelDocumentFormat.Zpl,
            LabelFormat.Svg => LabelDocumentFormat.Svg,
            _ => LabelDocumentFormat.Pdf,
        },
        MediaType,
        Content);
}
