using System.Diagnostics.CodeAnalysis;
using Returns.Sdk.Lifecycle;

namespace Returns.Sdk.Events;

/// <summary>
/// Application code that reacts to return events in process (send an email, update an ERP). Register it with
/// <c>AddEventHandler&lt;THandler&gt;()</c>; it is resolved in a new service scope for every delivery.
/// </summary>
/// <remarks>
/// Events arrive at least once: make the handler idempotent by <see cref="ReturnEvent.Id"/>, and ignore an event whose
/// <see cref="ReturnEvent.Version"/> is older than what it already acted on for the return. A handler that throws is
/// retried with backoff; throw <see cref="EventDeliveryException"/> to say when.
/// </remarks>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "It handles return events; it is not a delegate, and 'handler' is the word application developers look for.")]
public interface IReturnEventHandler
{
    /// <summary>Handles one event.</summary>
    /// <param name="event">The event.</param>
    /// <param name="return">The return as the event left it (at <see cref="ReturnEvent.Version"/>), not necessarily as it is now.</param>
    /// <param name="cancellationToken">Cancelled when the dispatcher stops.</param>
    /// <returns>A task that completes when handled.</returns>
    Task HandleAsync(ReturnEvent @event, ReturnRequest @return, CancellationToken cancellationToken);
}
