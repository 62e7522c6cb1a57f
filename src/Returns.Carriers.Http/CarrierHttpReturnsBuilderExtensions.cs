using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Returns.Carriers.Http;
using Returns.Carriers.Http.Internal;
using Returns.Sdk.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the named, resilient <see cref="HttpClient"/> an HTTP carrier adapter calls its carrier with.</summary>
public static class CarrierHttpReturnsBuilderExtensions
{
    /// <summary>
    /// Adds the named client <see cref="CarrierHttpClient.NameFor(string)"/> for one carrier, with validated
    /// <see cref="CarrierHttpOptions"/> named <paramref name="carrierId"/> and a resilience pipeline built from them:
    /// total timeout, retry (exponential backoff with jitter, or the carrier's <c>Retry-After</c> on 429/503) on
    /// 408/429/5xx, network failures and attempt timeouts, a circuit breaker and a per-attempt timeout. Only requests
    /// that are safe to repeat are retried (see <see cref="CarrierHttpRequests"/>). The factory's default request
    /// logging is removed, because URLs of carrier calls can hold tracking numbers and the customer's location.
    /// </summary>
    /// <param name="builder">The returns builder.</param>
    /// <param name="carrierId">The carrier id the options are named by.</param>
    /// <param name="configure">Sets the options; applied after any configuration bound earlier.</param>
    /// <returns>The client builder, to add handlers (e.g. authentication) to.</returns>
    public static IHttpClientBuilder AddCarrierHttpClient(this IReturnsBuilder builder, string carrierId, Action<CarrierHttpOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(carrierId);
        var services = builder.Services;
        var options = services.AddOptionsWithValidateOnStart<CarrierHttpOptions>(carrierId);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CarrierHttpOptions>, CarrierHttpOptionsValidator>());

        var name = CarrierHttpClient.NameFor(carrierId);
        var client = services.AddHttpClient(name, (sp, http) =>
        {
            var current = sp.GetRequiredService<IOptionsMonitor<CarrierHttpOptions>>().Get(carrierId);
            http.BaseAddress = current.BaseAddress;

            // The pipeline's total timeout governs; HttpClient's own 100 s default must not cut it short.
            http.Timeout = Timeout.InfiniteTimeSpan;
        });
        client.RemoveAllLoggers();
        client.AddResilienceHandler("carrier", (pipeline, context) =>
        {
            context.EnableReloads<CarrierHttpOptions>(carrierId);
            var current = context.GetOptions<CarrierHttpOptions>(carrierId);
            CarrierResiliencePipeline.Configure(pipeline, carrierId, current, context.ServiceProvider);
        });
        return client;
    }

    /// <summary>
    /// Like <see cref="AddCarrierHttpClient(IReturnsBuilder, string, Action{CarrierHttpOptions}?)"/>, binding the
    /// options from a configuration section first (keys as the property names, e.g. <c>BaseAddress</c>, <c>MaxRetryAttempts</c>, <c>AttemptTimeout</c>).
    /// </summary>
    /// <param name="builder">The returns builder.</param>
    /// <param name="carrierId">The carrier id the options are named by.</param>
    /// <param name="configuration">The section to bind.</param>
    /// <param name="configure">Sets the options after binding.</param>
    /// <returns>The client builder.</returns>
    [RequiresDynamicCode("Binding configuration may need code generated at run time; set EnableConfigurationBindingGenerator for AOT.")]
    [RequiresUnreferencedCode("Binding configuration reflects over CarrierHttpOptions.")]
    public static IHttpClientBuilder AddCarrierHttpClient(this IReturnsBuilder builder, string carrierId, IConfiguration configuration, Action<CarrierHttpOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(carrierId);
        builder.Services.AddOptions<CarrierHttpOptions>(carrierId).Bind(configuration);
        return builder.AddCarrierHttpClient(carrierId, configure);
    }
}
