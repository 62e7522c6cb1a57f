using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Returns.Sdk.DependencyInjection;
using Returns.Sdk.Parcels;
using Returns.Sdk.Parcels.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers parcel sizing: the box catalog and the <see cref="ParcelEstimator"/>.</summary>
public static class ParcelSizingReturnsBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="ParcelSizingOptions"/> (validated when the host starts, each mistake named by its path such as
    /// <c>Boxes[2].WidthCm</c>), and a <see cref="BoxCatalog"/> and <see cref="ParcelEstimator"/> built from them as
    /// singletons unless already registered.
    /// </summary>
    /// <param name="builder">The returns builder.</param>
    /// <param name="configure">Fills in the boxes and defaults; runs after configuration bound earlier, and every call adds its own.</param>
    /// <returns>The builder.</returns>
    public static IReturnsBuilder AddParcelSizing(this IReturnsBuilder builder, Action<ParcelSizingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        builder.AddParcelSizing();
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>
    /// Like <see cref="AddParcelSizing(IReturnsBuilder, Action{ParcelSizingOptions})"/> for options configured
    /// elsewhere, e.g. bound from the <c>Returns:Parcels</c> configuration section by the host.
    /// </summary>
    /// <param name="builder">The returns builder.</param>
    /// <returns>The builder.</returns>
    public static IReturnsBuilder AddParcelSizing(this IReturnsBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptionsWithValidateOnStart<ParcelSizingOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ParcelSizingOptions>, ParcelSizingOptionsValidator>());
        services.TryAddSingleton(sp => BoxCatalog.FromOptions(sp.GetRequiredService<IOptions<ParcelSizingOptions>>().Value));
        services.TryAddSingleton(sp => new ParcelEstimator(sp.GetRequiredService<BoxCatalog>()));
        return builder;
    }
}
