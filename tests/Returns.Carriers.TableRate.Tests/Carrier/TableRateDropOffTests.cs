using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Returns.Carriers.Testing;
using Returns.Sdk;
using Returns.Sdk.Carriers;
using Returns.Sdk.Locations;

namespace Returns.Carriers.TableRate.Tests.Carrier;

public sealed class TableRateDropOffTests
{
    private static readonly GeoPoint Dam = new(52.3731, 4.8922);
    private static readonly Address Customer = new(CountryCode.Parse("NL"), "1012 AB") { Name = "A. Customer", Line1 = "Damrak 1", City = "Amsterdam" };
    private static readonly Address Warehouse = new(CountryCode.Parse("NL"), "5928 PV") { Name = "Returns Centre", Line1 = "Hagelkruisweg 1", City = "Venlo" };

    // Post offices of postnl at 0.5, 1, 2 and 40 km; a postnl locker (no tariff service takes lockers), a dhl post
    // office and a store, all close by.
    private static readonly LocationCatalog Points = new(
    [
        North("po-1", DropOffKind.PostOffice, "postnl", 1.0),
        North("po-2", DropOffKind.PostOffice, "postnl", 0.5),
        North("po-3", DropOffKind.PostOffice, "postnl", 2.0),
        North("po-far", DropOffKind.PostOffice, "postnl", 40.0),
        North("locker", DropOffKind.ParcelLocker, "postnl", 0.1),
        North("dhl-po", DropOffKind.PostOffice, "dhl", 0.2),
        North("store", DropOffKind.Store, LocationCatalog.RetailerCarrierId, 0.3),
    ]);

    private static DropOffPoint North(string id, DropOffKind kind, string carrier, double km) =>
        new(id, id, kind, carrier, new GeoPoint(Dam.Latitude + (km / (Math.PI * GeoPoint.EarthRadiusKm / 180d)), Dam.Longitude));

    private static async Task<TableRateCarrier> CarrierAsync(LocationCatalog points) =>
        new(await TableRateFixtures.PostNlEngineAsync(), new TableRateCarrierOptions { DisplayName = "PostNL" }, new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero)), points);

    [Fact]
    public async Task TableRateCarrierWithPoints_PassesTheConformanceKitIncludingDropOffPoints()
    {
        var carrier = await CarrierAsync(Points);
        var scenario = new ConformanceScenario(new Parcel(Weight.FromKilograms(1.5m), new Dimensions(30m, 20m, 10m)), Customer, Warehouse)
        {
            DropOffSearchCentre = Dam,
        };

        var report = await CarrierConformance.AssertConformsAsync(carrier, scenario, TableRateFixtures.Cancel);

        Assert.True(report.Passed);
        Assert.True(carrier.Capabilities.Supports(CarrierFeatures.DropOffPoints));
    }

    [Fact]
    public async Task ListDropOffPointsAsync_OnlyTheCardsNetworksAndAcceptedKinds_NearestFirst()
    {
        var carrier = await CarrierAsync(Points);

        var points = await carrier.ListDropOffPointsAsync(new DropOffPointQuery(Dam, 10, 10), TableRateFixtures.Cancel);

        Assert.Equal(["po-2", "po-1", "po-3"], points.Select(p => p.Id));
        Assert.Equal(0.5, points[0].DistanceKm!.Value, 3);
        Assert.All(points, p => Assert.Equal("postnl", p.CarrierId));
    }

    [Fact]
    public async Task ListDropOffPointsAsync_Limit_KeepsTheNearest()
    {
        var carrier = await CarrierAsync(Points);

        var points = await carrier.ListDropOffPointsAsync(new DropOffPointQuery(Dam, 100, 2), TableRateFixtures.Cancel);

        Assert.Equal(["po-2", "po-1"], points.Select(p => p.Id));
    }

    [Fact]
    public async Task ListDropOffPointsAsync_KindTheServicesDoNotTake_Empty()
    {
        var carrier = await CarrierAsync(Points);

        var points = await carrier.ListDropOffPointsAsync(new DropOffPointQuery(Dam, 10, 10) { Kind = DropOffKind.ParcelLocker }, TableRateFixtures.Cancel);

        Assert.Empty(points);
    }

    [Fact]
    public async Task ListDropOffPointsAsync_UnknownService_PermanentCarrierError()
    {
        var carrier = await CarrierAsync(Points);

        var error = await Assert.ThrowsAsync<CarrierException>(() => carrier.ListDropOffPointsAsync(new DropOffPointQuery(Dam, 10, 10) { ServiceCode = "postnl:Teleport" }, TableRateFixtures.Cancel));

        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task Capabilities_NoPointsOfItsNetworks_DeclaresNoDropOffPointsAndListingIsNotSupported()
    {
        var carrier = await CarrierAsync(new LocationCatalog([North("dhl-po", DropOffKind.PostOffice, "dhl", 0.2)]));

        Assert.False(carrier.Capabilities.Supports(CarrierFeatures.DropOffPoints));
        await Assert.ThrowsAsync<CarrierOperationNotSupportedException>(() => carrier.ListDropOffPointsAsync(new DropOffPointQuery(Dam, 10, 10), TableRateFixtures.Cancel));
    }

    [Fact]
    public async Task Services_NetworkIsTheRateCardCarrier()
    {
        var carrier = await CarrierAsync(LocationCatalog.Empty);

        Assert.All(carrier.Capabilities.Services, s => Assert.Equal("postnl", s.Network));
    }

    [Fact]
    public async Task AddTableRateCarrier_UsesTheRegisteredLocationCatalog()
    {
        var services = new ServiceCollection();
        services.AddReturns()
            .AddLocationCatalog(Points)
            .AddTableRateCarrier(await TableRateFixtures.PostNlAsync(), await TableRateFixtures.PostNlZonesAsync());
        await using var provider = services.BuildServiceProvider();

        var carrier = Assert.IsType<TableRateCarrier>(Assert.Single(provider.GetServices<CarrierAdapter>()));

        Assert.True(carrier.Capabilities.Supports(CarrierFeatures.DropOffPoints));
    }
}
