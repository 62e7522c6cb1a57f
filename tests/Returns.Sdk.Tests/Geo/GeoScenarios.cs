using FsCheck;
using FsCheck.Fluent;
using Returns.Sdk.Geo;
using Returns.Sdk.Geo.Internal;

namespace Returns.Sdk.Tests.Geo;

/// <summary>An indexed test item: its position in the input is its id.</summary>
public sealed record Site(int Id, GeoPoint Location);

/// <summary>How a scenario's points are spread.</summary>
public enum PointLayout
{
    /// <summary>Uniform on the sphere.</summary>
    Uniform,

    /// <summary>Gaussian clusters a few to a few hundred km wide, some on the antimeridian or near a pole.</summary>
    Clustered,

    /// <summary>Rings of equidistant points around centres, plus exact duplicates: many ties.</summary>
    Rings,
}

/// <summary>A point set with queries, generated from a seed so that a failing case can be replayed.</summary>
public sealed record GeoScenario(int Seed, PointLayout Layout, Site[] Sites, GeoPoint[] Queries, int K, double RadiusKm, int FilterModulus)
{
    public override string ToString() =>
        $"seed {Seed}, {Layout}, {Sites.Length} points, k {K}, radius {RadiusKm} km, filter id % {FilterModulus} == 0";
}

/// <summary>FsCheck generators for point sets anywhere on earth, and the brute-force answers to compare against.</summary>
public static class GeoScenarios
{
    public static Arbitrary<GeoScenario> Scenarios() =>
        (from seed in Gen.Choose(0, int.MaxValue)
         from layout in Gen.Elements(PointLayout.Uniform, PointLayout.Clustered, PointLayout.Rings)
         from size in Gen.OneOf(Gen.Choose(0, 40), Gen.Choose(0, 2000), Gen.Choose(1500, 2000))
         from k in Gen.OneOf(Gen.Choose(1, 12), Gen.Choose(1, 200), Gen.Choose(1900, 2100))
         from radiusKm in Gen.OneOf(Gen.Elements(0d, 0.5, 5d, 50d, 20_000d, 25_000d), Gen.Choose(0, 3_000_000).Select(m => m / 100d))
         from filterModulus in Gen.Elements(1, 2, 3, 7)
         select Generate(seed, layout, size, k, radiusKm, filterModulus)).ToArbitrary();

    /// <summary>Any position to 1e-6 degree, often on a pole, the equator, the antimeridian or right next to it.</summary>
    public static Arbitrary<GeoPoint> AnyPoint() =>
        (from latitude in Gen.OneOf(Gen.Choose(-90_000_000, 90_000_000), Gen.Elements(-90_000_000, -89_999_999, 0, 89_999_999, 90_000_000))
         from longitude in Gen.OneOf(Gen.Choose(-180_000_000, 180_000_000), Gen.Elements(-180_000_000, -179_999_999, 0, 179_999_999, 180_000_000))
         select new GeoPoint(latitude / 1e6, longitude / 1e6)).ToArbitrary();

    public static GeoScenario Generate(int seed, PointLayout layout, int size, int k, double radiusKm, int filterModulus)
    {
        var random = new Random(seed);
        var points = layout switch
        {
            PointLayout.Uniform => Uniform(random, size),
            PointLayout.Clustered => Clustered(random, size),
            _ => Rings(random, size),
        };
        var sites = points.Select((p, i) => new Site(i, p)).ToArray();
        return new GeoScenario(seed, layout, sites, Queries(random, points, 12), k, radiusKm, filterModulus);
    }

    /// <summary>
    /// The brute-force answer by the index's own distance (2R·asin of half the chord between unit vectors), nearest
    /// first, ties by position in <paramref name="sites"/>: what the index must return exactly.
    /// </summary>
    public static List<GeoNeighbor<Site>> BruteForce(IEnumerable<Site> sites, GeoPoint from, Func<Site, bool>? filter = null) =>
        Scan(sites, from, filter, UnitSphereKdTree.DistanceKm);

    /// <summary>A brute-force scan with <see cref="GeoPoint.DistanceKmTo"/> (haversine), ties by position.</summary>
    public static List<GeoNeighbor<Site>> HaversineScan(IEnumerable<Site> sites, GeoPoint from, Func<Site, bool>? filter = null) =>
        Scan(sites, from, filter, (a, b) => a.DistanceKmTo(b));

    /// <summary>
    /// Asserts that an answer agrees with a haversine scan: the same number of items, distances within
    /// <paramref name="toleranceKm"/> rank by rank, and where the items differ, the index's item is as far as the
    /// scan's to within the tolerance (a tie that the two formulas round differently).
    /// </summary>
    public static void AssertAgrees(IReadOnlyList<GeoNeighbor<Site>> haversine, IReadOnlyList<GeoNeighbor<Site>> actual, GeoPoint from, double toleranceKm = 1e-9)
    {
        Assert.Equal(haversine.Count, actual.Count);
        for (var i = 0; i < actual.Count; i++)
        {
            Assert.InRange(actual[i].DistanceKm, haversine[i].DistanceKm - toleranceKm, haversine[i].DistanceKm + toleranceKm);
            Assert.InRange(from.DistanceKmTo(actual[i].Item.Location), actual[i].DistanceKm - toleranceKm, actual[i].DistanceKm + toleranceKm);
        }

        Assert.Equal(actual.Count, actual.Select(n => n.Item.Id).Distinct().Count());
    }

    private static List<GeoNeighbor<Site>> Scan(IEnumerable<Site> sites, GeoPoint from, Func<Site, bool>? filter, Func<GeoPoint, GeoPoint, double> distanceKm) =>
        [.. sites.Select((site, position) => (Neighbor: new GeoNeighbor<Site>(site, distanceKm(from, site.Location)), Position: position))
            .Where(c => filter is null || filter(c.Neighbor.Item))
            .OrderBy(c => c.Neighbor.DistanceKm)
            .ThenBy(c => c.Position)
            .Select(c => c.Neighbor)];

    public static GeoPoint Uniform(Random random) =>
        new(double.RadiansToDegrees(Math.Asin((2d * random.NextDouble()) - 1d)), (360d * random.NextDouble()) - 180d);

    /// <summary>A point roughly the given kilometres north and east of <paramref name="center"/>, folded back over a pole and wrapped across the antimeridian.</summary>
    public static GeoPoint Offset(GeoPoint center, double northKm, double eastKm)
    {
        const double KmPerDegree = Math.PI * GeoPoint.EarthRadiusKm / 180d;
        var latitude = center.Latitude + (northKm / KmPerDegree);
        var longitude = center.Longitude + (eastKm / (KmPerDegree * Math.Max(0.01, Math.Cos(double.DegreesToRadians(center.Latitude)))));
        if (latitude > 90d)
        {
            latitude = 180d - latitude;
            longitude += 180d;
        }
        else if (latitude < -90d)
        {
            latitude = -180d - latitude;
            longitude += 180d;
        }

        longitude = ((((longitude + 180d) % 360d) + 360d) % 360d) - 180d;
        return new GeoPoint(Math.Clamp(latitude, -90d, 90d), longitude);
    }

    private static GeoPoint[] Uniform(Random random, int size)
    {
        var points = new GeoPoint[size];
        for (var i = 0; i < size; i++)
        {
            points[i] = random.Next(20) == 0 && i > 0 ? points[random.Next(i)] : Uniform(random);
        }

        return points;
    }

    private static GeoPoint[] Clustered(Random random, int size)
    {
        GeoPoint[] special = [new(89.95, 10), new(-89.9, -120), new(-17.7, 179.99), new(-17.7, -179.99), new(78.22, 15.65), new(-21.11, 55.53), new(-17.53, -149.57), new(52.37, 4.9)];
        var centers = Enumerable.Range(0, 1 + random.Next(8))
            .Select(_ => random.Next(2) == 0 ? special[random.Next(special.Length)] : Uniform(random))
            .ToArray();
        var spreads = centers.Select(_ => new[] { 0.05, 2d, 20d, 300d }[random.Next(4)]).ToArray();
        var points = new GeoPoint[size];
        for (var i = 0; i < size; i++)
        {
            var c = random.Next(centers.Length);
            points[i] = random.Next(25) == 0 && i > 0
                ? points[random.Next(i)]
                : Offset(centers[c], Gaussian(random) * spreads[c], Gaussian(random) * spreads[c]);
        }

        return points;
    }

    private static GeoPoint[] Rings(Random random, int size)
    {
        var points = new List<GeoPoint>(size);
        while (points.Count < size)
        {
            var latitude = new[] { 90d, -90d, 89.9, 0d, 45d, -60d }[random.Next(6)];
            var ringLatitude = latitude == 90d ? 89.9 : latitude == -90d ? -89.9 : latitude;
            var step = new[] { 1d, 7.5, 15d, 45d, 90d }[random.Next(5)];
            for (var longitude = -180d; longitude < 180d && points.Count < size; longitude += step)
            {
                points.Add(new GeoPoint(ringLatitude, longitude));
            }

            var duplicates = random.Next(4);
            for (var d = 0; d < duplicates && points.Count > 0 && points.Count < size; d++)
            {
                points.Add(points[random.Next(points.Count)]);
            }
        }

        return [.. points];
    }

    private static GeoPoint[] Queries(Random random, GeoPoint[] points, int count)
    {
        GeoPoint[] special = [new(90, 0), new(-90, 0), new(0, 180), new(0, -180), new(-17.7, 179.99), new(0, 0)];
        var queries = new GeoPoint[count];
        for (var i = 0; i < count; i++)
        {
            queries[i] = (i % 4, points.Length) switch
            {
                (0, _) => Uniform(random),
                (1, _) => special[random.Next(special.Length)],
                (_, > 0) when i % 4 == 2 => points[random.Next(points.Length)],
                (_, > 0) => Offset(points[random.Next(points.Length)], Gaussian(random) * 3d, Gaussian(random) * 3d),
                _ => Uniform(random),
            };

            // Exactly opposite an indexed point: where haversine and chord both lose precision.
            if (i == count - 1 && points.Length > 0)
            {
                var p = points[random.Next(points.Length)];
                queries[i] = new GeoPoint(-p.Latitude, p.Longitude > 0 ? p.Longitude - 180d : p.Longitude + 180d);
            }
        }

        return queries;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2d * Math.Log(1d - random.NextDouble())) * Math.Cos(2d * Math.PI * random.NextDouble());
}
