using Returns.Labels.Tests.Decoding;
using ZXing;

namespace Returns.Labels.Tests;

public sealed class ReturnLabelRendererSvgTests
{
    private readonly ReturnLabelRenderer _renderer = new();

    [Fact]
    public void Render_Svg_HasA4x6InchViewBoxInPoints()
    {
        var label = _renderer.Render(Samples.Content(), LabelFormat.Svg);
        var svg = SvgReadBack.Parse(label.Content);

        Assert.Equal(LabelMediaTypes.Svg, label.MediaType);
        Assert.Equal((0d, 0d, 288d, 432d), svg.ViewBox);
        Assert.Equal("4in", (string?)svg.Document.Root!.Attribute("width"));
        Assert.Equal("6in", (string?)svg.Document.Root!.Attribute("height"));
    }

    [Fact]
    public void Render_Svg_RectModulesDecodeToTrackingNumberAndQrPayload()
    {
        var content = Samples.Content();
        var svg = SvgReadBack.Parse(_renderer.Render(content, LabelFormat.Svg).Content);

        Assert.Equal(content.TrackingNumber, svg.Decode(BarcodeFormat.CODE_128));
        Assert.Equal(content.QrPayload, svg.Decode(BarcodeFormat.QR_CODE));
    }

    [Fact]
    public void Render_Svg_TextNodesHoldRmaTrackingNumberAndAddresses()
    {
        var svg = SvgReadBack.Parse(_renderer.Render(Samples.Content(), LabelFormat.Svg).Content);

        Assert.Contains("RMA-2026-000123", svg.Texts);
        Assert.Contains("1Z999AA10123456784", svg.Texts);
        Assert.Contains("Invalidenstraße 117", svg.Texts);
        Assert.Contains(svg.Texts, t => t.Contains("5928 PV", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_SvgNameWithMarkup_IsEscapedAndReadsBackUnchanged()
    {
        var content = Samples.Content(sender: Samples.Customer("Jürgen <b>Müller</b> & \"Söhne\" <&>"));
        var svg = SvgReadBack.Parse(_renderer.Render(content, LabelFormat.Svg).Content);

        Assert.Contains("Jürgen <b>Müller</b> & \"Söhne\" <&>", svg.Texts);
        Assert.Contains("&lt;&amp;&gt;", svg.Source, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", svg.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SvgNameWithControlCharacters_StaysWellFormed()
    {
        var content = Samples.Content(sender: Samples.Customer("Eve\u0001\u001b[31m\r\nMallory"));
        var svg = SvgReadBack.Parse(_renderer.Render(content, LabelFormat.Svg).Content);

        Assert.Contains("Eve [31m Mallory", svg.Texts);
    }
}
