namespace Returns.Sdk.Lifecycle;

/// <summary>
/// A caller's key for one logical request: repeating a request with the same key returns the first result instead of
/// doing the work again. Keys are printable ASCII, 1 to 200 characters (a UUID is typical).
/// </summary>
public readonly record struct IdempotencyKey
{
    /// <summary>The longest key accepted.</summary>
    public const int MaxLength = 200;

    private readonly string? _value;

    /// <summary>Wraps a caller's key.</summary>
    /// <param name="value">The key.</param>
    /// <exception cref="ArgumentException">Empty, too long, or not printable ASCII.</exception>
    public IdempotencyKey(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length is 0 or > MaxLength || value.AsSpan().ContainsAnyExceptInRange('!', '~'))
        {
            throw new ArgumentException($"An idempotency key is 1 to {MaxLength} printable ASCII characters without spaces.", nameof(value));
        }

        _value = value;
    }

    /// <summary>The key.</summary>
    public string Value => _value ?? throw new InvalidOperationException("An idempotency key must be created with its constructor.");

    /// <summary>The key.</summary>
    /// <returns>The key, or an empty string for the default value.</returns>
    public override string ToString() => _value ?? string.Empty;
}

/// <summary>What <see cref="IReturnStore.ClaimIdempotencyKeyAsync"/> found.</summary>
public enum IdempotencyClaimStatus
{
    /// <summary>The key is new, or its previous holder's lease ran out: the caller does the work and commits with the key.</summary>
    Acquired,

    /// <summary>Another caller holds the key and is still working; try again shortly.</summary>
    InProgress,

    /// <summary>The work was done; <see cref="IdempotencyClaim.Result"/> is its result.</summary>
    Completed,
}

/// <summary>The answer to claiming an idempotency key.</summary>
/// <param name="Status">What the store found.</param>
/// <param name="Result">The return as the completed request left it; set only when <paramref name="Status"/> is <see cref="IdempotencyClaimStatus.Completed"/>.</param>
public sealed record IdempotencyClaim(IdempotencyClaimStatus Status, ReturnRequest? Result = null);
