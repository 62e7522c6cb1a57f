using System.Globalization;

namespace Returns.Sdk;

/// <summary>A WGS84 position in decimal degrees.</summary>
public readonly record struct GeoPoint
{
    /// <summary>The mean Earth radius (IUGG) used for great-circle distances, in kilometres.</summary>
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>Creates a position.</summary>
    /// <param name="latitude">Degrees north, -90 to 90.</param>
    /// <param name="longitude">Degrees east, -180 to 180.</param>
    /// <exception cref="ArgumentOutOfRangeException">A coordinate is out of range or not a number.</exception>
    public GeoPoint(double latitude, double longitude)
    {
        if (!(latitude >= -90d && latitude <= 90d))
        {
            throw new ArgumentOutOfRangeException(nameof(latitude), latitude, "Latitude must be between -90 and 90 degrees.");
        }

        if (!(longitude >= -180d && longitude <= 180d))
        {
            throw new ArgumentOutOfRangeException(nameof(longitude), longitude, "Longitude must be between -180 and 180 degrees.");
        }

        Latitude = latitude;
        Longitude = longitude;
    }

    /// <summary>Degrees north.</summary>
    public double Latitude { get; }

    /// <summary>Degrees east.</summary>
    public double Longitude { get; }

    /// <summary>The great-circle distance to another position (haversine on the mean Earth radius).</summary>
    /// <param name="other">The other position.</param>
    /// <returns>The distance in kilometres.</returns>
    public double DistanceKmTo(GeoPoint other)
    {
        var lat1 = double.DegreesToRadians(Latitude);
        var lat2 = double.DegreesToRadians(other.Latitude);
        var sinHalfDLat = Math.Sin((lat2 - lat1) / 2d);
        var sinHalfDLon = Math.Sin(double.DegreesToRadians(other.Longitude - Longitude) / 2d);
        var h = (sinHalfDLat * sinHalfDLat) + (Math.Cos(lat1) * Math.Cos(lat2) * sinHalfDLon * sinHalfDLon);
        return 2d * EarthRadiusKm * Math.Asin(Math.Min(1d, Math.Sqrt(h)));
    }

    /// <summary>Formats as <c>latitude,longitude</c>, invariant culture.</summary>
    /// <returns>The formatted position.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Latitude:0.######},{Longitude:0.######}");
}
