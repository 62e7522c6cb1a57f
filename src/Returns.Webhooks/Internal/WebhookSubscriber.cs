using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Returns.Sdk.Events;

namespace Returns.Webhooks.Internal;

// POSTs one signed envelope per event. No retries here: the outbox retries with backoff and remembers who has what.
internal sealed class WebhookSubscriber : IReturnEventSubscriber
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly string _endpoint;
    private readonly IHttpClientFactory _clients;
    private readonly IOptionsMonitor<WebhookEndpointOptions> _options;
    private readonly TimeProvider _time;

    public WebhookSubscriber(string endpoint, IHttpClientFactory clients, IOptionsMonitor<WebhookEndpointOptions> options, TimeProvider time)
    {
        _endpoint = endpoint;
        _clients = clients;
        _options = options;
        _time = time;

        // Resolving the options validates them, so a bad endpoint stops the dispatcher from starting.
        _ = options.Get(endpoint);
    }

    public string Name => SubscriberName(_endpoint);

    public static string SubscriberName(string endpoint) => "webhook:" + endpoint;

    public static string HttpClientName(string endpoint) => "Returns.Webhooks:" + endpoint;

    public async Task DeliverAsync(ReturnEventDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var options = _options.Get(_endpoint);
        if (options.EventTypes.Count > 0 && !options.EventTypes.Contains(delivery.Event.Type))
        {
            return;
        }

        var body = WebhookEnvelope.Write(delivery);
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = Json;
        request.Headers.Add(WebhookHeaders.EventId, delivery.Event.Id.ToString("D"));
        request.Headers.Add(WebhookHeaders.EventType, delivery.Event.Type);
        request.Headers.Add(WebhookHeaders.Signature, WebhookSignature.Compute([.. options.Secrets], _time.GetUtcNow(), body));

        var client = _clients.CreateClient(HttpClientName(_endpoint));
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EventDeliveryException($"Webhook '{_endpoint}' did not answer within {options.Timeout}.", null, exception);
        }
        catch (HttpRequestException exception)
        {
            // The error kind only: the driver's message can name the host, and the URL may carry a token.
            throw new EventDeliveryException($"Webhook '{_endpoint}' could not be reached ({exception.HttpRequestError}).", null, exception);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            // The body is never read: receivers echo requests and stack traces, and the error is stored and logged.
            var status = (int)response.StatusCode;
            var retryAfter = status is 429 or 503 ? RetryAfterHeader.Read(response, _time.GetUtcNow()) : null;
            throw new EventDeliveryException(
                retryAfter is { } wait
                    ? $"Webhook '{_endpoint}' answered {status}, asking to retry after {wait.TotalSeconds:0} s."
                    : $"Webhook '{_endpoint}' answered {status}.",
                retryAfter);
        }
    }
}
