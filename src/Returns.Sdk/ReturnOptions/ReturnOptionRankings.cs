using Returns.Sdk.ReturnOptions.Internal;

namespace Returns.Sdk.ReturnOptions;

/// <summary>The built-in rankings. Write an <see cref="IReturnOptionRanking"/> for another.</summary>
public static class ReturnOptionRankings
{
    /// <summary>The name of <see cref="CheapestForRetailer"/>.</summary>
    public const string CheapestName = "cheapest";

    /// <summary>The name of <see cref="CheapestForCustomer"/>.</summary>
    public const string CheapestForCustomerName = "cheapest-for-customer";

    /// <summary>The name of <see cref="Nearest"/>.</summary>
    public const string NearestName = "nearest";

    /// <summary>The name of <see cref="Fastest"/>.</summary>
    public const string FastestName = "fastest";

    /// <summary>The name of <see cref="Balanced"/>.</summary>
    public const string BalancedName = "balanced";

    /// <summary>Lowest cost to the retailer first; then lowest customer fee, nearest, soonest back.</summary>
    public static IReturnOptionRanking CheapestForRetailer { get; } = new CriteriaRanking(CheapestName, Criterion.RetailerCost, Criterion.CustomerFee, Criterion.Distance, Criterion.Arrival);

    /// <summary>Lowest fee for the customer first; then lowest cost to the retailer, nearest, soonest back.</summary>
    public static IReturnOptionRanking CheapestForCustomer { get; } = new CriteriaRanking(CheapestForCustomerName, Criterion.CustomerFee, Criterion.RetailerCost, Criterion.Distance, Criterion.Arrival);

    /// <summary>Least travel for the customer first (a home pickup travels 0 km); then lowest customer fee and retailer cost.</summary>
    public static IReturnOptionRanking Nearest { get; } = new CriteriaRanking(NearestName, Criterion.Distance, Criterion.CustomerFee, Criterion.RetailerCost, Criterion.Arrival);

    /// <summary>Soonest back at the warehouse first (back to stock sooner); then lowest retailer cost and customer fee.</summary>
    public static IReturnOptionRanking Fastest { get; } = new CriteriaRanking(FastestName, Criterion.Arrival, Criterion.RetailerCost, Criterion.CustomerFee, Criterion.Distance);

    /// <summary>A weighted score of retailer cost, customer fee, distance and days with <see cref="BalancedWeights.Default"/>.</summary>
    public static IReturnOptionRanking Balanced { get; } = new BalancedRanking(BalancedName, BalancedWeights.Default);

    /// <summary>Every built-in ranking.</summary>
    public static IReadOnlyList<IReturnOptionRanking> All { get; } = [CheapestForRetailer, CheapestForCustomer, Nearest, Fastest, Balanced];

    /// <summary>A balanced ranking with other weights.</summary>
    /// <param name="weights">The weights; finite, not negative, not all zero.</param>
    /// <param name="name">Its name.</param>
    /// <returns>The ranking.</returns>
    /// <exception cref="ArgumentException">The weights are invalid.</exception>
    public static IReturnOptionRanking BalancedWith(BalancedWeights weights, string name = BalancedName)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        weights.Validate();
        return new BalancedRanking(name, weights);
    }

    /// <summary>Finds a built-in ranking by name, case-insensitively.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The ranking, or <see langword="null"/> when there is none by that name.</returns>
    public static IReturnOptionRanking? Find(string name) =>
        All.FirstOrDefault(r => string.Equals(r.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
