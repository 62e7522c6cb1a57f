using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Returns.Sdk.DependencyInjection;
using Returns.Sdk.SelfService;
using Returns.Sdk.SelfService.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="SelfServiceReturns"/>, the customer's own return end to end.</summary>
public static class SelfServiceReturnsBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="SelfServiceReturns"/> with validated settings. It needs an order source, the policy, the
    /// lifecycle, the option engine and refunds (<c>AddOrderSource</c>, <c>AddReturnPolicy</c>, <c>AddReturnLifecycle</c>,
    /// <c>AddReturnOptions</c>, <c>AddRefunds</c>).
    /// </summary>
    /// <param name="builder">The returns builder.</param>
    /// <param name="configure">Sets the warehouse address and id, the reasons and limits.</param>
    /// <returns>The builder.</returns>
    public static IReturnsBuilder AddSelfServiceReturns(this IReturnsBuilder builder, Action<SelfServiceOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptionsWithValidateOnStart<SelfServiceOptions>().Configure(configure);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SelfServiceOptions>, SelfServiceOptionsValidator>());
        builder.Services.TryAddSingleton<SelfServiceReturns>();
        return builder;
    }
}
