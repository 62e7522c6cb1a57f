using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Returns.Sdk.Events.Internal;
using Returns.Sdk.Lifecycle;

namespace Returns.Sdk.Events;

/// <summary>
/// Delivers the events waiting in the store's outbox to every registered <see cref="IReturnEventSubscriber"/>, at
/// least once. A message that fails for some subscribers is retried later for those only, with exponential backoff,
/// and dead-lettered after <see cref="OutboxDispatcherOptions.MaxAttempts"/>. Several dispatchers (threads, processes,
/// instances) may run against one store: leases keep them from taking the same message at once. Every dispatcher of a
/// store must have the same subscribers, because a message counts as delivered once the dispatcher that has it is done.
/// </summary>
public sealed partial class OutboxDispatcher
{
    private const int MaxErrorLength = 1000;

    private readonly IReturnStore _store;
    private readonly IReturnEventSubscriber[] _subscribers;
    private readonly OutboxDispatcherOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private int _warnedNoSubscribers;

    /// <summary>Creates the dispatcher.</summary>
    /// <param name="store">The store whose outbox is delivered.</param>
    /// <param name="subscribers">Who receives the events; names must be unique.</param>
    /// <param name="options">The options.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The logger; given event ids, types and subscriber names, never payloads.</param>
    /// <exception cref="ArgumentException">Two subscribers share a name, or a name is blank.</exception>
    /// <exception cref="OptionsValidationException">The options are out of range.</exception>
    public OutboxDispatcher(IReturnStore store, IEnumerable<IReturnEventSubscriber> subscribers, IOptions<OutboxDispatcherOptions> options, TimeProvider time, ILogger<OutboxDispatcher>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(subscribers);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _subscribers = [.. subscribers];
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var subscriber in _subscribers)
        {
            ArgumentNullException.ThrowIfNull(subscriber, nameof(subscribers));
            if (string.IsNullOrWhiteSpace(subscriber.Name))
            {
                throw new ArgumentException($"Subscriber {subscriber.GetType().Name} has a blank name; the outbox records deliveries by name.", nameof(subscribers));
            }

            if (!names.Add(subscriber.Name))
            {
                throw new ArgumentException($"Two subscribers are named '{subscriber.Name}'; the outbox records deliveries by name, so names must be unique.", nameof(subscribers));
            }
        }

        // Options built without the DI validator (Options.Create) are checked here too.
        _options = options.Value;
        OutboxDispatcherOptionsValidator.ThrowIfInvalid(_options);
        _store = store;
        _time = time;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        SubscriberNames = [.. _subscribers.Select(s => s.Name)];
    }

    /// <summary>The names of the subscribers this dispatcher delivers to, in delivery order.</summary>
    public IReadOnlyList<string> SubscriberNames { get; }

    /// <summary>
    /// One pass: leases up to <see cref="OutboxDispatcherOptions.BatchSize"/> due messages and hands each, in sequence
    /// order, to every subscriber that does not have it yet. Subscriber failures are recorded on the message, never
    /// thrown. With no subscribers registered the outbox is left untouched, so that no event is lost to a missing registration.
    /// </summary>
    /// <param name="cancellationToken">Stops the pass; a message being delivered then is delivered again after its lease.</param>
    /// <returns>What the pass did.</returns>
    /// <exception cref="ReturnStoreException">The store failed (also logged); messages not yet recorded are delivered again after their lease.</exception>
    public async Task<OutboxDispatchResult> DispatchOnceAsync(CancellationToken cancellationToken = default)
    {
        if (_subscribers.Length == 0)
        {
            if (Interlocked.Exchange(ref _warnedNoSubscribers, 1) == 0)
            {
                LogNoSubscribers();
            }

            return OutboxDispatchResult.Nothing;
        }

        var leasedAt = _time.GetUtcNow();
        var batch = await Store("lease", () => _store.LeaseOutboxAsync(_options.BatchSize, leasedAt, _options.Lease, cancellationToken)).ConfigureAwait(false);
        if (batch.Count == 0)
        {
            return OutboxDispatchResult.Nothing;
        }

        using var activity = ReturnsDiagnostics.ActivitySource.StartActivity("returns.events.dispatch");
        activity?.SetTag("returns.outbox.leased", batch.Count);
        var leaseEnds = leasedAt + _options.Lease;
        int delivered = 0, retrying = 0, deadLettered = 0;
        foreach (var message in batch.OrderBy(m => m.Sequence))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_time.GetUtcNow() >= leaseEnds)
            {
                // Another dispatcher may hold these messages now; delivering them too would only add duplicates.
                LogLeaseRanOut(batch.Count - delivered - retrying - deadLettered);
                break;
            }

            switch (await DispatchAsync(message, cancellationToken).ConfigureAwait(false))
            {
                case OutboxMessageState.Delivered:
                    delivered++;
                    break;
                case OutboxMessageState.DeadLettered:
                    deadLettered++;
                    break;
                default:
                    retrying++;
                    break;
            }
        }

        return new OutboxDispatchResult(batch.Count, delivered, retrying, deadLettered);
    }

    /// <summary>Puts a message back in the outbox to be delivered again to every subscriber, e.g. a dead letter once its subscriber is fixed.</summary>
    /// <param name="eventId">The event id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>True when the message exists; it is due at once.</returns>
    public async Task<bool> ReplayAsync(Guid eventId, CancellationToken cancellationToken = default)
    {
        var found = await Store("requeue", () => _store.RequeueOutboxMessageAsync(eventId, _time.GetUtcNow(), cancellationToken)).ConfigureAwait(false);
        if (found)
        {
            LogReplayed(eventId);
        }

        return found;
    }

    /// <summary>Lists the messages given up after the configured attempts, oldest first.</summary>
    /// <param name="limit">The most to list, at least 1.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The dead letters, each with its last error.</returns>
    public Task<IReadOnlyList<OutboxMessage>> ListDeadLettersAsync(int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return _store.ListDeadLettersAsync(limit, cancellationToken);
    }

    private async Task<OutboxMessageState> DispatchAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var delivery = new ReturnEventDelivery(message.Event, message.Payload, message.Attempts + 1);
        var have = new HashSet<string>(message.DeliveredTo, StringComparer.Ordinal);

        // Keep names of subscribers no longer registered: a dispatcher with them may still share this store.
        var deliveredTo = new List<string>(message.DeliveredTo);
        List<string>? errors = null;
        TimeSpan? retryAfter = null;
        foreach (var subscriber in _subscribers)
        {
            if (have.Contains(subscriber.Name))
            {
                continue;
            }

            try
            {
                await subscriber.DeliverAsync(delivery, cancellationToken).ConfigureAwait(false);
                deliveredTo.Add(subscriber.Name);
                EventDeliveryMetrics.Delivery(subscriber.Name, delivered: true);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // A subscriber's failure, whatever it is, is recorded on the message and retried; it must not stop the others.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                var error = Describe(subscriber.Name, exception);
                (errors ??= []).Add(error);
                if (exception is EventDeliveryException { RetryAfter: { } asked } && (retryAfter is null || asked > retryAfter))
                {
                    retryAfter = asked;
                }

                EventDeliveryMetrics.Delivery(subscriber.Name, delivered: false);
                LogDeliveryFailed(exception, message.Event.Id, message.Event.Type, subscriber.Name, delivery.Attempt, error);
            }
        }

        if (errors is null)
        {
            await Store("mark delivered", () => _store.MarkOutboxDeliveredAsync(message.Sequence, cancellationToken)).ConfigureAwait(false);
            return OutboxMessageState.Delivered;
        }

        var deadLetter = message.Attempts + 1 >= _options.MaxAttempts;
        var wait = OutboxBackoff.Delay(message.Attempts, _options.InitialBackoff, _options.MaxBackoff, retryAfter);
        var failure = new OutboxFailure(Truncate(string.Join("; ", errors)), _time.GetUtcNow() + wait, deliveredTo, deadLetter);
        await Store("mark failed", () => _store.MarkOutboxFailedAsync(message.Sequence, failure, cancellationToken)).ConfigureAwait(false);
        if (deadLetter)
        {
            EventDeliveryMetrics.DeadLetters.Add(1);
            LogDeadLettered(message.Event.Id, message.Event.Type, message.Attempts + 1);
            return OutboxMessageState.DeadLettered;
        }

        return OutboxMessageState.Pending;
    }

    // Only the subscriber's own EventDeliveryException message is stored: other exceptions' messages are not written
    // for storage and may carry personal data, so the stored error names the exception type (the log has the details).
    private static string Describe(string subscriber, Exception exception) => exception switch
    {
        EventDeliveryException delivery => $"{subscriber}: {delivery.Message}",
        OperationCanceledException => $"{subscriber}: timed out ({exception.GetType().Name})",
        _ => $"{subscriber}: {exception.GetType().Name}",
    };

    private static string Truncate(string error) => error.Length <= MaxErrorLength ? error : string.Concat(error.AsSpan(0, MaxErrorLength - 1), "…");

    private async Task<T> Store<T>(string operation, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogStoreFailed(exception, operation);
            throw;
        }
    }

    private async Task Store(string operation, Func<Task> call)
    {
        try
        {
            await call().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogStoreFailed(exception, operation);
            throw;
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Event {EventId} ({EventType}) to {Subscriber} failed on attempt {Attempt}: {Error}")]
    private partial void LogDeliveryFailed(Exception exception, Guid eventId, string eventType, string subscriber, int attempt, string error);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "Event {EventId} ({EventType}) dead-lettered after {Attempts} attempts; replay it by id once the subscriber is fixed")]
    private partial void LogDeadLettered(Guid eventId, string eventType, int attempts);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "The return store failed to {Operation} outbox messages; they are delivered again after their lease")]
    private partial void LogStoreFailed(Exception exception, string operation);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "The outbox lease ran out during a pass; {Remaining} messages are left for the next lease (raise Lease or lower BatchSize)")]
    private partial void LogLeaseRanOut(int remaining);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Event {EventId} requeued for replay")]
    private partial void LogReplayed(Guid eventId);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Event delivery is enabled but no subscriber is registered; the outbox is left untouched until one is")]
    private partial void LogNoSubscribers();
}
