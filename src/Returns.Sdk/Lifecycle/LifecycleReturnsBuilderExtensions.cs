using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Returns.Sdk.DependencyInjection;
using Returns.Sdk.Lifecycle;
using Returns.Sdk.Lifecycle.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the return lifecycle.</summary>
public static class LifecycleReturnsBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="ReturnLifecycle"/> with validated options. It needs an <see cref="IReturnStore"/>: register one
    /// with a storage package (<c>AddSqliteStore</c>, <c>AddPostgreSqlStore</c>) or, for tests, an <see cref="InMemoryReturnStore"/>.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Adjusts the options.</param>
    /// <returns>The builder.</returns>
    public static IReturnsBuilder AddReturnLifecycle(this IReturnsBuilder builder, Action<ReturnLifecycleOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptionsWithValidateOnStart<ReturnLifecycleOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReturnLifecycleOptions>, ReturnLifecycleOptionsValidator>());
        builder.Services.TryAddSingleton<ReturnLifecycle>();
        return builder;
    }
}
