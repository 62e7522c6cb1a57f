using NetTopologySuite.Geometries;
using Returns.Sdk.Carriers;

namespace Returns.Sdk.Tests.Carriers;

public sealed class ServiceAreaTests
{
    private static readonly GeometryFactory Geometry = new(new PrecisionModel(), 4326);

    // A rough box around Amsterdam's ring: 4.80–5.00 E, 52.32–52.42 N.
    private static readonly Polygon Amsterdam = Box(4.80, 52.32, 5.00, 52.42);

    private static readonly Address Nl = new(CountryCode.Parse("NL"), "1012 AB");

    [Fact]
    public void Covers_PointInsideRegion_True()
    {
        var area = ServiceArea.OfRegion(Amsterdam);

        Assert.True(area.Covers(Nl, new GeoPoint(52.3731, 4.8922)));
    }

    [Fact]
    public void Covers_PointOutsideRegion_False()
    {
        var area = ServiceArea.OfRegion(Amsterdam);

        Assert.False(area.Covers(Nl, new GeoPoint(51.9225, 4.4792))); // Rotterdam
    }

    [Fact]
    public void Covers_PointOnBoundary_True()
    {
        var area = ServiceArea.OfRegion(Amsterdam);

        Assert.True(area.Covers(Nl, new GeoPoint(52.32, 4.90)));
    }

    [Fact]
    public void Covers_RegionWithoutKnownLocation_False()
    {
        var area = ServiceArea.OfRegion(Amsterdam);

        Assert.False(area.Covers(Nl));
        Assert.True(area.Covers(Nl with { Coordinates = new GeoPoint(52.3731, 4.8922) }));
    }

    [Fact]
    public void Covers_PointInHole_False()
    {
        var shell = Box(4.80, 52.32, 5.00, 52.42).Shell;
        var hole = Box(4.88, 52.36, 4.92, 52.38).Shell;
        var area = ServiceArea.OfRegion(Geometry.CreatePolygon(shell, [hole]));

        Assert.False(area.Covers(Nl, new GeoPoint(52.37, 4.90)));
        Assert.True(area.Covers(Nl, new GeoPoint(52.33, 4.81)));
    }

    [Fact]
    public void Covers_MultiPolygonSplitAtAntimeridian_CoversBothSides()
    {
        // Fiji straddles 180°: one part east of 177 E, one part west of 179 W.
        var fiji = Geometry.CreateMultiPolygon([Box(177, -19.5, 180, -15.5), Box(-180, -19.5, -178, -15.5)]);
        var area = ServiceArea.OfRegion(fiji);
        var suva = new Address(CountryCode.Parse("FJ"), "");

        Assert.True(area.Covers(suva, new GeoPoint(-18.1416, 178.4419)));
        Assert.True(area.Covers(suva, new GeoPoint(-17.0, -179.5)));
        Assert.False(area.Covers(suva, new GeoPoint(-17.0, 170.0)));
    }

    [Fact]
    public void WithinRegion_CountryAndRegion_BothMustHold()
    {
        var area = ServiceArea.OfCountries(CountryCode.Parse("BE")).WithinRegion(Amsterdam);

        Assert.False(area.Covers(Nl, new GeoPoint(52.3731, 4.8922)));
        Assert.True(ServiceArea.OfCountries(CountryCode.Parse("NL")).WithinRegion(Amsterdam).Covers(Nl, new GeoPoint(52.3731, 4.8922)));
    }

    [Fact]
    public void OfRegion_NotPolygonal_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => ServiceArea.OfRegion(Geometry.CreatePoint(new Coordinate(4.9, 52.37))));

        Assert.Contains("Polygon", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OfRegion_OutsideDegreeRange_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => ServiceArea.OfRegion(Box(170, 10, 190, 20)));

        Assert.Contains("antimeridian", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OfRegion_SelfIntersectingRing_Throws()
    {
        var bowtie = Geometry.CreatePolygon([new(0, 0), new(1, 1), new(1, 0), new(0, 1), new(0, 0)]);

        var error = Assert.Throws<ArgumentException>(() => ServiceArea.OfRegion(bowtie));

        Assert.Contains("not a valid polygon", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OfRegion_CopiesTheGeometry_LaterChangesDoNotLeakIn()
    {
        var polygon = Box(4.80, 52.32, 5.00, 52.42);
        var area = ServiceArea.OfRegion(polygon);

        polygon.Coordinates[2].X = 4.81;
        polygon.GeometryChanged();

        Assert.True(area.Covers(Nl, new GeoPoint(52.40, 4.99)));
    }

    private static Polygon Box(double minLon, double minLat, double maxLon, double maxLat) =>
        Geometry.CreatePolygon([new(minLon, minLat), new(maxLon, minLat), new(maxLon, maxLat), new(minLon, maxLat), new(minLon, minLat)]);
}
