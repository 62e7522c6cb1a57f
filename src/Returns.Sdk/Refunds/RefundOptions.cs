namespace Returns.Sdk.Refunds;

/// <summary>How refunds are orchestrated.</summary>
public sealed class RefundOptions
{
    /// <summary>
    /// How long one caller holds a refund while it talks to the payment platform. After a crash another caller takes
    /// the refund over once the lease ends, and resumes it with the same key. Default 2 minutes.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a caller waits for another caller's refund of the same return before giving up. Default 30 seconds.</summary>
    public TimeSpan KeyWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The reason codes the returns use, to tell whose fault a return is.</summary>
    public ReturnReasonTaxonomy Reasons { get; set; } = ReturnReasonTaxonomy.Standard;

    /// <summary>
    /// True (the default) to refund automatically from lifecycle events (authorized, in transit, received, inspected)
    /// when the policy's timing is reached; requires event delivery (<c>AddEventDelivery</c>).
    /// </summary>
    public bool RefundOnLifecycleEvents { get; set; } = true;
}
