namespace Returns.Sdk.Parcels;

/// <summary>Whether the items fit a catalog box, and if not, why. Codes are stable.</summary>
public enum ParcelFitCode
{
    /// <summary>The items fit a catalog box; the estimate names it.</summary>
    Boxed,

    /// <summary>The items weigh more than any box large enough for them takes.</summary>
    TooHeavy,

    /// <summary>An item is too long for every box, the items take more room than the largest box, or no arrangement was found.</summary>
    TooLarge,

    /// <summary>More units than parcel sizing packs (<see cref="ParcelEstimator.MaxUnits"/>).</summary>
    TooManyUnits,
}
