using System.Globalization;
using Returns.Sdk;

namespace Returns.Labels.Internal;

/// <summary>
/// Lays out the 4 × 6 label and the A4 page in points. Barcode and QR modules are whole printer dots
/// (203 dpi for thermal labels, 300 dpi for home printers) so they print crisp and even.
/// </summary>
internal static class LabelLayout
{
    public const double LabelWidth = 288;
    public const double LabelHeight = 432;
    public const double A4Width = 595.28;
    public const double A4Height = 841.89;

    /// <summary>One dot of a 203 dpi (8 dots/mm) thermal printer, in points.</summary>
    public const double ThermalDot = 72d / 203d;

    /// <summary>One dot of a 300 dpi home printer (and of 600 dpi ones), in points.</summary>
    public const double HomePrinterDot = 72d / 300d;

    private const double Margin = 10;
    private const double Right = LabelWidth - Margin;
    private const double ContentWidth = Right - Margin;
    private const double MaxBarModule = 1.42;   // 0.5 mm
    private const double MaxQrModule = 8.5;     // 3 mm

    /// <summary>The 4 × 6 label alone.</summary>
    public static LabelCanvas Label4x6(ReturnLabelContent content, TextShaper shaper, double dot)
    {
        var page = new Composer(0, 0);
        DrawLabel(page, content, shaper, dot);
        return new LabelCanvas(LabelWidth, LabelHeight, page.Elements);
    }

    /// <summary>An A4 page: the label in a dashed cut frame, a cut line, and the customer slip.</summary>
    public static LabelCanvas A4(ReturnLabelContent content, TextShaper shaper)
    {
        const double labelTop = 48;
        var labelLeft = Snap((A4Width - LabelWidth) / 2, HomePrinterDot);
        var elements = new List<LabelElement>
        {
            new TextElement(A4Width / 2, 30, "Cut out the label along the dashed line and tape it flat on the largest side of the parcel.", 9, false, TextAlign.Center),
            new TextElement(A4Width / 2, 41, "Remove or cover any old labels and barcodes.", 9, false, TextAlign.Center),
            new RuleElement(labelLeft, labelTop, labelLeft + LabelWidth, labelTop, 0.75, Dashed: true),
            new RuleElement(labelLeft, labelTop + LabelHeight, labelLeft + LabelWidth, labelTop + LabelHeight, 0.75, Dashed: true),
            new RuleElement(labelLeft, labelTop, labelLeft, labelTop + LabelHeight, 0.75, Dashed: true),
            new RuleElement(labelLeft + LabelWidth, labelTop, labelLeft + LabelWidth, labelTop + LabelHeight, 0.75, Dashed: true),
        };

        var label = new Composer(labelLeft, labelTop);
        DrawLabel(label, content, shaper, HomePrinterDot);
        elements.AddRange(label.Elements);

        var slip = new Composer(0, 0);
        DrawSlip(slip, content, shaper, labelTop + LabelHeight + 26);
        elements.AddRange(slip.Elements);
        return new LabelCanvas(A4Width, A4Height, elements);
    }

    /// <summary>Rounds to the nearest whole dot.</summary>
    public static double Snap(double value, double dot) => Math.Round(value / dot) * dot;

    private static void DrawLabel(Composer page, ReturnLabelContent content, TextShaper shaper, double dot)
    {
        // Header: carrier and service left, a RETURN badge and the method right.
        const double badgeWidth = 78;
        page.Box(Right - badgeWidth, 10, badgeWidth, 22);
        page.Text(Right - (badgeWidth / 2), 26, "RETURN", 12.5, bold: true, TextAlign.Center, inverted: true);
        page.Text(Right, 45, shaper.Line(MethodTitle(content.Method)).ToUpperInvariant(), 7.5, bold: true, TextAlign.Right);
        var headerWidth = ContentWidth - badgeWidth - 8;
        page.FitText(Margin, 28, shaper.Line(content.CarrierName), headerWidth, 18, 10, bold: true);
        page.FitText(Margin, 45, shaper.Line(content.ServiceName), headerWidth, 10, 7, bold: false);
        page.Rule(Margin, 54, Right, 54, 1.5);

        // FROM (customer) left, return facts right.
        const double factsLeft = 186;
        page.Text(Margin, 66, "FROM", 7, bold: true);
        var from = AddressLines.From(content.Sender, shaper);
        var fromLines = new List<string> { from.Name };
        fromLines.AddRange(from.Street);
        fromLines.Add(from.CityLine is null ? from.KeyLine : from.CityLine + "  " + from.KeyLine);
        fromLines.Add(from.Country);
        var fromWidth = factsLeft - 16 - Margin;
        var shown = fromLines.Where(l => l.Length > 0).Take(5).ToList();
        var fromSize = shown.Count == 0 ? 8.5 : shown.Min(l => TextShaper.Fit(l, fromWidth, 8.5, 6.5, bold: false).Size);
        var y = 77.0;
        foreach (var line in shown)
        {
            page.FitText(Margin, y, line, fromWidth, fromSize, fromSize, bold: false);
            y += 10.5;
        }

        page.Rule(factsLeft - 8, 54, factsLeft - 8, 132, 0.75);
        page.Text(factsLeft, 66, "RMA", 7, bold: true);
        page.FitText(factsLeft, 79, shaper.Line(content.RmaNumber), Right - factsLeft, 11, 6, bold: true);
        page.Text(factsLeft, 91, "CREATED", 7, bold: true);
        page.Text(factsLeft, 101.5, content.CreatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), 8.5, bold: false);
        if (content.Weight is { } weight)
        {
            page.Text(factsLeft, 113, "WEIGHT", 7, bold: true);
            page.Text(factsLeft, 123.5, weight.ToString(), 8.5, bold: false);
        }

        page.Rule(Margin, 132, Right, 132, 1);

        // TO (warehouse): large, for sorting; the lines are centred in the space between the rules.
        page.Text(Margin, 144, "TO", 7, bold: true);
        var to = AddressLines.From(content.Recipient, shaper);

        // Each line with its distance from the previous baseline.
        var toLines = new List<(string Text, double Size, double MinSize, bool Bold, double Lead)>();
        if (to.Name.Length > 0)
        {
            toLines.Add((to.Name, 13, 8, true, 0));
        }

        toLines.AddRange(to.Street.Select(line => (line, 10.5, 7d, false, 13d)));
        if (to.CityLine is not null)
        {
            toLines.Add((to.CityLine, 10.5, 7, false, 13));
        }

        toLines.Add((to.KeyLine, 16, 9, true, 20));
        toLines.Add((to.Country, 10.5, 7, false, 15));
        toLines[0] = toLines[0] with { Lead = 0 };
        var ascent = toLines[0].Size * 0.75;
        var blockHeight = ascent + toLines.Sum(l => l.Lead) + 3;
        y = 150 + ascent + Math.Max(0, (238 - 150 - blockHeight) / 2);
        foreach (var line in toLines)
        {
            y += line.Lead;
            page.FitText(Margin, y, line.Text, ContentWidth, line.Size, line.MinSize, line.Bold);
        }

        page.Rule(Margin, 242, Right, 242, 2);

        // Tracking number as Code 128 with the number under it.
        var bars = Symbols.Code128(content.TrackingNumber);
        var usable = LabelWidth - 8;
        var module = Math.Max(dot, Math.Min(MaxBarModule, Math.Floor(usable / (bars.Length + (2 * Symbols.Code128QuietZone)) / dot) * dot));
        var barsLeft = Snap((LabelWidth - (bars.Length * module)) / 2, dot);
        page.Barcode(barsLeft, 253, module, Snap(60, dot), content.TrackingNumber, bars);
        page.Text(LabelWidth / 2, 330, content.TrackingNumber, 12, bold: true, TextAlign.Center);
        page.Rule(Margin, 340, Right, 340, 1);

        // QR code (printerless drop-off) and the instructions for the method.
        var textLeft = Margin;
        const double bottomTop = 346;
        const double bottom = LabelHeight - 8;
        if (content.QrPayload is { } payload)
        {
            const double qrBox = 78;
            var qr = Symbols.Qr(payload);
            var qrModule = Math.Max(dot, Math.Min(MaxQrModule, Math.Floor(qrBox / (qr.Size + (2 * Symbols.QrQuietZone)) / dot) * dot));
            var qrSide = qr.Size * qrModule;
            page.Qr(Snap(Margin + ((qrBox - qrSide) / 2), dot), Snap(bottomTop + ((qrBox - qrSide) / 2), dot), qrModule, payload, qr);
            textLeft = Margin + qrBox + 8;
        }

        var heading = "HOW TO RETURN: " + shaper.Line(MethodTitle(content.Method)).ToUpperInvariant();
        page.FitText(textLeft, bottomTop + 9, heading, Right - textLeft, 8, 6, bold: true);
        var (lines, size, leading) = TextShaper.WrapToBox(shaper.Paragraphs(content.Instructions), Right - textLeft, bottom - (bottomTop + 14), 8, 5.5, bold: false);
        y = bottomTop + 14 + size;
        foreach (var line in lines)
        {
            page.Text(textLeft, y, line, size, bold: false);
            y += leading;
        }
    }

    private static void DrawSlip(Composer page, ReturnLabelContent content, TextShaper shaper, double top)
    {
        const double left = 48;
        const double right = A4Width - 48;
        const double valueLeft = 190;
        page.Rule(20, top, A4Width - 20, top, 0.75, dashed: true);
        page.Text(A4Width / 2, top - 5, "cut here", 7, bold: false, TextAlign.Center);
        var y = top + 32;
        page.Text(left, y, "Your return - customer slip", 18, bold: true);
        y += 14;
        page.Text(left, y, "Keep this part until your refund has arrived.", 9, bold: false);
        y += 24;

        var to = AddressLines.From(content.Recipient, shaper);
        var facts = new List<(string Label, string Value)>
        {
            ("Return number (RMA)", shaper.Line(content.RmaNumber)),
            ("Tracking number", content.TrackingNumber),
            ("Carrier", shaper.Line(content.CarrierName) + " - " + shaper.Line(content.ServiceName)),
            ("Return method", shaper.Line(MethodTitle(content.Method))),
            ("Created", content.CreatedAt.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)),
        };
        if (content.Weight is { } weight)
        {
            facts.Add(("Weight", weight.ToString()));
        }

        facts.Add(("Returned to", string.Join(", ", new[] { to.Name, to.KeyLine, to.Country }.Where(p => p.Length > 0))));
        foreach (var (label, value) in facts)
        {
            page.Text(left, y, label, 9.5, bold: true);
            page.FitText(valueLeft, y, value, right - valueLeft, 10.5, 7, bold: label.StartsWith("Return number", StringComparison.Ordinal));
            y += 17;
        }

        y += 10;
        page.Text(left, y, "What to do", 12, bold: true);
        y += 6;
        var (lines, size, leading) = TextShaper.WrapToBox(shaper.Paragraphs(content.Instructions), right - left, A4Height - 48 - y, 10.5, 7, bold: false);
        y += leading;
        foreach (var line in lines)
        {
            page.Text(left, y, line, size, bold: false);
            y += leading;
        }
    }

    private static string MethodTitle(ReturnMethod method) => method switch
    {
        ReturnMethod.InStore => "In store",
        ReturnMethod.PostOffice => "Post office",
        ReturnMethod.PickupPoint => "Pickup point",
        ReturnMethod.ParcelLocker => "Parcel locker",
        ReturnMethod.Mailbox => "Mailbox",
        ReturnMethod.HomePickup => "Home pickup",
        _ => method.ToString(),
    };

    /// <summary>Collects elements, shifted by an origin.</summary>
    private sealed class Composer(double originX, double originY)
    {
        public List<LabelElement> Elements { get; } = [];

        public void Box(double x, double y, double width, double height) =>
            Elements.Add(new BoxElement(originX + x, originY + y, width, height));

        public void Rule(double x1, double y1, double x2, double y2, double thickness, bool dashed = false) =>
            Elements.Add(new RuleElement(originX + x1, originY + y1, originX + x2, originY + y2, thickness, dashed));

        public void Text(double x, double baseline, string text, double size, bool bold, TextAlign align = TextAlign.Left, bool inverted = false)
        {
            if (text.Length > 0)
            {
                Elements.Add(new TextElement(originX + x, originY + baseline, text, size, bold, align, inverted));
            }
        }

        public void FitText(double x, double baseline, string text, double maxWidth, double size, double minSize, bool bold)
        {
            var (fitted, fittedSize) = TextShaper.Fit(text, maxWidth, size, minSize, bold);
            Text(x, baseline, fitted, fittedSize, bold);
        }

        public void Barcode(double x, double y, double module, double height, string data, bool[] modules) =>
            Elements.Add(new Code128Element(originX + x, originY + y, module, height, data, modules));

        public void Qr(double x, double y, double module, string payload, QrModules modules) =>
            Elements.Add(new QrElement(originX + x, originY + y, module, payload, modules));
    }
}
