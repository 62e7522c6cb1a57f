using System.Collections.Frozen;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace Returns.Sdk.Carriers;

/// <summary>
/// Where a service collects returns from: whole countries, a region drawn as polygons, or both (then a place must be in
/// one of the countries and inside the region).
/// </summary>
/// <remarks>
/// Polygons are in WGS84 with X = longitude and Y = latitude in degrees, edges straight in those coordinates as in
/// GeoJSON (RFC 7946); a region crossing the antimeridian is given as a multipolygon split at ±180°. A place on the
/// boundary is covered.
/// </remarks>
public sealed class ServiceArea
{
    private readonly FrozenSet<string>? _countries;
    private readonly IPreparedGeometry? _region;

    private ServiceArea(FrozenSet<string>? countries, Geometry? region)
    {
        _countries = countries;
        Region = region;
        _region = region is null ? null : PreparedGeometryFactory.Prepare(region);
    }

    /// <summary>Everywhere.</summary>
    public static ServiceArea Worldwide { get; } = new(null, null);

    /// <summary>The countries covered, or <see langword="null"/> when not limited by country.</summary>
    public IReadOnlyCollection<string>? Countries => _countries;

    /// <summary>The region covered, or <see langword="null"/> when not limited to a region.</summary>
    public Geometry? Region { get; }

    /// <summary>A service area of whole countries.</summary>
    /// <param name="countries">At least one country.</param>
    /// <returns>The area.</returns>
    /// <exception cref="ArgumentException">No country given.</exception>
    public static ServiceArea OfCountries(params IEnumerable<CountryCode> countries)
    {
        ArgumentNullException.ThrowIfNull(countries);
        var set = countries.Select(c => c.Value).ToFrozenSet(StringComparer.Ordinal);
        return set.Count == 0 ? throw new ArgumentException("A service area needs at least one country.", nameof(countries)) : new ServiceArea(set, null);
    }

    /// <summary>A service area drawn as one or more polygons.</summary>
    /// <param name="region">A valid <see cref="Polygon"/> or <see cref="MultiPolygon"/> in longitude/latitude degrees.</param>
    /// <returns>The area.</returns>
    /// <exception cref="ArgumentException">The geometry is not polygonal, is empty, invalid, or outside ±180°/±90°.</exception>
    public static ServiceArea OfRegion(Geometry region)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (region is not (Polygon or MultiPolygon) || region.IsEmpty)
        {
            throw new ArgumentException($"A service region is a non-empty Polygon or MultiPolygon; got {(region.IsEmpty ? "an empty " : string.Empty)}{region.GeometryType}.", nameof(region));
        }

        var bounds = region.EnvelopeInternal;
        if (bounds.MinX < -180 || bounds.MaxX > 180 || bounds.MinY < -90 || bounds.MaxY > 90)
        {
            throw new ArgumentException($"A service region is in longitude/latitude degrees (X within ±180, Y within ±90); its bounds are {bounds}. Split a region crossing the antimeridian at ±180°.", nameof(region));
        }

        if (!region.IsValid)
        {
            throw new ArgumentException("The service region is not a valid polygon (a ring crosses itself or a hole lies outside its shell).", nameof(region));
        }

        return new ServiceArea(null, (Geometry)region.Copy());
    }

    /// <summary>This area limited to a region as well: a place must be in one of its countries and inside the region.</summary>
    /// <param name="region">A polygon or multipolygon, as for <see cref="OfRegion"/>.</param>
    /// <returns>The narrower area.</returns>
    public ServiceArea WithinRegion(Geometry region) => new(_countries, OfRegion(region).Region);

    /// <summary>True when the area covers an address. A region needs the address's coordinates; without them it is not covered.</summary>
    /// <param name="address">The address.</param>
    /// <returns>Whether a return can start there.</returns>
    public bool Covers(Address address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return Covers(address, address.Coordinates);
    }

    /// <summary>True when the area covers an address at a known position (e.g. geocoded from its postcode).</summary>
    /// <param name="address">The address, for its country.</param>
    /// <param name="location">Where it is, for a region; <see langword="null"/> when unknown.</param>
    /// <returns>Whether a return can start there.</returns>
    public bool Covers(Address address, GeoPoint? location)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (_countries is not null && !_countries.Contains(address.Country.Value))
        {
            return false;
        }

        return _region is null || (location is { } at && _region.Covers(Point(at)));
    }

    private static Point Point(GeoPoint at) => new(at.Longitude, at.Latitude);
}
