using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Returns.Sdk.DependencyInjection;
using Returns.Sdk.StoreReturns;
using Returns.Sdk.StoreReturns.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the store return desk.</summary>
public static class StoreReturnsBuilderExtensions
{
    /// <summary>
    /// Adds the <see cref="StoreReturnDesk"/> with validated <see cref="StoreDeskOptions"/>. Needs the lifecycle
    /// (<c>AddReturnLifecycle</c>), refunds (<c>AddRefunds</c>), grading (<c>AddConditionGrading</c>), a policy, an order
    /// source and a return store.
    /// </summary>
    /// <param name="builder">The returns builder.</param>
    /// <param name="configure">What each store keeps and where the rest goes.</param>
    /// <returns>The builder.</returns>
    public static IReturnsBuilder AddStoreReturnDesk(this IReturnsBuilder builder, Action<StoreDeskOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptionsWithValidateOnStart<StoreDeskOptions>().Configure(configure);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StoreDeskOptions>, StoreDeskOptionsValidator>());
        builder.Services.TryAddSingleton<StoreReturnDesk>();
        return builder;
    }
}
