using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Returns.Sdk.DependencyInjection;
using Returns.Sdk.Lifecycle;
using Returns.Storage.Sqlite;
using Returns.Storage.Sqlite.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the SQLite store.</summary>
public static class SqliteReturnsBuilderExtensions
{
    /// <summary>Keeps returns in one SQLite file: the embedded default. Replaces no store registered earlier.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the file, e.g. <c>o =&gt; o.Path = "returns.db"</c>.</param>
    /// <returns>The builder.</returns>
    public static IReturnsBuilder AddSqliteStore(this IReturnsBuilder builder, Action<SqliteReturnStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptionsWithValidateOnStart<SqliteReturnStoreOptions>().Configure(configure);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteReturnStoreOptions>, SqliteReturnStoreOptionsValidator>());
        builder.Services.TryAddSingleton<SqliteReturnStore>();
        builder.Services.TryAddSingleton<IReturnStore>(sp => sp.GetRequiredService<SqliteReturnStore>());
        return builder;
    }
}
