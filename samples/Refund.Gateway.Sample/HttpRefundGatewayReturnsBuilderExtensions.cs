using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Refund.Gateway.Sample;
using Refund.Gateway.Sample.Internal;
using Returns.Sdk.DependencyInjection;
using Returns.Sdk.Refunds;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the HTTP reference refund gateway.</summary>
public static class HttpRefundGatewayReturnsBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="HttpRefundGateway"/> as the <see cref="IRefundGateway"/>: validated
    /// <see cref="HttpRefundGatewayOptions"/> (checked when the host starts), and the named client
    /// <see cref="HttpRefundGateway.HttpClientName"/> with the standard resilience handler (rate limiter, total timeout
    /// <see cref="HttpRefundGatewayOptions.Timeout"/>, retries with exponential backoff and jitter or the platform's
    /// <c>Retry-After</c> on 408/429/5xx, network failures and attempt timeouts, circuit breaker, attempt timeout).
    /// Retrying the POST is safe because every attempt carries the same <c>Idempotency-Key</c>. A <c>Retry-After</c>
    /// longer than the timeout is not waited for: the call ends at once as transient. Calling it again adds configuration.
    /// </summary>
    /// <param name="builder">The returns builder.</param>
    /// <param name="configure">Sets the base address, key, path and timeout.</param>
    /// <param name="configureResilience">Tunes the resilience pipeline after the gateway's defaults (e.g. retry count and delay); optional.</param>
    /// <returns>The builder.</returns>
    public static IReturnsBuilder AddHttpRefundGateway(this IReturnsBuilder builder, Action<HttpRefundGatewayOptions> configure, Action<HttpStandardResilienceOptions>? configureResilience = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        services.AddOptionsWithValidateOnStart<HttpRefundGatewayOptions>().Configure(configure);
        if (services.FirstOrDefault(d => d.ServiceType == typeof(HttpRefundGatewayRegistration))?.ImplementationInstance is HttpRefundGatewayRegistration registered)
        {
            if (configureResilience is not null)
            {
                services.Configure(registered.PipelineName, configureResilience);
            }

            return builder;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HttpRefundGatewayOptions>, HttpRefundGatewayOptionsValidator>());

        var client = services.AddHttpClient(HttpRefundGateway.HttpClientName, http =>
        {
            // The pipeline's total timeout governs; HttpClient's own 100 s default must not cut a longer one short.
            http.Timeout = Timeout.InfiniteTimeSpan;
        });

        // The factory's request logging adds nothing the gateway's own log lacks, and removing it keeps headers (the
        // bearer key) out of logs whatever the host's redaction settings.
        client.RemoveAllLoggers();

        // A redirected POST would be resent as a GET, or to a host the key was never meant for: answer with the 3xx.
        client.UseSocketsHttpHandler((handler, _) => handler.AllowAutoRedirect = false);

        var pipeline = client.AddStandardResilienceHandler();
        pipeline.Configure((resilience, serviceProvider) =>
        {
            HttpRefundGatewayOptions gateway;
            try
            {
                gateway = serviceProvider.GetRequiredService<IOptions<HttpRefundGatewayOptions>>().Value;
            }
            catch (OptionsValidationException)
            {
                // Reported once, by the gateway's own validation; the pipeline keeps its defaults meanwhile.
                return;
            }

            var timeProvider = serviceProvider.GetService<TimeProvider>() ?? TimeProvider.System;
            RefundResilience.Apply(resilience, gateway.Timeout, timeProvider);
        });
        if (configureResilience is not null)
        {
            pipeline.Configure(configureResilience);
        }

        services.AddSingleton(new HttpRefundGatewayRegistration(pipeline.PipelineName));
        return builder.AddRefundGateway<HttpRefundGateway>();
    }
}
