namespace Returns.Sdk.Lifecycle;

/// <summary>Another request with the same idempotency key is still running; retry later (HTTP APIs answer 409).</summary>
public sealed class IdempotencyKeyInProgressException : ReturnsException
{
    /// <summary>Creates the error.</summary>
    /// <param name="key">The key.</param>
    /// <param name="waited">How long this request waited.</param>
    public IdempotencyKeyInProgressException(IdempotencyKey key, TimeSpan waited)
        : base($"A request with idempotency key '{key}' is still running after {waited.TotalSeconds:0.#} s; retry later.")
    {
        Key = key;
    }

    /// <summary>The key.</summary>
    public IdempotencyKey Key { get; }
}
