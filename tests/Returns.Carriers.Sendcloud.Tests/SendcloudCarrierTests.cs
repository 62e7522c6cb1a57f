using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Returns.Carriers.Testing;
using Returns.Sdk;
using Returns.Sdk.Carriers;
using Returns.Sdk.Locations;
using WireMock.Matchers;

namespace Returns.Carriers.Sendcloud.Tests;

public sealed class SendcloudCarrierTests : IDisposable
{
    private static readonly ConformanceScenario Scenario = new(Samples.Parcel, new Address(CountryCode.Parse("NL"), "1012 AB"), new Address(CountryCode.Parse("NL"), "5928 LZ"))
    {
        DropOffSearchCentre = new GeoPoint(52.3731, 4.8922),
        CallTimeout = TimeSpan.FromSeconds(10),
    };

    private readonly SendcloudFake _fake = new();
    private readonly CapturingLoggerProvider _logs = new();
    private readonly ServiceProvider _provider;

    public SendcloudCarrierTests()
    {
        _provider = _fake.BuildProvider(logger: _logs);
    }

    private CarrierAdapter Adapter => Assert.Single(_provider.GetServices<CarrierAdapter>());

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _provider.Dispose();
        _fake.Dispose();
    }

    private static JsonElement Body(WireMock.Logging.ILogEntry entry) => JsonDocument.Parse(entry.RequestMessage!.Body!).RootElement;

    [Fact]
    public async Task AssertConformsAsync_SendcloudThroughDi_Passes()
    {
        _fake.Server.Given(SendcloudFake.Api("shipping-options", "POST").WithBody(new JsonPartialMatcher("{\"from_postal_code\":\"0000 XX\"}"))).AtPriority(1)
            .RespondWith(SendcloudFake.Json(400, "error-quote-postal.json"));
        var badAddress = new RateRequest(Scenario.Parcel, new Address(CountryCode.Parse("NL"), "0000 XX"), Scenario.To);

        var report = await CarrierConformance.AssertConformsAsync(Adapter, Scenario with
        {
            FaultProbes =
            [
                new FaultProbe("401 from tracking", (a, ct) => a.TrackAsync("FAIL401", ct), ExpectTransient: false),
                new FaultProbe("400 on an address field of the quote", (a, ct) => a.QuoteAsync(badAddress, ct), ExpectTransient: false),
                new FaultProbe("503 from tracking", (a, ct) => a.TrackAsync("FAIL503", ct), ExpectTransient: true),
            ],
        }, Ct);

        Assert.True(report.Passed, report.ToString());
        Assert.Contains(report.Checks, c => c.Name.StartsWith("lists drop-off points", StringComparison.Ordinal));
        Assert.Contains(report.Checks, c => c.Name.StartsWith("cancels its own shipment", StringComparison.Ordinal));
        Assert.Contains(report.Checks, c => c.Name.StartsWith("tracks its own shipment", StringComparison.Ordinal));
    }

    [Fact]
    public void Capabilities_ConfiguredCodes_BecomeServicesOnTheirCarrierNetworks()
    {
        var capabilities = Adapter.Capabilities;

        Assert.Equal(["postnl:small/return", "dpd:return/return"], capabilities.Services.Select(s => s.Code));
        Assert.Equal(["postnl", "dpd"], capabilities.Services.Select(s => s.Network));
        Assert.All(capabilities.Services, s => Assert.Equal(LabelModes.Printed, s.LabelModes));
        Assert.All(capabilities.Services, s => Assert.Equal([LabelDocumentFormat.Pdf, LabelDocumentFormat.Zpl, LabelDocumentFormat.Png], s.LabelFormats));
        Assert.Equal([ReturnMethod.PostOffice, ReturnMethod.PickupPoint, ReturnMethod.ParcelLocker, ReturnMethod.HomePickup], capabilities.Services[0].ReturnMethods);
        Assert.Equal(CarrierFeatures.LiveRates | CarrierFeatures.DropOffPoints | CarrierFeatures.Tracking | CarrierFeatures.Cancellation, capabilities.Features);
        Assert.False(capabilities.Supports(CarrierFeatures.PickupScheduling));
    }

    [Fact]
    public async Task QuoteAsync_Request_HasMethodPathBasicAuthAndDocumentedFields()
    {
        await Adapter.QuoteAsync(new RateRequest(Samples.Parcel, Samples.Customer, Samples.Warehouse), Ct);

        var entry = Assert.Single(_fake.Requests("/api/v3/shipping-options"));
        Assert.Equal("POST", entry.RequestMessage!.Method);
        Assert.Equal(SendcloudFake.BasicAuth, entry.RequestMessage.Headers!["Authorization"].Single());
        var body = Body(entry);
        Assert.Equal("NL", body.GetProperty("from_country_code").GetString());
        Assert.Equal("NL", body.GetProperty("to_country_code").GetString());
        Assert.Equal("1012 AB", body.GetProperty("from_postal_code").GetString());
        Assert.Equal("5928 LZ", body.GetProperty("to_postal_code").GetString());
        Assert.True(body.GetProperty("functionalities").GetProperty("returns").GetBoolean());
        Assert.True(body.GetProperty("calculate_quotes").GetBoolean());
        Assert.Equal(60, body.GetProperty("contract_id").GetInt32());
        var parcel = Assert.Single(body.GetProperty("parcels").EnumerateArray());
        Assert.Equal("1.2", parcel.GetProperty("weight").GetProperty("value").GetString());
        Assert.Equal("kg", parcel.GetProperty("weight").GetProperty("unit").GetString());
        Assert.Equal("30", parcel.GetProperty("dimensions").GetProperty("length").GetString());
        Assert.Equal("cm", parcel.GetProperty("dimensions").GetProperty("unit").GetString());
        Assert.False(body.TryGetProperty("shipping_option_code", out _));
    }

    [Fact]
    public async Task QuoteAsync_ShippingOptions_MapToQuotesOfConfiguredCodesByFirstMile()
    {
        var quotes = await Adapter.QuoteAsync(new RateRequest(Samples.Parcel, Samples.Customer, Samples.Warehouse), Ct);

        // postnl:small/return is drop-off only, dpd:return/return pickup only; ups is not configured, postnl:large has no quote.
        Assert.Equal(
            [("postnl:small/return", ReturnMethod.PostOffice), ("postnl:small/return", ReturnMethod.PickupPoint), ("postnl:small/return", ReturnMethod.ParcelLocker), ("dpd:return/return", ReturnMethod.HomePickup)],
            quotes.Select(q => (q.ServiceCode, q.ReturnMethod)));
        var postnl = quotes[0];
        Assert.Equal(Money.Of(4.95m, "EUR"), postnl.Price);
        Assert.Equal(2, postnl.TransitDays);
        Assert.Equal(Weight.FromKilograms(2m), postnl.BillableWeight);
        Assert.Equal("sendcloud", postnl.CarrierId);
        var dpd = quotes[3];
        Assert.Equal(Money.Of(7.50m, "EUR"), dpd.Price); // a JSON number where the other quote has a string
        Assert.Equal(1, dpd.TransitDays);
        Assert.Null(dpd.BillableWeight);
    }

    [Fact]
    public async Task QuoteAsync_ServiceAndMethodFilters_AskForTheCodeAndKeepTheMethod()
    {
        var quotes = await Adapter.QuoteAsync(new RateRequest(Samples.Parcel, Samples.Customer, Samples.Warehouse) { ServiceCode = "postnl:small/return", ReturnMethod = ReturnMethod.ParcelLocker }, Ct);

        var quote = Assert.Single(quotes);
        Assert.Equal(ReturnMethod.ParcelLocker, quote.ReturnMethod);
        Assert.Equal("postnl:small/return", Body(Assert.Single(_fake.Requests("/api/v3/shipping-options"))).GetProperty("shipping_option_code").GetString());
    }

    [Fact]
    public async Task QuoteAsync_UnconfiguredService_AnswersNothingWithoutACall()
    {
        var quotes = await Adapter.QuoteAsync(new RateRequest(Samples.Parcel, Samples.Customer, Samples.Warehouse) { ServiceCode = "ups:standard/return" }, Ct);

        Assert.Empty(quotes);
        Assert.Empty(_fake.Server.LogEntries);
    }

    [Fact]
    public async Task CreateShipmentAsync_Request_AnnouncesSynchronouslyWithDocumentedFields()
    {
        var shipment = await Adapter.CreateShipmentAsync(Samples.Shipment(), Ct);

        var entry = Assert.Single(_fake.Requests("/api/v3/returns/announce-synchronously"));
        Assert.Equal("POST", entry.RequestMessage!.Method);
        Assert.Equal(SendcloudFake.BasicAuth, entry.RequestMessage.Headers!["Authorization"].Single());
        Assert.False(entry.RequestMessage.Headers.ContainsKey("Idempotency-Key"));
        var body = Body(entry);
        var from = body.GetProperty("from_address");
        Assert.Equal("Jan Jansen", from.GetProperty("name").GetString());
        Assert.Equal("Stadhuisplein 10", from.GetProperty("address_line_1").GetString());
        Assert.Equal("1012 AB", from.GetProperty("postal_code").GetString());
        Assert.Equal("Amsterdam", from.GetProperty("city").GetString());
        Assert.Equal("NL", from.GetProperty("country_code").GetString());
        Assert.Equal("jan@example.com", from.GetProperty("email").GetString());
        Assert.Equal("+31612345678", from.GetProperty("phone_number").GetString());
        Assert.Equal("5928 LZ", body.GetProperty("to_address").GetProperty("postal_code").GetString());
        Assert.False(body.GetProperty("to_address").TryGetProperty("email", out _));
        var shipWith = body.GetProperty("ship_with");
        Assert.Equal("shipping_option_code", shipWith.GetProperty("type").GetString());
        Assert.Equal("postnl:small/return", shipWith.GetProperty("shipping_option_code").GetString());
        Assert.Equal(60, shipWith.GetProperty("contract").GetInt32());
        Assert.Equal(1.2m, body.GetProperty("weight").GetProperty("value").GetDecimal());
        Assert.Equal("kg", body.GetProperty("weight").GetProperty("unit").GetString());
        Assert.Equal(30m, body.GetProperty("dimensions").GetProperty("length").GetDecimal());
        Assert.Equal("cm", body.GetProperty("dimensions").GetProperty("unit").GetString());
        Assert.Equal("drop_off_point", body.GetProperty("delivery_option").GetString());
        Assert.Equal("RMA-42", body.GetProperty("external_reference").GetString());
        Assert.Equal("O-1", body.GetProperty("order_number").GetString());
        Assert.False(body.GetProperty("send_tracking_emails").GetBoolean());

        Assert.Equal(SendcloudFake.TrackingNumber, shipment.TrackingNumber);
        Assert.Equal("12345", shipment.CarrierShipmentId);
        Assert.Equal(Money.Of(4.95m, "EUR"), shipment.Price);
        Assert.Equal(LabelDocumentFormat.Pdf, shipment.Label!.Format);
        Assert.Equal("application/pdf", shipment.Label.MediaType);
        Assert.Equal(SendcloudFake.Pdf, shipment.Label.Content.ToArray());
        Assert.Equal("application/pdf", Assert.Single(_fake.Requests("/api/v3/parcels/67880/documents/label")).RequestMessage!.Headers!["Accept"].Single());
    }

    [Theory]
    [InlineData(LabelDocumentFormat.Zpl, "application/zpl")]
    [InlineData(LabelDocumentFormat.Png, "image/png")]
    public async Task CreateShipmentAsync_LabelFormat_AsksByAcceptAndMapsTheDocument(LabelDocumentFormat format, string mediaType)
    {
        var shipment = await Adapter.CreateShipmentAsync(Samples.Shipment(format: format), Ct);

        Assert.Equal(format, shipment.Label!.Format);
        Assert.Equal(mediaType, shipment.Label.MediaType);
        Assert.Equal(format == LabelDocumentFormat.Zpl ? SendcloudFake.Zpl : SendcloudFake.Png, shipment.Label.Content.ToArray());
        Assert.Equal(mediaType, Assert.Single(_fake.Requests("/api/v3/parcels/67880/documents/label")).RequestMessage!.Headers!["Accept"].Single());
    }

    [Fact]
    public async Task CreateShipmentAsync_CarrierAnswersNativeZplToAPdfRequest_LabelIsZpl()
    {
        _fake.Server.Given(SendcloudFake.Api("parcels/67880/documents/label", "GET")).AtPriority(1)
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/zpl").WithBody(SendcloudFake.Zpl));

        var shipment = await Adapter.CreateShipmentAsync(Samples.Shipment(), Ct);

        Assert.Equal(LabelDocumentFormat.Zpl, shipment.Label!.Format);
    }

    [Theory]
    [InlineData(ReturnMethod.PostOffice, "drop_off_point")]
    [InlineData(ReturnMethod.ParcelLocker, "drop_off_point")]
    [InlineData(ReturnMethod.HomePickup, "pickup")]
    public async Task CreateShipmentAsync_ReturnMethod_MapsToDeliveryOption(ReturnMethod method, string deliveryOption)
    {
        await Adapter.CreateShipmentAsync(Samples.Shipment(method: method), Ct);

        Assert.Equal(deliveryOption, Body(Assert.Single(_fake.Requests("/api/v3/returns/announce-synchronously"))).GetProperty("delivery_option").GetString());
    }

    [Fact]
    public async Task CreateShipmentAsync_PrinterlessQr_IsRefusedWithoutACall()
    {
        var request = Samples.Shipment() with { LabelMode = LabelModes.PrinterlessQr };

        await Assert.ThrowsAsync<CarrierOperationNotSupportedException>(() => Adapter.CreateShipmentAsync(request, Ct));

        Assert.Empty(_fake.Server.LogEntries);
    }

    [Fact]
    public async Task CreateShipmentAsync_UndeclaredMethodOrService_IsRefusedWithoutACall()
    {
        await Assert.ThrowsAsync<CarrierOperationNotSupportedException>(() => Adapter.CreateShipmentAsync(Samples.Shipment(method: ReturnMethod.InStore), Ct));
        await Assert.ThrowsAsync<CarrierOperationNotSupportedException>(() => Adapter.CreateShipmentAsync(Samples.Shipment() with { ServiceCode = "ups:standard/return" }, Ct));

        Assert.Empty(_fake.Server.LogEntries);
    }

    [Fact]
    public async Task CreateShipmentAsync_SameIdempotencyKeyTwice_AnnouncesOnce()
    {
        var first = await Adapter.CreateShipmentAsync(Samples.Shipment("key-1"), Ct);
        var second = await Adapter.CreateShipmentAsync(Samples.Shipment("key-1"), Ct);

        Assert.Equal(first.TrackingNumber, second.TrackingNumber);
        Assert.Single(_fake.Requests("/api/v3/returns/announce-synchronously"));
        Assert.Equal(2, _fake.Requests("/api/v3/returns/12345").Count);
    }

    [Fact]
    public async Task CreateShipmentAsync_AnnouncementRefusedByCarrier_IsPermanentWithItsCode()
    {
        _fake.Server.Given(SendcloudFake.Api("returns/12345", "GET")).AtPriority(1).RespondWith(SendcloudFake.Json(200, "return-not-announced.json"));

        var exception = await Assert.ThrowsAsync<CarrierException>(() => Adapter.CreateShipmentAsync(Samples.Shipment(), Ct));

        Assert.False(exception.IsTransient);
        Assert.Equal("invalid_house_number", exception.CarrierErrorCode);
        Assert.DoesNotContain("Jan", exception.Message, StringComparison.Ordinal);
        Assert.Empty(_fake.Requests("/api/v3/parcels/67880/documents/label"));
    }

    [Fact]
    public async Task CancelShipmentAsync_ReturnId_PatchesTheCancelEndpoint()
    {
        await Adapter.CancelShipmentAsync(new ReturnShipment("sendcloud", "postnl:small/return", SendcloudFake.TrackingNumber) { CarrierShipmentId = "12345" }, Ct);

        var entry = Assert.Single(_fake.Requests("/api/v3/returns/12345/cancel"));
        Assert.Equal("PATCH", entry.RequestMessage!.Method);
        Assert.Equal(SendcloudFake.BasicAuth, entry.RequestMessage.Headers!["Authorization"].Single());
    }

    [Fact]
    public async Task ListDropOffPointsAsync_Request_SendsCountryCoordinatesRadiusInMetresAndNetworks()
    {
        await Adapter.ListDropOffPointsAsync(new DropOffPointQuery(new GeoPoint(52.3731, 4.8922), 10, 5), Ct);

        var request = Assert.Single(_fake.Requests("/sp/api/v2/service-points")).RequestMessage!;
        Assert.Equal("GET", request.Method);
        Assert.Equal(SendcloudFake.BasicAuth, request.Headers!["Authorization"].Single());
        Assert.Equal("NL", request.Query!["country"].Single());
        Assert.Equal("52.3731", request.Query["latitude"].Single());
        Assert.Equal("4.8922", request.Query["longitude"].Single());
        Assert.Equal("10000", request.Query["radius"].Single());
        Assert.Equal("postnl,dpd", request.Query["carrier"].Single());
    }

    [Fact]
    public async Task ListDropOffPointsAsync_ServicePoints_MapNearestFirstByGreatCircleWithinTheRadius()
    {
        var near = new GeoPoint(52.3731, 4.8922);

        var points = await Adapter.ListDropOffPointsAsync(new DropOffPointQuery(near, 10, 5) { Country = CountryCode.Parse("NL") }, Ct);

        // Utrecht lies outside 10 km and the inactive point is dropped; Sendcloud's own "distance" is ignored.
        Assert.Equal(["20000001", "30000001", "10875349"], points.Select(p => p.Id));
        Assert.Equal([DropOffKind.ParcelLocker, DropOffKind.PostOffice, DropOffKind.PickupPoint], points.Select(p => p.Kind));
        Assert.Equal(["postnl", "dpd", "postnl"], points.Select(p => p.CarrierId));
        Assert.All(points, p => Assert.Equal(near.DistanceKmTo(p.Location), p.DistanceKm!.Value, 9));
        var far = points[2];
        Assert.Equal(new GeoPoint(52.4, 4.9), far.Location);
        Assert.Equal(OpeningHours.Parse("Mo 09:00-12:00,13:30-17:15; Tu,We,Fr 09:00-17:00; Th off; Sa 10:00-16:00; Su off"), far.OpeningHours);
        Assert.Equal(OpeningHours.AlwaysOpen, points[0].OpeningHours);
        Assert.Null(points[1].OpeningHours);
        Assert.Equal("Damrak 1", far.Address!.Line1);
        Assert.Equal("1012LG", far.Address.Postcode);
        Assert.Equal("AMSTERDAM", far.Address.City);
    }

    [Fact]
    public async Task ListDropOffPointsAsync_KindAndLimit_FilterAfterSorting()
    {
        var lockers = await Adapter.ListDropOffPointsAsync(new DropOffPointQuery(new GeoPoint(52.3731, 4.8922), 50, 5) { Kind = DropOffKind.ParcelLocker }, Ct);
        var nearest = await Adapter.ListDropOffPointsAsync(new DropOffPointQuery(new GeoPoint(52.3731, 4.8922), 50, 1), Ct);

        Assert.Equal(["20000001", "40000001"], lockers.Select(p => p.Id));
        Assert.Equal("20000001", Assert.Single(nearest).Id);
    }

    [Fact]
    public async Task ListDropOffPointsAsync_NoCountryAnywhere_ThrowsArgumentException()
    {
        using var provider = _fake.BuildProvider(o => o.DefaultServicePointCountry = null);
        var adapter = provider.GetServices<CarrierAdapter>().Single();

        await Assert.ThrowsAsync<ArgumentException>(() => adapter.ListDropOffPointsAsync(new DropOffPointQuery(new GeoPoint(52.3731, 4.8922), 10, 5), Ct));
    }

    [Fact]
    public async Task TrackAsync_Events_AreSortedAndNormalised()
    {
        var tracking = await Adapter.TrackAsync(SendcloudFake.TrackingNumber, Ct);

        Assert.Equal(SendcloudFake.TrackingNumber, tracking.TrackingNumber);
        Assert.Equal([TrackingStatus.LabelCreated, TrackingStatus.HandedOver, TrackingStatus.InTransit], tracking.Events.Select(e => e.Status));
        Assert.Equal(["announced", "accepted", "at_sorting_centre"], tracking.Events.Select(e => e.CarrierCode));
        Assert.Equal(TrackingStatus.InTransit, tracking.Status);
        Assert.Equal(new DateTimeOffset(2030, 1, 4, 0, 0, 0, TimeSpan.Zero), tracking.EstimatedDelivery);
        Assert.Equal("Parcel has been accepted by the carrier.", tracking.Events[1].Description);
    }

    [Fact]
    public async Task TrackAsync_UnknownStatusCode_IsAnExceptionKeepingTheCode()
    {
        var tracking = await Adapter.TrackAsync("UNKNOWN1", Ct);

        Assert.Equal([TrackingStatus.LabelCreated, TrackingStatus.Exception], tracking.Events.Select(e => e.Status));
        Assert.Equal("something_new", tracking.Events[1].CarrierCode);
        Assert.Null(tracking.EstimatedDelivery);
    }

    [Fact]
    public async Task Calls_Logs_HoldNoSecretNoPersonalDataNoTrackingNumber()
    {
        await Adapter.QuoteAsync(new RateRequest(Samples.Parcel, Samples.Customer, Samples.Warehouse), Ct);
        await Adapter.CreateShipmentAsync(Samples.Shipment(), Ct);
        await Adapter.TrackAsync(SendcloudFake.TrackingNumber, Ct);
        await Assert.ThrowsAsync<CarrierUnauthorizedException>(() => Adapter.TrackAsync("FAIL401", Ct));

        Assert.NotEmpty(_logs.Messages);
        foreach (var forbidden in new[] { SendcloudFake.SecretKey, SendcloudFake.PublicKey, "Jan", "jan@example.com", "1012 AB", SendcloudFake.TrackingNumber, "FAIL401", "Basic " })
        {
            Assert.DoesNotContain(_logs.Messages, m => m.Contains(forbidden, StringComparison.Ordinal));
        }
    }
}
