using Returns.Labels.Tests.Decoding;
using ZXing;

namespace Returns.Labels.Tests;

public sealed class ReturnLabelRendererPdfTests
{
    private readonly ReturnLabelRenderer _renderer = new();

    [Theory]
    [InlineData(LabelFormat.Pdf4x6, 288, 432)]
    [InlineData(LabelFormat.PdfA4, 595.28, 841.89)]
    public void Render_Pdf_PageHasTheFormatsSize(LabelFormat format, double width, double height)
    {
        var label = _renderer.Render(Samples.Content(), format);
        var pdf = PdfReadBack.Open(label.Content);

        Assert.Equal(LabelMediaTypes.Pdf, label.MediaType);
        Assert.Equal(".pdf", label.FileExtension);
        Assert.Equal(width, pdf.Width, 0.5);
        Assert.Equal(height, pdf.Height, 0.5);
    }

    [Theory]
    [InlineData(LabelFormat.Pdf4x6)]
    [InlineData(LabelFormat.PdfA4)]
    public void Render_Pdf_TextHoldsTrackingRmaPostcodesAndInstructions(LabelFormat format)
    {
        var pdf = PdfReadBack.Open(_renderer.Render(Samples.Content(), format).Content);
        var text = Samples.Squeeze(pdf.Text);

        Assert.Contains("1Z999AA10123456784", text, StringComparison.Ordinal);
        Assert.Contains("RMA-2026-000123", text, StringComparison.Ordinal);
        Assert.Contains("10115", text, StringComparison.Ordinal);
        Assert.Contains("5928PV", text, StringComparison.Ordinal);
        Assert.Contains("PostNL", text, StringComparison.Ordinal);
        Assert.Contains(Samples.Squeeze(Samples.Instructions), text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LabelFormat.Pdf4x6)]
    [InlineData(LabelFormat.PdfA4)]
    public void Render_Pdf_FilledRectanglesDecodeToTrackingNumberAndQrPayload(LabelFormat format)
    {
        var content = Samples.Content();
        var pdf = PdfReadBack.Open(_renderer.Render(content, format).Content);

        Assert.Equal(content.TrackingNumber, pdf.Decode(BarcodeFormat.CODE_128));
        Assert.Equal(content.QrPayload, pdf.Decode(BarcodeFormat.QR_CODE));
    }

    [Theory]
    [InlineData("A(B)C\\D%E<F>")]
    [InlineData("00340434161094042557")]
    [InlineData("x")]
    public void Render_Pdf4x6AwkwardTrackingNumber_DecodesAndReadsBack(string trackingNumber)
    {
        var pdf = PdfReadBack.Open(_renderer.Render(Samples.Content(trackingNumber: trackingNumber), LabelFormat.Pdf4x6).Content);

        Assert.Equal(trackingNumber, pdf.Decode(BarcodeFormat.CODE_128));
        Assert.Contains(trackingNumber, pdf.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Pdf4x6WithoutQrPayload_HasNoQrCode()
    {
        var pdf = PdfReadBack.Open(_renderer.Render(Samples.Content(qrPayload: null), LabelFormat.Pdf4x6).Content);

        Assert.Equal("1Z999AA10123456784", pdf.Decode(BarcodeFormat.CODE_128));
        Assert.Null(pdf.Decode(BarcodeFormat.QR_CODE));
    }

    [Fact]
    public void Render_Pdf4x6NonAsciiQrPayload_DecodesToTheSameText()
    {
        var content = Samples.Content(qrPayload: "RÜCKGABE:Straße-42/€");
        var pdf = PdfReadBack.Open(_renderer.Render(content, LabelFormat.Pdf4x6).Content);

        Assert.Equal("RÜCKGABE:Straße-42/€", pdf.Decode(BarcodeFormat.QR_CODE));
    }

    [Fact]
    public void Render_LongInstructions_AreCutOnTheLabelAndWholeOnTheA4Slip()
    {
        var instructions = string.Join(' ', Enumerable.Range(1, 60).Select(i => $"Step{i} do this."));
        var content = Samples.Content(instructions: instructions);

        var label = Samples.Squeeze(PdfReadBack.Open(_renderer.Render(content, LabelFormat.Pdf4x6).Content).Text);
        var a4 = Samples.Squeeze(PdfReadBack.Open(_renderer.Render(content, LabelFormat.PdfA4).Content).Text);

        Assert.DoesNotContain("Step60", label, StringComparison.Ordinal);
        Assert.Contains("...", label, StringComparison.Ordinal);
        Assert.Contains(Samples.Squeeze(instructions), a4, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Pdf_LettersWithoutStandardEncodingGlyphLoseOnlyTheirAccents()
    {
        var content = Samples.Content(sender: Samples.Customer("Łukasz Søren Æbeltoft-Œuvre Straße François Ünal"));

        var text = PdfReadBack.Open(_renderer.Render(content, LabelFormat.Pdf4x6).Content).Text;

        Assert.Contains("Łukasz", text, StringComparison.Ordinal);
        Assert.Contains("Søren", text, StringComparison.Ordinal);
        Assert.Contains("Æbeltoft-Œuvre", text, StringComparison.Ordinal);
        Assert.Contains("Straße", text, StringComparison.Ordinal);
        Assert.Contains("Francois", text, StringComparison.Ordinal);
        Assert.Contains("Unal", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SameContentInParallel_ProducesIdenticalDocuments()
    {
        var renderer = new ReturnLabelRenderer();
        var content = Samples.Content();
        var expected = WithoutFileId(renderer.Render(content, LabelFormat.Pdf4x6));

        var results = new string[16];
        Parallel.For(0, results.Length, i => results[i] = WithoutFileId(renderer.Render(content, LabelFormat.Pdf4x6)));

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    // PdfPig writes a fresh file identifier (/ID) into every trailer; everything else must match.
    private static string WithoutFileId(RenderedLabel label)
    {
        var text = System.Text.Encoding.Latin1.GetString(label.Content.Span);
        var stripped = System.Text.RegularExpressions.Regex.Replace(text, @"/ID \[ ?<[0-9A-F]+> ?<[0-9A-F]+> ?\]", "/ID []");
        Assert.NotEqual(text, stripped);
        return stripped;
    }
}
