using Returns.Sdk;

namespace Returns.Labels.Tests;

public sealed class ReturnLabelContentTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Constructor_BlankTrackingNumber_ThrowsNamingTrackingNumber(string trackingNumber)
    {
        var ex = Assert.Throws<ArgumentException>(() => Samples.Content(trackingNumber: trackingNumber));
        Assert.Equal("trackingNumber", ex.ParamName);
    }

    [Theory]
    [InlineData("1Z999AA1€123")]
    [InlineData("ÄBC123")]
    [InlineData("ABC\t123")]
    [InlineData("ABC\u0001")]
    public void Constructor_NonAsciiOrControlTrackingNumber_ThrowsNamingTrackingNumber(string trackingNumber)
    {
        var ex = Assert.Throws<ArgumentException>(() => Samples.Content(trackingNumber: trackingNumber));
        Assert.Equal("trackingNumber", ex.ParamName);
    }

    [Fact]
    public void Constructor_TrackingNumberLongerThanMaximum_ThrowsNamingTrackingNumber()
    {
        var ex = Assert.Throws<ArgumentException>(() => Samples.Content(trackingNumber: new string('7', ReturnLabelContent.MaxTrackingNumberLength + 1)));
        Assert.Equal("trackingNumber", ex.ParamName);
    }

    [Fact]
    public void Constructor_TrackingNumberWithSurroundingSpace_IsTrimmed()
    {
        Assert.Equal("3SABC123", Samples.Content(trackingNumber: "  3SABC123 ").TrackingNumber);
    }

    [Fact]
    public void Constructor_NullSender_ThrowsNamingSender()
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() =>
            new ReturnLabelContent("1Z1", "RMA-1", "PostNL", "Retour", null!, Samples.Warehouse(), ReturnMethod.PostOffice, "Hand it in.", Samples.CreatedAt));
        Assert.IsType<ArgumentNullException>(ex);
        Assert.Equal("sender", ex.ParamName);
    }

    [Fact]
    public void Constructor_NullRecipient_ThrowsNamingRecipient()
    {
        var ex = Assert.Throws<ArgumentNullException>(() =>
            new ReturnLabelContent("1Z1", "RMA-1", "PostNL", "Retour", Samples.Customer(), null!, ReturnMethod.PostOffice, "Hand it in.", Samples.CreatedAt));
        Assert.Equal("recipient", ex.ParamName);
    }

    [Theory]
    [InlineData("", "rmaNumber")]
    [InlineData("RMA\n1", "rmaNumber")]
    public void Constructor_InvalidRmaNumber_ThrowsNamingRmaNumber(string rma, string parameter)
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            new ReturnLabelContent("1Z1", rma, "PostNL", "Retour", Samples.Customer(), Samples.Warehouse(), ReturnMethod.PostOffice, "Hand it in.", Samples.CreatedAt));
        Assert.Equal(parameter, ex.ParamName);
    }

    [Fact]
    public void Constructor_BlankInstructions_ThrowsNamingInstructions()
    {
        var ex = Assert.Throws<ArgumentException>(() => Samples.Content(instructions: " \n "));
        Assert.Equal("instructions", ex.ParamName);
    }

    [Fact]
    public void Constructor_UndefinedMethod_ThrowsNamingMethod()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new ReturnLabelContent("1Z1", "RMA-1", "PostNL", "Retour", Samples.Customer(), Samples.Warehouse(), (ReturnMethod)42, "Hand it in.", Samples.CreatedAt));
        Assert.Equal("method", ex.ParamName);
    }

    [Fact]
    public void Constructor_DefaultCreationInstant_ThrowsNamingCreatedAt()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            new ReturnLabelContent("1Z1", "RMA-1", "PostNL", "Retour", Samples.Customer(), Samples.Warehouse(), ReturnMethod.PostOffice, "Hand it in.", default));
        Assert.Equal("createdAt", ex.ParamName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void QrPayload_Blank_Throws(string payload)
    {
        var ex = Assert.Throws<ArgumentException>(() => Samples.Content(qrPayload: payload));
        Assert.Equal("qrPayload", ex.ParamName);
    }

    [Fact]
    public void QrPayload_LongerThanMaximumBytes_Throws()
    {
        // 129 two-byte characters are 258 UTF-8 bytes.
        var ex = Assert.Throws<ArgumentException>(() => Samples.Content(qrPayload: new string('é', 129)));
        Assert.Equal("qrPayload", ex.ParamName);
    }

    [Fact]
    public void ToString_Always_LeavesOutTheAddresses()
    {
        var text = Samples.Content().ToString();

        Assert.Contains("1Z999AA10123456784", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Müller", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Invalidenstraße", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hagelkruisweg", text, StringComparison.Ordinal);
    }
}
