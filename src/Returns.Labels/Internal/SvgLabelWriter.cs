using System.Globalization;
using System.Text;
using System.Xml;

namespace Returns.Labels.Internal;

/// <summary>
/// Writes a <see cref="LabelCanvas"/> as SVG 1.1: a viewBox in points, boxes, bars and QR modules as
/// <c>&lt;rect&gt;</c> elements with crisp edges, text as <c>&lt;text&gt;</c> (escaped by <see cref="XmlWriter"/>).
/// </summary>
internal static class SvgLabelWriter
{
    private const string Ns = "http://www.w3.org/2000/svg";
    private const string FontFamily = "Helvetica, Arial, 'Liberation Sans', sans-serif";

    public static byte[] Write(LabelCanvas canvas, string title)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(false),
            Indent = true,
            IndentChars = " ",
            NewLineChars = "\n",
        };
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("svg", Ns);
            xml.WriteAttributeString("version", "1.1");
            xml.WriteAttributeString("width", F(canvas.Width / 72) + "in");
            xml.WriteAttributeString("height", F(canvas.Height / 72) + "in");
            xml.WriteAttributeString("viewBox", $"0 0 {F(canvas.Width)} {F(canvas.Height)}");
            xml.WriteElementString("title", Ns, title);
            Rect(xml, 0, 0, canvas.Width, canvas.Height, "#fff");

            xml.WriteStartElement("g", Ns);
            xml.WriteAttributeString("fill", "#000");
            xml.WriteAttributeString("shape-rendering", "crispEdges");
            foreach (var element in canvas.Elements)
            {
                switch (element)
                {
                    case BoxElement box:
                        Rect(xml, box.X, box.Y, box.Width, box.Height, fill: null);
                        break;

                    case RuleElement rule:
                        xml.WriteStartElement("line", Ns);
                        xml.WriteAttributeString("x1", F(rule.X1));
                        xml.WriteAttributeString("y1", F(rule.Y1));
                        xml.WriteAttributeString("x2", F(rule.X2));
                        xml.WriteAttributeString("y2", F(rule.Y2));
                        xml.WriteAttributeString("stroke", "#000");
                        xml.WriteAttributeString("stroke-width", F(rule.Thickness));
                        if (rule.Dashed)
                        {
                            xml.WriteAttributeString("stroke-dasharray", "4 3");
                        }

                        xml.WriteEndElement();
                        break;

                    case Code128Element code:
                        xml.WriteStartElement("g", Ns);
                        xml.WriteAttributeString("class", "code128");
                        foreach (var (start, length) in PdfLabelWriter.Runs(code.Modules))
                        {
                            Rect(xml, code.X + (start * code.ModuleWidth), code.Y, length * code.ModuleWidth, code.Height, fill: null);
                        }

                        xml.WriteEndElement();
                        break;

                    case QrElement qr:
                        xml.WriteStartElement("g", Ns);
                        xml.WriteAttributeString("class", "qr");
                        var row = new bool[qr.Modules.Size];
                        for (var my = 0; my < qr.Modules.Size; my++)
                        {
                            for (var mx = 0; mx < row.Length; mx++)
                            {
                                row[mx] = qr.Modules[mx, my];
                            }

                            foreach (var (start, length) in PdfLabelWriter.Runs(row))
                            {
                                Rect(xml, qr.X + (start * qr.ModuleSize), qr.Y + (my * qr.ModuleSize), length * qr.ModuleSize, qr.ModuleSize, fill: null);
                            }
                        }

                        xml.WriteEndElement();
                        break;

                    case TextElement text:
                        xml.WriteStartElement("text", Ns);
                        xml.WriteAttributeString("x", F(text.X));
                        xml.WriteAttributeString("y", F(text.Baseline));
                        xml.WriteAttributeString("font-family", FontFamily);
                        xml.WriteAttributeString("font-size", F(text.Size));
                        if (text.Bold)
                        {
                            xml.WriteAttributeString("font-weight", "bold");
                        }

                        if (text.Align != TextAlign.Left)
                        {
                            xml.WriteAttributeString("text-anchor", text.Align == TextAlign.Center ? "middle" : "end");
                        }

                        if (text.Inverted)
                        {
                            xml.WriteAttributeString("fill", "#fff");
                        }

                        // The layout measured Helvetica; pinning the length keeps the text in its place with any fallback font.
                        xml.WriteAttributeString("textLength", F(TextShaper.Measure(text.Text, text.Size, text.Bold)));
                        xml.WriteAttributeString("lengthAdjust", "spacingAndGlyphs");

                        xml.WriteAttributeString("xml", "space", null, "preserve");
                        xml.WriteString(text.Text);
                        xml.WriteEndElement();
                        break;
                }
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static void Rect(XmlWriter xml, double x, double y, double width, double height, string? fill)
    {
        xml.WriteStartElement("rect", Ns);
        xml.WriteAttributeString("x", F(x));
        xml.WriteAttributeString("y", F(y));
        xml.WriteAttributeString("width", F(width));
        xml.WriteAttributeString("height", F(height));
        if (fill is not null)
        {
            xml.WriteAttributeString("fill", fill);
        }

        xml.WriteEndElement();
    }

    private static string F(double value) => Math.Round(value, 3).ToString("0.###", CultureInfo.InvariantCulture);
}
