namespace Returns.Sdk.Events;

/// <summary>
/// Receives every event from the outbox, at least once: a webhook endpoint, a message bus, an in-process handler.
/// A delivery that throws is retried with backoff; the others already served are not asked again.
/// </summary>
/// <remarks>
/// Delivery is at least once and only ordered by sequence within one dispatch pass. Deduplicate by
/// <see cref="Returns.Sdk.Lifecycle.ReturnEvent.Id"/>, and ignore an event whose
/// <see cref="Returns.Sdk.Lifecycle.ReturnEvent.Version"/> is older than the newest one seen for its return.
/// </remarks>
public interface IReturnEventSubscriber
{
    /// <summary>
    /// The subscriber's stable name, unique among the registered subscribers. The outbox records who has a message by
    /// this name, so renaming a subscriber makes it receive again the messages still being retried.
    /// </summary>
    string Name { get; }

    /// <summary>Delivers one event.</summary>
    /// <param name="delivery">The event, the return as the event left it, and the attempt number.</param>
    /// <param name="cancellationToken">Cancelled when the dispatcher stops; the delivery is retried later.</param>
    /// <returns>A task that completes when the subscriber has the event.</returns>
    /// <exception cref="EventDeliveryException">The delivery failed, optionally saying when to retry. Any other exception also counts as a failure.</exception>
    Task DeliverAsync(ReturnEventDelivery delivery, CancellationToken cancellationToken);
}
