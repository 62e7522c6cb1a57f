namespace Returns.Sdk.Refunds;

/// <summary>
/// What earlier refunds of an order already paid back. The calculator refunds the difference between the cumulative
/// value of everything returned so far and what was refunded before, so that repeated partial returns never pay back
/// more than the order cost and the last unit takes the remainder cent.
/// </summary>
public sealed record RefundHistory
{
    /// <summary>No earlier refund.</summary>
    public static RefundHistory None { get; } = new();

    /// <summary>Units already refunded, by order line id.</summary>
    public IReadOnlyDictionary<string, int> RefundedQuantities { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>Original shipping already refunded, when any.</summary>
    public Money? ShippingRefunded { get; init; }

    /// <summary>What earlier refunds paid to each original tender.</summary>
    public IReadOnlyList<TenderRefund> TenderRefunds { get; init; } = [];

    /// <summary>The history after one more refund.</summary>
    /// <param name="refund">A refund calculated against this history.</param>
    /// <returns>The combined history.</returns>
    public RefundHistory Add(RefundCalculation refund)
    {
        ArgumentNullException.ThrowIfNull(refund);
        var quantities = new Dictionary<string, int>(RefundedQuantities, StringComparer.Ordinal);
        foreach (var line in refund.Lines)
        {
            quantities[line.LineId] = quantities.GetValueOrDefault(line.LineId) + line.Quantity;
        }

        var shipping = ShippingRefunded is { } before ? before + refund.Shipping : refund.Shipping;
        return new RefundHistory
        {
            RefundedQuantities = quantities,
            ShippingRefunded = shipping.IsZero ? ShippingRefunded : shipping,
            TenderRefunds = [.. TenderRefunds, .. refund.Tenders.Where(t => t.Reference is not null || t.Kind != TenderKind.StoreCredit)],
        };
    }
}
