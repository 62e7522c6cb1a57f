namespace Returns.Sdk.Refunds;

/// <summary>When the shipping the customer paid for the order is refunded as well.</summary>
[Flags]
public enum OriginalShippingRefund
{
    /// <summary>Never.</summary>
    None = 0,

    /// <summary>When, with this return, every unit of the order has come back.</summary>
    WholeOrder = 1,

    /// <summary>When the retailer is at fault (defective, not as described, wrong item, late).</summary>
    RetailerFault = 2,
}
