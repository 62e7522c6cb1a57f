using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Returns.Sdk.DependencyInjection;
using Returns.Sdk.Lifecycle;
using Returns.Storage.PostgreSql;
using Returns.Storage.PostgreSql.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the PostgreSQL store.</summary>
public static class PostgreSqlReturnsBuilderExtensions
{
    /// <summary>Keeps returns in PostgreSQL, shared by every application instance. Replaces no store registered earlier.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the connection string and schema.</param>
    /// <returns>The builder.</returns>
    public static IReturnsBuilder AddPostgreSqlStore(this IReturnsBuilder builder, Action<PostgreSqlReturnStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptionsWithValidateOnStart<PostgreSqlReturnStoreOptions>().Configure(configure);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgreSqlReturnStoreOptions>, PostgreSqlReturnStoreOptionsValidator>());
        builder.Services.TryAddSingleton<PostgreSqlReturnStore>();
        builder.Services.TryAddSingleton<IReturnStore>(sp => sp.GetRequiredService<PostgreSqlReturnStore>());
        return builder;
    }
}
