using Returns.Sdk.Carriers;

namespace Returns.Labels.Tests;

public sealed class RenderedLabelTests
{
    [Theory]
    [InlineData(LabelFormat.Pdf4x6, LabelDocumentFormat.Pdf, "application/pdf", ".pdf")]
    [InlineData(LabelFormat.PdfA4, LabelDocumentFormat.Pdf, "application/pdf", ".pdf")]
    [InlineData(LabelFormat.Zpl, LabelDocumentFormat.Zpl, "application/x-zpl", ".zpl")]
    [InlineData(LabelFormat.Svg, LabelDocumentFormat.Svg, "image/svg+xml", ".svg")]
    public void ToLabelDocument_EachFormat_KeepsBytesAndMediaType(LabelFormat format, LabelDocumentFormat expected, string mediaType, string extension)
    {
        var label = new ReturnLabelRenderer().Render(Samples.Content(), format);

        var document = label.ToLabelDocument();

        Assert.Equal(expected, document.Format);
        Assert.Equal(mediaType, document.MediaType);
        Assert.Equal(extension, label.FileExtension);
        Assert.True(label.Content.Span.SequenceEqual(document.Content.Span));
    }

    [Fact]
    public void Render_UndefinedFormat_ThrowsNamingFormat()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new ReturnLabelRenderer().Render(Samples.Content(), (LabelFormat)99));
        Assert.Equal("format", ex.ParamName);
    }
}
