using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Returns.Sdk;
using Returns.Sdk.Refunds;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Refund.Gateway.Sample.Tests;

// The retailer's refund endpoint on loopback (WireMock.Net), and an HttpRefundGateway built through DI against it
// with fast retries, a captured log and the retry delays the pipeline chose.
internal sealed class FakePlatform : IDisposable
{
    public const string ApiKey = "sk_test_Zq81xWm3Kd0pLr";
    public const string RefundsPath = "/shop/api/v1/refunds";

    public FakePlatform(Action<HttpRefundGatewayOptions>? configure = null, int retries = 2)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        services.AddReturns().AddHttpRefundGateway(
            o =>
            {
                // No trailing slash: the gateway still keeps "shop/api" in front of the refunds path.
                o.BaseAddress = new Uri(Server.Url + "/shop/api");
                o.ApiKey = ApiKey;
                o.Timeout = TimeSpan.FromSeconds(5);
                configure?.Invoke(o);
            },
            resilience =>
            {
                resilience.Retry.MaxRetryAttempts = retries;
                resilience.Retry.Delay = TimeSpan.FromMilliseconds(10);
                resilience.Retry.OnRetry = args =>
                {
                    RetryDelays.Enqueue(args.RetryDelay);
                    return default;
                };
                resilience.CircuitBreaker.MinimumThroughput = 1000;
            });
        Services = services.BuildServiceProvider();
        Services.GetRequiredService<IStartupValidator>().Validate();
    }

    public WireMockServer Server { get; } = WireMockServer.Start();

    public ServiceProvider Services { get; }

    public LogCapture Logs { get; } = new();

    public ConcurrentQueue<TimeSpan> RetryDelays { get; } = new();

    public IRefundGateway Gateway => Services.GetRequiredService<IRefundGateway>();

    public IReadOnlyList<ILogEntry> Calls => [.. Server.LogEntries.Where(e => e.RequestMessage?.Path == RefundsPath).OrderBy(e => e.RequestMessage!.DateTime)];

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Money Eur(decimal amount) => new(amount, Currency.EUR);

    public static RefundInstruction Instruction(string key = "RMA-2026-000001-R1-A1") =>
        new(key, "RMA-2026-000001-R1", "WEB-1001", "RMA-2026-000001",
        [
            new TenderRefund(TenderKind.Card, "psp_ch_3PqX", Eur(21.00m)),
            new TenderRefund(TenderKind.GiftCard, "gc_0042", Eur(0.10m)),
            new TenderRefund(TenderKind.StoreCredit, null, Eur(5.05m)),
        ])
        {
            BookedTo = SalesChannel.Web,
            HandledAtStoreId = "AMS-01",
        };

    public static IResponseBuilder Json(int status, string body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);

    public static IResponseBuilder Problem(int status, string body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/problem+json").WithBody(body);

    public static IRequestBuilder RefundPost() => Request.Create().WithPath(RefundsPath).UsingPost();

    // Every call answers the same.
    public FakePlatform Always(IResponseBuilder response)
    {
        Server.Given(RefundPost()).RespondWith(response);
        return this;
    }

    // The first call answers `first`, every later one `then`.
    public FakePlatform FirstThen(IResponseBuilder first, IResponseBuilder then)
    {
        Server.Given(RefundPost()).InScenario("refund").WillSetStateTo("answered once").RespondWith(first);
        Server.Given(RefundPost()).InScenario("refund").WhenStateIs("answered once").RespondWith(then);
        return this;
    }

    public void Dispose()
    {
        Services.Dispose();
        Server.Stop();
        Server.Dispose();
    }
}

// What the fake platform saw and answered, one call at a time.
internal static class CallExtensions
{
    public static string Header(this ILogEntry call, string name) => call.RequestMessage!.Headers![name].Single();

    public static string Body(this ILogEntry call) => call.RequestMessage!.Body!;

    public static int Status(this ILogEntry call) => Convert.ToInt32(call.ResponseMessage!.StatusCode, CultureInfo.InvariantCulture);
}

internal sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public string All => string.Join('\n', _lines);

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category} [{eventId.Id}] {formatter(state, exception)} {exception}");
    }
}
