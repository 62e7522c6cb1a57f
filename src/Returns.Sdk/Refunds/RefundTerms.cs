namespace Returns.Sdk.Refunds;

/// <summary>The refund rules of a policy version as they apply to one customer's return.</summary>
public sealed record RefundTerms
{
    /// <summary>The terms of a policy that says nothing about refunds.</summary>
    public static RefundTerms Default { get; } = new();

    /// <summary>When the refund is paid.</summary>
    public RefundTiming Timing { get; init; } = RefundTiming.AfterInspection;

    /// <summary>True when this customer is trusted to be refunded as soon as the return is authorized.</summary>
    public bool Instant { get; init; }

    /// <summary>When the order's shipping is refunded too.</summary>
    public OriginalShippingRefund OriginalShipping { get; init; }

    /// <summary>The order in which original tenders are refunded.</summary>
    public IReadOnlyList<TenderKind> TenderOrder { get; init; } = RefundCalculator.DefaultTenderOrder;

    /// <summary>The resolution offered first when several are allowed, or <see cref="RefundTypes.None"/>.</summary>
    public RefundTypes Preferred { get; init; }
}
