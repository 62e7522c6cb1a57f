using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Returns.Carriers.Testing;
using Returns.Sdk;
using Returns.Sdk.Carriers;
using Returns.Sdk.Locations;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Carrier.Adapter.Sample.Tests;

// A fake Acme Parcel on loopback, answering exactly as the API in the sample's README documents.
public sealed class AcmeParcelCarrierTests : IDisposable
{
    private const string ApiKey = "test-key-123";
    private static readonly string Pdf = Convert.ToBase64String(Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"));
    private static readonly ConformanceScenario Scenario = new(
        new Parcel(Weight.FromKilograms(1.2m), new Dimensions(30m, 20m, 10m)),
        new Address(CountryCode.Parse("NL"), "1012 AB"),
        new Address(CountryCode.Parse("NL"), "5928 LZ"))
    {
        DropOffSearchCentre = new GeoPoint(52.3731, 4.8922),
        CallTimeout = TimeSpan.FromSeconds(5),
    };

    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly ServiceProvider _provider;

    public AcmeParcelCarrierTests()
    {
        var services = new ServiceCollection();
        services.AddReturns().AddAcmeParcel(
            o =>
            {
                o.BaseAddress = new Uri(_server.Url + "/");
                o.ApiKey = ApiKey;
            },
            http =>
            {
                http.MaxRetryAttempts = 2;
                http.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
                http.CircuitBreakerMinimumThroughput = 100;
            });
        _provider = services.BuildServiceProvider();
        _provider.GetRequiredService<IStartupValidator>().Validate();
        Arrange();
    }

    private CarrierAdapter Adapter => Assert.Single(_provider.GetServices<CarrierAdapter>());

    public void Dispose()
    {
        _provider.Dispose();
        _server.Stop();
    }

    private void Arrange()
    {
        IRequestBuilder Api(string path, string method) => Request.Create().WithPath(path).UsingMethod(method).WithHeader("X-Api-Key", ApiKey);

        _server.Given(Request.Create().UsingAnyMethod()).AtPriority(100)
            .RespondWith(Response.Create().WithStatusCode(401).WithBodyAsJson(new { error = new { code = "unauthorized", message = "bad key" } }));
        _server.Given(Api("/v1/rates", "POST").WithBody(new JsonPartialMatcher("{\"from\":{\"postcode\":\"0000 XX\"}}"))).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(400).WithBody("{\"error\":{\"code\":\"invalid_postcode\",\"message\":\"Postcode 0000 XX of Jan does not exist\",\"field\":\"from.postcode\"}}"));
        _server.Given(Api("/v1/rates", "POST")).AtPriority(10)
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("{\"rates\":[{\"service\":\"acme-return\",\"drop_off\":\"post_office\",\"price\":{\"amount\":4.95,\"currency\":\"EUR\"},\"transit_days\":2},{\"service\":\"acme-return\",\"drop_off\":\"locker\",\"price\":{\"amount\":3.95,\"currency\":\"EUR\"},\"transit_days\":1}]}"));
        _server.Given(Api("/v1/returns", "POST").WithHeader("Idempotency-Key", "*", MatchBehaviour.AcceptOnMatch)).AtPriority(10)
            .RespondWith(Response.Create().WithStatusCode(201).WithBody("{\"id\":\"ret_1\",\"tracking_number\":\"ACME000001\",\"label\":{\"format\":\"pdf\",\"content_type\":\"application/pdf\",\"data\":\"" + Pdf + "\"},\"price\":{\"amount\":4.95,\"currency\":\"EUR\"}}"));
        _server.Given(Api("/v1/locations", "GET")).AtPriority(10)
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("{\"locations\":[{\"id\":\"far\",\"name\":\"Far\",\"type\":\"post_office\",\"lat\":52.40,\"lon\":4.90,\"opening_hours\":\"Mo-Fr sunrise-sunset\"},{\"id\":\"near\",\"name\":\"Near\",\"type\":\"locker\",\"lat\":52.374,\"lon\":4.893,\"opening_hours\":\"24/7\"},{\"id\":\"utrecht\",\"name\":\"Utrecht\",\"type\":\"shop\",\"lat\":52.09,\"lon\":5.12}]}"));
        _server.Given(Api("/v1/tracking/ACME000001", "GET")).AtPriority(10)
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("{\"tracking_number\":\"ACME000001\",\"status\":\"in_transit\",\"events\":[{\"at\":\"2030-01-02T10:00:00Z\",\"status\":\"in_transit\",\"description\":\"Sorted\"},{\"at\":\"2030-01-01T10:00:00Z\",\"status\":\"label_created\",\"description\":\"Label created\"}]}"));
        _server.Given(Api("/v1/tracking/FAIL503", "GET")).AtPriority(10).RespondWith(Response.Create().WithStatusCode(503));
        _server.Given(Api("/v1/tracking/FAIL401", "GET")).AtPriority(10)
            .RespondWith(Response.Create().WithStatusCode(401).WithBody("{\"error\":{\"code\":\"key_revoked\",\"message\":\"revoked\"}}"));
        _server.Given(Api("/v1/returns/ret_1", "DELETE")).AtPriority(10).RespondWith(Response.Create().WithStatusCode(204));
    }

    private static RateRequest BadAddressRequest() =>
        new(Scenario.Parcel, new Address(CountryCode.Parse("NL"), "0000 XX"), Scenario.To);

    [Fact]
    public async Task AssertConformsAsync_AcmeParcelThroughDi_Passes()
    {
        var report = await CarrierConformance.AssertConformsAsync(Adapter, Scenario with
        {
            FaultProbes =
            [
                new FaultProbe("401 from tracking", (a, ct) => a.TrackAsync("FAIL401", ct), ExpectTransient: false),
                new FaultProbe("400 on an address field", (a, ct) => a.QuoteAsync(BadAddressRequest(), ct), ExpectTransient: false),
                new FaultProbe("503 from tracking", (a, ct) => a.TrackAsync("FAIL503", ct), ExpectTransient: true),
            ],
        }, TestContext.Current.CancellationToken);

        Assert.True(report.Passed, report.ToString());
        Assert.Contains(report.Checks, c => c.Name.StartsWith("lists drop-off points", StringComparison.Ordinal));
        Assert.Contains(report.Checks, c => c.Name.StartsWith("cancels its own shipment", StringComparison.Ordinal));
    }

    [Fact]
    public async Task QuoteAsync_AddressRejected_ThrowsInvalidAddressWithoutTheCarriersText()
    {
        var exception = await Assert.ThrowsAsync<InvalidAddressException>(() => Adapter.QuoteAsync(BadAddressRequest(), TestContext.Current.CancellationToken));

        Assert.Equal("from.postcode", exception.Field);
        Assert.Equal("invalid_postcode", exception.CarrierErrorCode);
        Assert.Equal(400, exception.StatusCode);
        Assert.DoesNotContain("Jan", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrackAsync_503_IsRetriedThenUnavailable()
    {
        var exception = await Assert.ThrowsAsync<CarrierUnavailableException>(() => Adapter.TrackAsync("FAIL503", TestContext.Current.CancellationToken));

        Assert.Equal(503, exception.StatusCode);
        Assert.Equal(3, _server.LogEntries.Count(e => e.RequestMessage!.Path == "/v1/tracking/FAIL503"));
    }

    [Fact]
    public async Task QuoteAsync_Request_HasMethodPathKeyAndBodyFields()
    {
        var quotes = await Adapter.QuoteAsync(new RateRequest(Scenario.Parcel, Scenario.From, Scenario.To), TestContext.Current.CancellationToken);

        Assert.Equal([ReturnMethod.PostOffice, ReturnMethod.ParcelLocker], quotes.Select(q => q.ReturnMethod));
        var request = Assert.Single(_server.LogEntries).RequestMessage!;
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/rates", request.Path);
        Assert.Equal(ApiKey, request.Headers!["X-Api-Key"].Single());
        Assert.Contains("\"weight_grams\":1200", request.Body, StringComparison.Ordinal);
        Assert.Contains("\"from\":{\"country\":\"NL\",\"postcode\":\"1012 AB\"}", request.Body, StringComparison.Ordinal);
        Assert.Contains("\"length_cm\":30", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateShipmentAsync_Request_SendsIdempotencyKeyAndReturnFields()
    {
        var shipment = await Adapter.CreateShipmentAsync(
            new ShipmentRequest("idem-42", "RMA-42", AcmeParcelCarrier.ReturnServiceCode, ReturnMethod.ParcelLocker, Scenario.Parcel, Scenario.From, Scenario.To) { OrderNumbers = ["O-1"] },
            TestContext.Current.CancellationToken);

        Assert.Equal("ACME000001", shipment.TrackingNumber);
        Assert.Equal("ret_1", shipment.CarrierShipmentId);
        Assert.Equal(LabelDocumentFormat.Pdf, shipment.Label!.Format);
        var request = Assert.Single(_server.LogEntries).RequestMessage!;
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/returns", request.Path);
        Assert.Equal("idem-42", request.Headers!["Idempotency-Key"].Single());
        Assert.Equal(ApiKey, request.Headers!["X-Api-Key"].Single());
        Assert.Contains("\"reference\":\"RMA-42\"", request.Body, StringComparison.Ordinal);
        Assert.Contains("\"drop_off\":\"locker\"", request.Body, StringComparison.Ordinal);
        Assert.Contains("\"label\":\"pdf\"", request.Body, StringComparison.Ordinal);
        Assert.Contains("\"order_numbers\":[\"O-1\"]", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListDropOffPointsAsync_Request_SendsQueryAndAnswersNearestFirst()
    {
        var points = await Adapter.ListDropOffPointsAsync(new DropOffPointQuery(new GeoPoint(52.3731, 4.8922), 10, 5), TestContext.Current.CancellationToken);

        Assert.Equal(["near", "far"], points.Select(p => p.Id));
        var request = Assert.Single(_server.LogEntries).RequestMessage!;
        Assert.Equal("GET", request.Method);
        Assert.Equal("52.3731", request.Query!["lat"].Single());
        Assert.Equal("4.8922", request.Query!["lon"].Single());
        Assert.Equal("10", request.Query!["radius_km"].Single());
        Assert.Equal("5", request.Query!["limit"].Single());
    }

    [Fact]
    public async Task ListDropOffPointsAsync_OpeningHours_ParsedOrUnknownWhenUnsupported()
    {
        var points = await Adapter.ListDropOffPointsAsync(new DropOffPointQuery(new GeoPoint(52.3731, 4.8922), 10, 5), TestContext.Current.CancellationToken);

        Assert.Equal(OpeningHours.AlwaysOpen, points.Single(p => p.Id == "near").OpeningHours);
        Assert.Null(points.Single(p => p.Id == "far").OpeningHours);
    }

    [Fact]
    public async Task TrackAsync_EventsOutOfOrder_AreSortedOldestFirst()
    {
        var tracking = await Adapter.TrackAsync("ACME000001", TestContext.Current.CancellationToken);

        Assert.Equal(TrackingStatus.InTransit, tracking.Status);
        Assert.Equal([TrackingStatus.LabelCreated, TrackingStatus.InTransit], tracking.Events.Select(e => e.Status));
    }

    [Fact]
    public void AddAcmeParcel_WithoutApiKey_FailsOnStart()
    {
        var services = new ServiceCollection();
        services.AddReturns().AddAcmeParcel(o => o.BaseAddress = new Uri("https://api.acme-parcel.example/"));
        using var provider = services.BuildServiceProvider();

        var exception = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        var failures = exception is AggregateException aggregate ? aggregate.InnerExceptions : [exception];
        Assert.All(failures, f => Assert.IsType<OptionsValidationException>(f));
        Assert.Contains(failures, f => f.Message.Contains("ApiKey is required", StringComparison.Ordinal));
    }
}
