namespace Returns.Sdk.Events;

/// <summary>
/// A subscriber could not take an event now; the outbox retries it with backoff, or later when
/// <see cref="RetryAfter"/> asks for more time. The message is stored with the outbox message: keep personal data out of it.
/// </summary>
public sealed class EventDeliveryException : ReturnsException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">What went wrong, without personal data or secrets.</param>
    /// <param name="retryAfter">How long the subscriber asks to wait before the next attempt, if it said so.</param>
    public EventDeliveryException(string message, TimeSpan? retryAfter = null)
        : this(message, retryAfter, null)
    {
    }

    /// <summary>Creates the error with its cause.</summary>
    /// <param name="message">What went wrong, without personal data or secrets.</param>
    /// <param name="retryAfter">How long the subscriber asks to wait before the next attempt, if it said so.</param>
    /// <param name="innerException">The underlying failure.</param>
    public EventDeliveryException(string message, TimeSpan? retryAfter, Exception? innerException)
        : base(message, innerException)
    {
        if (retryAfter < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(retryAfter), retryAfter, "A retry delay cannot be negative.");
        }

        RetryAfter = retryAfter;
    }

    /// <summary>How long the subscriber asks to wait; the dispatcher waits at least this long (up to its maximum backoff).</summary>
    public TimeSpan? RetryAfter { get; }
}
