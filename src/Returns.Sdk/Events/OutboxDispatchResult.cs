namespace Returns.Sdk.Events;

/// <summary>What one dispatch pass did.</summary>
/// <param name="Leased">Messages taken from the outbox.</param>
/// <param name="Delivered">Messages every subscriber now has.</param>
/// <param name="Retrying">Messages that failed for some subscriber and are due again later.</param>
/// <param name="DeadLettered">Messages that failed for the last allowed time.</param>
/// <remarks>Leased messages not counted elsewhere were left for the next lease, because the pass stopped when its lease ran out.</remarks>
public sealed record OutboxDispatchResult(int Leased, int Delivered, int Retrying, int DeadLettered)
{
    /// <summary>A pass that found nothing to do.</summary>
    public static OutboxDispatchResult Nothing { get; } = new(0, 0, 0, 0);
}
