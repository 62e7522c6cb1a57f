using FsCheck;
using FsCheck.Fluent;
using Returns.Sdk.Carriers;
using Returns.Sdk.Geo;
using Returns.Sdk.Geo.Internal;
using Returns.Sdk.Locations;

namespace Returns.Sdk.Tests.Locations;

public sealed class LocationCatalogQueryTests
{
    private static readonly string[] Carriers = ["postnl", "dhl", LocationCatalog.RetailerCarrierId, "ups"];
    private static readonly DropOffKind[] Kinds = Enum.GetValues<DropOffKind>();
    private static readonly GeoPoint Dam = new(52.3731, 4.8922);

    private static DropOffPoint Point(string id, DropOffKind kind, string carrier, double latitude, double longitude) =>
        new(id, id, kind, carrier, new GeoPoint(latitude, longitude));

    private static LocationCatalog Sample() => new(
    [
        Point("a", DropOffKind.PostOffice, "postnl", 52.3745, 4.8980),
        Point("b", DropOffKind.ParcelLocker, "dhl", 52.3791, 4.9003),
        Point("c", DropOffKind.PickupPoint, "dhl", 52.3676, 4.9041),
        Point("d", DropOffKind.Store, LocationCatalog.RetailerCarrierId, 52.3702, 4.8910),
        Point("e", DropOffKind.Mailbox, "postnl", 52.3688, 4.8898),
        Point("f", DropOffKind.ParcelLocker, "postnl", 52.0907, 5.1214),
    ]);

    // Brute force: every matching location by the great-circle distance the spatial index reports (within 1e-9 km of
    // GeoPoint.DistanceKmTo, and computed the same way for every query), ties in catalog order.
    private static List<(string Id, double Distance)> Expected(IReadOnlyList<DropOffPoint> points, GeoPoint from, LocationFilter? filter) =>
        [.. points
            .Select((p, i) => (Point: p, Index: i, Distance: UnitSphereKdTree.DistanceKm(from, p.Location)))
            .Where(x => (filter?.Kind is null || x.Point.Kind == filter.Kind) && (filter?.CarrierId is null || x.Point.CarrierId == filter.CarrierId))
            .OrderBy(x => x.Distance).ThenBy(x => x.Index)
            .Select(x => (x.Point.Id, x.Distance))];

    private static List<(string Id, double Distance)> Ids(IEnumerable<GeoNeighbor<DropOffPoint>> found) => [.. found.Select(n => (n.Item.Id, n.DistanceKm))];

    [Fact]
    public void Find_ById_OrdinalAndCaseSensitive()
    {
        var catalog = Sample();

        Assert.Equal(DropOffKind.Store, catalog.Find("d")!.Kind);
        Assert.Null(catalog.Find("D"));
        Assert.Null(catalog.Find("zz"));
        Assert.Throws<ArgumentNullException>(() => catalog.Find(null!));
    }

    [Fact]
    public void Constructor_DuplicateId_ThrowsNamingIt()
    {
        var exception = Assert.Throws<ArgumentException>(() => new LocationCatalog([Point("x", DropOffKind.Mailbox, "p", 1, 1), Point("y", DropOffKind.Mailbox, "p", 1, 1), Point("x", DropOffKind.Store, "", 2, 2)]));

        Assert.Contains("'x'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("positions 0 and 2", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NullLocation_Throws()
    {
        Assert.Throws<ArgumentException>(() => new LocationCatalog([Point("x", DropOffKind.Mailbox, "p", 1, 1), null!]));
    }

    [Fact]
    public void Constructor_LocationsWithDistances_AnswersCarryNone()
    {
        var catalog = new LocationCatalog([Point("x", DropOffKind.Mailbox, "p", 52.37, 4.89) with { DistanceKm = 12 }]);

        Assert.Null(catalog.Locations[0].DistanceKm);
        var found = Assert.Single(catalog.Nearest(Dam, 1));
        Assert.Null(found.Item.DistanceKm);
        Assert.Equal(Dam.DistanceKmTo(new GeoPoint(52.37, 4.89)), found.DistanceKm, 1e-9);
    }

    [Fact]
    public void Nearest_KindOnly_MergesEveryCarriersLockers()
    {
        var found = Sample().Nearest(Dam, 5, new LocationFilter { Kind = DropOffKind.ParcelLocker });

        Assert.Equal(["b", "f"], found.Select(n => n.Item.Id));
    }

    [Fact]
    public void Nearest_CarrierOnly_MergesEveryKindOfThatCarrier()
    {
        var found = Sample().Nearest(Dam, 2, new LocationFilter { CarrierId = "postnl" });

        Assert.Equal(["a", "e"], found.Select(n => n.Item.Id));
    }

    [Fact]
    public void Nearest_RetailerCarrier_FindsTheStores()
    {
        var found = Sample().Nearest(Dam, 3, new LocationFilter { CarrierId = LocationCatalog.RetailerCarrierId });

        Assert.Equal(["d"], found.Select(n => n.Item.Id));
    }

    [Fact]
    public void Nearest_FilterMatchingNothing_Empty()
    {
        var catalog = Sample();

        Assert.Empty(catalog.Nearest(Dam, 3, new LocationFilter { CarrierId = "fedex" }));
        Assert.Empty(catalog.Nearest(Dam, 3, new LocationFilter { CarrierId = "dhl", Kind = DropOffKind.Mailbox }));
        Assert.Empty(catalog.Nearest(Dam, 3, new LocationFilter { Kind = (DropOffKind)99 }));
        Assert.Equal(0, catalog.Nearest(Dam, new GeoNeighbor<DropOffPoint>[3], new LocationFilter { CarrierId = "fedex" }));
    }

    [Fact]
    public void Nearest_EmptyCatalog_Empty()
    {
        Assert.Empty(LocationCatalog.Empty.Nearest(Dam, 3));
        Assert.Empty(LocationCatalog.Empty.WithinRadius(Dam, 100));
        Assert.Equal(0, LocationCatalog.Empty.Count);
        Assert.Empty(new LocationCatalog([]).Nearest(Dam, 1, new LocationFilter { Kind = DropOffKind.Store }));
    }

    [Fact]
    public void Nearest_BadArguments_Throw()
    {
        var catalog = Sample();

        Assert.Throws<ArgumentOutOfRangeException>(() => catalog.Nearest(Dam, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => catalog.WithinRadius(Dam, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => catalog.WithinRadius(Dam, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => catalog.WithinRadius(Dam, 1, limit: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => LocationCatalog.Empty.WithinRadius(Dam, 1, limit: 0));
        Assert.Equal(0, catalog.Nearest(Dam, Span<GeoNeighbor<DropOffPoint>>.Empty));
    }

    [Fact]
    public void WithinRadius_KindOnly_NearestFirstWithinTheRadius()
    {
        var found = Sample().WithinRadius(Dam, 5, filter: new LocationFilter { CarrierId = "dhl" });

        Assert.Equal(["b", "c"], found.Select(n => n.Item.Id));
        Assert.All(found, n => Assert.True(n.DistanceKm <= 5));
    }

    [Fact]
    public void Nearest_SpanOverloadWithPartialFilterAfterWarmUp_DoesNotAllocate()
    {
        var random = new Random(7);
        var catalog = new LocationCatalog(Enumerable.Range(0, 5000).Select(i =>
            Point($"p{i}", Kinds[i % Kinds.Length], Carriers[i / 5 % Carriers.Length], 50 + (random.NextDouble() * 4), 3 + (random.NextDouble() * 4))));
        var small = new GeoNeighbor<DropOffPoint>[5];
        var large = new GeoNeighbor<DropOffPoint>[200];
        var byKind = new LocationFilter { Kind = DropOffKind.ParcelLocker };
        var byCarrier = new LocationFilter { CarrierId = "dhl" };
        catalog.Nearest(Dam, small, byKind);
        catalog.Nearest(Dam, large, byCarrier);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var found = 0;
        for (var i = 0; i < 100; i++)
        {
            found += catalog.Nearest(Dam, small, byKind);
            found += catalog.Nearest(Dam, large, byCarrier);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(100 * (5 + 200), found);
    }

    private static Gen<LocationCatalog> Catalogs() =>
        from count in Gen.Choose(0, 300)
        from cells in Gen.ArrayOf(Gen.Choose(0, 24), count)
        from kinds in Gen.ArrayOf(Gen.Elements(Kinds), count)
        from carriers in Gen.ArrayOf(Gen.Elements(Carriers), count)
        select new LocationCatalog(Enumerable.Range(0, count).Select(i =>
            // A coarse grid, so many locations share a position and ties must come back in catalog order.
            Point($"p{i}", kinds[i], carriers[i], 52 + (cells[i] / 5 * 0.05), 4.5 + (cells[i] % 5 * 0.05))));

    private static Gen<LocationFilter?> Filters() =>
        from kind in Gen.Frequency((1, Gen.Constant<DropOffKind?>(null)), (2, Gen.Elements(Kinds).Select(k => (DropOffKind?)k)))
        from carrier in Gen.Frequency((1, Gen.Constant<string?>(null)), (2, Gen.Elements<string?>([.. Carriers, "fedex"])))
        from none in Gen.Elements(true, false)
        select none && kind is null && carrier is null ? null : new LocationFilter { Kind = kind, CarrierId = carrier };

    // Where the customer is, and how many (or how many kilometres) to look for.
    private static Gen<(GeoPoint From, int Size)> Queries(int smallest) =>
        from latitude in Gen.Choose(5_180, 5_240)
        from longitude in Gen.Choose(430, 500)
        from size in Gen.Choose(smallest, 40)
        select (new GeoPoint(latitude / 100d, longitude / 100d), size);

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Nearest_AnyFilter_SameAsBruteForce() =>
        Prop.ForAll(Catalogs().ToArbitrary(), Filters().ToArbitrary(), Queries(1).ToArbitrary(), (catalog, filter, query) =>
        {
            var (from, k) = query;
            var expected = Expected(catalog.Locations, from, filter).Take(k).ToList();
            var buffer = new GeoNeighbor<DropOffPoint>[k];

            var found = catalog.Nearest(from, buffer, filter);

            Assert.Equal(expected, Ids(catalog.Nearest(from, k, filter)));
            Assert.Equal(expected, Ids(buffer.Take(found)));
        });

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property WithinRadius_AnyFilter_SameAsBruteForce() =>
        Prop.ForAll(Catalogs().ToArbitrary(), Filters().ToArbitrary(), Queries(0).ToArbitrary(), (catalog, filter, query) =>
        {
            var (from, radius) = query;
            var expected = Expected(catalog.Locations, from, filter).Where(x => x.Distance <= radius).ToList();

            Assert.Equal(expected, Ids(catalog.WithinRadius(from, radius, filter: filter)));
            Assert.Equal(expected.Take(3), Ids(catalog.WithinRadius(from, radius, 3, filter)));
        });
}
