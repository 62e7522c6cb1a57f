namespace Returns.Sdk.Refunds.Internal;

// Integer arithmetic in a currency's minor units (cents), held in decimals so that no amount overflows.
internal readonly struct MinorUnits(Currency currency)
{
    private readonly decimal _scale = Pow10(currency.MinorUnits);

    public decimal ToMinor(Money money) => decimal.Round(money.Amount * _scale, 0, MidpointRounding.AwayFromZero);

    public Money ToMoney(decimal minor) => new(minor / _scale, currency);

    // The first `units` of `count` equal shares of `total`, the remainder going one minor unit each to the first units.
    public static decimal Cumulative(decimal total, int count, int units)
    {
        var share = decimal.Floor(total / count);
        var remainder = total - (share * count);
        return (share * units) + Math.Min(units, remainder);
    }

    // Splits `total` by `weights` (largest remainder; ties go to the earlier weight), so the parts add up to `total`.
    public static decimal[] Allocate(decimal total, IReadOnlyList<decimal> weights)
    {
        var parts = new decimal[weights.Count];
        var weightSum = weights.Sum();
        if (total == 0m || weightSum == 0m)
        {
            return parts;
        }

        var remainders = new (decimal Remainder, int Index)[weights.Count];
        var given = 0m;
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = total * weights[i] / weightSum;
            parts[i] = decimal.Floor(exact);
            given += parts[i];
            remainders[i] = (exact - parts[i], i);
        }

        // Decimal division may round an exact quotient up across an integer; take such surplus back from the largest parts.
        for (var i = 0; given > total; i = (i + 1) % parts.Length)
        {
            if (parts[i] > 0m)
            {
                parts[i]--;
                given--;
            }
        }

        foreach (var (_, index) in remainders.OrderByDescending(r => r.Remainder).ThenBy(r => r.Index).Take((int)(total - given)))
        {
            parts[index]++;
        }

        return parts;
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10m;
        }

        return result;
    }
}
