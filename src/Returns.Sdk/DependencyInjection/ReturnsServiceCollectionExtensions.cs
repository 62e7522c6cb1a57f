using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Returns.Sdk.Carriers;
using Returns.Sdk.DependencyInjection;
using Returns.Sdk.DependencyInjection.Internal;
using Returns.Sdk.Policy;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Returns.Sdk in a service collection.</summary>
public static class ReturnsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the SDK's core services: the system <see cref="TimeProvider"/> (unless one is registered), validated
    /// <see cref="CarrierOptions"/> and the <see cref="CarrierRateShopper"/>. Safe to call more than once.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configureCarriers">Adjusts how carriers are called together, e.g. the quote deadline.</param>
    /// <returns>A builder to add carriers, stores and a policy to.</returns>
    public static IReturnsBuilder AddReturns(this IServiceCollection services, Action<CarrierOptions>? configureCarriers = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        var options = services.AddOptionsWithValidateOnStart<CarrierOptions>();
        if (configureCarriers is not null)
        {
            options.Configure(configureCarriers);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CarrierOptions>, CarrierOptionsValidator>());
        services.TryAddSingleton<CarrierRateShopper>();
        return new ReturnsBuilder(services);
    }

    /// <summary>Registers a carrier adapter as a singleton. Adding the same adapter type twice registers it once.</summary>
    /// <typeparam name="TAdapter">The adapter.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IReturnsBuilder AddCarrier<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TAdapter>(this IReturnsBuilder builder)
        where TAdapter : CarrierAdapter
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<CarrierAdapter, TAdapter>());
        return builder;
    }

    /// <summary>Registers a carrier adapter built by a factory, as a singleton.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="factory">Builds the adapter.</param>
    /// <returns>The builder.</returns>
    public static IReturnsBuilder AddCarrier(this IReturnsBuilder builder, Func<IServiceProvider, CarrierAdapter> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.AddSingleton(factory);
        return builder;
    }

    /// <summary>Registers the return policy and a <see cref="ReturnPolicyEngine"/> that applies it.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="policy">The loaded policy.</param>
    /// <returns>The builder.</returns>
    public static IReturnsBuilder AddReturnPolicy(this IReturnsBuilder builder, ReturnPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(policy);
        builder.Services.Replace(ServiceDescriptor.Singleton(policy));
        builder.Services.TryAddSingleton(sp => new ReturnPolicyEngine(sp.GetRequiredService<ReturnPolicy>(), sp.GetRequiredService<TimeProvider>()));
        return builder;
    }
}
