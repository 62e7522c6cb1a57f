namespace Returns.Webhooks;

/// <summary>The HTTP headers every webhook request carries.</summary>
public static class WebhookHeaders
{
    /// <summary>The event id: the same on every retry of one event, so receivers deduplicate by it.</summary>
    public const string EventId = "Returns-Event-Id";

    /// <summary>The event type, e.g. <c>return.authorized</c>.</summary>
    public const string EventType = "Returns-Event-Type";

    /// <summary>
    /// <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256&gt;</c> with one <c>v1</c> per secret; check it with
    /// <see cref="WebhookSignature.Verify"/>.
    /// </summary>
    public const string Signature = "Returns-Signature";
}
