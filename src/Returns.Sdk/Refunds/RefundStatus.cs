namespace Returns.Sdk.Refunds;

/// <summary>Where a refund stands.</summary>
public enum RefundStatus
{
    /// <summary>Calculated and recorded; the payment platform has not confirmed it yet (a call may be in flight or be retried).</summary>
    Pending,

    /// <summary>The payment platform confirmed the refund.</summary>
    Succeeded,

    /// <summary>The payment platform refused it for good; a person must look at it and retry.</summary>
    Failed,
}

/// <summary>What prompted a refund.</summary>
public enum RefundTrigger
{
    /// <summary>The return was authorized (instant refunds for trusted customers).</summary>
    Authorized,

    /// <summary>The carrier scanned the parcel for the first time.</summary>
    FirstScan,

    /// <summary>The items arrived at a warehouse or store.</summary>
    Received,

    /// <summary>The items were inspected.</summary>
    Inspected,

    /// <summary>A person decided to refund now, whatever the policy's timing.</summary>
    Manual,
}
