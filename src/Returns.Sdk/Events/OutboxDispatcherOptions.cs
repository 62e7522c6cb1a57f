namespace Returns.Sdk.Events;

/// <summary>How <see cref="OutboxDispatcher"/> takes events from the outbox and retries them; validated on start.</summary>
public sealed class OutboxDispatcherOptions
{
    /// <summary>How long the background service waits between passes when the outbox had less than a full batch. Default 5 seconds.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The most messages one pass takes. Default 50.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>
    /// How long leased messages stay hidden from other dispatchers. It must cover delivering a whole batch to every
    /// subscriber (batch size × subscribers × their timeout, at worst); a pass stops taking up messages once its lease
    /// has run out, leaving them to the next lease. Default 5 minutes.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many failed attempts dead-letter a message. Default 15 (about 8 hours with the default backoff).</summary>
    public int MaxAttempts { get; set; } = 15;

    /// <summary>The wait after the first failure; it doubles with every further failure. Default 30 seconds.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between attempts, also for a subscriber's <see cref="EventDeliveryException.RetryAfter"/>. Default 1 hour.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);
}
