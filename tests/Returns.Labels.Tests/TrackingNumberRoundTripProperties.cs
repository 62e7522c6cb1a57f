using FsCheck;
using FsCheck.Fluent;
using Returns.Labels.Tests.Decoding;
using ZXing;

namespace Returns.Labels.Tests;

public sealed class TrackingNumberRoundTripProperties
{
    private static readonly ReturnLabelRenderer Renderer = new();

    /// <summary>1–30 printable ASCII characters, spaces only inside (surrounding ones are trimmed by design).</summary>
    private static Gen<string> TrackingNumbers() =>
        from length in Gen.Choose(1, ReturnLabelContent.MaxTrackingNumberLength)
        from chars in Gen.ArrayOf(Gen.Choose(0x20, 0x7E).Select(c => (char)c), length)
        let text = new string(chars)
        where text.Trim().Length == text.Length
        select text;

    [FsCheck.Xunit.Property(MaxTest = 60)]
    public Property Render_RandomAsciiTrackingNumber_RoundTripsThroughSvgAndZpl() =>
        Prop.ForAll(TrackingNumbers().ToArbitrary(), trackingNumber =>
        {
            var content = Samples.Content(trackingNumber: trackingNumber, qrPayload: null);
            var svg = SvgReadBack.Parse(Renderer.Render(content, LabelFormat.Svg).Content);
            var zpl = ZplReadBack.Parse(Renderer.Render(content, LabelFormat.Zpl).Content);

            var fromSvg = svg.Decode(BarcodeFormat.CODE_128);
            var fromZpl = zpl.DataOf("BC");
            return (fromSvg == trackingNumber).Label($"SVG decoded '{fromSvg}'")
                .And(fromZpl == trackingNumber).Label($"ZPL decoded '{fromZpl}'");
        });
}
