using Returns.Labels.Internal;

namespace Returns.Labels.Tests.Internal;

public sealed class TextShaperTests
{
    [Theory]
    [InlineData("  a \t b\r\nc  ", "a b c")]
    [InlineData("x\u200By", "x y")]
    public void Line_MessyText_IsOneCleanLine(string text, string expected)
    {
        Assert.Equal(expected, TextShaper.Unicode.Line(text));
    }

    [Fact]
    public void Line_LoneSurrogate_BecomesQuestionMark()
    {
        // Built in code: attribute arguments cannot carry a lone surrogate.
        var text = "bad" + (char)0xD800 + "surrogate" + (char)0xDC00;

        Assert.Equal("bad?surrogate?", TextShaper.Unicode.Line(text));
    }

    [Theory]
    [InlineData("Zoë Ångström", "Zoe Angstrom")]
    [InlineData("Łódź Øster Straße", "Łodz Øster Straße")]
    [InlineData("“quoted” – 5 €", "\"quoted\" - 5 EUR")]
    [InlineData("東京", "??")]
    public void Line_ForPdf_FoldsToStandardEncoding(string text, string expected)
    {
        Assert.Equal(expected, TextShaper.PdfStandardEncoding.Line(text));
    }

    [Fact]
    public void Fit_TooWideAtMinimumSize_CutsWithEllipsis()
    {
        var (text, size) = TextShaper.Fit(new string('W', 200), 100, 12, 8, bold: true);

        Assert.Equal(8, size);
        Assert.EndsWith(TextShaper.Ellipsis, text, StringComparison.Ordinal);
        Assert.True(TextShaper.Measure(text, size, bold: true) <= 100);
    }

    [Fact]
    public void Wrap_Paragraphs_KeepsEveryLineWithinWidthAndEveryWord()
    {
        string[] paragraphs = ["Pack the items in the original box and stick the label on it.", "Supercalifragilisticexpialidocious-and-then-some"];

        var lines = TextShaper.Wrap(paragraphs, 60, 8, bold: false);

        Assert.True(lines.Count > 2);
        Assert.All(lines, l => Assert.True(TextShaper.Measure(l, 8, bold: false) <= 60, l));
        Assert.Equal(Samples.Squeeze(string.Concat(paragraphs)), Samples.Squeeze(string.Concat(lines)));
    }
}
