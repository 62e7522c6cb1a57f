using Returns.Sdk.Serialization;

namespace Returns.Sdk.Analytics;

/// <summary>Computes a <see cref="ReturnAnalyticsReport"/> from sold and returned lines. Pure: same lines, same report.</summary>
public sealed class ReturnAnalytics
{
    /// <summary>Creates the calculator.</summary>
    /// <param name="minimumSizeSample">Size returns (too small + too large) a SKU needs before a size verdict; default 10.</param>
    /// <param name="sizeBiasThreshold">How far from 0 the bias must be for "runs small/large", 0 to 1; default 0.3.</param>
    public ReturnAnalytics(int minimumSizeSample = 10, double sizeBiasThreshold = 0.3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumSizeSample, 1);
        if (sizeBiasThreshold is < 0 or > 1 || double.IsNaN(sizeBiasThreshold))
        {
            throw new ArgumentOutOfRangeException(nameof(sizeBiasThreshold), sizeBiasThreshold, "The threshold is between 0 and 1.");
        }

        MinimumSizeSample = minimumSizeSample;
        SizeBiasThreshold = sizeBiasThreshold;
    }

    /// <summary>Size returns needed before a verdict.</summary>
    public int MinimumSizeSample { get; }

    /// <summary>The bias beyond which a product runs small or large.</summary>
    public double SizeBiasThreshold { get; }

    /// <summary>Computes the report for the days from <paramref name="from"/> to <paramref name="to"/> inclusive; lines outside are ignored.</summary>
    /// <param name="sold">What was sold.</param>
    /// <param name="returned">What came back.</param>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentException">A line with a quantity below one, or <paramref name="to"/> before <paramref name="from"/>.</exception>
    public ReturnAnalyticsReport Compute(IEnumerable<SoldLine> sold, IEnumerable<ReturnedLine> returned, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(sold);
        ArgumentNullException.ThrowIfNull(returned);
        if (to < from)
        {
            throw new ArgumentException($"The period ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).", nameof(to));
        }

        var soldIn = sold.Where(s => s.Date >= from && s.Date <= to).ToList();
        var returnedIn = returned.Where(r => r.Date >= from && r.Date <= to).ToList();
        foreach (var s in soldIn.Where(s => s.Quantity < 1))
        {
            throw new ArgumentException($"Sold line of {s.Sku} on {s.Date:yyyy-MM-dd} has quantity {s.Quantity}; at least 1.", nameof(sold));
        }

        foreach (var r in returnedIn.Where(r => r.Quantity < 1))
        {
            throw new ArgumentException($"Returned line of {r.Sku} on {r.Date:yyyy-MM-dd} has quantity {r.Quantity}; at least 1.", nameof(returned));
        }

        var totalSold = soldIn.Sum(s => s.Quantity);
        return new ReturnAnalyticsReport
        {
            From = from,
            To = to,
            BySku = Rates(soldIn, returnedIn, s => s.Sku, r => r.Sku),
            ByCategory = Rates(soldIn, returnedIn, s => s.Category, r => r.Category),
            ByChannel = Rates(soldIn, returnedIn, s => s.Channel.ToName(), r => r.Channel.ToName()),
            ByReason = [.. returnedIn.GroupBy(r => r.ReasonCode, StringComparer.Ordinal)
                .Select(g => new ReturnRate(g.Key, totalSold, g.Sum(r => r.Quantity)))
                .OrderByDescending(r => r.UnitsReturned).ThenBy(r => r.Key, StringComparer.Ordinal)],
            SizeBias = [.. returnedIn
                .Where(r => r.ReasonCode is "too_small" or "too_large")
                .GroupBy(r => r.Sku, StringComparer.Ordinal)
                .Select(g => Bias(g.Key, g.Where(r => r.ReasonCode == "too_small").Sum(r => r.Quantity), g.Where(r => r.ReasonCode == "too_large").Sum(r => r.Quantity)))
                .OrderByDescending(b => b.TooSmall + b.TooLarge).ThenBy(b => b.Sku, StringComparer.Ordinal)],
            CostByReason = [.. returnedIn
                .GroupBy(r => (r.ReasonCode, CostCurrency: r.Cost.Currency, RefundCurrency: r.Refunded.Currency))
                .Select(g => new ReasonCost(
                    g.Key.ReasonCode,
                    g.Sum(r => r.Quantity),
                    g.Select(r => r.Refunded).Aggregate((a, b) => a + b),
                    g.Select(r => r.Cost).Aggregate((a, b) => a + b)))
                .OrderByDescending(c => c.Cost.Amount).ThenBy(c => c.ReasonCode, StringComparer.Ordinal).ThenBy(c => c.Cost.Currency.Code, StringComparer.Ordinal)],
        };
    }

    private SizeBias Bias(string sku, int small, int large)
    {
        var bias = new SizeBias(sku, small, large, SizeVerdict.NotEnoughData);
        if (small + large < MinimumSizeSample)
        {
            return bias;
        }

        var value = bias.Bias!.Value;
        return bias with
        {
            Verdict = value <= -SizeBiasThreshold ? SizeVerdict.RunsSmall : value >= SizeBiasThreshold ? SizeVerdict.RunsLarge : SizeVerdict.TrueToSize,
        };
    }

    private static ReturnRate[] Rates(List<SoldLine> sold, List<ReturnedLine> returned, Func<SoldLine, string> soldKey, Func<ReturnedLine, string> returnedKey)
    {
        var sales = sold.GroupBy(soldKey, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(s => s.Quantity), StringComparer.Ordinal);
        var returns = returned.GroupBy(returnedKey, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(r => r.Quantity), StringComparer.Ordinal);
        return [.. sales.Keys.Union(returns.Keys, StringComparer.Ordinal)
            .Select(k => new ReturnRate(k, sales.GetValueOrDefault(k), returns.GetValueOrDefault(k)))
            .OrderByDescending(r => r.Rate ?? -1).ThenByDescending(r => r.UnitsReturned).ThenBy(r => r.Key, StringComparer.Ordinal)];
    }
}
