namespace Returns.Sdk.Refunds;

/// <summary>Units of one order line that are refunded.</summary>
public sealed record RefundItem
{
    /// <summary>Creates the item.</summary>
    /// <param name="lineId">The order line.</param>
    /// <param name="quantity">How many units; at least one.</param>
    public RefundItem(string lineId, int quantity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(lineId);
        if (quantity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity, $"Line '{lineId}': a refunded quantity must be at least 1.");
        }

        LineId = lineId;
        Quantity = quantity;
    }

    /// <summary>The order line.</summary>
    public string LineId { get; }

    /// <summary>How many units.</summary>
    public int Quantity { get; }

    /// <summary>The restocking fee the policy charges for these units; none when <see langword="null"/>.</summary>
    public Money? RestockingFee { get; init; }

    /// <summary>
    /// The share of the paid price withheld after inspection found the items in a worse state than declared
    /// (<see cref="Grading.RefundConsequence.DeductionPercent"/>), 0–100 %.
    /// </summary>
    public decimal DeductionPercent { get; init; }
}
