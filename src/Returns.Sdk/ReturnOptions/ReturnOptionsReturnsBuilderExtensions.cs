using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Returns.Sdk.Carriers;
using Returns.Sdk.DependencyInjection;
using Returns.Sdk.Locations;
using Returns.Sdk.ReturnOptions;
using Returns.Sdk.ReturnOptions.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the return option engine.</summary>
public static class ReturnOptionsReturnsBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="ReturnOptionEngine"/> and <see cref="ReturnOptionService"/> with validated
    /// <see cref="ReturnOptionSettings"/>. The service also needs parcel sizing (<c>AddParcelSizing</c>) and, for customers
    /// without coordinates, a geocoder (<c>AddGeocoder</c>); drop-off points and stores come from <c>AddLocationCatalog</c>
    /// (an empty catalog when none is registered).
    /// </summary>
    /// <param name="builder">The returns builder.</param>
    /// <param name="configure">Sets the warehouse, search distance and assumptions.</param>
    /// <returns>The builder.</returns>
    public static IReturnsBuilder AddReturnOptions(this IReturnsBuilder builder, Action<ReturnOptionSettings>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<ReturnOptionSettings>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReturnOptionSettings>, ReturnOptionSettingsValidator>());
        builder.Services.TryAddSingleton(LocationCatalog.Empty);
        builder.Services.TryAddSingleton(sp => new ReturnOptionEngine(
            sp.GetServices<CarrierAdapter>(),
            sp.GetRequiredService<LocationCatalog>(),
            sp.GetRequiredService<IOptions<ReturnOptionSettings>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        builder.Services.TryAddSingleton<ReturnOptionService>();
        return builder;
    }
}
