using System.Text;
using Returns.Labels.Tests.Decoding;
using Snapshooter.Xunit3;

namespace Returns.Labels.Tests;

public sealed class ReturnLabelRendererZplTests
{
    private static readonly HashSet<string> ExpectedCommands = ["XA", "XZ", "CI", "PW", "LL", "LH", "FO", "FT", "GB", "A0", "FB", "FR", "FH", "FD", "FS", "BY", "BC", "BQ", "PQ"];

    private readonly ReturnLabelRenderer _renderer = new();

    [Fact]
    public void Render_Zpl_SetsA4x6InchLabelAt203Dpi()
    {
        var label = _renderer.Render(Samples.Content(), LabelFormat.Zpl);
        var zpl = ZplReadBack.Parse(label.Content);

        Assert.Equal(LabelMediaTypes.Zpl, label.MediaType);
        Assert.Equal(".zpl", label.FileExtension);
        Assert.Equal("812", Assert.Single(zpl.Commands, c => c.Name == "PW").Parameters);
        Assert.Equal("1218", Assert.Single(zpl.Commands, c => c.Name == "LL").Parameters);
        Assert.Equal("28", Assert.Single(zpl.Commands, c => c.Name == "CI").Parameters);
        Assert.Equal(("XA", string.Empty), zpl.Commands[0]);
        Assert.Equal(("XZ", string.Empty), zpl.Commands[^1]);
    }

    [Theory]
    [InlineData("1Z999AA10123456784")]
    [InlineData("00340434161094042557")]
    [InlineData("123")]
    [InlineData("AB^XZ~JA_>5>:\\&end")]
    [InlineData(">>>~~~^^^")]
    public void Render_Zpl_Code128FieldDecodesToTrackingNumber(string trackingNumber)
    {
        var zpl = ZplReadBack.Parse(_renderer.Render(Samples.Content(trackingNumber: trackingNumber), LabelFormat.Zpl).Content);

        Assert.Equal(trackingNumber, zpl.DataOf("BC"));
        Assert.Contains(zpl.Fields, f => f.Has("FD") && !f.Has("BC") && f.Data == trackingNumber);
    }

    [Theory]
    [InlineData("https://returns.example.com/dropoff/3SABCD1234567")]
    [InlineData("RÜCKGABE^XZ~JA_5E_Straße/€")]
    public void Render_Zpl_QrFieldDecodesToPayload(string payload)
    {
        var zpl = ZplReadBack.Parse(_renderer.Render(Samples.Content(qrPayload: payload), LabelFormat.Zpl).Content);

        Assert.Equal(payload, zpl.DataOf("BQ"));
        Assert.StartsWith("N,2,", Assert.Single(zpl.Fields, f => f.Has("BQ")).Parameters("BQ"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ZplWithoutQrPayload_HasNoQrField()
    {
        var zpl = ZplReadBack.Parse(_renderer.Render(Samples.Content(qrPayload: null), LabelFormat.Zpl).Content);

        Assert.DoesNotContain(zpl.Fields, f => f.Has("BQ"));
    }

    [Fact]
    public void Render_ZplNameWithCaretOrTilde_CannotInjectCommands()
    {
        const string name = "Eve^XZ^XA^GB812,1218,812^FS~JA_41 ö";
        var label = _renderer.Render(Samples.Content(sender: Samples.Customer(name)), LabelFormat.Zpl);
        var text = Encoding.ASCII.GetString(label.Content.Span);
        var zpl = ZplReadBack.Parse(label.Content);

        Assert.True(Ascii.IsValid(label.Content.Span), "ZPL output is 7-bit ASCII");
        Assert.DoesNotContain('~', text);
        Assert.All(zpl.Commands, c => Assert.Contains(c.Name, ExpectedCommands));
        Assert.Single(zpl.Commands, c => c.Name == "XA");
        Assert.Single(zpl.Commands, c => c.Name == "XZ");
        Assert.DoesNotContain(zpl.Commands, c => c.Name == "GB" && c.Parameters.StartsWith("812,1218", StringComparison.Ordinal));
        Assert.Contains(zpl.Fields, f => f.Has("FD") && f.Data == name);
    }

    [Fact]
    public void Render_Zpl_EveryTextFieldIsHexEscapedAndCodesAreNative()
    {
        var zpl = ZplReadBack.Parse(_renderer.Render(Samples.Content(), LabelFormat.Zpl).Content);

        Assert.All(zpl.Fields.Where(f => f.Has("FD") && !f.Has("BC")), f => Assert.True(f.Has("FH"), "field data written with ^FH"));
        Assert.Single(zpl.Fields, f => f.Has("BC"));
        Assert.Single(zpl.Fields, f => f.Has("BQ"));
        Assert.Contains(zpl.Fields, f => f.Has("FD") && f.Data == "Jürgen Müller <&> Söhne");
    }

    // The whole label, pinned after review: a layout change shows up as a diff of ZPL lines.
    [Fact]
    public void Render_Zpl_MatchesReviewedSnapshot()
    {
        var zpl = Encoding.ASCII.GetString(_renderer.Render(Samples.Content(), LabelFormat.Zpl).Content.Span);

        Snapshot.Match(zpl.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
