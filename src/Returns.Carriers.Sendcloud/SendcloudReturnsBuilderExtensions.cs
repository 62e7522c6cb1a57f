using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Returns.Carriers.Http;
using Returns.Carriers.Sendcloud;
using Returns.Carriers.Sendcloud.Internal;
using Returns.Sdk.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Sendcloud adapter.</summary>
public static class SendcloudReturnsBuilderExtensions
{
    /// <summary>
    /// Adds Sendcloud: validated <see cref="SendcloudOptions"/> (keys and at least one shipping option code required,
    /// checked when the host starts), its named resilient HTTP client <c>Returns.Carriers.sendcloud</c> (base address from
    /// the options, resilience tunable through <paramref name="configureHttp"/>) and the adapter as a <c>CarrierAdapter</c> singleton.
    /// </summary>
    /// <param name="builder">The returns builder.</param>
    /// <param name="configure">Sets the keys, the shipping option codes and, for tests, the base addresses.</param>
    /// <param name="configureHttp">Tunes retries, timeouts and the circuit breaker.</param>
    /// <returns>The builder.</returns>
    public static IReturnsBuilder AddSendcloud(this IReturnsBuilder builder, Action<SendcloudOptions> configure, Action<CarrierHttpOptions>? configureHttp = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptionsWithValidateOnStart<SendcloudOptions>().Configure(configure);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SendcloudOptions>, SendcloudOptionsValidator>());
        builder.Services.AddOptions<CarrierHttpOptions>(SendcloudCarrier.Id)
            .Configure<IOptions<SendcloudOptions>>((http, sendcloud) => http.BaseAddress = sendcloud.Value.BaseAddress);
        builder.AddCarrierHttpClient(SendcloudCarrier.Id, configureHttp);
        return builder.AddCarrier<SendcloudCarrier>();
    }
}
