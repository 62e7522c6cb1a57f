using Microsoft.Extensions.DependencyInjection.Extensions;
using Returns.Sdk.DependencyInjection;
using Returns.Sdk.Locations;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the location catalog and the geocoder.</summary>
public static class LocationsReturnsBuilderExtensions
{
    /// <summary>Registers the catalog of drop-off points and stores as a singleton, unless one is registered.</summary>
    /// <param name="builder">The returns builder.</param>
    /// <param name="catalog">The loaded catalog, e.g. from <see cref="LocationCatalog.LoadFileAsync"/>.</param>
    /// <returns>The builder.</returns>
    public static IReturnsBuilder AddLocationCatalog(this IReturnsBuilder builder, LocationCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(catalog);
        builder.Services.TryAddSingleton(catalog);
        return builder;
    }

    /// <summary>
    /// Registers the geocoder that locates customers by postcode as a singleton <see cref="IGeocoder"/>, unless one is
    /// registered; e.g. a <see cref="PostcodeCentroidGeocoder"/>.
    /// </summary>
    /// <param name="builder">The returns builder.</param>
    /// <param name="geocoder">The geocoder.</param>
    /// <returns>The builder.</returns>
    public static IReturnsBuilder AddGeocoder(this IReturnsBuilder builder, IGeocoder geocoder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(geocoder);
        builder.Services.TryAddSingleton(geocoder);
        return builder;
    }
}
