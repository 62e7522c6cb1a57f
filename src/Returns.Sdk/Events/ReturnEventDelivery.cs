using Returns.Sdk.Lifecycle;

namespace Returns.Sdk.Events;

/// <summary>One attempt to hand an event to a subscriber.</summary>
public sealed class ReturnEventDelivery
{
    private readonly Lazy<ReturnRequest> _return;

    /// <summary>Creates a delivery.</summary>
    /// <param name="event">The event.</param>
    /// <param name="payload">The return as the event left it, as a <see cref="ReturnDocument"/> JSON document.</param>
    /// <param name="attempt">The attempt number, 1 for the first.</param>
    public ReturnEventDelivery(ReturnEvent @event, string payload, int attempt)
    {
        ArgumentNullException.ThrowIfNull(@event);
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        Event = @event;
        Payload = payload;
        Attempt = attempt;

        // Subscribers that forward the JSON (webhooks) never need the parsed return; parse once, on first use.
        _return = new Lazy<ReturnRequest>(() => ReturnDocument.Parse(payload, $"outbox event {@event.Id}"));
    }

    /// <summary>The event.</summary>
    public ReturnEvent Event { get; }

    /// <summary>The return at <see cref="ReturnEvent.Version"/>, as a <see cref="ReturnDocument"/> JSON document.</summary>
    public string Payload { get; }

    /// <summary>The attempt number, 1 for the first; counts the failed attempts of every subscriber together.</summary>
    public int Attempt { get; }

    /// <summary>The return at <see cref="ReturnEvent.Version"/>, parsed from <see cref="Payload"/> on first use.</summary>
    /// <exception cref="ReturnsValidationException">The payload is not a valid return document.</exception>
    public ReturnRequest Return => _return.Value;
}
