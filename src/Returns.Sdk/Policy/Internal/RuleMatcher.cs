using System.Collections.Frozen;

namespace Returns.Sdk.Policy.Internal;

// The conditions of one rule. The category dimension is resolved ahead of time through CategoryProfile, so that
// evaluating a line costs one dictionary lookup plus a few cheap checks on the rules that can match at all.
internal sealed class RuleMatcher
{
    public static readonly RuleMatcher Any = new(null, null, 0, null, null);

    public RuleMatcher(string[]? categories, FrozenSet<string>? skus, int channelMask, string[]? tiers, string[]? countries)
    {
        Categories = categories;
        Skus = skus;
        ChannelMask = channelMask;
        Tiers = tiers;
        Countries = countries;
    }

    public string[]? Categories { get; }

    public FrozenSet<string>? Skus { get; }

    public int ChannelMask { get; }

    public string[]? Tiers { get; }

    public string[]? Countries { get; }

    public bool IsCatchAll => Categories is null && Skus is null && ChannelMask == 0 && Tiers is null && Countries is null;

    public bool MatchesBeyondCategory(Order order, OrderLine line)
    {
        if (ChannelMask != 0 && (ChannelMask & (1 << (int)order.Channel)) == 0)
        {
            return false;
        }

        if (Skus is not null && !Skus.Contains(line.Sku))
        {
            return false;
        }

        if (Tiers is not null && !ContainsIgnoreCase(Tiers, order.Customer.Tier))
        {
            return false;
        }

        return Countries is null || ContainsIgnoreCase(Countries, order.ShippingAddress?.Country.Value);
    }

    // True when every line this matcher accepts is also accepted by `earlier`, so a later rule could never win.
    public bool IsShadowedBy(RuleMatcher earlier) =>
        Covers(earlier.Categories, Categories, StringComparer.OrdinalIgnoreCase)
        && Covers(earlier.Skus?.ToArray(), Skus?.ToArray(), StringComparer.Ordinal)
        && (earlier.ChannelMask == 0 || (ChannelMask != 0 && (ChannelMask & ~earlier.ChannelMask) == 0))
        && Covers(earlier.Tiers, Tiers, StringComparer.OrdinalIgnoreCase)
        && Covers(earlier.Countries, Countries, StringComparer.OrdinalIgnoreCase);

    private static bool Covers(string[]? outer, string[]? inner, StringComparer comparer) =>
        outer is null || (inner is not null && inner.All(value => outer.Contains(value, comparer)));

    private static bool ContainsIgnoreCase(string[] values, string? value)
    {
        if (value is null)
        {
            return false;
        }

        foreach (var candidate in values)
        {
            if (string.Equals(candidate, value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

internal sealed record WindowRule(string Name, RuleMatcher When, int Days);

internal sealed record RestockingRule(string Name, RuleMatcher When, decimal Percent)
{
    public decimal Rate { get; } = Percent / 100m;
}

internal sealed record RefundRule(string Name, RuleMatcher When, RefundTypes Allowed);

internal sealed record SeasonalExtension(string Name, DateOnly PurchasedFrom, DateOnly PurchasedTo, DateOnly ReturnUntil, DateTimeOffset EndsAt);

// Per category, the indices of the rules that can match a line of that category, in declaration order.
internal sealed class CategoryProfile(bool excluded, int[] windowRules, int[] restockingRules, int[] refundRules)
{
    public bool Excluded { get; } = excluded;

    public int[] WindowRules { get; } = windowRules;

    public int[] RestockingRules { get; } = restockingRules;

    public int[] RefundRules { get; } = refundRules;
}

// The amounts a version states for one currency; null means "not set" (a method the policy does not offer, no cap).
internal sealed class CurrencyTerms(Currency currency, decimal?[] methodFees, decimal? cap, decimal? keepItMaxItemValue, decimal? keepItAssumedReturnCost)
{
    public Currency Currency { get; } = currency;

    public decimal?[] MethodFees { get; } = methodFees;

    public decimal? Cap { get; } = cap;

    public decimal? KeepItMaxItemValue { get; } = keepItMaxItemValue;

    public decimal? KeepItAssumedReturnCost { get; } = keepItAssumedReturnCost;
}
