using Carrier.Adapter.Sample;
using Carrier.Adapter.Sample.Internal;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Returns.Carriers.Http;
using Returns.Sdk.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Acme Parcel adapter.</summary>
public static class AcmeParcelReturnsBuilderExtensions
{
    /// <summary>
    /// Adds Acme Parcel: validated <see cref="AcmeParcelOptions"/> (the API key is required), its named resilient
    /// HTTP client (base address from the options, resilience tunable through <paramref name="configureHttp"/>) and
    /// the adapter as a <c>CarrierAdapter</c> singleton.
    /// </summary>
    /// <param name="builder">The returns builder.</param>
    /// <param name="configure">Sets the API key and, for tests, the base address.</param>
    /// <param name="configureHttp">Tunes retries, timeouts and the circuit breaker.</param>
    /// <returns>The builder.</returns>
    public static IReturnsBuilder AddAcmeParcel(this IReturnsBuilder builder, Action<AcmeParcelOptions> configure, Action<CarrierHttpOptions>? configureHttp = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptionsWithValidateOnStart<AcmeParcelOptions>().Configure(configure);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AcmeParcelOptions>, AcmeParcelOptionsValidator>());
        builder.Services.AddOptions<CarrierHttpOptions>(AcmeParcelCarrier.Id)
            .Configure<IOptions<AcmeParcelOptions>>((http, acme) => http.BaseAddress = acme.Value.BaseAddress);
        builder.AddCarrierHttpClient(AcmeParcelCarrier.Id, configureHttp);
        return builder.AddCarrier<AcmeParcelCarrier>();
    }
}
