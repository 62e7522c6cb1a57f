namespace Returns.Sdk.ReturnOptions;

/// <summary>
/// How much each criterion counts in the balanced ranking. Each criterion is scaled to 0 (best candidate) … 1 (worst
/// candidate) across the request's candidates, multiplied by its weight and summed; the lowest score ranks first.
/// </summary>
/// <param name="RetailerCost">Weight of the retailer's cost.</param>
/// <param name="CustomerFee">Weight of the customer's fee.</param>
/// <param name="Distance">Weight of the distance the customer travels.</param>
/// <param name="Days">Weight of the days until the return is back at the warehouse.</param>
public sealed record BalancedWeights(double RetailerCost, double CustomerFee, double Distance, double Days)
{
    /// <summary>Retailer cost 0.35, customer fee 0.35, distance 0.2, days 0.1.</summary>
    public static BalancedWeights Default { get; } = new(0.35, 0.35, 0.2, 0.1);

    internal void Validate()
    {
        double[] all = [RetailerCost, CustomerFee, Distance, Days];
        if (Array.Exists(all, w => !(w >= 0 && double.IsFinite(w))) || all.Sum() <= 0)
        {
            throw new ArgumentException("Balanced weights must be finite, not negative, and not all zero.");
        }
    }
}
