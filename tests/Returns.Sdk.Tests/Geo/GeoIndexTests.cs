using Returns.Sdk.Geo;

namespace Returns.Sdk.Tests.Geo;

public sealed class GeoIndexTests
{
    private static readonly Site[] Overseas =
    [
        new(0, new GeoPoint(48.8566, 2.3522)),      // Paris
        new(1, new GeoPoint(-20.8789, 55.4481)),    // Saint-Denis, Réunion
        new(2, new GeoPoint(-21.3393, 55.4781)),    // Saint-Pierre, Réunion
        new(3, new GeoPoint(-17.5350, -149.5696)),  // Papeete, French Polynesia
        new(4, new GeoPoint(-16.5004, -151.7415)),  // Bora Bora, French Polynesia
        new(5, new GeoPoint(78.2232, 15.6267)),     // Longyearbyen, Svalbard
        new(6, new GeoPoint(69.6492, 18.9553)),     // Tromsø
        new(7, new GeoPoint(-18.1416, 178.4419)),   // Suva, Fiji
        new(8, new GeoPoint(-36.8485, 174.7633)),   // Auckland
        new(9, new GeoPoint(64.8378, -147.7164)),   // Fairbanks
        new(10, new GeoPoint(71.2906, -156.7886)),  // Utqiagvik
        new(11, new GeoPoint(-54.8019, -68.3030)),  // Ushuaia
        new(12, new GeoPoint(-77.8419, 166.6863)),  // McMurdo Station
        new(13, new GeoPoint(14.6161, -61.0588)),   // Fort-de-France, Martinique
        new(14, new GeoPoint(4.9224, -52.3135)),    // Cayenne, French Guiana
    ];

    [Fact]
    public void Nearest_QueryAt179_99East_FindsThePointAt179_99WestFirst()
    {
        var sites = new[]
        {
            new Site(0, new GeoPoint(-16.5, 170.0)),
            new Site(1, new GeoPoint(-16.5, 179.95)),
            new Site(2, new GeoPoint(-16.5, -179.99)),
            new Site(3, new GeoPoint(-16.5, -179.90)),
        };
        var index = GeoIndex<Site>.Build(sites, s => s.Location);

        var found = index.Nearest(new GeoPoint(-16.5, 179.99), 4);

        Assert.Equal([2, 1, 3, 0], found.Select(n => n.Item.Id));
        Assert.InRange(found[0].DistanceKm, 2.0, 2.2);   // 0.02 degree of longitude at 16.5 S, the short way round
        Assert.InRange(found[3].DistanceKm, 1000, 1100);
    }

    [Fact]
    public void WithinRadius_AcrossTheAntimeridian_FindsPointsOnBothSides()
    {
        var sites = new[]
        {
            new Site(0, new GeoPoint(0, 179.99)),
            new Site(1, new GeoPoint(0, -179.99)),
            new Site(2, new GeoPoint(0, 180)),
            new Site(3, new GeoPoint(0, -180)),
            new Site(4, new GeoPoint(0, 179.5)),
        };
        var index = GeoIndex<Site>.Build(sites, s => s.Location);

        var found = index.WithinRadius(new GeoPoint(0, -180), 5);

        // 180 E and 180 W are the same meridian: the one spelled like the query is at 0 km, the other within rounding.
        // 179.99 E and 179.99 W are equally far (0.01 degree) on either side; rounding orders them.
        Assert.Equal([3, 2], found.Take(2).Select(n => n.Item.Id));
        Assert.InRange(found[1].DistanceKm, 0, 1e-9);
        Assert.Equal([0, 1], found.Skip(2).Select(n => n.Item.Id).Order());
        Assert.All(found.Skip(2), n => Assert.InRange(n.DistanceKm, 1.1119, 1.1120));
    }

    [Theory]
    [InlineData(90, 0)]
    [InlineData(90, 137.5)]
    [InlineData(90, -180)]
    public void Nearest_AtTheNorthPole_ReturnsTheWholeRingAtLatitude89_9First(double latitude, double longitude)
    {
        // The ring is equidistant from the pole; which ring point comes first is up to rounding (cos 90° is 6e-17 in
        // doubles), exactly as in a brute-force scan.
        var ring = Enumerable.Range(0, 24).Select(i => new Site(i, new GeoPoint(89.9, -180 + (15 * i))));
        var sites = ring.Append(new Site(24, new GeoPoint(89.0, 0))).Append(new Site(25, new GeoPoint(-89.9, 0))).Reverse().ToArray();
        var index = GeoIndex<Site>.Build(sites, s => s.Location);
        var from = new GeoPoint(latitude, longitude);

        var firstFive = index.Nearest(from, 5);
        var all = index.Nearest(from, 26);

        Assert.Equal(GeoScenarios.BruteForce(sites, from).Take(5), firstFive);
        Assert.Equal(GeoScenarios.BruteForce(sites, from), all);
        Assert.Equal(Enumerable.Range(0, 24), all.Take(24).Select(n => n.Item.Id).Order());
        Assert.All(all.Take(24), n => Assert.InRange(n.DistanceKm, all[0].DistanceKm, all[0].DistanceKm + 1e-9));
        Assert.InRange(all[0].DistanceKm, 11.1195, 11.1196);
        Assert.Equal([24, 25], all.Skip(24).Select(n => n.Item.Id));
        Assert.InRange(all[^1].DistanceKm, 20_003, 20_004);
    }

    [Fact]
    public void Nearest_AtTheNorthPoleWithTheRingAtEveryLongitude_FindsRingPointsNotTheNextLatitude()
    {
        var sites = Enumerable.Range(0, 360).Select(i => new Site(i, new GeoPoint(89.9, -180 + i)))
            .Append(new Site(360, new GeoPoint(89.8, 0)))
            .ToArray();
        var index = GeoIndex<Site>.Build(sites, s => s.Location);

        var found = index.Nearest(new GeoPoint(90, 0), 360);

        Assert.DoesNotContain(found, n => n.Item.Id == 360);
        Assert.Equal(GeoScenarios.BruteForce(sites, new GeoPoint(90, 0)).Take(360), found);
    }

    [Fact]
    public void Nearest_AtTheSouthPole_FindsMcMurdoBeforeUshuaia()
    {
        var index = GeoIndex<Site>.Build(Overseas, s => s.Location);

        var found = index.Nearest(new GeoPoint(-90, 0), 2);

        Assert.Equal([12, 11], found.Select(n => n.Item.Id));
    }

    [Theory]
    [InlineData(-21.0, 55.6, new[] { 1, 2, 12 })]          // Réunion, east coast: Saint-Denis, Saint-Pierre, then McMurdo
    [InlineData(-21.37, 55.6, new[] { 2, 1 })]             // Réunion, south: Saint-Pierre first
    [InlineData(-17.53, -149.83, new[] { 3, 4 })]           // Moorea: Papeete, then Bora Bora
    [InlineData(78.92, 11.93, new[] { 5, 6 })]              // Ny-Ålesund: Longyearbyen, then Tromsø
    [InlineData(-17.8, 177.4, new[] { 7, 8 })]              // Nadi, Fiji: Suva, then Auckland
    [InlineData(5.16, -52.65, new[] { 14, 13 })]            // Kourou: Cayenne, then Martinique
    [InlineData(70.2, -148.5, new[] { 10, 9 })]             // Prudhoe Bay: Utqiagvik, then Fairbanks
    public void Nearest_OverseasAndHighLatitudeSpots_FindsTheNearestPlaces(double latitude, double longitude, int[] expectedIds)
    {
        var index = GeoIndex<Site>.Build(Overseas, s => s.Location);
        var from = new GeoPoint(latitude, longitude);

        var found = index.Nearest(from, expectedIds.Length);

        Assert.Equal(expectedIds, found.Select(n => n.Item.Id));
        Assert.Equal(GeoScenarios.BruteForce(Overseas, from).Take(expectedIds.Length), found);
    }

    [Fact]
    public void Nearest_DuplicatesAtTheSameSpot_ReturnsThemInInputOrderEveryTime()
    {
        var spot = new GeoPoint(52.3676, 4.9041);
        int[] ids = [7, 3, 9, 1, 5, 2];
        var sites = ids.Select(id => new Site(id, spot)).Prepend(new Site(100, new GeoPoint(52.37, 4.91))).ToArray();

        for (var attempt = 0; attempt < 3; attempt++)
        {
            var index = GeoIndex<Site>.Build(sites, s => s.Location);

            Assert.Equal([7, 3, 9], index.Nearest(spot, 3).Select(n => n.Item.Id));
            Assert.Equal([7, 3, 9, 1, 5, 2], index.WithinRadius(spot, 0).Select(n => n.Item.Id));
            Assert.Equal([7, 3, 9, 1, 5, 2, 100], index.Nearest(spot, 10).Select(n => n.Item.Id));
            Assert.All(index.Nearest(spot, 6), n => Assert.Equal(0d, n.DistanceKm));
        }
    }

    [Fact]
    public void Nearest_ManyDuplicatesAcrossLeaves_KeepsTheLowestPositions()
    {
        // 5,000 copies of one spot span hundreds of leaves; the tie-break must still pick the first positions.
        var spot = new GeoPoint(-21.1151, 55.5364);
        var sites = Enumerable.Range(0, 5_000).Select(i => new Site(i, spot)).Reverse().ToArray();
        var index = GeoIndex<Site>.Build(sites, s => s.Location);

        var found = index.Nearest(spot, 10);

        Assert.Equal(Enumerable.Range(4_990, 10).Reverse(), found.Select(n => n.Item.Id));
    }

    [Fact]
    public void Nearest_KLargerThanCount_ReturnsEveryItemNearestFirst()
    {
        var index = GeoIndex<Site>.Build(Overseas, s => s.Location);
        var from = new GeoPoint(50.85, 4.35);

        var found = index.Nearest(from, 1_000);

        Assert.Equal(Overseas.Length, found.Count);
        Assert.Equal(GeoScenarios.BruteForce(Overseas, from), found);
    }

    [Fact]
    public void Nearest_IntoSpan_WritesNearestFirstAndReturnsHowMany()
    {
        var index = GeoIndex<Site>.Build(Overseas, s => s.Location);
        var from = new GeoPoint(-21.0, 55.6);
        var destination = new GeoNeighbor<Site>[3];
        var tooLarge = new GeoNeighbor<Site>[40];

        var written = index.Nearest(from, destination.AsSpan());
        var writtenAll = index.Nearest(from, tooLarge.AsSpan());

        Assert.Equal(3, written);
        Assert.Equal(index.Nearest(from, 3), destination);
        Assert.Equal(Overseas.Length, writtenAll);
        Assert.Equal(index.Nearest(from, 100), tooLarge.Take(writtenAll));
        Assert.Equal(0, index.Nearest(from, Span<GeoNeighbor<Site>>.Empty));
    }

    [Fact]
    public void Nearest_WithFilter_SkipsRejectedItemsAndStaysExact()
    {
        var index = GeoIndex<Site>.Build(Overseas, s => s.Location);
        var from = new GeoPoint(-21.0, 55.6);

        var found = index.Nearest(from, 3, s => s.Id != 1 && s.Id != 0);

        Assert.Equal([2, 12, 11], found.Select(n => n.Item.Id));
        Assert.Equal(GeoScenarios.BruteForce(Overseas, from, s => s.Id != 1 && s.Id != 0).Take(3), found);
    }

    [Fact]
    public void Nearest_FilterRejectingEverything_ReturnsNothing()
    {
        var index = GeoIndex<Site>.Build(Overseas, s => s.Location);

        Assert.Empty(index.Nearest(new GeoPoint(0, 0), 5, _ => false));
        Assert.Equal(0, index.Nearest(new GeoPoint(0, 0), new GeoNeighbor<Site>[5], _ => false));
        Assert.Empty(index.WithinRadius(new GeoPoint(0, 0), 30_000, filter: _ => false));
    }

    [Fact]
    public void WithinRadius_RadiusEqualToADistance_IncludesThatItem()
    {
        var index = GeoIndex<Site>.Build(Overseas, s => s.Location);
        var from = new GeoPoint(-21.0, 55.6);
        var toSaintPierre = index.Nearest(from, 2)[1].DistanceKm;

        var found = index.WithinRadius(from, toSaintPierre);
        var justShort = index.WithinRadius(from, Math.BitDecrement(toSaintPierre));

        Assert.Equal([1, 2], found.Select(n => n.Item.Id));
        Assert.Equal([1], justShort.Select(n => n.Item.Id));
    }

    [Fact]
    public void WithinRadius_HalfTheCircumferenceOrMore_ReturnsEveryItem()
    {
        var index = GeoIndex<Site>.Build(Overseas, s => s.Location);
        var from = new GeoPoint(10, 20);

        Assert.Equal(GeoScenarios.BruteForce(Overseas, from), index.WithinRadius(from, Math.PI * GeoPoint.EarthRadiusKm));
        Assert.Equal(Overseas.Length, index.WithinRadius(from, double.PositiveInfinity).Count);
    }

    [Fact]
    public void WithinRadius_WithLimit_ReturnsTheNearestWithinTheRadius()
    {
        var index = GeoIndex<Site>.Build(Overseas, s => s.Location);
        var from = new GeoPoint(60, 10);

        // Tromsø 1,151 km, Paris 1,332 km, Longyearbyen 2,036 km, Utqiagvik 5,380 km.
        Assert.Equal([6, 0, 5], index.WithinRadius(from, 2_500, limit: 5).Select(n => n.Item.Id));
        Assert.Equal([6, 0], index.WithinRadius(from, 1_500, limit: 5).Select(n => n.Item.Id));
        Assert.Equal([6], index.WithinRadius(from, 2_500, limit: 1).Select(n => n.Item.Id));
        Assert.Equal([6, 0, 5], index.WithinRadius(from, 20_000, limit: 3).Select(n => n.Item.Id));
    }

    [Fact]
    public void Queries_OnAnEmptyIndex_ReturnNothing()
    {
        var index = GeoIndex<Site>.Build([], s => s.Location);

        Assert.Equal(0, index.Count);
        Assert.Empty(index.Items);
        Assert.Empty(index.Nearest(new GeoPoint(0, 0), 3));
        Assert.Equal(0, index.Nearest(new GeoPoint(0, 0), new GeoNeighbor<Site>[3]));
        Assert.Empty(index.WithinRadius(new GeoPoint(0, 0), 100));
        Assert.Empty(index.WithinRadius(new GeoPoint(0, 0), 100, limit: 2));
    }

    [Fact]
    public void Build_CopiesTheItems_KeepsTheCallersOrderAndIgnoresLaterChanges()
    {
        var source = Overseas.ToList();
        var index = GeoIndex<Site>.Build(source, s => s.Location);
        source.Clear();

        Assert.Equal(Overseas.Length, index.Count);
        Assert.Equal(Overseas, index.Items);
        Assert.False(index.Items is Site[], "Items must not hand out the index's own array.");
    }

    [Fact]
    public void Build_FromALazySequence_EnumeratesOnceAndCallsLocationOfOncePerItem()
    {
        var enumerations = 0;
        var locationCalls = 0;
        IEnumerable<Site> Lazy()
        {
            enumerations++;
            foreach (var site in Overseas)
            {
                yield return site;
            }
        }

        var index = GeoIndex<Site>.Build(Lazy(), s =>
        {
            locationCalls++;
            return s.Location;
        });
        index.Nearest(new GeoPoint(0, 0), 3);

        Assert.Equal(1, enumerations);
        Assert.Equal(Overseas.Length, locationCalls);
    }

    [Fact]
    public void Build_NullArguments_Throw()
    {
        Assert.Equal("items", Assert.Throws<ArgumentNullException>(() => GeoIndex<Site>.Build(null!, s => s.Location)).ParamName);
        Assert.Equal("locationOf", Assert.Throws<ArgumentNullException>(() => GeoIndex<Site>.Build(Overseas, null!)).ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Nearest_KNotPositive_Throws(int k)
    {
        var index = GeoIndex<Site>.Build(Overseas, s => s.Location);
        var empty = GeoIndex<Site>.Build([], s => s.Location);

        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => index.Nearest(new GeoPoint(0, 0), k)).ParamName);
        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => empty.Nearest(new GeoPoint(0, 0), k)).ParamName);
    }

    [Theory]
    [InlineData(-0.001)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(double.NaN)]
    public void WithinRadius_RadiusNegativeOrNaN_Throws(double radiusKm)
    {
        var index = GeoIndex<Site>.Build(Overseas, s => s.Location);
        var empty = GeoIndex<Site>.Build([], s => s.Location);

        Assert.Equal("radiusKm", Assert.Throws<ArgumentOutOfRangeException>(() => index.WithinRadius(new GeoPoint(0, 0), radiusKm)).ParamName);
        Assert.Equal("radiusKm", Assert.Throws<ArgumentOutOfRangeException>(() => empty.WithinRadius(new GeoPoint(0, 0), radiusKm)).ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void WithinRadius_LimitNotPositive_Throws(int limit)
    {
        var index = GeoIndex<Site>.Build(Overseas, s => s.Location);
        var empty = GeoIndex<Site>.Build([], s => s.Location);

        Assert.Equal("limit", Assert.Throws<ArgumentOutOfRangeException>(() => index.WithinRadius(new GeoPoint(0, 0), 10, limit)).ParamName);
        Assert.Equal("limit", Assert.Throws<ArgumentOutOfRangeException>(() => empty.WithinRadius(new GeoPoint(0, 0), 10, limit)).ParamName);
    }

    [Fact]
    public void Nearest_ThrowingFilter_PropagatesAndLeavesTheIndexUsable()
    {
        var index = GeoIndex<Site>.Build(Overseas, s => s.Location);
        var from = new GeoPoint(-21.0, 55.6);

        Assert.Throws<InvalidOperationException>(() => index.Nearest(from, 100, _ => throw new InvalidOperationException("filter")));
        Assert.Throws<InvalidOperationException>(() => index.WithinRadius(from, 30_000, filter: _ => throw new InvalidOperationException("filter")));

        Assert.Equal(GeoScenarios.BruteForce(Overseas, from).Take(4), index.Nearest(from, 4));
    }

    [Fact]
    public void Nearest_IntoSpan_AllocatesNothing()
    {
        var random = new Random(11);
        var sites = Enumerable.Range(0, 20_000).Select(i => new Site(i, GeoScenarios.Uniform(random))).ToArray();
        var index = GeoIndex<Site>.Build(sites, s => s.Location);
        var queries = Enumerable.Range(0, 100).Select(_ => GeoScenarios.Uniform(random)).ToArray();
        var destination = new GeoNeighbor<Site>[10];
        foreach (var query in queries)
        {
            index.Nearest(query, destination.AsSpan());
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var query in queries)
        {
            index.Nearest(query, destination.AsSpan());
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public async Task Nearest_ConcurrentQueries_GiveTheSameAnswersAsOneAtATime()
    {
        var random = new Random(5);
        var sites = Enumerable.Range(0, 5_000).Select(i => new Site(i, GeoScenarios.Uniform(random))).ToArray();
        var index = GeoIndex<Site>.Build(sites, s => s.Location);
        var queries = Enumerable.Range(0, 400).Select(_ => GeoScenarios.Uniform(random)).ToArray();
        var expected = queries.Select(q => index.Nearest(q, 7).Select(n => n.Item.Id).ToArray()).ToArray();

        var actual = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(
            () => queries.Select(q => index.Nearest(q, 7).Select(n => n.Item.Id).ToArray()).ToArray(),
            TestContext.Current.CancellationToken)));

        Assert.All(actual, answers => Assert.Equal(expected, answers));
    }
}
