using Returns.Sdk.Lifecycle;
using Returns.Sdk.Refunds;

namespace Returns.Sdk.StoreReturns;

/// <summary>A web order's items handed in at a store, as the associate scanned and inspected them.</summary>
/// <param name="OrderNumber">The order.</param>
/// <param name="StoreId">The store.</param>
/// <param name="AssociateId">The associate processing it.</param>
/// <param name="Items">The items scanned.</param>
public sealed record StoreReturnRequest(string OrderNumber, string StoreId, string AssociateId, IReadOnlyList<StoreReturnItem> Items)
{
    /// <summary>The return the customer created in the portal, when they showed its QR code; a new return otherwise.</summary>
    public RmaNumber? Rma { get; init; }

    /// <summary>How the customer is paid back.</summary>
    public RefundTypes Resolution { get; init; } = RefundTypes.OriginalPayment;

    /// <summary>What the customer takes in exchange, for <see cref="RefundTypes.Exchange"/>.</summary>
    public IReadOnlyList<ExchangeItem> ExchangeItems { get; init; } = [];

    /// <summary>Anything else the customer bought during the visit (an upsell), for the store's record.</summary>
    public IReadOnlyList<StoreSale> Upsells { get; init; } = [];
}

/// <summary>One scanned item and what the associate found.</summary>
/// <param name="Sku">The scanned SKU.</param>
/// <param name="Quantity">Units with this SKU and condition.</param>
/// <param name="ReasonCode">The customer's reason.</param>
/// <param name="Condition">The condition the associate found.</param>
public sealed record StoreReturnItem(string Sku, int Quantity, string ReasonCode, DeclaredCondition Condition)
{
    /// <summary>The order line, when the SKU appears on several lines.</summary>
    public string? LineId { get; init; }

    /// <summary>Parts or accessories are missing.</summary>
    public bool MissingParts { get; init; }

    /// <summary>The item is not the one sold.</summary>
    public bool ItemSwapped { get; init; }
}

/// <summary>What a store lookup found.</summary>
/// <param name="Orders">The matching orders, newest first.</param>
/// <param name="Return">The return, when the query was a portal QR code or RMA number.</param>
public sealed record StoreOrderLookup(IReadOnlyList<Order> Orders, ReturnRequest? Return);

/// <summary>What one scanned item came to.</summary>
/// <param name="LineId">The order line.</param>
/// <param name="Sku">The SKU.</param>
/// <param name="Quantity">Units.</param>
/// <param name="Grade">The inspected grade.</param>
/// <param name="Disposition">Where the items go.</param>
/// <param name="SiteId">The store (kept in its stock) or warehouse (sent on) carrying out the disposition.</param>
/// <param name="KeptInStore">True when the store keeps the items in its own stock.</param>
/// <param name="DeductionPercent">The share of the refund withheld because of the condition.</param>
/// <param name="Explanation">Why, in words an associate can read to the customer.</param>
public sealed record StoreReturnLine(string LineId, string Sku, int Quantity, Grading.ConditionGrade Grade, Grading.Disposition? Disposition, string SiteId, bool KeptInStore, decimal DeductionPercent, string Explanation);

/// <summary>The result of a store return: what to tell the customer and what the store keeps.</summary>
/// <param name="Return">The return as stored.</param>
/// <param name="Lines">Each item's grade and destination.</param>
public sealed record StoreReturnReceipt(ReturnRequest Return, IReadOnlyList<StoreReturnLine> Lines)
{
    /// <summary>The refunds (one per order), paid through the e-commerce platform to the original tenders.</summary>
    public IReadOnlyList<RefundRecord> Refunds => Return.Refunds;

    /// <summary>What the customer still pays at the till for an exchange worth more than the return; zero otherwise.</summary>
    public Money? AmountDue => Return.Refunds.Count == 0 ? null : Return.Refunds.Select(r => r.Calculation.AmountDue).Aggregate((a, b) => a + b);
}
