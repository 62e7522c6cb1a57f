namespace Returns.Sdk.Lifecycle;

/// <summary>
/// Something that happened to a return, written in the same transaction as the change and delivered at least once
/// from the outbox. Subscribers deduplicate by <see cref="Id"/>.
/// </summary>
/// <param name="Id">Unique per event; also the webhook delivery id.</param>
/// <param name="Type">One of <see cref="ReturnEventTypes"/>, e.g. <c>return.authorized</c>.</param>
/// <param name="Rma">The return.</param>
/// <param name="Version">The return's version the event describes.</param>
/// <param name="OccurredAt">When it happened.</param>
public sealed record ReturnEvent(Guid Id, string Type, RmaNumber Rma, long Version, DateTimeOffset OccurredAt);

/// <summary>The event types the SDK emits; dotted lower-case names, stable across versions.</summary>
public static class ReturnEventTypes
{
    /// <summary>A return was requested.</summary>
    public const string Created = "return.created";

    /// <summary>A return was authorized.</summary>
    public const string Authorized = "return.authorized";

    /// <summary>A return was rejected.</summary>
    public const string Rejected = "return.rejected";

    /// <summary>A label, QR code or mailed label was issued.</summary>
    public const string LabelIssued = "return.label_issued";

    /// <summary>The carrier has the parcel.</summary>
    public const string InTransit = "return.in_transit";

    /// <summary>The expected arrival moved.</summary>
    public const string ArrivalUpdated = "return.arrival_updated";

    /// <summary>The items arrived at a warehouse or store.</summary>
    public const string Received = "return.received";

    /// <summary>The items were inspected.</summary>
    public const string Inspected = "return.inspected";

    /// <summary>Money went back to the customer.</summary>
    public const string Refunded = "return.refunded";

    /// <summary>Replacement items were sent.</summary>
    public const string Exchanged = "return.exchanged";

    /// <summary>Store credit was issued.</summary>
    public const string Credited = "return.credited";

    /// <summary>The return is closed.</summary>
    public const string Closed = "return.closed";

    /// <summary>The return was cancelled.</summary>
    public const string Cancelled = "return.cancelled";

    /// <summary>The authorization expired.</summary>
    public const string Expired = "return.expired";

    /// <summary>A refund was calculated and recorded, before the payment platform is called.</summary>
    public const string RefundRecorded = "return.refund_recorded";

    /// <summary>The payment platform confirmed a refund.</summary>
    public const string RefundSucceeded = "return.refund_succeeded";

    /// <summary>The payment platform refused a refund for good.</summary>
    public const string RefundFailed = "return.refund_failed";
}
