using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Returns.Carriers.Http;
using Returns.Sdk.Carriers;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Returns.Carriers.Ups.Tests;

// A fake UPS on loopback answering with fixtures shaped like UPS's documented responses, and the adapter built
// through DI against it.
internal sealed class UpsFake : IDisposable
{
    public const string ClientId = "test-client";
    public const string ClientSecret = "s3cret-Value-123";
    public const string AccountNumber = "A1B2C3";
    public const string TrackingNumber = "1Z12345E0205271688";

    private readonly ServiceProvider _provider;

    public UpsFake(Action<CarrierHttpOptions>? http = null, Action<UpsOptions>? ups = null, TimeProvider? timeProvider = null)
    {
        Server = WireMockServer.Start();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        services.AddReturns().AddUps(
            o =>
            {
                o.BaseAddress = new Uri(Server.Url + "/");
                o.ClientId = ClientId;
                o.ClientSecret = ClientSecret;
                o.AccountNumber = AccountNumber;
                ups?.Invoke(o);
            },
            o =>
            {
                o.MaxRetryAttempts = 2;
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
                o.AttemptTimeout = TimeSpan.FromSeconds(5);
                o.TotalTimeout = TimeSpan.FromSeconds(10);
                o.CircuitBreakerMinimumThroughput = 100;
                http?.Invoke(o);
            });
        _provider = services.BuildServiceProvider();
        _provider.GetRequiredService<IStartupValidator>().Validate();
        Server.Given(Request.Create().WithPath("/security/v1/oauth/token").UsingPost()).AtPriority(50).RespondWith(Json(200, "token.json"));
    }

    public WireMockServer Server { get; }

    public ListLoggerProvider Logs { get; } = new();

    public CarrierAdapter Adapter => Assert.Single(_provider.GetServices<CarrierAdapter>());

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", name));

    public static IResponseBuilder Json(int status, string fixture) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(Fixture(fixture));

    public static IRequestBuilder Api(string path, string method, string token = "tok-1") =>
        Request.Create().WithPath(path).UsingMethod(method).WithHeader("Authorization", "Bearer " + token);

    public void Answer(string path, string method, IResponseBuilder response, int priority = 10) =>
        Server.Given(Api(path, method)).AtPriority(priority).RespondWith(response);

    public IReadOnlyList<ILogEntry> Calls(string path) =>
        [.. Server.LogEntries.Where(e => e.RequestMessage!.Path == path)];

    // WireMock logs a request when its (possibly delayed) answer is written, which can be after the client gave up
    // on it; waits until the expected number of calls is logged (or a few seconds have passed), then answers them all.
    public async Task<IReadOnlyList<ILogEntry>> SettledCallsAsync(string path, int expected)
    {
        for (var i = 0; i < 100 && Calls(path).Count < expected; i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        return Calls(path);
    }

    public JsonElement Body(string path) =>
        JsonDocument.Parse(Assert.Single(Calls(path)).RequestMessage!.Body!).RootElement;

    public void Dispose()
    {
        _provider.Dispose();
        Server.Stop();
        Server.Dispose();
    }
}

// Keeps every log message, to prove that no secret and no personal data is written.
internal sealed class ListLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _messages = new();

    public IReadOnlyCollection<string> Messages => _messages;

    public ILogger CreateLogger(string categoryName) => new ListLogger(_messages, categoryName);

    public void Dispose()
    {
    }

    private sealed class ListLogger(ConcurrentQueue<string> messages, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = new StringBuilder(category).Append(": ").Append(formatter(state, exception));
            if (exception is not null)
            {
                text.Append(" | ").Append(exception);
            }

            messages.Enqueue(text.ToString());
        }
    }
}
