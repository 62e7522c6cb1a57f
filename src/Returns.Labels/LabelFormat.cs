namespace Returns.Labels;

/// <summary>The output formats of a return label. See <c>docs/labels.md</c> for sizes and contents.</summary>
public enum LabelFormat
{
    /// <summary>A PDF page of 4 × 6 inches (288 × 432 pt) for thermal label printers; barcode modules are whole 203 dpi dots.</summary>
    Pdf4x6,

    /// <summary>An A4 PDF page for home printers: the 4 × 6 label inside a dashed cut line, and below it a customer slip with the RMA number and instructions.</summary>
    PdfA4,

    /// <summary>ZPL II for 203 dpi (8 dots/mm) thermal printers, 4 × 6 inches (812 × 1218 dots), using the printer's own Code 128 (<c>^BC</c>) and QR (<c>^BQ</c>) commands.</summary>
    Zpl,

    /// <summary>An SVG image of the 4 × 6 label for screens (viewBox in points, 288 × 432), with barcode and QR modules as rectangles.</summary>
    Svg,
}
