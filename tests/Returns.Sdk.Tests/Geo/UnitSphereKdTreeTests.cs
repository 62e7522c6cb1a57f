using FsCheck;
using FsCheck.Fluent;
using Returns.Sdk.Geo;
using Returns.Sdk.Geo.Internal;

namespace Returns.Sdk.Tests.Geo;

public sealed class UnitSphereKdTreeTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(12)]
    [InlineData(32)]
    public void LeafDepthFor_AnyCount_FitsEveryLeafAndNoShallowerDepthWould(int leafSize)
    {
        for (var count = 0; count <= 5_000; count++)
        {
            var depth = UnitSphereKdTree.LeafDepthFor(count, leafSize);
            var largestLeaf = (count + (1 << depth) - 1) >> depth;
            var largestParent = depth == 0 ? 0 : (count + (1 << (depth - 1)) - 1) >> (depth - 1);

            Assert.True(largestLeaf <= leafSize, $"count {count}: leaves of {largestLeaf} at depth {depth}");
            Assert.True(depth == 0 || largestParent > leafSize, $"count {count}: depth {depth} is deeper than needed");
        }
    }

    [FsCheck.Xunit.Property(MaxTest = 60)]
    public Property FindNearest_AnyLeafSize_MatchesBruteForce() =>
        Prop.ForAll(GeoScenarios.Scenarios(), Gen.Elements(1, 2, 3, 5, 64).ToArbitrary(), (scenario, leafSize) =>
        {
            var tree = UnitSphereKdTree.Build([.. scenario.Sites.Select(s => s.Location)], leafSize);
            var best = new Candidate[Math.Max(1, Math.Min(scenario.K, 300))];
            foreach (var query in scenario.Queries)
            {
                var found = tree.FindNearest(query, best, double.PositiveInfinity, double.PositiveInfinity, default(AcceptAll));
                var expected = GeoScenarios.BruteForce(scenario.Sites, query).Take(best.Length).Select(n => (n.Item.Id, n.DistanceKm));

                Assert.Equal(expected, best.Take(found).Select(c => (c.ItemIndex, c.Distance)));
            }
        });

    [Theory]
    [InlineData("sorted by latitude")]
    [InlineData("sorted by latitude, descending")]
    [InlineData("all on the equator")]
    [InlineData("all on one meridian")]
    [InlineData("all at one spot")]
    [InlineData("two spots alternating")]
    public void Nearest_InputsThatDefeatNaivePartitioning_StayExact(string layout)
    {
        var random = new Random(3);
        var uniform = Enumerable.Range(0, 3_000).Select(_ => GeoScenarios.Uniform(random)).ToArray();
        var points = layout switch
        {
            "sorted by latitude" => [.. uniform.OrderBy(p => p.Latitude)],
            "sorted by latitude, descending" => [.. uniform.OrderByDescending(p => p.Latitude)],
            "all on the equator" => [.. uniform.Select(p => new GeoPoint(0, p.Longitude))],
            "all on one meridian" => [.. uniform.Select(p => new GeoPoint(p.Latitude, 5.5))],
            "all at one spot" => [.. uniform.Select(_ => new GeoPoint(-17.5, -149.6))],
            _ => uniform.Select((_, i) => i % 2 == 0 ? new GeoPoint(78.2, 15.6) : new GeoPoint(-21.1, 55.5)).ToArray(),
        };
        var sites = points.Select((p, i) => new Site(i, p)).ToArray();
        var index = GeoIndex<Site>.Build(sites, s => s.Location);

        foreach (var query in uniform.Take(40).Append(new GeoPoint(0, 5.5)).Append(new GeoPoint(-17.5, -149.6)))
        {
            Assert.Equal(GeoScenarios.BruteForce(sites, query).Take(25), index.Nearest(query, 25));
            Assert.Equal(GeoScenarios.BruteForce(sites, query).TakeWhile(n => n.DistanceKm <= 500), index.WithinRadius(query, 500));
        }
    }

    [Fact]
    public void ChordSquaredBound_HalfTheCircumferenceOrMore_IsUnbounded()
    {
        Assert.Equal(double.PositiveInfinity, UnitSphereKdTree.ChordSquaredBound(Math.PI * GeoPoint.EarthRadiusKm));
        Assert.Equal(double.PositiveInfinity, UnitSphereKdTree.ChordSquaredBound(double.PositiveInfinity));
        Assert.True(UnitSphereKdTree.ChordSquaredBound(20_000) < 4d);
    }

    [FsCheck.Xunit.Property(MaxTest = 1000)]
    public Property ChordSquaredBound_OfTheDistanceBetweenTwoPoints_KeepsThatPair() =>
        Prop.ForAll(GeoScenarios.AnyPoint(), GeoScenarios.AnyPoint(), (a, b) =>
        {
            var chordSquared = UnitVector.Of(b).ChordSquaredTo(UnitVector.Of(a));

            return chordSquared <= UnitSphereKdTree.ChordSquaredBound(UnitSphereKdTree.DistanceKm(a, b))
                && chordSquared <= UnitSphereKdTree.ChordSquaredBound(a.DistanceKmTo(b));
        });

    [FsCheck.Xunit.Property(MaxTest = 3000)]
    public Property DistanceKm_AnyPair_AgreesWithDistanceKmTo() =>
        Prop.ForAll(GeoScenarios.AnyPoint(), GeoScenarios.AnyPoint(), (a, b) =>
            Math.Abs(UnitSphereKdTree.DistanceKm(a, b) - a.DistanceKmTo(b)) <= 1e-9);

    [FsCheck.Xunit.Property(MaxTest = 3000)]
    public Property DistanceKm_NearTheAntipode_AgreesWithDistanceKmTo() =>
        Prop.ForAll(GeoScenarios.AnyPoint(), Gen.Choose(-5_000_000, 5_000_000).ToArbitrary(), Gen.Choose(-5_000_000, 5_000_000).ToArbitrary(), (a, northMicro, eastMicro) =>
        {
            // The antipode, moved by up to 5 degrees (550 km) either way; the scale of the offset varies too.
            var scale = Math.Pow(10, -(Math.Abs(northMicro) % 7));
            var antipode = new GeoPoint(-a.Latitude, a.Longitude > 0 ? a.Longitude - 180 : a.Longitude + 180);
            var b = GeoScenarios.Offset(antipode, northMicro / 1e6 * 111 * scale, eastMicro / 1e6 * 111 * scale);

            return Math.Abs(UnitSphereKdTree.DistanceKm(a, b) - a.DistanceKmTo(b)) <= 1e-9;
        });

    [Fact]
    public void DistanceKm_KnownPairs_IsTheGreatCircleDistance()
    {
        Assert.InRange(UnitSphereKdTree.DistanceKm(new GeoPoint(48.8566, 2.3522), new GeoPoint(51.5074, -0.1278)), 343.4, 343.6);
        Assert.InRange(UnitSphereKdTree.DistanceKm(new GeoPoint(0, 179.5), new GeoPoint(0, -179.5)), 111.1, 111.3);
        Assert.Equal(Math.PI * GeoPoint.EarthRadiusKm, UnitSphereKdTree.DistanceKm(new GeoPoint(90, 0), new GeoPoint(-90, 0)), 1e-6);
        Assert.Equal(0d, UnitSphereKdTree.DistanceKm(new GeoPoint(-17.5334, -149.5667), new GeoPoint(-17.5334, -149.5667)));
    }

    [Fact]
    public void UnitVectorOf_AnyPoint_HasLengthOne()
    {
        var random = new Random(9);
        foreach (var point in Enumerable.Range(0, 1_000).Select(_ => GeoScenarios.Uniform(random)).Append(new GeoPoint(90, 0)).Append(new GeoPoint(-90, 180)))
        {
            var v = UnitVector.Of(point);

            Assert.InRange((v.X * v.X) + (v.Y * v.Y) + (v.Z * v.Z), 1 - 1e-15, 1 + 1e-15);
        }
    }
}
