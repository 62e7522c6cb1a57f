using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Returns.Carriers.DhlParcelDe;
using Returns.Carriers.DhlParcelDe.Internal;
using Returns.Carriers.Http;
using Returns.Sdk.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the DHL Parcel Germany returns adapter.</summary>
public static class DhlParcelDeReturnsBuilderExtensions
{
    /// <summary>
    /// Adds DHL Parcel DE: validated <see cref="DhlParcelDeOptions"/> (API key, portal user and password, receiver ids,
    /// rate card and zones are required; checked on start), its named resilient HTTP client (base address from the
    /// options, resilience tunable through <paramref name="configureHttp"/>) and the adapter as a <c>CarrierAdapter</c> singleton.
    /// </summary>
    /// <param name="builder">The returns builder.</param>
    /// <param name="configure">Sets credentials, receiver ids, rate card and zones, and for tests the base addresses.</param>
    /// <param name="configureHttp">Tunes retries, timeouts and the circuit breaker.</param>
    /// <returns>The builder.</returns>
    public static IReturnsBuilder AddDhlParcelDe(this IReturnsBuilder builder, Action<DhlParcelDeOptions> configure, Action<CarrierHttpOptions>? configureHttp = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptionsWithValidateOnStart<DhlParcelDeOptions>().Configure(configure);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DhlParcelDeOptions>, DhlParcelDeOptionsValidator>());
        builder.Services.AddOptions<CarrierHttpOptions>(DhlParcelDeCarrier.Id)
            .Configure<IOptions<DhlParcelDeOptions>>((http, dhl) => http.BaseAddress = dhl.Value.BaseAddress);
        builder.AddCarrierHttpClient(DhlParcelDeCarrier.Id, configureHttp);
        return builder.AddCarrier<DhlParcelDeCarrier>();
    }
}
