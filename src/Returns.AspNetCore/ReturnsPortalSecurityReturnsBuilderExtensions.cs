using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Returns.AspNetCore;
using Returns.AspNetCore.Internal;
using Returns.Sdk.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the portal's security core.</summary>
public static class ReturnsPortalSecurityReturnsBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="ReturnsPortalOptions"/> validated on start (at least one key of 32 bytes or more, a current key,
    /// sensible lifetimes), <see cref="PortalSessionTokens"/> and <see cref="SignedLinks"/> as singletons, and
    /// <see cref="OrderLookupGuard"/> as transient (it uses whatever lifetime the <c>IOrderSource</c> has). Safe to call twice.
    /// </summary>
    /// <param name="builder">The returns builder.</param>
    /// <param name="configure">Sets the signing keys and, optionally, the lifetimes.</param>
    /// <returns>The builder.</returns>
    public static IReturnsBuilder AddReturnsPortalSecurity(this IReturnsBuilder builder, Action<ReturnsPortalOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptionsWithValidateOnStart<ReturnsPortalOptions>().Configure(configure);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReturnsPortalOptions>, ReturnsPortalOptionsValidator>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<PortalSessionTokens>();
        builder.Services.TryAddSingleton<SignedLinks>();
        builder.Services.TryAddTransient<OrderLookupGuard>();
        return builder;
    }
}
