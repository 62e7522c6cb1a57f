namespace Returns.Sdk.Carriers;

/// <summary>The largest parcel a service accepts; a limit left <see langword="null"/> does not apply.</summary>
public sealed record ParcelLimits
{
    /// <summary>No limits.</summary>
    public static ParcelLimits None { get; } = new();

    /// <summary>The heaviest parcel accepted.</summary>
    public Weight? MaxWeight { get; init; }

    /// <summary>The longest side accepted, in cm.</summary>
    public decimal? MaxLengthCm { get; init; }

    /// <summary>The largest girth (twice the two shorter sides) accepted, in cm.</summary>
    public decimal? MaxGirthCm { get; init; }

    /// <summary>The largest length plus girth accepted, in cm.</summary>
    public decimal? MaxLengthPlusGirthCm { get; init; }

    /// <summary>Checks a parcel against the limits.</summary>
    /// <param name="parcel">The parcel.</param>
    /// <param name="reason">Which limit it exceeds, when it does.</param>
    /// <returns>True when the parcel fits.</returns>
    public bool Fits(Parcel parcel, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(parcel);
        reason = parcel switch
        {
            _ when MaxWeight is { } weight && parcel.Weight > weight => $"weighs {parcel.Weight}, above the {weight} limit",
            { Dimensions: { } d } when MaxLengthCm is { } length && d.Longest > length => $"its longest side {d.Longest} cm is above {length} cm",
            { Dimensions: { } d } when MaxGirthCm is { } girth && d.Girth > girth => $"its girth {d.Girth} cm is above {girth} cm",
            { Dimensions: { } d } when MaxLengthPlusGirthCm is { } lpg && d.LengthPlusGirth > lpg => $"its length plus girth {d.LengthPlusGirth} cm is above {lpg} cm",
            _ => null,
        };
        return reason is null;
    }
}
