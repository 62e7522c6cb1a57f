using System.Text;
using Returns.Carriers.Testing;
using Returns.Sdk;
using Returns.Sdk.Carriers;
using Returns.Sdk.Locations;
using WireMock.Matchers;
using WireMock.RequestBuilders;

namespace Returns.Carriers.Ups.Tests;

public sealed class UpsCarrierTests : IDisposable
{
    private static readonly Parcel Parcel = new(Weight.FromKilograms(1.2m), new Dimensions(30m, 20m, 10m));
    private static readonly Address Customer = new(CountryCode.Parse("NL"), "1012 AB") { Name = "Jan Jansen", Line1 = "Damrak 1", City = "Amsterdam" };
    private static readonly Address Warehouse = new(CountryCode.Parse("NL"), "5928 LZ") { Name = "Retailer Returns", Line1 = "Venloweg 10", City = "Venlo" };
    private static readonly ConformanceScenario Scenario = new(Parcel, Customer, Warehouse)
    {
        DropOffSearchCentre = new GeoPoint(52.3731, 4.8922),
        CallTimeout = TimeSpan.FromSeconds(10),
    };

    private readonly UpsFake _ups = new();

    public UpsCarrierTests()
    {
        _ups.Server.Given(Request.Create().UsingAnyMethod()).AtPriority(100).RespondWith(UpsFake.Json(401, "error-unauthorized.json"));
        _ups.Server.Given(UpsFake.Api("/api/rating/v2409/Shop", "POST").WithBody(new JsonPartialMatcher("{\"RateRequest\":{\"Shipment\":{\"ShipFrom\":{\"Address\":{\"PostalCode\":\"0000 XX\"}}}}}"))).AtPriority(1)
            .RespondWith(UpsFake.Json(400, "error-address.json"));
        _ups.Answer("/api/rating/v2409/Shop", "POST", UpsFake.Json(200, "rate-shop.json"));
        _ups.Answer("/api/rating/v2409/Rate", "POST", UpsFake.Json(200, "rate-single.json"));
        _ups.Answer("/api/shipments/v2409/ship", "POST", UpsFake.Json(200, "ship-gif.json"));
        _ups.Answer("/api/locations/v3/search/availabilities/64", "POST", UpsFake.Json(200, "locator-access-points.json"));
        _ups.Answer("/api/locations/v3/search/availabilities/1", "POST", UpsFake.Json(200, "locator-single.json"));
        _ups.Answer("/api/track/v1/details/" + UpsFake.TrackingNumber, "GET", UpsFake.Json(200, "track.json"));
        _ups.Answer("/api/track/v1/details/1Z12345E0205271700", "GET", UpsFake.Json(200, "track-delivered.json"));
        _ups.Answer("/api/track/v1/details/FAIL503", "GET", UpsFake.Json(503, "error-server.json"));
        _ups.Answer("/api/track/v1/details/FAIL401", "GET", UpsFake.Json(401, "error-unauthorized.json"));
        _ups.Answer("/api/shipments/v2409/void/cancel/" + UpsFake.TrackingNumber, "DELETE", UpsFake.Json(200, "void.json"));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CarrierAdapter Adapter => _ups.Adapter;

    public void Dispose() => _ups.Dispose();

    private static ShipmentRequest Shipment(string key = "idem-1001") =>
        new(key, "RMA-1001", "11", ReturnMethod.PickupPoint, Parcel, Customer, Warehouse) { LabelFormat = LabelDocumentFormat.Gif };

    [Fact]
    public async Task AssertConformsAsync_UpsThroughDi_Passes()
    {
        var report = await CarrierConformance.AssertConformsAsync(Adapter, Scenario with
        {
            FaultProbes =
            [
                new FaultProbe("401 from tracking", (a, ct) => a.TrackAsync("FAIL401", ct), ExpectTransient: false),
                new FaultProbe("400 on the customer's postcode", (a, ct) => a.QuoteAsync(new RateRequest(Parcel, new Address(CountryCode.Parse("NL"), "0000 XX"), Warehouse), ct), ExpectTransient: false),
                new FaultProbe("503 from tracking", (a, ct) => a.TrackAsync("FAIL503", ct), ExpectTransient: true),
            ],
        }, Ct);

        Assert.True(report.Passed, report.ToString());
        Assert.Contains(report.Checks, c => c.Name.StartsWith("lists drop-off points", StringComparison.Ordinal));
        Assert.Contains(report.Checks, c => c.Name.StartsWith("tracks its own shipment", StringComparison.Ordinal));
        Assert.Contains(report.Checks, c => c.Name.StartsWith("cancels its own shipment", StringComparison.Ordinal));
        Assert.Single(_ups.Calls("/api/shipments/v2409/ship"));
    }

    [Fact]
    public async Task AssertConformsAsync_Logs_HoldNoSecretTokenOrPersonalData()
    {
        await CarrierConformance.RunAsync(Adapter, Scenario, Ct);
        await Assert.ThrowsAsync<CarrierUnauthorizedException>(() => Adapter.TrackAsync("FAIL401", Ct));

        Assert.NotEmpty(_ups.Logs.Messages);
        Assert.All(_ups.Logs.Messages, m =>
        {
            Assert.DoesNotContain(UpsFake.ClientSecret, m, StringComparison.Ordinal);
            Assert.DoesNotContain("tok-1", m, StringComparison.Ordinal);
            Assert.DoesNotContain("Jan", m, StringComparison.Ordinal);
            Assert.DoesNotContain("1012 AB", m, StringComparison.Ordinal);
            Assert.DoesNotContain(UpsFake.TrackingNumber, m, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task QuoteAsync_Request_HasPathHeadersAndDocumentedBodyFields()
    {
        await Adapter.QuoteAsync(new RateRequest(Parcel, Customer, Warehouse), Ct);

        var call = Assert.Single(_ups.Calls("/api/rating/v2409/Shop")).RequestMessage!;
        Assert.Equal("POST", call.Method);
        Assert.Equal("Bearer tok-1", call.Headers!["Authorization"].Single());
        Assert.Equal(32, call.Headers!["transId"].Single().Length);
        Assert.Equal("Returns.Sdk", call.Headers!["transactionSrc"].Single());
        var shipment = _ups.Body("/api/rating/v2409/Shop").GetProperty("RateRequest").GetProperty("Shipment");
        Assert.Equal("9", shipment.GetProperty("ShipmentServiceOptions").GetProperty("ReturnService").GetProperty("Code").GetString());
        Assert.Equal(UpsFake.AccountNumber, shipment.GetProperty("Shipper").GetProperty("ShipperNumber").GetString());
        Assert.Equal(UpsFake.AccountNumber, shipment.GetProperty("PaymentDetails").GetProperty("ShipmentCharge")[0].GetProperty("BillShipper").GetProperty("AccountNumber").GetString());
        Assert.Equal("1012 AB", shipment.GetProperty("ShipFrom").GetProperty("Address").GetProperty("PostalCode").GetString());
        Assert.Equal("5928 LZ", shipment.GetProperty("ShipTo").GetProperty("Address").GetProperty("PostalCode").GetString());
        var package = shipment.GetProperty("Package");
        Assert.Equal("02", package.GetProperty("PackagingType").GetProperty("Code").GetString());
        Assert.Equal("KGS", package.GetProperty("PackageWeight").GetProperty("UnitOfMeasurement").GetProperty("Code").GetString());
        Assert.Equal("1.2", package.GetProperty("PackageWeight").GetProperty("Weight").GetString());
        Assert.Equal("CM", package.GetProperty("Dimensions").GetProperty("UnitOfMeasurement").GetProperty("Code").GetString());
        Assert.Equal("30", package.GetProperty("Dimensions").GetProperty("Length").GetString());
        Assert.False(shipment.TryGetProperty("Service", out _));
    }

    [Fact]
    public async Task QuoteAsync_ShopResponse_MapsDeclaredServicesPreferringNegotiatedRates()
    {
        var quotes = await Adapter.QuoteAsync(new RateRequest(Parcel, Customer, Warehouse), Ct);

        Assert.Equal(["11", "65"], quotes.Select(q => q.ServiceCode));
        var standard = quotes[0];
        Assert.Equal(new Money(9.50m, Currency.EUR), standard.Price);
        Assert.Equal(2, standard.TransitDays);
        Assert.Equal(Weight.FromKilograms(1.5m), standard.BillableWeight);
        Assert.Equal(ReturnMethod.PickupPoint, standard.ReturnMethod);
        Assert.Equal(LabelModes.Printed | LabelModes.Mailed, standard.LabelModes);
        Assert.Equal(new Money(21.10m, Currency.EUR), quotes[1].Price);
        Assert.Equal(1, quotes[1].TransitDays);
    }

    [Fact]
    public async Task QuoteAsync_OneServiceFromTheUs_UsesRateWithServiceAndImperialUnitsAndReadsASingleObject()
    {
        var from = new Address(CountryCode.Parse("US"), "30005") { City = "Alpharetta" };
        var to = new Address(CountryCode.Parse("US"), "21093") { City = "Timonium" };

        var quote = Assert.Single(await Adapter.QuoteAsync(new RateRequest(Parcel, from, to) { ServiceCode = "03" }, Ct));

        Assert.Equal(new Money(14.05m, Currency.USD), quote.Price);
        Assert.Equal(3, quote.TransitDays);
        Assert.Equal(Weight.FromKilograms(1.361m), quote.BillableWeight);
        var shipment = _ups.Body("/api/rating/v2409/Rate").GetProperty("RateRequest").GetProperty("Shipment");
        Assert.Equal("03", shipment.GetProperty("Service").GetProperty("Code").GetString());
        var package = shipment.GetProperty("Package");
        Assert.Equal("LBS", package.GetProperty("PackageWeight").GetProperty("UnitOfMeasurement").GetProperty("Code").GetString());
        Assert.Equal("2.7", package.GetProperty("PackageWeight").GetProperty("Weight").GetString());
        Assert.Equal("IN", package.GetProperty("Dimensions").GetProperty("UnitOfMeasurement").GetProperty("Code").GetString());
        Assert.Equal("11.9", package.GetProperty("Dimensions").GetProperty("Length").GetString());
    }

    [Fact]
    public async Task QuoteAsync_ReturnMethodUpsDoesNotOffer_AnswersNothingWithoutCallingUps()
    {
        var quotes = await Adapter.QuoteAsync(new RateRequest(Parcel, Customer, Warehouse) { ReturnMethod = ReturnMethod.ParcelLocker }, Ct);

        Assert.Empty(quotes);
        Assert.Empty(_ups.Server.LogEntries);
    }

    [Fact]
    public async Task CreateShipmentAsync_PrintedGif_SendsReturnServiceReferencesAndTransIdAndMapsTheLabel()
    {
        var shipment = await Adapter.CreateShipmentAsync(Shipment(), Ct);

        Assert.Equal(UpsFake.TrackingNumber, shipment.TrackingNumber);
        Assert.Equal(UpsFake.TrackingNumber, shipment.CarrierShipmentId);
        Assert.Equal(new Money(9.50m, Currency.EUR), shipment.Price);
        Assert.False(shipment.LabelMailed);
        var label = shipment.Label!;
        Assert.Equal(LabelDocumentFormat.Gif, label.Format);
        Assert.Equal("image/gif", label.MediaType);
        Assert.Equal(Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"), label.Content.ToArray());

        var call = Assert.Single(_ups.Calls("/api/shipments/v2409/ship")).RequestMessage!;
        Assert.Equal("idem-1001", call.Headers!["transId"].Single());
        var request = _ups.Body("/api/shipments/v2409/ship").GetProperty("ShipmentRequest");
        var body = request.GetProperty("Shipment");
        Assert.Equal("9", body.GetProperty("ReturnService").GetProperty("Code").GetString());
        Assert.Equal("11", body.GetProperty("Service").GetProperty("Code").GetString());
        Assert.Equal("GIF", request.GetProperty("LabelSpecification").GetProperty("LabelImageFormat").GetProperty("Code").GetString());
        Assert.Equal("1012 AB", body.GetProperty("ShipFrom").GetProperty("Address").GetProperty("PostalCode").GetString());
        Assert.Equal("Damrak 1", body.GetProperty("ShipFrom").GetProperty("Address").GetProperty("AddressLine")[0].GetString());
        Assert.Equal(UpsFake.AccountNumber, body.GetProperty("Shipper").GetProperty("ShipperNumber").GetString());
        Assert.Equal(UpsFake.AccountNumber, body.GetProperty("PaymentInformation").GetProperty("ShipmentCharge").GetProperty("BillShipper").GetProperty("AccountNumber").GetString());
        Assert.Equal("02", body.GetProperty("Package").GetProperty("Packaging").GetProperty("Code").GetString());
        Assert.Equal("Return RMA-1001", body.GetProperty("Package").GetProperty("Description").GetString());

        // Outside US/US and PR/PR UPS takes reference numbers on the shipment.
        var references = body.GetProperty("ReferenceNumber");
        Assert.Equal("RZ", references[0].GetProperty("Code").GetString());
        Assert.Equal("RMA-1001", references[0].GetProperty("Value").GetString());
        Assert.Equal("TN", references[1].GetProperty("Code").GetString());
        Assert.Equal("idem-1001", references[1].GetProperty("Value").GetString());
        Assert.False(body.GetProperty("Package").TryGetProperty("ReferenceNumber", out _));
    }

    [Fact]
    public async Task CreateShipmentAsync_ZplWithinTheUs_ReadsPackageResultsArrayAndPutsReferencesOnThePackage()
    {
        _ups.Answer("/api/shipments/v2409/ship", "POST", UpsFake.Json(200, "ship-zpl.json"), priority: 5);
        var from = new Address(CountryCode.Parse("US"), "30005");
        var to = new Address(CountryCode.Parse("US"), "21093");
        var longKey = new string('k', 40);

        var shipment = await Adapter.CreateShipmentAsync(new ShipmentRequest(longKey, "RMA-2", "03", ReturnMethod.PickupPoint, Parcel, from, to) { LabelFormat = LabelDocumentFormat.Zpl }, Ct);

        Assert.Equal(LabelDocumentFormat.Zpl, shipment.Label!.Format);
        Assert.Equal("application/x-zpl", shipment.Label.MediaType);
        Assert.StartsWith("^XA", Encoding.ASCII.GetString(shipment.Label.Content.Span), StringComparison.Ordinal);
        var transId = Assert.Single(_ups.Calls("/api/shipments/v2409/ship")).RequestMessage!.Headers!["transId"].Single();
        Assert.Equal(32, transId.Length);
        var body = _ups.Body("/api/shipments/v2409/ship").GetProperty("ShipmentRequest").GetProperty("Shipment");
        Assert.False(body.TryGetProperty("ReferenceNumber", out _));
        Assert.Equal(transId, body.GetProperty("Package").GetProperty("ReferenceNumber")[1].GetProperty("Value").GetString());
    }

    [Fact]
    public async Task CreateShipmentAsync_Mailed_UsesPrintAndMailWithoutLabelSpecification()
    {
        _ups.Answer("/api/shipments/v2409/ship", "POST", UpsFake.Json(200, "ship-mailed.json"), priority: 5);

        var shipment = await Adapter.CreateShipmentAsync(Shipment() with { LabelMode = LabelModes.Mailed }, Ct);

        Assert.True(shipment.LabelMailed);
        Assert.Null(shipment.Label);
        Assert.Equal("1Z12345E0205271699", shipment.TrackingNumber);
        var request = _ups.Body("/api/shipments/v2409/ship").GetProperty("ShipmentRequest");
        Assert.Equal("2", request.GetProperty("Shipment").GetProperty("ReturnService").GetProperty("Code").GetString());
        Assert.False(request.TryGetProperty("LabelSpecification", out _));
    }

    [Fact]
    public async Task CreateShipmentAsync_PdfOrQr_IsNotSupported()
    {
        await Assert.ThrowsAsync<CarrierOperationNotSupportedException>(() => Adapter.CreateShipmentAsync(Shipment() with { LabelFormat = LabelDocumentFormat.Pdf }, Ct));
        await Assert.ThrowsAsync<CarrierOperationNotSupportedException>(() => Adapter.CreateShipmentAsync(Shipment() with { LabelMode = LabelModes.PrinterlessQr }, Ct));

        Assert.Empty(_ups.Server.LogEntries);
    }

    [Fact]
    public async Task ListDropOffPointsAsync_Request_SearchesAccessPointsByGeocodeInKilometres()
    {
        await Adapter.ListDropOffPointsAsync(new DropOffPointQuery(new GeoPoint(52.3731, 4.8922), 10, 5) { Country = CountryCode.Parse("NL") }, Ct);

        var call = Assert.Single(_ups.Calls("/api/locations/v3/search/availabilities/64")).RequestMessage!;
        Assert.Equal("en_US", call.Query!["Locale"].Single());
        var request = _ups.Body("/api/locations/v3/search/availabilities/64").GetProperty("LocatorRequest");
        Assert.Equal("Locator", request.GetProperty("Request").GetProperty("RequestAction").GetString());
        var geocode = request.GetProperty("OriginAddress").GetProperty("Geocode");
        Assert.Equal("52.373100000000", geocode.GetProperty("Latitude").GetString());
        Assert.Equal("4.8922000000000", geocode.GetProperty("Longitude").GetString());
        Assert.Equal("NL", request.GetProperty("OriginAddress").GetProperty("AddressKeyFormat").GetProperty("CountryCode").GetString());
        Assert.Equal("KM", request.GetProperty("UnitOfMeasurement").GetProperty("Code").GetString());
        var criteria = request.GetProperty("LocationSearchCriteria");
        Assert.Equal("10", criteria.GetProperty("SearchRadius").GetString());
        Assert.Equal("5", criteria.GetProperty("MaximumListSize").GetString());
        Assert.Equal("01", criteria.GetProperty("AccessPointSearch").GetProperty("AccessPointStatus").GetString());
        Assert.Equal("en_US", request.GetProperty("Translate").GetProperty("Locale").GetString());
    }

    [Fact]
    public async Task ListDropOffPointsAsync_Response_NearestFirstByGreatCircleWithinRadiusWithHoursAndAddress()
    {
        var centre = new GeoPoint(52.3731, 4.8922);

        var points = await Adapter.ListDropOffPointsAsync(new DropOffPointQuery(centre, 10, 5), Ct);

        Assert.Equal(["U87654321", "U12345678"], points.Select(p => p.Id));
        Assert.All(points, p =>
        {
            Assert.Equal(DropOffKind.PickupPoint, p.Kind);
            Assert.Equal("ups", p.CarrierId);
            Assert.Equal(centre.DistanceKmTo(p.Location), p.DistanceKm!.Value, 9);
        });
        Assert.Equal(OpeningHours.AlwaysOpen, points[0].OpeningHours);
        Assert.Equal(OpeningHours.Parse("Mo-Fr 09:00-18:00; Sa 09:30-12:00; Su off"), points[1].OpeningHours);
        Assert.Equal("DAMRAK 2", points[0].Address!.Line1);
        Assert.Equal("1012 LG", points[0].Address!.Postcode);
        Assert.Equal("KIOSK CENTRAAL", points[0].Name);
    }

    [Fact]
    public async Task ListDropOffPointsAsync_DropBoxesAsSingleObjects_AreMailboxesWithSplitHours()
    {
        var points = await Adapter.ListDropOffPointsAsync(new DropOffPointQuery(new GeoPoint(52.3731, 4.8922), 10, 5) { Kind = DropOffKind.Mailbox }, Ct);

        var box = Assert.Single(points);
        Assert.Equal(DropOffKind.Mailbox, box.Kind);
        Assert.Equal("400001", box.Id);
        Assert.Equal(OpeningHours.Parse("Mo 00:00-17:00,18:00-24:00"), box.OpeningHours);
        Assert.Single(_ups.Calls("/api/locations/v3/search/availabilities/1"));
    }

    [Fact]
    public async Task TrackAsync_Response_EventsOldestFirstWithNormalisedStatuses()
    {
        var tracking = await Adapter.TrackAsync(UpsFake.TrackingNumber, Ct);

        Assert.Equal(UpsFake.TrackingNumber, tracking.TrackingNumber);
        Assert.Equal(TrackingStatus.InTransit, tracking.Status);
        Assert.Equal([TrackingStatus.LabelCreated, TrackingStatus.HandedOver, TrackingStatus.InTransit], tracking.Events.Select(e => e.Status));
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(1)), tracking.Events[0].OccurredAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 8, 15, 0, TimeSpan.FromHours(1)), tracking.Events[2].OccurredAt);
        Assert.Equal("AR", tracking.Events[2].CarrierCode);
        Assert.Equal("Amsterdam, NL", tracking.Events[2].Location);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero), tracking.EstimatedDelivery);
        var call = Assert.Single(_ups.Calls("/api/track/v1/details/" + UpsFake.TrackingNumber)).RequestMessage!;
        Assert.Equal(32, call.Headers!["transId"].Single().Length);
        Assert.Equal("Returns.Sdk", call.Headers!["transactionSrc"].Single());
        Assert.Equal("en_US", call.Query!["locale"].Single());
    }

    [Fact]
    public async Task TrackAsync_Delivered_MapsDeliveredAndExceptionEvents()
    {
        var tracking = await Adapter.TrackAsync("1Z12345E0205271700", Ct);

        Assert.Equal(TrackingStatus.Delivered, tracking.Status);
        Assert.Equal([TrackingStatus.Exception, TrackingStatus.Delivered], tracking.Events.Select(e => e.Status));
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 10, 15, 0, TimeSpan.FromHours(-5)), tracking.Events[1].OccurredAt);
        Assert.Null(tracking.EstimatedDelivery);
    }

    [Fact]
    public async Task CancelShipmentAsync_Voids_ByShipmentIdentificationNumber()
    {
        await Adapter.CancelShipmentAsync(new ReturnShipment("ups", "11", UpsFake.TrackingNumber), Ct);

        Assert.Equal("DELETE", Assert.Single(_ups.Calls("/api/shipments/v2409/void/cancel/" + UpsFake.TrackingNumber)).RequestMessage!.Method);
    }
}
