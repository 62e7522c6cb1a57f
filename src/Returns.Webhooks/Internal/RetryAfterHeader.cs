namespace Returns.Webhooks.Internal;

// Retry-After comes as delta-seconds or as an HTTP-date (RFC 9110 §10.2.3); a date in the past means "now".
internal static class RetryAfterHeader
{
    public static TimeSpan? Read(HttpResponseMessage response, DateTimeOffset now) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta < TimeSpan.Zero ? TimeSpan.Zero : delta,
        { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
        _ => null,
    };
}
