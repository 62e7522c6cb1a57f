using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Returns.Carriers.Http;
using Returns.Sdk;
using Returns.Sdk.Carriers;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Returns.Carriers.Sendcloud.Tests;

// A fake Sendcloud on loopback: API v3 under /api/v3/, the service point API v2 under /sp/api/v2/, answering with
// fixtures shaped like Sendcloud's documented responses. Anything unauthenticated gets Sendcloud's documented 401.
internal sealed class SendcloudFake : IDisposable
{
    public const string PublicKey = "pk-test-5f1c";
    public const string SecretKey = "sk-SECRET-9b7e2d";
    public const string TrackingNumber = "3SRTRN0000001";
    public static readonly string BasicAuth = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(PublicKey + ":" + SecretKey));
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    public static readonly byte[] Zpl = Encoding.ASCII.GetBytes("^XA^FO50,50^A0N,40,40^FD3SRTRN0000001^FS^XZ");
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];

    public SendcloudFake()
    {
        Server = WireMockServer.Start();
        ArrangeDefaults();
    }

    public WireMockServer Server { get; }

    public Uri ApiBase => new(Server.Url + "/api/v3/");

    public Uri ServicePointsBase => new(Server.Url + "/sp/api/v2/");

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", name));

    public static IRequestBuilder Api(string path, string method) =>
        Request.Create().WithPath("/api/v3/" + path).UsingMethod(method).WithHeader("Authorization", BasicAuth);

    public static IResponseBuilder Json(int status, string fixture) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(Fixture(fixture));

    public IReadOnlyList<ILogEntry> Requests(string path, string? method = null) =>
        [.. Server.LogEntries.Where(e => e.RequestMessage!.Path == path && (method is null || e.RequestMessage.Method == method))];

    // WireMock writes a log entry once it has answered, which for a delayed answer is after the client gave up.
    public async Task<IReadOnlyList<ILogEntry>> RequestsEventuallyAsync(string path, int atLeast, string? method = null)
    {
        for (var i = 0; i < 250 && Requests(path, method).Count < atLeast; i++)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        return Requests(path, method);
    }

    public ServiceProvider BuildProvider(Action<SendcloudOptions>? configure = null, Action<CarrierHttpOptions>? configureHttp = null, ILoggerProvider? logger = null)
    {
        var services = new ServiceCollection();
        if (logger is not null)
        {
            services.AddLogging(b => b.AddProvider(logger).SetMinimumLevel(LogLevel.Trace));
        }

        services.AddReturns().AddSendcloud(
            o =>
            {
                o.BaseAddress = ApiBase;
                o.ServicePointsBaseAddress = ServicePointsBase;
                o.PublicKey = PublicKey;
                o.SecretKey = SecretKey;
                o.ShippingOptionCodes.Add("postnl:small/return");
                o.ShippingOptionCodes.Add("dpd:return/return");
                foreach (var method in new[] { ReturnMethod.PostOffice, ReturnMethod.PickupPoint, ReturnMethod.ParcelLocker, ReturnMethod.HomePickup })
                {
                    o.ReturnMethods.Add(method);
                }

                o.ContractId = 60;
                o.DefaultServicePointCountry = "NL";
                configure?.Invoke(o);
            },
            http =>
            {
                http.MaxRetryAttempts = 2;
                http.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
                http.AttemptTimeout = TimeSpan.FromSeconds(5);
                http.CircuitBreakerMinimumThroughput = 100;
                configureHttp?.Invoke(http);
            });
        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        return provider;
    }

    public void Dispose() => Server.Stop();

    private void ArrangeDefaults()
    {
        Server.Given(Request.Create().UsingAnyMethod()).AtPriority(100).RespondWith(Json(401, "error-401.json"));

        Server.Given(Api("shipping-options", "POST")).AtPriority(10).RespondWith(Json(200, "shipping-options.json"));
        Server.Given(Api("returns/announce-synchronously", "POST")).AtPriority(10).RespondWith(Json(201, "return-created.json"));
        Server.Given(Api("returns/12345", "GET")).AtPriority(10).RespondWith(Json(200, "return.json"));
        Server.Given(Api("returns/12345/cancel", "PATCH")).AtPriority(10)
            .RespondWith(Response.Create().WithStatusCode(202).WithHeader("Content-Type", "application/json").WithBody("{\"status\":\"cancelled\",\"message\":\"Cancellation requested\"}"));
        Server.Given(Api("parcels/67880/documents/label", "GET").WithHeader("Accept", "application/pdf")).AtPriority(10)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/pdf").WithBody(Pdf));
        Server.Given(Api("parcels/67880/documents/label", "GET").WithHeader("Accept", "application/zpl")).AtPriority(10)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/zpl").WithBody(Zpl));
        Server.Given(Api("parcels/67880/documents/label", "GET").WithHeader("Accept", "image/png")).AtPriority(10)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "image/png").WithBody(Png));
        Server.Given(Api("parcels/tracking/" + TrackingNumber, "GET")).AtPriority(10).RespondWith(Json(200, "tracking.json"));
        Server.Given(Api("parcels/tracking/UNKNOWN1", "GET")).AtPriority(10).RespondWith(Json(200, "tracking-unknown.json"));
        Server.Given(Api("parcels/tracking/FAIL401", "GET")).AtPriority(10).RespondWith(Json(401, "error-401.json"));
        Server.Given(Api("parcels/tracking/FAIL503", "GET")).AtPriority(10).RespondWith(Response.Create().WithStatusCode(503));
        Server.Given(Request.Create().WithPath("/sp/api/v2/service-points").UsingGet().WithHeader("Authorization", BasicAuth)).AtPriority(10)
            .RespondWith(Json(200, "service-points.json"));
    }
}

// Collects every log message, to prove that no secret or personal data is written.
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public List<string> Messages { get; } = [];

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (owner.Messages)
            {
                owner.Messages.Add(formatter(state, exception) + " " + exception);
            }
        }
    }
}

internal static class Samples
{
    public static readonly Parcel Parcel = new(Weight.FromKilograms(1.2m), new Dimensions(30m, 20m, 10m));

    public static readonly Address Customer = new(CountryCode.Parse("NL"), "1012 AB")
    {
        Name = "Jan Jansen",
        Line1 = "Stadhuisplein 10",
        City = "Amsterdam",
    };

    public static readonly Address Warehouse = new(CountryCode.Parse("NL"), "5928 LZ")
    {
        Name = "Returns Centre",
        Line1 = "Industrieweg 5",
        City = "Venlo",
    };

    public static ShipmentRequest Shipment(string key = "idem-42", ReturnMethod method = ReturnMethod.PickupPoint, LabelDocumentFormat format = LabelDocumentFormat.Pdf) =>
        new(key, "RMA-42", "postnl:small/return", method, Parcel, Customer, Warehouse)
        {
            LabelFormat = format,
            CustomerEmail = "jan@example.com",
            CustomerPhone = "+31612345678",
            OrderNumbers = ["O-1", "O-2"],
        };
}
