namespace Returns.Sdk.Refunds;

/// <summary>
/// One refund of one order's items in a return, kept with the return. It is written before the payment platform is
/// called, so that a crash or a retry resumes the same refund (same <see cref="GatewayKey"/>) instead of paying twice.
/// </summary>
public sealed record RefundRecord
{
    /// <summary>Creates the record.</summary>
    /// <param name="refundId">The refund's id, unique across returns, e.g. <c>RMA-…-R1</c>.</param>
    /// <param name="orderNumber">The order refunded.</param>
    /// <param name="calculation">The amounts.</param>
    /// <param name="trigger">What prompted it.</param>
    /// <param name="requestedAt">When it was recorded.</param>
    public RefundRecord(string refundId, string orderNumber, RefundCalculation calculation, RefundTrigger trigger, DateTimeOffset requestedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(refundId);
        ArgumentException.ThrowIfNullOrWhiteSpace(orderNumber);
        ArgumentNullException.ThrowIfNull(calculation);
        RefundId = refundId;
        OrderNumber = orderNumber;
        Calculation = calculation;
        Trigger = trigger;
        RequestedAt = requestedAt;
    }

    /// <summary>The refund's id.</summary>
    public string RefundId { get; }

    /// <summary>The order refunded.</summary>
    public string OrderNumber { get; }

    /// <summary>The amounts, per line and per tender.</summary>
    public RefundCalculation Calculation { get; }

    /// <summary>What prompted it.</summary>
    public RefundTrigger Trigger { get; }

    /// <summary>When it was recorded.</summary>
    public DateTimeOffset RequestedAt { get; }

    /// <summary>Where it stands.</summary>
    public RefundStatus Status { get; init; } = RefundStatus.Pending;

    /// <summary>Which attempt this is; a failed refund retried by a person gets a new attempt and a new gateway key.</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>How many times the payment platform was called for this attempt.</summary>
    public int Calls { get; init; }

    /// <summary>The idempotency key the payment platform receives: the same for every call of one attempt.</summary>
    public string GatewayKey => $"{RefundId}-A{Attempt}";

    /// <summary>The sales channel the refund is booked against: the channel that sold the items.</summary>
    public SalesChannel BookedTo { get; init; }

    /// <summary>The store that handled the return, when it came back through a store.</summary>
    public string? HandledAtStoreId { get; init; }

    /// <summary>The payment platform's reference for the refund, once confirmed.</summary>
    public string? GatewayReference { get; init; }

    /// <summary>When the payment platform confirmed or refused it.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>The platform's error code from the last failed call, if any.</summary>
    public string? LastError { get; init; }
}
