using FsCheck;
using FsCheck.Fluent;
using Returns.Sdk.Geo;

namespace Returns.Sdk.Tests.Geo;

// Every answer is compared with a brute-force scan over all sites sorted by (distance, position). Against a scan with
// the index's own distance the answer must be identical, ids and distances; against a scan with GeoPoint.DistanceKmTo
// (haversine) the distances must agree rank by rank within 1e-9 km (ids may differ only on such ties).
public sealed class GeoIndexPropertyTests
{
    [FsCheck.Xunit.Property(MaxTest = 150)]
    public Property Nearest_AnyPointsAndQueries_MatchesBruteForceTopK() =>
        Prop.ForAll(GeoScenarios.Scenarios(), scenario =>
        {
            var index = GeoIndex<Site>.Build(scenario.Sites, s => s.Location);
            foreach (var query in scenario.Queries)
            {
                var expected = GeoScenarios.BruteForce(scenario.Sites, query).Take(scenario.K);
                AssertSame(expected, index.Nearest(query, scenario.K), scenario, query);
            }
        });

    [FsCheck.Xunit.Property(MaxTest = 150)]
    public Property Nearest_WithFilter_MatchesBruteForceAmongPassingItems() =>
        Prop.ForAll(GeoScenarios.Scenarios(), scenario =>
        {
            var index = GeoIndex<Site>.Build(scenario.Sites, s => s.Location);
            Func<Site, bool> filter = s => s.Id % scenario.FilterModulus == 0;
            foreach (var query in scenario.Queries)
            {
                var expected = GeoScenarios.BruteForce(scenario.Sites, query, filter).Take(scenario.K);
                AssertSame(expected, index.Nearest(query, scenario.K, filter), scenario, query);
            }
        });

    [FsCheck.Xunit.Property(MaxTest = 100)]
    public Property NearestIntoSpan_AnyPointsAndQueries_WritesTheSameAsTheListForm() =>
        Prop.ForAll(GeoScenarios.Scenarios(), scenario =>
        {
            var index = GeoIndex<Site>.Build(scenario.Sites, s => s.Location);
            var destination = new GeoNeighbor<Site>[scenario.K];
            foreach (var query in scenario.Queries)
            {
                var written = index.Nearest(query, destination.AsSpan());
                var expected = GeoScenarios.BruteForce(scenario.Sites, query).Take(scenario.K);
                AssertSame(expected, destination.Take(written).ToList(), scenario, query);
            }
        });

    [FsCheck.Xunit.Property(MaxTest = 150)]
    public Property WithinRadius_AnyPointsAndQueries_MatchesBruteForceWithinTheRadius() =>
        Prop.ForAll(GeoScenarios.Scenarios(), scenario =>
        {
            var index = GeoIndex<Site>.Build(scenario.Sites, s => s.Location);
            foreach (var query in scenario.Queries)
            {
                var expected = GeoScenarios.BruteForce(scenario.Sites, query).TakeWhile(n => n.DistanceKm <= scenario.RadiusKm);
                AssertSame(expected, index.WithinRadius(query, scenario.RadiusKm), scenario, query);
            }
        });

    [FsCheck.Xunit.Property(MaxTest = 150)]
    public Property WithinRadius_WithLimitAndFilter_MatchesBruteForceNearestWithinTheRadius() =>
        Prop.ForAll(GeoScenarios.Scenarios(), scenario =>
        {
            var index = GeoIndex<Site>.Build(scenario.Sites, s => s.Location);
            Func<Site, bool> filter = s => s.Id % scenario.FilterModulus == 0;
            foreach (var query in scenario.Queries)
            {
                var expected = GeoScenarios.BruteForce(scenario.Sites, query, filter)
                    .TakeWhile(n => n.DistanceKm <= scenario.RadiusKm)
                    .Take(scenario.K);
                AssertSame(expected, index.WithinRadius(query, scenario.RadiusKm, scenario.K, filter), scenario, query);
            }
        });

    [FsCheck.Xunit.Property(MaxTest = 100)]
    public Property Nearest_AnyPoints_ReportsDistancesAgreeingWithDistanceKmToNearestFirst() =>
        Prop.ForAll(GeoScenarios.Scenarios(), scenario =>
        {
            var index = GeoIndex<Site>.Build(scenario.Sites, s => s.Location);
            foreach (var query in scenario.Queries)
            {
                var found = index.Nearest(query, scenario.K);
                Assert.Equal(Math.Min(scenario.K, scenario.Sites.Length), found.Count);
                Assert.All(found, n => Assert.InRange(n.DistanceKm - query.DistanceKmTo(n.Item.Location), -1e-9, 1e-9));
                Assert.True(found.Zip(found.Skip(1)).All(p => p.First.DistanceKm < p.Second.DistanceKm
                    || (p.First.DistanceKm == p.Second.DistanceKm && p.First.Item.Id < p.Second.Item.Id)));
            }
        });

    [FsCheck.Xunit.Property(MaxTest = 150)]
    public Property Nearest_ComparedWithAHaversineScan_AgreesExceptOnTies() =>
        Prop.ForAll(GeoScenarios.Scenarios(), scenario =>
        {
            var index = GeoIndex<Site>.Build(scenario.Sites, s => s.Location);
            Func<Site, bool> filter = s => s.Id % scenario.FilterModulus == 0;
            foreach (var query in scenario.Queries)
            {
                GeoScenarios.AssertAgrees([.. GeoScenarios.HaversineScan(scenario.Sites, query).Take(scenario.K)], index.Nearest(query, scenario.K), query);
                GeoScenarios.AssertAgrees([.. GeoScenarios.HaversineScan(scenario.Sites, query, filter).Take(scenario.K)], index.Nearest(query, scenario.K, filter), query);
            }
        });

    [FsCheck.Xunit.Property(MaxTest = 150)]
    public Property WithinRadius_ComparedWithAHaversineScan_SameItemsUpToTheBoundary() =>
        Prop.ForAll(GeoScenarios.Scenarios(), scenario =>
        {
            var index = GeoIndex<Site>.Build(scenario.Sites, s => s.Location);
            foreach (var query in scenario.Queries)
            {
                var found = index.WithinRadius(query, scenario.RadiusKm).Select(n => n.Item.Id).ToHashSet();
                foreach (var scanned in GeoScenarios.HaversineScan(scenario.Sites, query))
                {
                    if (scanned.DistanceKm < scenario.RadiusKm - 1e-9)
                    {
                        Assert.Contains(scanned.Item.Id, found);
                    }
                    else if (scanned.DistanceKm > scenario.RadiusKm + 1e-9)
                    {
                        Assert.DoesNotContain(scanned.Item.Id, found);
                    }
                }
            }
        });

    private static void AssertSame(IEnumerable<GeoNeighbor<Site>> expected, IReadOnlyList<GeoNeighbor<Site>> actual, GeoScenario scenario, GeoPoint query)
    {
        var want = expected.Select(n => (n.Item.Id, n.DistanceKm)).ToList();
        var got = actual.Select(n => (n.Item.Id, n.DistanceKm)).ToList();
        if (!want.SequenceEqual(got))
        {
            var firstDifference = Enumerable.Range(0, Math.Max(want.Count, got.Count))
                .First(i => i >= want.Count || i >= got.Count || want[i] != got[i]);
            Assert.Fail(
                $"{scenario}; query {query}: {got.Count} results, brute force {want.Count}; first difference at rank {firstDifference}: " +
                $"got {(firstDifference < got.Count ? got[firstDifference].ToString() : "nothing")}, " +
                $"expected {(firstDifference < want.Count ? want[firstDifference].ToString() : "nothing")}.");
        }
    }
}
