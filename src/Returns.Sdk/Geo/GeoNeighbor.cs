namespace Returns.Sdk.Geo;

/// <summary>An item found by a <see cref="GeoIndex{T}"/> query, with its great-circle distance from the query point.</summary>
/// <typeparam name="T">The indexed item type.</typeparam>
/// <param name="Item">The item.</param>
/// <param name="DistanceKm">
/// The great-circle distance from the query point to the item's location in kilometres, on
/// <see cref="GeoPoint.EarthRadiusKm"/>; agrees with <see cref="GeoPoint.DistanceKmTo(GeoPoint)"/> to within 1e-9 km.
/// </param>
public readonly record struct GeoNeighbor<T>(T Item, double DistanceKm);
