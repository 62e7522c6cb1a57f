using Returns.Carriers.Testing;
using Returns.Sdk;
using Returns.Sdk.Carriers;

namespace Returns.Carriers.DhlParcelDe.Tests;

public sealed class DhlParcelDeConformanceTests : IDisposable
{
    private readonly DhlTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task AssertConformsAsync_DhlParcelDeThroughDi_Passes()
    {
        var badPostcode = new Address(CountryCode.Parse("DE"), "0000") { Name = "Erika Mustermann", Line1 = "Hauptstr. 5", City = "Bonn" };
        var scenario = new ConformanceScenario(DhlTestHost.Parcel, DhlTestHost.Customer, DhlTestHost.Warehouse)
        {
            DropOffSearchCentre = new GeoPoint(50.7200, 7.1200),
            DropOffSearchRadiusKm = 10d,
            CallTimeout = TimeSpan.FromSeconds(5),
            FaultProbes =
            [
                new FaultProbe("401 from tracking", (a, ct) => a.TrackAsync("FAIL401", ct), ExpectTransient: false),
                new FaultProbe("400 on the shipper's postal code", (a, ct) => a.CreateShipmentAsync(DhlTestHost.Shipment("probe-400", badPostcode), ct), ExpectTransient: false),
                new FaultProbe("503 from tracking", (a, ct) => a.TrackAsync("FAIL503", ct), ExpectTransient: true),
            ],
        };

        var report = await CarrierConformance.AssertConformsAsync(_host.Adapter, scenario, TestContext.Current.CancellationToken);

        Assert.True(report.Passed, report.ToString());
        Assert.Contains(report.Checks, c => c.Name.StartsWith("lists drop-off points", StringComparison.Ordinal));
        Assert.Contains(report.Checks, c => c.Name.StartsWith("tracks its own shipment", StringComparison.Ordinal));
        Assert.Contains(report.Checks, c => c.Name.Contains("undeclared Cancellation", StringComparison.Ordinal));
        Assert.Single(_host.Requests(DhlTestHost.OrdersPath), e => e.ResponseMessage!.StatusCode is 201);
    }

    [Fact]
    public void Capabilities_RatesFromACard_DeclaresNoLiveRatesAndEverySenderWithAReceiverId()
    {
        var capabilities = _host.Adapter.Capabilities;
        var service = Assert.Single(capabilities.Services);

        Assert.False(capabilities.Supports(CarrierFeatures.LiveRates));
        Assert.Equal(CarrierFeatures.DropOffPoints | CarrierFeatures.Tracking, capabilities.Features);
        Assert.Equal(["AT", "CH", "DE"], service.Area.Countries!.Order(StringComparer.Ordinal));
        Assert.Equal(LabelModes.Printed | LabelModes.PrinterlessQr, service.LabelModes);
        Assert.Equal(Weight.FromKilograms(31.5m), service.Limits.MaxWeight);
    }
}
