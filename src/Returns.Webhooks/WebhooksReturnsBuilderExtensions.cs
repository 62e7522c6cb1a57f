using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Returns.Sdk.DependencyInjection;
using Returns.Sdk.Events;
using Returns.Webhooks;
using Returns.Webhooks.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers webhook endpoints as event subscribers.</summary>
public static class WebhooksReturnsBuilderExtensions
{
    /// <summary>
    /// Registers an endpoint as the <see cref="IReturnEventSubscriber"/> named <c>webhook:&lt;name&gt;</c>, with validated
    /// <see cref="WebhookEndpointOptions"/> named <paramref name="name"/>. Each event is POSTed as a signed JSON envelope
    /// through the named <see cref="HttpClient"/> <c>Returns.Webhooks:&lt;name&gt;</c> from <see cref="IHttpClientFactory"/>
    /// (configure it further with <c>services.AddHttpClient("Returns.Webhooks:&lt;name&gt;")</c>, e.g. for a proxy). It
    /// does not follow redirects, does not retry by itself (the outbox retries with backoff) and does not log URLs.
    /// Events flow once <c>AddEventDelivery()</c> runs a dispatcher. Calling again with the same name adds configuration.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The endpoint's stable name (it names the subscriber in the outbox).</param>
    /// <param name="configure">Sets the URL, secrets, event filter and timeout.</param>
    /// <returns>The builder.</returns>
    public static IReturnsBuilder AddWebhook(this IReturnsBuilder builder, string name, Action<WebhookEndpointOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        services.AddOptionsWithValidateOnStart<WebhookEndpointOptions>(name).Configure(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookEndpointOptions>, WebhookEndpointOptionsValidator>());
        if (services.Any(d => !d.IsKeyedService && d.ImplementationInstance is WebhookRegistration r && string.Equals(r.Name, name, StringComparison.Ordinal)))
        {
            return builder;
        }

        services.AddSingleton(new WebhookRegistration(name));
        services.AddSingleton<IReturnEventSubscriber>(sp => new WebhookSubscriber(
            name,
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<IOptionsMonitor<WebhookEndpointOptions>>(),
            sp.GetRequiredService<TimeProvider>()));
        var client = services.AddHttpClient(WebhookSubscriber.HttpClientName(name), (sp, http) =>
            http.Timeout = sp.GetRequiredService<IOptionsMonitor<WebhookEndpointOptions>>().Get(name).Timeout);
        client.RemoveAllLoggers();
        client.UseSocketsHttpHandler((handler, _) => handler.AllowAutoRedirect = false);
        return builder;
    }
}
