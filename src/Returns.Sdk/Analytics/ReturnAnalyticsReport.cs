namespace Returns.Sdk.Analytics;

/// <summary>Units sold and returned for one key (a SKU, a category, a reason or a channel) over the period.</summary>
/// <param name="Key">The SKU, category, reason code or channel name.</param>
/// <param name="UnitsSold">Units sold in the period (for a reason: all units sold).</param>
/// <param name="UnitsReturned">Units returned in the period.</param>
public sealed record ReturnRate(string Key, int UnitsSold, int UnitsReturned)
{
    /// <summary>Returned ÷ sold; <see langword="null"/> when nothing was sold in the period (a rate would be meaningless, not zero).</summary>
    public double? Rate => UnitsSold == 0 ? null : (double)UnitsReturned / UnitsSold;
}

/// <summary>Whether customers find a product too small or too large.</summary>
public enum SizeVerdict
{
    /// <summary>Fewer size returns than the minimum sample: no verdict.</summary>
    NotEnoughData,

    /// <summary>Neither side dominates.</summary>
    TrueToSize,

    /// <summary>Mostly "too small": the product runs small.</summary>
    RunsSmall,

    /// <summary>Mostly "too large": the product runs large.</summary>
    RunsLarge,
}

/// <summary>A product's size bias: (too large − too small) ÷ (too large + too small), from −1 (always too small) to +1.</summary>
/// <param name="Sku">The product.</param>
/// <param name="TooSmall">Units returned as too small.</param>
/// <param name="TooLarge">Units returned as too large.</param>
/// <param name="Verdict">The verdict, given only from the minimum sample on.</param>
public sealed record SizeBias(string Sku, int TooSmall, int TooLarge, SizeVerdict Verdict)
{
    /// <summary>The bias; <see langword="null"/> without size returns.</summary>
    public double? Bias => TooSmall + TooLarge == 0 ? null : (double)(TooLarge - TooSmall) / (TooLarge + TooSmall);
}

/// <summary>What returns for one reason cost in one currency.</summary>
/// <param name="ReasonCode">The reason.</param>
/// <param name="Units">Units returned for it.</param>
/// <param name="Refunded">Paid back.</param>
/// <param name="Cost">The retailer's cost of handling them.</param>
public sealed record ReasonCost(string ReasonCode, int Units, Money Refunded, Money Cost);

/// <summary>Return rates, top reasons, size bias and cost per reason over a period: the figures a retailer exports to its own business intelligence.</summary>
public sealed record ReturnAnalyticsReport
{
    /// <summary>The first day counted.</summary>
    public required DateOnly From { get; init; }

    /// <summary>The last day counted.</summary>
    public required DateOnly To { get; init; }

    /// <summary>Per SKU, highest rate first (SKUs without sales last).</summary>
    public required IReadOnlyList<ReturnRate> BySku { get; init; }

    /// <summary>Per category, highest rate first.</summary>
    public required IReadOnlyList<ReturnRate> ByCategory { get; init; }

    /// <summary>Per reason: units returned for it against all units sold, most returned first (the top reasons).</summary>
    public required IReadOnlyList<ReturnRate> ByReason { get; init; }

    /// <summary>Per sales channel, highest rate first.</summary>
    public required IReadOnlyList<ReturnRate> ByChannel { get; init; }

    /// <summary>Per SKU with size returns, most size returns first.</summary>
    public required IReadOnlyList<SizeBias> SizeBias { get; init; }

    /// <summary>Per reason and currency, costliest first; currencies are never mixed.</summary>
    public required IReadOnlyList<ReasonCost> CostByReason { get; init; }
}
