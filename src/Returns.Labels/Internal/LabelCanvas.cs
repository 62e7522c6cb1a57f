namespace Returns.Labels.Internal;

/// <summary>A page laid out in points (1/72 inch), origin at the top left, y growing downwards.</summary>
internal sealed record LabelCanvas(double Width, double Height, IReadOnlyList<LabelElement> Elements);

/// <summary>Something drawn on a <see cref="LabelCanvas"/>.</summary>
internal abstract record LabelElement;

/// <summary>A black filled rectangle.</summary>
internal sealed record BoxElement(double X, double Y, double Width, double Height) : LabelElement;

/// <summary>A straight black line (horizontal or vertical), optionally dashed (a cut line).</summary>
internal sealed record RuleElement(double X1, double Y1, double X2, double Y2, double Thickness, bool Dashed = false) : LabelElement;

/// <summary>How a text is placed relative to its <see cref="TextElement.X"/>.</summary>
internal enum TextAlign
{
    Left,
    Center,
    Right,
}

/// <summary>One line of text. <see cref="X"/> is the left edge, centre or right edge per <see cref="Align"/>; <see cref="Baseline"/> is the baseline.</summary>
internal sealed record TextElement(double X, double Baseline, string Text, double Size, bool Bold, TextAlign Align = TextAlign.Left, bool Inverted = false) : LabelElement;

/// <summary>A Code 128 symbol: <see cref="X"/> is the left edge of the first bar (the quiet zones lie outside).</summary>
internal sealed record Code128Element(double X, double Y, double ModuleWidth, double Height, string Data, IReadOnlyList<bool> Modules) : LabelElement;

/// <summary>A QR code: <see cref="X"/>/<see cref="Y"/> is the top left corner of the first module (the quiet zone lies outside).</summary>
internal sealed record QrElement(double X, double Y, double ModuleSize, string Payload, QrModules Modules) : LabelElement;

/// <summary>The dark modules of a QR code, row by row.</summary>
internal sealed class QrModules
{
    private readonly bool[] _dark;

    public QrModules(int size, bool[] dark)
    {
        Size = size;
        _dark = dark;
    }

    /// <summary>Modules per side.</summary>
    public int Size { get; }

    /// <summary>Whether the module in column <paramref name="x"/>, row <paramref name="y"/> is dark.</summary>
    public bool this[int x, int y] => _dark[(y * Size) + x];
}
