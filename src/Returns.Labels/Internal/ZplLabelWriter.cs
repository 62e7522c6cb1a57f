using System.Globalization;
using System.Text;

namespace Returns.Labels.Internal;

/// <summary>
/// Writes the 4 × 6 <see cref="LabelCanvas"/> as ZPL II for a 203 dpi printer (812 × 1218 dots). Barcodes use the
/// printer's own <c>^BC</c> (Code 128) and <c>^BQ</c> (QR) commands; text uses the scalable font 0 with UTF-8
/// (<c>^CI28</c>). No caret or tilde from the content ever reaches the output: text and QR field data are written
/// with <c>^FH</c> and <c>_XX</c> hex escapes, Code 128 data with Zebra's invocation codes.
/// </summary>
internal static class ZplLabelWriter
{
    public const int Dpi = 203;
    public const int WidthDots = 812;   // 4 in
    public const int HeightDots = 1218; // 6 in

    private const double DotsPerPoint = Dpi / 72d;

    public static byte[] Write(LabelCanvas canvas)
    {
        var zpl = new StringBuilder(4096);
        zpl.Append("^XA\n^CI28\n");
        zpl.Append(CultureInfo.InvariantCulture, $"^PW{WidthDots}\n^LL{HeightDots}\n^LH0,0\n");
        foreach (var element in canvas.Elements)
        {
            switch (element)
            {
                case BoxElement box:
                    Box(zpl, D(box.X), D(box.Y), D(box.Width), D(box.Height));
                    break;

                case RuleElement rule:
                    var t = Math.Max(1, D(rule.Thickness));
                    if (Math.Abs(rule.Y1 - rule.Y2) < 1e-6)
                    {
                        Box(zpl, D(Math.Min(rule.X1, rule.X2)), D(rule.Y1) - (t / 2), D(Math.Abs(rule.X2 - rule.X1)), t);
                    }
                    else
                    {
                        Box(zpl, D(rule.X1) - (t / 2), D(Math.Min(rule.Y1, rule.Y2)), t, D(Math.Abs(rule.Y2 - rule.Y1)));
                    }

                    break;

                case TextElement text:
                    Text(zpl, text);
                    break;

                case Code128Element code:
                    var (data, modules) = Code128Data(code.Data);
                    var module = Math.Max(1, D(code.ModuleWidth));
                    while (module > 1 && (modules + (2 * Symbols.Code128QuietZone)) * module > WidthDots)
                    {
                        module--;
                    }

                    var x = Math.Max(0, (WidthDots - (modules * module)) / 2);
                    zpl.Append(CultureInfo.InvariantCulture, $"^FO{x},{D(code.Y)}^BY{module}^BCN,{D(code.Height)},N,N,N,N^FD{data}^FS\n");
                    break;

                case QrElement qr:
                    var magnification = Math.Clamp(D(qr.ModuleSize), 1, 10);
                    zpl.Append(CultureInfo.InvariantCulture, $"^FO{D(qr.X)},{D(qr.Y)}^BQN,2,{magnification}^FH^FDMA,{HexEscape(qr.Payload, fieldBlock: false)}^FS\n");
                    break;
            }
        }

        zpl.Append("^PQ1\n^XZ\n");
        return Encoding.ASCII.GetBytes(zpl.ToString());
    }

    /// <summary>
    /// Field data for <c>^FH</c>: printable ASCII as is, except <c>^</c>, <c>~</c> and the escape character
    /// <c>_</c>; everything else as the <c>_XX</c> hex of its UTF-8 bytes. In a field block (<c>^FB</c>) a backslash
    /// is doubled, since <c>\&amp;</c> would break the line there.
    /// </summary>
    public static string HexEscape(string text, bool fieldBlock)
    {
        var sb = new StringBuilder(text.Length + 8);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            var c = rune.Value;
            if (c is >= 0x20 and <= 0x7E && c is not '^' and not '~' and not '_')
            {
                sb.Append(c == '\\' && fieldBlock ? "\\\\" : ((char)c).ToString());
                continue;
            }

            var count = rune.EncodeToUtf8(utf8);
            for (var i = 0; i < count; i++)
            {
                sb.Append('_').Append(utf8[i].ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// <c>^BC</c> field data in mode N for printable ASCII: start in subset B (<c>&gt;:</c>) or C (<c>&gt;;</c>),
    /// runs of digits packed in pairs in subset C (<c>&gt;5</c> in, <c>&gt;6</c> out), and the characters the
    /// printer reserves written as invocation codes: <c>&gt;</c> as <c>&gt;0</c>, <c>^</c> as <c>&gt;&lt;</c>,
    /// <c>~</c> as <c>&gt;=</c>. Returns the data and the symbol's width in modules (without quiet zones).
    /// </summary>
    public static (string Data, int Modules) Code128Data(string value)
    {
        var sb = new StringBuilder(value.Length + 8);
        var symbols = 1; // start
        var i = 0;
        var inC = false;
        var leading = DigitRun(value, 0);
        if (leading >= 4 || (leading == value.Length && leading >= 2 && leading % 2 == 0))
        {
            sb.Append(">;");
            inC = true;
        }
        else
        {
            sb.Append(">:");
        }

        while (i < value.Length)
        {
            var run = DigitRun(value, i);
            var atEnd = i + run == value.Length;
            var worthC = inC || run >= 6 || (atEnd && run >= 4);
            if (worthC && run >= 2)
            {
                if (run % 2 == 1 && !inC)
                {
                    AppendB(sb, value[i]);
                    symbols++;
                    i++;
                    run--;
                }

                if (!inC)
                {
                    sb.Append(">5");
                    symbols++;
                    inC = true;
                }

                var pairs = run / 2;
                sb.Append(value, i, pairs * 2);
                symbols += pairs;
                i += pairs * 2;
                continue;
            }

            if (inC)
            {
                sb.Append(">6");
                symbols++;
                inC = false;
            }

            AppendB(sb, value[i]);
            symbols++;
            i++;
        }

        symbols++; // check character
        return (sb.ToString(), (symbols * 11) + 13);
    }

    private static void AppendB(StringBuilder sb, char c) => sb.Append(c switch
    {
        '>' => ">0",
        '^' => "><",
        '~' => ">=",
        _ => c.ToString(),
    });

    private static int DigitRun(string value, int start)
    {
        var end = start;
        while (end < value.Length && char.IsAsciiDigit(value[end]))
        {
            end++;
        }

        return end - start;
    }

    private static void Text(StringBuilder zpl, TextElement text)
    {
        var height = Math.Max(10, D(text.Size));
        var x = D(text.X);
        var y = D(text.Baseline);
        var reverse = text.Inverted ? "^FR" : string.Empty;
        switch (text.Align)
        {
            case TextAlign.Center:
                var half = Math.Min(x, WidthDots - x);
                zpl.Append(CultureInfo.InvariantCulture, $"^FT{x - half},{y}^A0N,{height},{height}^FB{2 * half},1,0,C{reverse}^FH^FD{HexEscape(text.Text, fieldBlock: true)}^FS\n");
                break;
            case TextAlign.Right:
                zpl.Append(CultureInfo.InvariantCulture, $"^FT0,{y}^A0N,{height},{height}^FB{x},1,0,R{reverse}^FH^FD{HexEscape(text.Text, fieldBlock: true)}^FS\n");
                break;
            default:
                zpl.Append(CultureInfo.InvariantCulture, $"^FT{x},{y}^A0N,{height},{height}{reverse}^FH^FD{HexEscape(text.Text, fieldBlock: false)}^FS\n");
                break;
        }
    }

    private static void Box(StringBuilder zpl, int x, int y, int width, int height)
    {
        width = Math.Max(1, width);
        height = Math.Max(1, height);
        zpl.Append(CultureInfo.InvariantCulture, $"^FO{x},{y}^GB{width},{height},{Math.Min(width, height)}^FS\n");
    }

    private static int D(double points) => (int)Math.Round(points * DotsPerPoint, MidpointRounding.AwayFromZero);
}
