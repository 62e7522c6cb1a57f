using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Returns.AspNetCore;
using Returns.AspNetCore.Internal;
using Returns.AspNetCore.Portal.Internal;
using Returns.Sdk.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the customer portal's services.</summary>
public static class ReturnsPortalReturnsBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="ReturnsPortalOptions"/> validated on start (at least one key of 32 bytes or more, a current key,
    /// sensible lifetimes, host origins, the lookup rate limit), <see cref="PortalSessionTokens"/> and
    /// <see cref="SignedLinks"/> as singletons, <see cref="OrderLookupGuard"/> as transient (it uses whatever lifetime
    /// the <c>IOrderSource</c> has) and the lookup rate limiter. The portal's returns come from
    /// <c>AddSelfServiceReturns</c>. Safe to call twice.
    /// </summary>
    /// <param name="builder">The returns builder.</param>
    /// <param name="configure">Sets the signing keys, the host origins and, optionally, lifetimes and limits.</param>
    /// <returns>The builder.</returns>
    public static IReturnsBuilder AddReturnsPortal(this IReturnsBuilder builder, Action<ReturnsPortalOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptionsWithValidateOnStart<ReturnsPortalOptions>().Configure(configure);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReturnsPortalOptions>, ReturnsPortalOptionsValidator>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<PortalSessionTokens>();
        builder.Services.TryAddSingleton<SignedLinks>();
        builder.Services.TryAddTransient<OrderLookupGuard>();
        builder.Services.TryAddSingleton<LookupRateLimiter>();
        builder.Services.TryAddSingleton<PortalRoutes>();
        return builder;
    }
}
