using System.Globalization;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Graphics.Operations;
using UglyToad.PdfPig.Graphics.Operations.General;
using UglyToad.PdfPig.Graphics.Operations.PathConstruction;
using UglyToad.PdfPig.Graphics.Operations.PathPainting;
using UglyToad.PdfPig.Writer;

namespace Returns.Labels.Internal;

/// <summary>
/// Writes a <see cref="LabelCanvas"/> as a one-page PDF with PdfPig and the standard-14 fonts Helvetica and
/// Helvetica-Bold. Boxes, bars and QR modules are filled rectangles (no stroke, so they keep their exact width).
/// </summary>
internal static class PdfLabelWriter
{
    public static byte[] Write(LabelCanvas canvas, string title, DateTimeOffset createdAt)
    {
        using var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = title;
        builder.DocumentInformation.Creator = "Returns.Labels";
        builder.DocumentInformation.Producer = "Returns.Labels (PdfPig)";
        builder.DocumentInformation.CreationDate = PdfDate(createdAt);
        var regular = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        var page = builder.AddPage(canvas.Width, canvas.Height);
        var height = canvas.Height;
        var ops = page.CurrentStream.Operations;

        void Fill(double x, double y, double w, double h)
        {
            ops.Add(new AppendRectangle(x, height - y - h, w, h));
            ops.Add(FillPathNonZeroWinding.Value);
        }

        ops.Add(new SetNonStrokeColorDeviceGray(0));
        foreach (var element in canvas.Elements)
        {
            switch (element)
            {
                case BoxElement box:
                    Fill(box.X, box.Y, box.Width, box.Height);
                    break;

                case RuleElement rule:
                    ops.Add(new SetLineWidth(rule.Thickness));
                    if (rule.Dashed)
                    {
                        ops.Add(new SetLineDashPattern([4, 3], 0));
                    }

                    ops.Add(new BeginNewSubpath(rule.X1, height - rule.Y1));
                    ops.Add(new AppendStraightLineSegment(rule.X2, height - rule.Y2));
                    ops.Add(StrokePath.Value);
                    if (rule.Dashed)
                    {
                        ops.Add(new SetLineDashPattern([], 0));
                    }

                    break;

                case Code128Element code:
                    foreach (var (start, length) in Runs(code.Modules))
                    {
                        Fill(code.X + (start * code.ModuleWidth), code.Y, length * code.ModuleWidth, code.Height);
                    }

                    break;

                case QrElement qr:
                    var row = new bool[qr.Modules.Size];
                    for (var my = 0; my < qr.Modules.Size; my++)
                    {
                        for (var mx = 0; mx < row.Length; mx++)
                        {
                            row[mx] = qr.Modules[mx, my];
                        }

                        foreach (var (start, length) in Runs(row))
                        {
                            Fill(qr.X + (start * qr.ModuleSize), qr.Y + (my * qr.ModuleSize), length * qr.ModuleSize, qr.ModuleSize);
                        }
                    }

                    break;

                case TextElement text:
                    var x = text.Align switch
                    {
                        TextAlign.Center => text.X - (TextShaper.Measure(text.Text, text.Size, text.Bold) / 2),
                        TextAlign.Right => text.X - TextShaper.Measure(text.Text, text.Size, text.Bold),
                        _ => text.X,
                    };
                    if (text.Inverted)
                    {
                        ops.Add(new SetNonStrokeColorDeviceGray(1));
                    }

                    page.AddText(text.Text, text.Size, new PdfPoint(x, height - text.Baseline), text.Bold ? bold : regular);
                    if (text.Inverted)
                    {
                        ops.Add(new SetNonStrokeColorDeviceGray(0));
                    }

                    break;
            }
        }

        return builder.Build();
    }

    /// <summary>Runs of dark modules as (first module, count), so a bar of three modules is one rectangle.</summary>
    internal static IEnumerable<(int Start, int Length)> Runs(IReadOnlyList<bool> modules)
    {
        var i = 0;
        while (i < modules.Count)
        {
            if (!modules[i])
            {
                i++;
                continue;
            }

            var start = i;
            while (i < modules.Count && modules[i])
            {
                i++;
            }

            yield return (start, i - start);
        }
    }

    private static string PdfDate(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return "D:" + utc.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "Z";
    }
}
