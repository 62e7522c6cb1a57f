using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Returns.Carriers.Http;
using Returns.Carriers.Ups;
using Returns.Carriers.Ups.Internal;
using Returns.Sdk.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the UPS adapter.</summary>
public static class UpsReturnsBuilderExtensions
{
    /// <summary>
    /// Adds UPS: validated <see cref="UpsOptions"/> (client id, client secret and account number are required), its
    /// named resilient HTTP client (base address from the options, resilience tunable through
    /// <paramref name="configureHttp"/>) and the adapter as a <c>CarrierAdapter</c> singleton.
    /// </summary>
    /// <param name="builder">The returns builder.</param>
    /// <param name="configure">Sets the credentials, the account and, for tests, the base address.</param>
    /// <param name="configureHttp">Tunes retries, timeouts and the circuit breaker.</param>
    /// <returns>The builder.</returns>
    public static IReturnsBuilder AddUps(this IReturnsBuilder builder, Action<UpsOptions> configure, Action<CarrierHttpOptions>? configureHttp = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptionsWithValidateOnStart<UpsOptions>().Configure(configure);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<UpsOptions>, UpsOptionsValidator>());
        builder.Services.AddOptions<CarrierHttpOptions>(UpsCarrier.Id)
            .Configure<IOptions<UpsOptions>>((http, ups) => http.BaseAddress = ups.Value.BaseAddress);
        builder.AddCarrierHttpClient(UpsCarrier.Id, configureHttp);
        return builder.AddCarrier<UpsCarrier>();
    }
}
