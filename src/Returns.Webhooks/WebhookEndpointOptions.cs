namespace Returns.Webhooks;

/// <summary>
/// One HTTP endpoint that receives return events, named by the name given to <c>AddWebhook</c>. Validated on start;
/// secrets never appear in logs or error messages.
/// </summary>
public sealed class WebhookEndpointOptions
{
    /// <summary>The fewest UTF-8 bytes a secret may have: 32, the size of the HMAC-SHA256 output.</summary>
    public const int MinimumSecretBytes = 32;

    /// <summary>Where events are POSTed: an absolute https URL (http only for loopback hosts, e.g. in tests). It is never logged, so it may carry a token.</summary>
    public Uri? Url { get; set; }

    /// <summary>
    /// The signing secrets, at least one, each at least <see cref="MinimumSecretBytes"/> UTF-8 bytes (e.g. 32 random bytes,
    /// base64-encoded). Every request is signed with each, one <c>v1</c> per secret in <c>Returns-Signature</c>, so a
    /// secret is rotated by adding the new one, switching the receiver over, then removing the old one.
    /// </summary>
    public IList<string> Secrets { get; } = [];

    /// <summary>The <c>ReturnEventTypes</c> the endpoint wants; empty for all. Other events count as delivered to it.</summary>
    public ISet<string> EventTypes { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>How long to wait for the endpoint's answer before the attempt counts as failed. Default 10 seconds; 100 ms to 5 minutes.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
