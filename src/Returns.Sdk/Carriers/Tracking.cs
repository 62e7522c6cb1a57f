namespace Returns.Sdk.Carriers;

/// <summary>Where a return parcel is, normalised across carriers.</summary>
public enum TrackingStatus
{
    /// <summary>The label exists; the parcel has not been handed over.</summary>
    LabelCreated,

    /// <summary>Handed over at a drop-off point, store or locker, or collected.</summary>
    HandedOver,

    /// <summary>Moving through the carrier's network.</summary>
    InTransit,

    /// <summary>Out for delivery to the warehouse.</summary>
    OutForDelivery,

    /// <summary>Delivered to the warehouse.</summary>
    Delivered,

    /// <summary>A problem the carrier reports (damaged, address issue, held).</summary>
    Exception,

    /// <summary>Cancelled before hand-over.</summary>
    Cancelled,

    /// <summary>Sent back to the customer.</summary>
    ReturnedToSender,
}

/// <summary>One tracking event.</summary>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Status">The normalised status after the event.</param>
/// <param name="Description">The carrier's description.</param>
public sealed record TrackingEvent(DateTimeOffset OccurredAt, TrackingStatus Status, string Description)
{
    /// <summary>The carrier's own event code.</summary>
    public string? CarrierCode { get; init; }

    /// <summary>Where it happened, in the carrier's words.</summary>
    public string? Location { get; init; }
}

/// <summary>What a carrier knows about a parcel.</summary>
/// <param name="TrackingNumber">The tracking number.</param>
/// <param name="Status">The latest normalised status.</param>
/// <param name="Events">Every event, oldest first.</param>
public sealed record TrackingResult(string TrackingNumber, TrackingStatus Status, IReadOnlyList<TrackingEvent> Events)
{
    /// <summary>When the carrier expects delivery at the warehouse.</summary>
    public DateTimeOffset? EstimatedDelivery { get; init; }
}

/// <summary>Asks for a collection at the customer's address.</summary>
/// <param name="Shipment">The shipment to collect.</param>
/// <param name="Address">Where to collect.</param>
/// <param name="Date">The day.</param>
public sealed record PickupRequest(ReturnShipment Shipment, Address Address, DateOnly Date)
{
    /// <summary>The earliest local time, when the customer has a preference.</summary>
    public TimeOnly? ReadyFrom { get; init; }

    /// <summary>The latest local time.</summary>
    public TimeOnly? ReadyUntil { get; init; }

    /// <summary>The customer's phone number.</summary>
    public string? ContactPhone { get; init; }
}

/// <summary>A scheduled collection.</summary>
/// <param name="ConfirmationNumber">The carrier's confirmation number.</param>
/// <param name="Date">The day of the collection.</param>
public sealed record PickupConfirmation(string ConfirmationNumber, DateOnly Date)
{
    /// <summary>The start of the collection window.</summary>
    public TimeOnly? WindowStart { get; init; }

    /// <summary>The end of the collection window.</summary>
    public TimeOnly? WindowEnd { get; init; }
}
