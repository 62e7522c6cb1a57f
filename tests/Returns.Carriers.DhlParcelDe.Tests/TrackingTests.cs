using Returns.Carriers.DhlParcelDe.Internal;
using Returns.Sdk.Carriers;

namespace Returns.Carriers.DhlParcelDe.Tests;

public sealed class TrackingTests : IDisposable
{
    private readonly DhlTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task TrackAsync_Request_AsksByTrackingNumberWithTheKeyButNoBasicAuth()
    {
        await _host.Adapter.TrackAsync(DhlTestHost.ShipmentNo, TestContext.Current.CancellationToken);

        var entry = Assert.Single(_host.Requests(DhlTestHost.TrackingPath));
        Assert.Equal("GET", entry.RequestMessage!.Method);
        Assert.Equal(DhlTestHost.ShipmentNo, DhlTestHost.Query(entry, "trackingNumber"));
        Assert.Equal(DhlTestHost.ApiKey, DhlTestHost.Header(entry, "DHL-API-Key"));
        Assert.Null(DhlTestHost.Header(entry, "Authorization"));
    }

    [Fact]
    public async Task TrackAsync_EventsOutOfOrder_AreNormalisedOldestFirst()
    {
        var result = await _host.Adapter.TrackAsync(DhlTestHost.ShipmentNo, TestContext.Current.CancellationToken);

        Assert.Equal(DhlTestHost.ShipmentNo, result.TrackingNumber);
        Assert.Equal(TrackingStatus.InTransit, result.Status);
        Assert.Equal(
            [TrackingStatus.LabelCreated, TrackingStatus.InTransit, TrackingStatus.InTransit, TrackingStatus.InTransit],
            result.Events.Select(e => e.Status));
        Assert.Equal(["pre-transit", "transit", "unknown", "transit"], result.Events.Select(e => e.CarrierCode));
        Assert.Equal("Köln", result.Events[1].Location);
        Assert.Equal(new DateTimeOffset(2030, 1, 2, 18, 40, 0, TimeSpan.Zero), result.Events[2].OccurredAt);
        Assert.Equal(new DateTimeOffset(2030, 1, 3, 8, 12, 0, TimeSpan.Zero), result.Events[3].OccurredAt);
        Assert.Equal(new DateTimeOffset(2030, 1, 4, 0, 0, 0, TimeSpan.Zero), result.EstimatedDelivery);
    }

    [Theory]
    [InlineData("pre-transit", TrackingStatus.LabelCreated)]
    [InlineData("transit", TrackingStatus.InTransit)]
    [InlineData("delivered", TrackingStatus.Delivered)]
    [InlineData("failure", TrackingStatus.Exception)]
    [InlineData("DELIVERED", TrackingStatus.Delivered)]
    [InlineData("unknown", null)]
    public void ToStatus_DocumentedStatusCodes_AreNormalised(string code, TrackingStatus? expected) =>
        Assert.Equal(expected, DhlTracking.ToStatus(code));
}
