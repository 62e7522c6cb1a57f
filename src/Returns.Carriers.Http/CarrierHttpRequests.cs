namespace Returns.Carriers.Http;

/// <summary>
/// Per-request control over the carrier pipeline. By default GET, HEAD, OPTIONS, PUT and DELETE are retried, and a
/// POST or PATCH only when it carries the <see cref="CarrierHttpOptions.IdempotencyKeyHeader"/> header: a POST that
/// buys a label must never be sent twice unless the carrier de-duplicates it by that key.
/// </summary>
public static class CarrierHttpRequests
{
    /// <summary>The request option that, when set, overrides the default decision whether the request may be retried.</summary>
    public static HttpRequestOptionsKey<bool> RetryAllowedKey { get; } = new("Returns.Carriers.Http.RetryAllowed");

    /// <summary>Says whether this request may be retried, overriding the default by method and idempotency key.</summary>
    /// <param name="request">The request.</param>
    /// <param name="allowed"><see langword="false"/> for a request that must reach the carrier at most once.</param>
    /// <returns>The same request.</returns>
    public static HttpRequestMessage WithRetries(this HttpRequestMessage request, bool allowed)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.Set(RetryAllowedKey, allowed);
        return request;
    }

    /// <summary>Whether the pipeline may retry a request, by its explicit option, else by method and idempotency key.</summary>
    /// <param name="request">The request.</param>
    /// <param name="idempotencyKeyHeader">The header that marks a POST or PATCH as idempotent.</param>
    /// <returns>True when a retry cannot cause a second side effect.</returns>
    public static bool IsRetryAllowed(HttpRequestMessage request, string idempotencyKeyHeader)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Options.TryGetValue(RetryAllowedKey, out var allowed))
        {
            return allowed;
        }

        var method = request.Method;
        if (method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Trace)
        {
            return true;
        }

        return !string.IsNullOrEmpty(idempotencyKeyHeader) && request.Headers.Contains(idempotencyKeyHeader);
    }
}
