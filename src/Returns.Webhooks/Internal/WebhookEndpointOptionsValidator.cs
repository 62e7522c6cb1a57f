using System.Text;
using Microsoft.Extensions.Options;

namespace Returns.Webhooks.Internal;

// Messages name the endpoint and the offending setting, never a secret's value and never the URL (it may hold a token).
internal sealed class WebhookEndpointOptionsValidator : IValidateOptions<WebhookEndpointOptions>
{
    private static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(5);

    public ValidateOptionsResult Validate(string? name, WebhookEndpointOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var prefix = $"Webhook '{name}': ";
        var failures = new List<string>();
        switch (options.Url)
        {
            case null:
                failures.Add(prefix + "Url is required.");
                break;
            case { IsAbsoluteUri: false }:
                failures.Add(prefix + "Url must be an absolute URL.");
                break;
            case { Scheme: "https" }:
            case { Scheme: "http", IsLoopback: true }:
                break;
            default:
                failures.Add(prefix + $"Url must use https (http is allowed only for loopback hosts); it uses {options.Url.Scheme}.");
                break;
        }

        if (options.Secrets.Count == 0)
        {
            failures.Add(prefix + "at least one secret is required in Secrets.");
        }

        for (var i = 0; i < options.Secrets.Count; i++)
        {
            var bytes = options.Secrets[i] is { } secret ? Encoding.UTF8.GetByteCount(secret) : 0;
            if (bytes < WebhookEndpointOptions.MinimumSecretBytes)
            {
                failures.Add(prefix + $"Secrets[{i}] has {bytes} bytes; at least {WebhookEndpointOptions.MinimumSecretBytes} are required (e.g. 32 random bytes, base64-encoded).");
            }
        }

        foreach (var type in options.EventTypes.Order(StringComparer.Ordinal))
        {
            if (!KnownEventTypes.All.Contains(type))
            {
                failures.Add(prefix + $"EventTypes has '{type}', which is not an event type; known: {string.Join(", ", KnownEventTypes.All.Order(StringComparer.Ordinal))}.");
            }
        }

        if (options.Timeout < MinTimeout || options.Timeout > MaxTimeout)
        {
            failures.Add(prefix + $"Timeout must be {MinTimeout} to {MaxTimeout}; it is {options.Timeout}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
