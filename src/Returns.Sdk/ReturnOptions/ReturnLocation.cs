using Returns.Sdk.Carriers;

namespace Returns.Sdk.ReturnOptions;

/// <summary>A place near the customer where an option's parcel can be handed over, as seen at the time of the query.</summary>
/// <param name="Point">The post office, locker, pickup point, mailbox or store.</param>
/// <param name="DistanceKm">Great-circle distance from the customer, in kilometres.</param>
public sealed record ReturnLocation(DropOffPoint Point, double DistanceKm)
{
    /// <summary>Whether it is open at the time of the query; <see langword="null"/> when its hours are unknown.</summary>
    public bool? OpenNow { get; init; }

    /// <summary>When it next opens, when it is closed at the time of the query and its hours are known.</summary>
    public DateTimeOffset? NextOpening { get; init; }
}
