using FsCheck.Xunit;

namespace Returns.Sdk.Tests.Domain;

public sealed class GeoPointTests
{
    [Theory]
    [InlineData(90.000001)]
    [InlineData(-90.000001)]
    [InlineData(180)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Constructor_LatitudeOutOfRangeOrNaN_ThrowsForLatitude(double latitude)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new GeoPoint(latitude, 0d));

        Assert.Equal("latitude", exception.ParamName);
    }

    [Theory]
    [InlineData(180.000001)]
    [InlineData(-180.000001)]
    [InlineData(360)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_LongitudeOutOfRangeOrNaN_ThrowsForLongitude(double longitude)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new GeoPoint(0d, longitude));

        Assert.Equal("longitude", exception.ParamName);
    }

    [Theory]
    [InlineData(90, 180)]
    [InlineData(-90, -180)]
    [InlineData(0, 0)]
    public void Constructor_Bounds_AreAccepted(double latitude, double longitude)
    {
        var point = new GeoPoint(latitude, longitude);

        Assert.Equal(latitude, point.Latitude);
        Assert.Equal(longitude, point.Longitude);
    }

    [Theory]
    [InlineData(48.8566, 2.3522, 51.5074, -0.1278, 343.5, 1.0)]            // Paris - London
    [InlineData(0, 179.5, 0, -179.5, 111.2, 0.1)]                         // one degree of the equator, across the antimeridian
    [InlineData(90, 0, -90, 0, 20015.1, 5.0)]                             // pole to pole: half a great circle
    [InlineData(89.9, 0, 89.9, 180, 22.24, 0.05)]                         // over the North Pole, 0.2 degree of arc
    [InlineData(0, 0, 0, 180, 20015.1, 5.0)]                              // antipodes on the equator
    [InlineData(52.3676, 4.9041, -33.8688, 151.2093, 16643, 10.0)]        // Amsterdam - Sydney
    [InlineData(-17.5334, -149.5667, -17.5334, -149.5667, 0, 1e-9)]        // Papeete to itself
    public void DistanceKmTo_KnownPairs_MatchesGreatCircleDistance(
        double lat1, double lon1, double lat2, double lon2, double expectedKm, double toleranceKm)
    {
        var a = new GeoPoint(lat1, lon1);
        var b = new GeoPoint(lat2, lon2);

        Assert.InRange(a.DistanceKmTo(b), expectedKm - toleranceKm, expectedKm + toleranceKm);
        Assert.InRange(b.DistanceKmTo(a), expectedKm - toleranceKm, expectedKm + toleranceKm);
    }

    [Fact]
    public void DistanceKmTo_AcrossAntimeridian_IsShortWayRound()
    {
        var fiji = new GeoPoint(-17.7, 179.9);
        var justEast = new GeoPoint(-17.7, -179.9);
        var farWest = new GeoPoint(-17.7, 179.7);

        Assert.True(fiji.DistanceKmTo(justEast) < 25d);
        Assert.True(fiji.DistanceKmTo(justEast) < fiji.DistanceKmTo(farWest) + 0.001);
    }

    [Fact]
    public void ToString_AnyCulture_FormatsLatitudeCommaLongitudeInvariant()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("de-DE");

            Assert.Equal("52.3676,-4.9041", new GeoPoint(52.3676, -4.9041).ToString());
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool DistanceKmTo_AnyPair_IsSymmetricAndNonNegative(GeoPoint a, GeoPoint b)
    {
        var there = a.DistanceKmTo(b);
        var back = b.DistanceKmTo(a);

        return there >= 0d && Math.Abs(there - back) < 1e-6 && there <= (Math.PI * GeoPoint.EarthRadiusKm) + 1e-6;
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool DistanceKmTo_Itself_IsZero(GeoPoint a) => a.DistanceKmTo(a) < 1e-9;

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool DistanceKmTo_AnyThreePoints_SatisfiesTriangleInequality(GeoPoint a, GeoPoint b, GeoPoint c) =>
        a.DistanceKmTo(c) <= a.DistanceKmTo(b) + b.DistanceKmTo(c) + 1e-6;

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool DistanceKmTo_ShiftingLongitudeOfBothPoints_KeepsTheDistance(GeoPoint a, GeoPoint b)
    {
        // Rotating the earth about its axis moves no point closer to another, also when the shift wraps the antimeridian.
        var shifted = (double lon) => lon + 90d > 180d ? lon - 270d : lon + 90d;
        var a2 = new GeoPoint(a.Latitude, shifted(a.Longitude));
        var b2 = new GeoPoint(b.Latitude, shifted(b.Longitude));

        return Math.Abs(a.DistanceKmTo(b) - a2.DistanceKmTo(b2)) < 1e-6;
    }
}
