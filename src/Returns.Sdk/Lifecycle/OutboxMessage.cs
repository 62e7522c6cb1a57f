namespace Returns.Sdk.Lifecycle;

/// <summary>Where an outbox message stands.</summary>
public enum OutboxMessageState
{
    /// <summary>Waiting for (another) delivery attempt.</summary>
    Pending,

    /// <summary>Every subscriber has it.</summary>
    Delivered,

    /// <summary>Gave up after the configured attempts; replay it by id once the subscriber is fixed.</summary>
    DeadLettered,
}

/// <summary>An event waiting in, or delivered from, the transactional outbox.</summary>
/// <param name="Sequence">The store's ascending position; events of one return are delivered in this order.</param>
/// <param name="Event">The event.</param>
/// <param name="Payload">The return as the event left it, as a <see cref="ReturnDocument"/> JSON document.</param>
public sealed record OutboxMessage(long Sequence, ReturnEvent Event, string Payload)
{
    /// <summary>Where the message stands.</summary>
    public OutboxMessageState State { get; init; }

    /// <summary>How many delivery attempts failed.</summary>
    public int Attempts { get; init; }

    /// <summary>When the next attempt is due.</summary>
    public DateTimeOffset NextAttemptAt { get; init; }

    /// <summary>The subscribers that already have the message, so a retry skips them.</summary>
    public IReadOnlyList<string> DeliveredTo { get; init; } = [];

    /// <summary>The last failure, without personal data.</summary>
    public string? LastError { get; init; }
}

/// <summary>A failed delivery attempt to record.</summary>
/// <param name="Error">What went wrong, without personal data.</param>
/// <param name="NextAttemptAt">When to try again.</param>
/// <param name="DeliveredTo">All subscribers that have the message so far.</param>
/// <param name="DeadLetter">True to stop trying.</param>
public sealed record OutboxFailure(string Error, DateTimeOffset NextAttemptAt, IReadOnlyList<string> DeliveredTo, bool DeadLetter);
