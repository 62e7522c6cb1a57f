namespace Returns.Carriers.Http;

/// <summary>
/// How one carrier's HTTP API is called: where it lives and how hard to try. Named by carrier id, bindable from
/// configuration (e.g. <c>Returns:Carriers:ups:Http</c>) and validated when the host starts.
/// </summary>
/// <remarks>
/// The pipeline, outermost first: <see cref="TotalTimeout"/> over every attempt, retries with exponential backoff and
/// jitter (or the carrier's <c>Retry-After</c>), a circuit breaker, and <see cref="AttemptTimeout"/> per attempt.
/// </remarks>
public sealed class CarrierHttpOptions
{
    /// <summary>The carrier API's root, e.g. <c>https://api.carrier.example/</c>. Required; https, or http on a loopback host only (fake servers in tests).</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>How many times a failed attempt is retried; 0 to 10. Zero turns retries off.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first backoff delay; later ones grow exponentially with jitter. 1 ms to 1 minute.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The longest <c>Retry-After</c> honoured by waiting; a 429 or 503 asking for longer is not retried and surfaces
    /// at once (as <c>CarrierRateLimitedException</c> with its <c>RetryAfter</c> for a 429). 1 ms to 10 minutes.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one attempt may take; 10 ms to 10 minutes and not above <see cref="TotalTimeout"/>.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a call may take over all its attempts and waits; 10 ms to 10 minutes.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The share of failed attempts within <see cref="CircuitBreakerSamplingDuration"/> that opens the circuit; above 0, at most 1.</summary>
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    /// <summary>How many attempts must be seen within the sampling duration before the circuit may open; at least 2.</summary>
    public int CircuitBreakerMinimumThroughput { get; set; } = 10;

    /// <summary>The window failures are counted in; at least 500 ms.</summary>
    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit fails calls at once before letting one through; at least 500 ms.</summary>
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The request header that marks a non-idempotent request (POST, PATCH) as safe to retry because the carrier
    /// honours it as an idempotency key; <c>Idempotency-Key</c> by default.
    /// </summary>
    public string IdempotencyKeyHeader { get; set; } = "Idempotency-Key";
}
