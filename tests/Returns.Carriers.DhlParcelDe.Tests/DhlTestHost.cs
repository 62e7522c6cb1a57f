using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Returns.Carriers.Http;
using Returns.Carriers.TableRate;
using Returns.Sdk;
using Returns.Sdk.Carriers;
using WireMock.Logging;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Returns.Carriers.DhlParcelDe.Tests;

// A fake DHL on loopback (returns, location finder and tracking on one server), answering with fixtures shaped like
// DHL's documented responses, and the adapter built through DI against it.
internal sealed class DhlTestHost : IDisposable
{
    public const string ApiKey = "test-api-key-7d1f";
    public const string Username = "gkp-user";
    public const string Password = "gkp-pass-93ab";
    public const string OrdersPath = "/parcel/de/shipping/returns/v1/orders";
    public const string FindByGeoPath = "/location-finder/v1/find-by-geo";
    public const string TrackingPath = "/track/shipments";
    public const string ShipmentNo = "999991587211";

    public static readonly RateCard Rates = RateCard.LoadFileAsync(FixturePath("rates.csv")).GetAwaiter().GetResult().Value;
    public static readonly ZoneMap Zones = ZoneMap.LoadFileAsync(FixturePath("zones.csv")).GetAwaiter().GetResult().Value;

    public static readonly Address Customer = new(CountryCode.Parse("DE"), "53113")
    {
        Name = "Erika Mustermann",
        Line1 = "Charles-de-Gaulle-Str. 20",
        City = "Bonn",
    };

    public static readonly Address Warehouse = new(CountryCode.Parse("DE"), "04129") { Name = "Returns Centre", Line1 = "Hauptstr. 1", City = "Leipzig" };

    public static readonly Parcel Parcel = new(Weight.FromKilograms(1.2m), new Dimensions(30m, 20m, 10m));

    private readonly ServiceProvider _provider;

    public DhlTestHost(Action<CarrierHttpOptions>? configureHttp = null, Action<DhlParcelDeOptions>? configure = null, Action<IServiceCollection>? configureServices = null)
    {
        var services = new ServiceCollection();
        configureServices?.Invoke(services);
        services.AddReturns().AddDhlParcelDe(
            o =>
            {
                Configure(o, Server.Url!);
                configure?.Invoke(o);
            },
            http =>
            {
                http.MaxRetryAttempts = 2;
                http.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
                http.CircuitBreakerMinimumThroughput = 100;
                configureHttp?.Invoke(http);
            });
        _provider = services.BuildServiceProvider();
        _provider.GetRequiredService<IStartupValidator>().Validate();
        ArrangeDefaults();
    }

    public WireMockServer Server { get; } = WireMockServer.Start();

    public CarrierAdapter Adapter => Assert.Single(_provider.GetServices<CarrierAdapter>());

    public static void Configure(DhlParcelDeOptions options, string serverUrl)
    {
        var root = new Uri(serverUrl + "/");
        options.BaseAddress = root;
        options.LocationFinderBaseAddress = root;
        options.TrackingBaseAddress = root;
        options.ApiKey = ApiKey;
        options.Username = Username;
        options.Password = Password;
        options.ReceiverIds["DE"] = "deu";
        options.ReceiverIds["aut"] = "aut";
        options.ReceiverIds["CH"] = "che";
        options.RateCard = Rates;
        options.Zones = Zones;
    }

    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", name);

    public static string Fixture(string name) => File.ReadAllText(FixturePath(name));

    public static ShipmentRequest Shipment(string key, Address? from = null, LabelModes mode = LabelModes.Printed) =>
        new(key, "RMA-2030-0042", DhlParcelDeCarrier.ReturnServiceCode, ReturnMethod.PostOffice, Parcel, from ?? Customer, Warehouse)
        {
            LabelMode = mode,
            CustomerEmail = "erika@example.org",
        };

    public IReadOnlyList<ILogEntry> Requests(string path) =>
        [.. Server.LogEntries.Where(e => e.RequestMessage!.Path == path)];

    public static string? Header(ILogEntry entry, string name) =>
        entry.RequestMessage!.Headers!.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.SingleOrDefault();

    public static string? Query(ILogEntry entry, string name) =>
        entry.RequestMessage!.Query!.TryGetValue(name, out var values) ? values.Single() : null;

    public void Dispose()
    {
        _provider.Dispose();
        Server.Stop();
    }

    public static IResponseBuilder Json(int status, string fixture) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", status < 300 ? "application/json" : "application/problem+json").WithBody(Fixture(fixture));

    private void ArrangeDefaults()
    {
        IRequestBuilder Orders(string labelType) => Request.Create().WithPath(OrdersPath).UsingPost().WithParam("labelType", labelType).WithHeader("dhl-api-key", ApiKey).WithHeader("Authorization", "Basic *", MatchBehaviour.AcceptOnMatch);
        IRequestBuilder Tracking(string number) => Request.Create().WithPath(TrackingPath).UsingGet().WithParam("trackingNumber", number).WithHeader("DHL-API-Key", ApiKey);

        Server.Given(Request.Create().UsingAnyMethod()).AtPriority(100).RespondWith(Json(401, "problem-401.json"));
        Server.Given(Orders("SHIPMENT_LABEL")).AtPriority(10).RespondWith(Json(201, "returns-created.json"));
        Server.Given(Orders("QR_LABEL")).AtPriority(10).RespondWith(Json(201, "returns-created-qr.json"));
        Server.Given(Orders("BOTH")).AtPriority(10).RespondWith(Json(201, "returns-created-both.json"));
        Server.Given(Request.Create().WithPath(OrdersPath).UsingPost().WithBody(new JsonPartialMatcher("{\"shipper\":{\"postalCode\":\"0000\"}}"))).AtPriority(1)
            .RespondWith(Json(400, "returns-400-postal-code.json"));
        Server.Given(Request.Create().WithPath(OrdersPath).UsingPost().WithBody(new JsonPartialMatcher("{\"receiverId\":\"aut\"}"))).AtPriority(1)
            .RespondWith(Json(400, "returns-400-receiver.json"));
        Server.Given(Request.Create().WithPath(FindByGeoPath).UsingGet().WithHeader("DHL-API-Key", ApiKey)).AtPriority(10).RespondWith(Json(200, "locations.json"));
        Server.Given(Tracking(ShipmentNo)).AtPriority(10).RespondWith(Json(200, "tracking.json"));
        Server.Given(Tracking("FAIL401")).AtPriority(10).RespondWith(Json(401, "problem-401.json"));
        Server.Given(Tracking("FAILKEY")).AtPriority(10).RespondWith(Json(401, "gateway-401-invalid-key.json"));
        Server.Given(Tracking("FAIL403")).AtPriority(10).RespondWith(Json(403, "problem-403.json"));
        Server.Given(Tracking("FAIL404")).AtPriority(10).RespondWith(Json(404, "tracking-404.json"));
        Server.Given(Tracking("FAIL422")).AtPriority(10).RespondWith(Json(422, "problem-422.json"));
        Server.Given(Tracking("FAIL429")).AtPriority(10).RespondWith(Json(429, "problem-429.json").WithHeader("Retry-After", "120"));
        Server.Given(Tracking("FAIL500")).AtPriority(10).RespondWith(Response.Create().WithStatusCode(500));
        Server.Given(Tracking("FAIL503")).AtPriority(10).RespondWith(Response.Create().WithStatusCode(503));
        Server.Given(Tracking("FAILHTML")).AtPriority(10).RespondWith(Response.Create().WithStatusCode(502).WithHeader("Content-Type", "text/html").WithBody("<html>Bad gateway for erika@example.org</html>"));
    }
}
