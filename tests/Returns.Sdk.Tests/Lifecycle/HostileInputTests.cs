using Returns.Sdk.Forecast;
using Returns.Sdk.Lifecycle;

namespace Returns.Sdk.Tests.Lifecycle;

// Entry points a caller or a file feeds directly: each refuses empty, huge and hostile input with a typed error.
public sealed class HostileInputTests
{
    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("naïve")]
    [InlineData("tab\there")]
    [InlineData("line\nbreak")]
    public void IdempotencyKey_NotPrintableAscii_Throws(string value) =>
        Assert.Throws<ArgumentException>(() => new IdempotencyKey(value));

    [Fact]
    public void IdempotencyKey_LongerThanLimit_Throws()
    {
        Assert.Equal(IdempotencyKey.MaxLength, new IdempotencyKey(new string('k', IdempotencyKey.MaxLength)).Value.Length);
        Assert.Throws<ArgumentException>(() => new IdempotencyKey(new string('k', IdempotencyKey.MaxLength + 1)));
    }

    [Fact]
    public void RmaNumber_MegabyteOfSymbols_IsRejectedQuickly() =>
        Assert.False(RmaNumber.TryParse(new string('7', 1 << 20), out _));

    [Theory]
    [InlineData("../label.pdf")]
    [InlineData("label/../../etc")]
    [InlineData("")]
    [InlineData("label pdf")]
    public void ReturnAttachment_PathLikeOrEmptyName_Throws(string name) =>
        Assert.Throws<ArgumentException>(() => new ReturnAttachment(name, "application/pdf", new byte[1]));

    [Fact]
    public void ReturnAttachment_OverTenMebibytes_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new ReturnAttachment("label", "application/pdf", new byte[ReturnAttachment.MaxBytes + 1]));

        Assert.Contains("label", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "$")]
    [InlineData("{}", "$.notices")]
    [InlineData("{\"notices\":null}", "$.notices")]
    [InlineData("[1,2,3]", "$")]
    [InlineData("{\"notices\":[null]}", "$.notices[0]")]
    [InlineData("{\"notices\":[{\"rma\":\"RMA-01234-56789\",\"lines\":[]}]}", "$.notices[0].warehouseId")]
    [InlineData("{\"notices\":[],\"notices\":[]}", "$")]
    public void NoticeDocument_EmptyOrHostile_ReportsPath(string json, string path)
    {
        var error = Assert.Throws<ReturnsValidationException>(() => AdvanceShippingNoticeDocument.Parse(System.Text.Encoding.UTF8.GetBytes(json), "asn.json"));

        Assert.Contains(error.Errors, e => e.Path.StartsWith(path, StringComparison.Ordinal));
        Assert.All(error.Errors, e => Assert.Equal("asn.json", e.Source));
    }

    [Fact]
    public void NoticeDocument_DeeplyNested_ReportsErrorNotCrash()
    {
        var json = "{\"notices\":[" + new string('[', 10_000) + new string(']', 10_000) + "]}";

        Assert.Throws<ReturnsValidationException>(() => AdvanceShippingNoticeDocument.Parse(System.Text.Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void NoticeDocument_OverSizeLimit_RefusedBeforeParsing()
    {
        var huge = new byte[AdvanceShippingNoticeDocument.MaxDocumentBytes + 1];

        var error = Assert.Throws<ReturnsValidationException>(() => AdvanceShippingNoticeDocument.Parse(huge, "huge.json"));

        Assert.Contains("at most", error.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReturnDocument_Empty_ReportsRoot()
    {
        var error = Assert.Throws<ReturnsValidationException>(() => ReturnDocument.Parse(string.Empty, "row 1"));

        Assert.Equal("row 1", error.Errors[0].Source);
    }
}
