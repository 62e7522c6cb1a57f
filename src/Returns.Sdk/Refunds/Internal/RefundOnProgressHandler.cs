using Microsoft.Extensions.Options;
using Returns.Sdk.Events;
using Returns.Sdk.Lifecycle;

namespace Returns.Sdk.Refunds.Internal;

// Refunds when a lifecycle event brings a return to the policy's timing. A transient gateway failure propagates so the
// dispatcher retries the event; a refund the policy does not allow yet is simply not due.
internal sealed class RefundOnProgressHandler(RefundOrchestrator orchestrator, IOptions<RefundOptions> options) : IReturnEventHandler
{
    public static readonly string[] EventTypes = [ReturnEventTypes.Authorized, ReturnEventTypes.InTransit, ReturnEventTypes.Received, ReturnEventTypes.Inspected];

    public async Task HandleAsync(ReturnEvent @event, ReturnRequest @return, CancellationToken cancellationToken)
    {
        if (!options.Value.RefundOnLifecycleEvents)
        {
            return;
        }

        try
        {
            await orchestrator.RefundAsync(@event.Rma, ReturnActor.System, cancellationToken).ConfigureAwait(false);
        }
        catch (RefundNotAllowedException)
        {
            // Cancelled or rejected since the event was written: nothing to refund.
        }
        catch (RefundGatewayException ex) when (!ex.IsTransient)
        {
            // Recorded as failed on the return, with its own event; retrying the same key would fail the same way.
        }
    }
}
