using Returns.Sdk;

namespace Returns.Carriers.TableRate;

/// <summary>A parcel to be rated: where it is handed in, where it goes, and its weight and size.</summary>
/// <param name="Origin">The country the parcel is handed in (for a return, the customer's).</param>
/// <param name="Destination">The country it goes to (for a return, the warehouse's).</param>
/// <param name="Weight">The actual weight of the packed parcel.</param>
/// <param name="Dimensions">
/// The outer size of the packed parcel, when known. Without it, size limits are not checked and no dimensional weight is
/// charged, so a price may be quoted for a parcel that turns out too large.
/// </param>
public readonly record struct RateQuery(CountryCode Origin, CountryCode Destination, Weight Weight, Dimensions? Dimensions = null);
