using Returns.Sdk.Parcels.Internal;

namespace Returns.Sdk.Parcels;

/// <summary>
/// The parcel a customer will send: the box it goes in (or why no catalog box fits), what it weighs and measures,
/// which products were sized from defaults, and an explanation in plain English.
/// </summary>
public sealed record ParcelEstimate
{
    internal ParcelEstimate(Parcel parcel, ShippingBox? box, ParcelFitCode code, IReadOnlyList<string> skusSizedByDefault, string explanation, UnitPlacement[] placements)
    {
        Parcel = parcel;
        Box = box;
        Code = code;
        SkusSizedByDefault = skusSizedByDefault;
        Explanation = explanation;
        Placements = placements;
    }

    /// <summary>
    /// The parcel: the items' weight plus the box's tare, measuring the box's outer size. When no box fits, the items'
    /// weight alone and a conservative size (units stacked on their smallest side), or no size when that stack is
    /// implausibly tall.
    /// </summary>
    public Parcel Parcel { get; }

    /// <summary>The smallest catalog box the items fit in; <see langword="null"/> when none does.</summary>
    public ShippingBox? Box { get; }

    /// <summary>Whether the items fit a box, and if not, why.</summary>
    public ParcelFitCode Code { get; }

    /// <summary>The SKUs, each once and in item order, whose size or weight came from a category default or the fallback.</summary>
    public IReadOnlyList<string> SkusSizedByDefault { get; }

    /// <summary>One or two sentences: which box and why, or why none fits, and what was estimated from defaults.</summary>
    public string Explanation { get; }

    /// <summary>Where each unit sits in <see cref="Box"/> (X along its inner length, Y width, Z height); empty when no box fits.</summary>
    internal IReadOnlyList<UnitPlacement> Placements { get; }
}
