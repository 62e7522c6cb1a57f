using Microsoft.Extensions.DependencyInjection;
using Returns.Sdk.Carriers;
using Returns.Sdk.Locations;

namespace Returns.Sdk.Tests.Locations;

public sealed class LocationsDependencyInjectionTests
{
    [Fact]
    public void AddLocationCatalogAndGeocoder_RegisterSingletonsOnce()
    {
        var catalog = new LocationCatalog([new DropOffPoint("x", "X", DropOffKind.Store, LocationCatalog.RetailerCarrierId, new GeoPoint(52, 5))]);
        var geocoder = new PostcodeCentroidGeocoder([]);
        var services = new ServiceCollection();

        services.AddReturns()
            .AddLocationCatalog(catalog)
            .AddGeocoder(geocoder)
            .AddLocationCatalog(LocationCatalog.Empty)
            .AddGeocoder(new PostcodeCentroidGeocoder([]));
        using var provider = services.BuildServiceProvider();

        Assert.Same(catalog, provider.GetRequiredService<LocationCatalog>());
        Assert.Same(geocoder, provider.GetRequiredService<IGeocoder>());
        Assert.Single(services, d => d.ServiceType == typeof(IGeocoder));
    }
}
