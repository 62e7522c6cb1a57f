using System.Diagnostics.Metrics;

namespace Returns.Sdk.Events.Internal;

internal static class EventDeliveryMetrics
{
    public static readonly Counter<long> Deliveries = ReturnsDiagnostics.Meter.CreateCounter<long>(
        "returns.events.deliveries", description: "Attempts to hand an event to a subscriber, by subscriber and outcome (delivered, failed).");

    public static readonly Counter<long> DeadLetters = ReturnsDiagnostics.Meter.CreateCounter<long>(
        "returns.events.dead_letters", description: "Outbox messages given up after the configured attempts.");

    public static void Delivery(string subscriber, bool delivered) =>
        Deliveries.Add(1, new KeyValuePair<string, object?>("subscriber", subscriber), new KeyValuePair<string, object?>("outcome", delivered ? "delivered" : "failed"));
}
