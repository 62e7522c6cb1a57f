using System.Globalization;
using Returns.Sdk;
using Returns.Sdk.Carriers;
using Returns.Sdk.Locations;

namespace Returns.Carriers.DhlParcelDe.Tests;

public sealed class DropOffPointTests : IDisposable
{
    private static readonly GeoPoint Near = new(50.7200, 7.1200);
    private readonly DhlTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private Task<IReadOnlyList<DropOffPoint>> ListAsync(DropOffPointQuery? query = null) =>
        _host.Adapter.ListDropOffPointsAsync(query ?? new DropOffPointQuery(Near, 10, 5), TestContext.Current.CancellationToken);

    [Fact]
    public async Task ListDropOffPointsAsync_Request_SendsGeoQueryInMetresAndTheKeyButNoBasicAuth()
    {
        await ListAsync(new DropOffPointQuery(Near, 7.5, 5) { Country = CountryCode.Parse("DE"), Kind = DropOffKind.ParcelLocker });

        var entry = Assert.Single(_host.Requests(DhlTestHost.FindByGeoPath));
        Assert.Equal("GET", entry.RequestMessage!.Method);
        Assert.Equal("50.72", DhlTestHost.Query(entry, "latitude"));
        Assert.Equal("7.12", DhlTestHost.Query(entry, "longitude"));
        Assert.Equal("7500", DhlTestHost.Query(entry, "radius"));
        Assert.Equal("5", DhlTestHost.Query(entry, "limit"));
        Assert.Equal("parcel:drop-off", DhlTestHost.Query(entry, "serviceType"));
        Assert.Equal("DE", DhlTestHost.Query(entry, "countryCode"));
        Assert.Equal("locker", DhlTestHost.Query(entry, "locationType"));
        Assert.Equal(DhlTestHost.ApiKey, DhlTestHost.Header(entry, "DHL-API-Key"));
        Assert.Null(DhlTestHost.Header(entry, "Authorization"));
    }

    [Fact]
    public async Task ListDropOffPointsAsync_LargeQuery_CapsRadiusAndLimit()
    {
        await ListAsync(new DropOffPointQuery(Near, 100, 500));

        var entry = Assert.Single(_host.Requests(DhlTestHost.FindByGeoPath));
        Assert.Equal("25000", DhlTestHost.Query(entry, "radius"));
        Assert.Equal("50", DhlTestHost.Query(entry, "limit"));
    }

    [Fact]
    public async Task ListDropOffPointsAsync_Response_MapsKindsNearestFirstWithGreatCircleDistanceWithinRadius()
    {
        var points = await ListAsync();

        Assert.Equal(["8007-453113145", "8003-4122204", "8004-4125317"], points.Select(p => p.Id));
        Assert.Equal([DropOffKind.ParcelLocker, DropOffKind.PostOffice, DropOffKind.PickupPoint], points.Select(p => p.Kind));
        Assert.All(points, p =>
        {
            Assert.Equal(DhlParcelDeCarrier.Id, p.CarrierId);
            Assert.Equal(Near.DistanceKmTo(p.Location), p.DistanceKm!.Value, 9);
        });

        // DHL says 52 m for the Packstation; the great-circle distance from the query point is what counts.
        Assert.InRange(points[0].DistanceKm!.Value, 0.5, 1.0);
        var locker = points[0];
        Assert.Equal("DHL Packstation 145", locker.Name);
        Assert.Equal(new GeoPoint(50.715672, 7.1295047), locker.Location);
        Assert.Equal("53113", locker.Address!.Postcode);
        Assert.Equal("Bonn", locker.Address.City);
        Assert.Equal("Charles-de-Gaulle-Str. 20", locker.Address.Line1);
    }

    [Fact]
    public async Task ListDropOffPointsAsync_OpeningHours_AreReadFromSchemaOrgDays()
    {
        var points = await ListAsync();

        Assert.Equal(OpeningHours.AlwaysOpen, points.Single(p => p.Id == "8007-453113145").OpeningHours);
        Assert.Equal(OpeningHours.Parse("Mo-Fr 08:00-18:00; Sa 09:00-13:00"), points.Single(p => p.Id == "8003-4122204").OpeningHours);
        Assert.Equal(OpeningHours.Parse("Mo-Fr 09:00-12:30,14:00-19:00"), points.Single(p => p.Id == "8004-4125317").OpeningHours);
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var wednesdayLunch = DateTimeOffset.Parse("2030-01-09T13:00:00+01:00", CultureInfo.InvariantCulture);
        Assert.False(points.Single(p => p.Id == "8004-4125317").OpeningHours!.IsOpen(wednesdayLunch, berlin));
    }

    [Fact]
    public async Task ListDropOffPointsAsync_KindPostOffice_FiltersLocallyWithoutLocationType()
    {
        var points = await ListAsync(new DropOffPointQuery(Near, 10, 5) { Kind = DropOffKind.PostOffice });

        Assert.Equal(["8003-4122204"], points.Select(p => p.Id));
        Assert.Null(DhlTestHost.Query(Assert.Single(_host.Requests(DhlTestHost.FindByGeoPath)), "locationType"));
    }

    [Fact]
    public async Task ListDropOffPointsAsync_KindStore_IsEmptyWithoutCallingDhl()
    {
        var points = await ListAsync(new DropOffPointQuery(Near, 10, 5) { Kind = DropOffKind.Store });

        Assert.Empty(points);
        Assert.Empty(_host.Server.LogEntries);
    }
}
