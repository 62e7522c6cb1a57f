namespace Returns.Webhooks;

/// <summary>The outcome of <see cref="WebhookSignature.Verify"/>. Accept the request only when <see cref="Valid"/>.</summary>
public enum WebhookSignatureResult
{
    /// <summary>Signed with one of the secrets, within the tolerance.</summary>
    Valid,

    /// <summary>No <c>Returns-Signature</c> header.</summary>
    Missing,

    /// <summary>The header is not <c>t=&lt;unix seconds&gt;,v1=&lt;64 hex digits&gt;[,v1=...]</c>.</summary>
    Malformed,

    /// <summary>Genuinely signed, but the timestamp is further from now than the tolerance: a replay, or a badly wrong clock.</summary>
    TooOld,

    /// <summary>No signature matches the body with any of the secrets: a forged or altered request, or the wrong secret.</summary>
    Mismatch,
}
