namespace Returns.Sdk.Geo.Internal;

// A point on the unit sphere: x towards 0°N 0°E, y towards 0°N 90°E, z towards the North Pole.
internal readonly struct UnitVector
{
    public readonly double X;
    public readonly double Y;
    public readonly double Z;

    public UnitVector(double x, double y, double z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    public static UnitVector Of(GeoPoint point)
    {
        var (sinLatitude, cosLatitude) = Math.SinCos(double.DegreesToRadians(point.Latitude));
        var (sinLongitude, cosLongitude) = Math.SinCos(double.DegreesToRadians(point.Longitude));
        return new UnitVector(cosLatitude * cosLongitude, cosLatitude * sinLongitude, sinLatitude);
    }

    // The squared straight-line distance to `query`. Every distance the index compares is computed by this one
    // expression (point minus query, then x, y, z in that order), so equal inputs round equally everywhere.
    public double ChordSquaredTo(in UnitVector query)
    {
        var dx = X - query.X;
        var dy = Y - query.Y;
        var dz = Z - query.Z;
        return (dx * dx) + (dy * dy) + (dz * dz);
    }
}
