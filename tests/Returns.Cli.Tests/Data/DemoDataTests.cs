using Returns.Carriers.TableRate;
using Returns.Sdk;
using Returns.Sdk.Carriers;
using Returns.Sdk.Locations;

namespace Returns.Cli.Tests.Data;

/// <summary>The bundled demo files load with the SDK's own loaders and fit together.</summary>
public sealed class DemoDataTests
{
    [Fact]
    public async Task Points_LoadWithoutErrorsAndCoverTheDemoCountriesKindsAndNetworks()
    {
        var result = await LocationCatalog.LoadFileAsync(DemoFiles.PointsPath, cancellationToken: TestContext.Current.CancellationToken);
        var points = result.Value.Locations;

        Assert.Empty(result.Errors);
        Assert.InRange(points.Count, 1000, 5000);
        Assert.Equal(["BE", "NL"], points.Select(p => p.Address!.Country.Value).Distinct().Order());
        Assert.Equal(Enum.GetValues<DropOffKind>().Order(), points.Select(p => p.Kind).Distinct().Order());
        Assert.Equal(["", "dhl", "dpd", "postnl"], points.Select(p => p.CarrierId).Distinct().Order(StringComparer.Ordinal));
        Assert.InRange(points.Count(p => p.Kind == DropOffKind.Store), 10, 20);
        Assert.All(points.Where(p => p.Kind == DropOffKind.Store), p => Assert.Equal(LocationCatalog.RetailerCarrierId, p.CarrierId));
        Assert.Contains(points, p => p.OpeningHours?.IsAlwaysOpen == true);
        Assert.Contains(points, p => p.OpeningHours is null);
        Assert.Contains(points, p => p.Name.Contains(',', StringComparison.Ordinal));
        Assert.All(points, p => Assert.InRange(p.Location.Latitude, 49.5, 53.6));
        Assert.All(points, p => Assert.InRange(p.Location.Longitude, 2.5, 7.3));
    }

    [Fact]
    public async Task Points_AreClusteredAroundCityCentres()
    {
        var catalog = (await LocationCatalog.LoadFileAsync(DemoFiles.PointsPath, cancellationToken: TestContext.Current.CancellationToken)).Value;

        foreach (var centre in new[] { new GeoPoint(52.3731, 4.8922), new GeoPoint(51.9225, 4.4792), new GeoPoint(50.8467, 4.3525), new GeoPoint(51.2194, 4.4025) })
        {
            Assert.True(catalog.WithinRadius(centre, 5).Count >= 100, $"few points near {centre}");
        }
    }

    [Fact]
    public async Task Rates_EveryDropOffServiceHasPointsOfItsNetworkAndKind()
    {
        var card = (await RateCard.LoadFileAsync(DemoFiles.RatesPath, cancellationToken: TestContext.Current.CancellationToken)).Value;
        var points = (await LocationCatalog.LoadFileAsync(DemoFiles.PointsPath, cancellationToken: TestContext.Current.CancellationToken)).Value.Locations;

        Assert.Equal(["dhl", "dpd", "postnl", "ups"], card.Services.Select(s => s.Carrier).Distinct().Order(StringComparer.Ordinal));
        foreach (var service in card.Services)
        {
            foreach (var method in service.Methods.Where(m => m != ReturnMethod.HomePickup))
            {
                var kind = method switch
                {
                    ReturnMethod.PostOffice => DropOffKind.PostOffice,
                    ReturnMethod.ParcelLocker => DropOffKind.ParcelLocker,
                    ReturnMethod.PickupPoint => DropOffKind.PickupPoint,
                    ReturnMethod.Mailbox => DropOffKind.Mailbox,
                    _ => DropOffKind.Store,
                };
                Assert.True(points.Any(p => p.CarrierId == service.Carrier && p.Kind == kind), $"{service.Carrier} {service.Service} takes {method} but no such point exists");
            }
        }
    }

    [Theory]
    [InlineData("NL", "NL")]
    [InlineData("BE", "BE")]
    [InlineData("DE", "DE")]
    [InlineData("FR", "EU")]
    public async Task Zones_ReturnsToTheDutchWarehouse_LandInTheCustomersZone(string origin, string zone)
    {
        var zones = (await ZoneMap.LoadFileAsync(DemoFiles.ZonesPath, cancellationToken: TestContext.Current.CancellationToken)).Value;

        Assert.True(zones.TryGetZone(CountryCode.Parse(origin), CountryCode.Parse("NL"), out var found));
        Assert.Equal(zone, found);
    }

    [Fact]
    public async Task Postcodes_PlaceTheDemoOrderInCentralAmsterdam()
    {
        var geocoder = (await PostcodeCentroidGeocoder.LoadFileAsync(DemoFiles.PostcodesPath, cancellationToken: TestContext.Current.CancellationToken)).Value;

        var found = await geocoder.GeocodeAsync(CountryCode.Parse("NL"), "1012 AB", TestContext.Current.CancellationToken);

        Assert.NotNull(found);
        Assert.Equal(GeocodePrecision.PostcodePrefix, found.Precision);
        Assert.True(found.Location.DistanceKmTo(new GeoPoint(52.3731, 4.8922)) < 1);
        Assert.InRange(geocoder.Count, 300, 2000);
    }
}
