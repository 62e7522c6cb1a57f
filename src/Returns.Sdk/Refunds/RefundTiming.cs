namespace Returns.Sdk.Refunds;

/// <summary>The moment in a return's journey at which the refund is paid.</summary>
public enum RefundTiming
{
    /// <summary>When the carrier first scans the parcel (the customer has handed it over).</summary>
    AtFirstScan,

    /// <summary>When the items arrive at the warehouse or are handed in at a store.</summary>
    AtReceipt,

    /// <summary>When the items have been inspected (the default: the condition is known before money moves).</summary>
    AfterInspection,
}
