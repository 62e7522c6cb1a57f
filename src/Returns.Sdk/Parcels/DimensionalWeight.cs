namespace Returns.Sdk.Parcels;

/// <summary>
/// Dimensional (volumetric) weight: what carriers charge a light but bulky parcel as, from its size and the
/// carrier's divisor in cm³ per kg (commonly 5000 for express and 6000 for parcel services).
/// </summary>
public static class DimensionalWeight
{
    /// <summary>
    /// The dimensional weight of a parcel: length × width × height ÷ divisor, in kg, rounded up to the gram and
    /// capped at <see cref="Weight.MaxKilograms"/> (far above any parcel service's limit, so a capped weight still
    /// fails every carrier's weight check).
    /// </summary>
    /// <param name="dimensions">The parcel's outer size.</param>
    /// <param name="divisorCm3PerKg">The carrier's divisor in cm³ per kg; above zero.</param>
    /// <returns>The dimensional weight.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The divisor is not above zero.</exception>
    public static Weight Of(Dimensions dimensions, decimal divisorCm3PerKg)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(divisorCm3PerKg);

        // Rounded up because a carrier never bills a fraction of a gram in the shipper's favour.
        var grams = decimal.Ceiling(dimensions.VolumeCubicCm * 1000m / divisorCm3PerKg);
        return Weight.FromGrams(Math.Min(grams, Weight.MaxKilograms * 1000m));
    }

    /// <summary>
    /// The weight a carrier bills: the larger of the actual weight and the dimensional weight (see
    /// <see cref="Of(Dimensions, decimal)"/>), or the actual weight when the parcel's size is unknown.
    /// </summary>
    /// <param name="parcel">The parcel.</param>
    /// <param name="divisorCm3PerKg">The carrier's divisor in cm³ per kg; above zero.</param>
    /// <returns>The billable weight, never below the actual weight.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The divisor is not above zero.</exception>
    public static Weight Billable(Parcel parcel, decimal divisorCm3PerKg)
    {
        ArgumentNullException.ThrowIfNull(parcel);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(divisorCm3PerKg);
        if (parcel.Dimensions is not { } dimensions)
        {
            return parcel.Weight;
        }

        var dimensional = Of(dimensions, divisorCm3PerKg);
        return dimensional > parcel.Weight ? dimensional : parcel.Weight;
    }
}
