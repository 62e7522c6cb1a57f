using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Returns.Sdk.Carriers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Returns.Carriers.Http.Tests;

public sealed class CarrierHttpPipelineTests : IDisposable
{
    private const string Carrier = "test-carrier";
    private readonly WireMockServer _server = WireMockServer.Start();

    public void Dispose() => _server.Stop();

    // Counts attempts as they leave the pipeline: WireMock logs a delayed request only once it has answered.
    private int _attempts;

    private ServiceProvider Build(Action<CarrierHttpOptions>? tune = null)
    {
        var services = new ServiceCollection();
        services.AddReturns().AddCarrierHttpClient(Carrier, o =>
        {
            o.BaseAddress = new Uri(_server.Url!);
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
            o.CircuitBreakerMinimumThroughput = 100;
            tune?.Invoke(o);
        }).AddHttpMessageHandler(() => new CountingHandler(() => Interlocked.Increment(ref _attempts)));
        return services.BuildServiceProvider();
    }

    // Numbers each attempt in an X-Attempt header, so the fake server can answer the first one differently.
    private sealed class CountingHandler(Func<int> onSend) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Remove("X-Attempt");
            request.Headers.Add("X-Attempt", onSend().ToString(System.Globalization.CultureInfo.InvariantCulture));
            return base.SendAsync(request, cancellationToken);
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(ServiceProvider provider, HttpRequestMessage request)
    {
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateCarrierClient(Carrier);
        try
        {
            var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            return response.IsSuccessStatusCode ? response : throw CarrierHttpErrors.FromResponse(Carrier, response);
        }
        catch (Exception exception) when (CarrierHttpErrors.TryMap(Carrier, exception, TestContext.Current.CancellationToken, out var mapped))
        {
            throw mapped;
        }
    }

    private void FailThenSucceed(string path, int failures, Func<IResponseBuilder> failure)
    {
        for (var i = 0; i < failures; i++)
        {
            var given = _server.Given(Request.Create().WithPath(path)).InScenario(path);
            (i == 0 ? given : given.WhenStateIs($"s{i}")).WillSetStateTo($"s{i + 1}").RespondWith(failure());
        }

        _server.Given(Request.Create().WithPath(path)).InScenario(path).WhenStateIs($"s{failures}")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("{\"ok\":true}"));
    }

    [Fact]
    public async Task SendAsync_503TwiceThen200_RetriesAndSucceeds()
    {
        FailThenSucceed("/rates", 2, () => Response.Create().WithStatusCode(503));
        using var provider = Build();

        using var response = await SendAsync(provider, new HttpRequestMessage(HttpMethod.Get, "rates"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, _server.LogEntries.Count);
    }

    [Fact]
    public async Task SendAsync_429WithRetryAfterOneSecond_RetriesOnlyAfterTheDelay()
    {
        FailThenSucceed("/rates", 1, () => Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1"));
        using var provider = Build();

        using var response = await SendAsync(provider, new HttpRequestMessage(HttpMethod.Get, "rates"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var arrivals = _server.LogEntries.Select(e => e.RequestMessage!.DateTime).Order().ToArray();
        Assert.Equal(2, arrivals.Length);
        Assert.True(arrivals[1] - arrivals[0] >= TimeSpan.FromMilliseconds(950), $"retry came {(arrivals[1] - arrivals[0]).TotalMilliseconds} ms after the 429");
    }

    [Fact]
    public async Task SendAsync_429AskingLongerThanMaxRetryAfter_SurfacesRateLimitedWithRetryAfter()
    {
        _server.Given(Request.Create().WithPath("/rates")).RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "120"));
        using var provider = Build(o => o.MaxRetryAfter = TimeSpan.FromSeconds(5));

        var exception = await Assert.ThrowsAsync<CarrierRateLimitedException>(() => SendAsync(provider, new HttpRequestMessage(HttpMethod.Get, "rates")));

        Assert.Equal(TimeSpan.FromSeconds(120), exception.RetryAfter);
        Assert.Equal(429, exception.StatusCode);
        Assert.Single(_server.LogEntries);
    }

    [Fact]
    public async Task SendAsync_PostWithoutIdempotencyKey_IsNotRetried()
    {
        _server.Given(Request.Create().WithPath("/returns")).RespondWith(Response.Create().WithStatusCode(503));
        using var provider = Build();

        var exception = await Assert.ThrowsAsync<CarrierUnavailableException>(() => SendAsync(provider, new HttpRequestMessage(HttpMethod.Post, "returns") { Content = new StringContent("{}") }));

        Assert.Equal(503, exception.StatusCode);
        Assert.Single(_server.LogEntries);
    }

    [Fact]
    public async Task SendAsync_PostWithIdempotencyKey_IsRetried()
    {
        FailThenSucceed("/returns", 1, () => Response.Create().WithStatusCode(503));
        using var provider = Build();
        var request = new HttpRequestMessage(HttpMethod.Post, "returns") { Content = new StringContent("{}") };
        request.Headers.Add("Idempotency-Key", "rma-1");

        using var response = await SendAsync(provider, request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _server.LogEntries.Count);
    }

    [Fact]
    public async Task SendAsync_GetWithRetriesDisabled_IsNotRetried()
    {
        _server.Given(Request.Create().WithPath("/rates")).RespondWith(Response.Create().WithStatusCode(500));
        using var provider = Build();

        await Assert.ThrowsAsync<CarrierUnavailableException>(() => SendAsync(provider, new HttpRequestMessage(HttpMethod.Get, "rates").WithRetries(false)));

        Assert.Single(_server.LogEntries);
    }

    [Fact]
    public async Task SendAsync_RepeatedFailures_OpenTheCircuitAndFailFastWithoutReachingTheServer()
    {
        _server.Given(Request.Create().WithPath("/rates")).RespondWith(Response.Create().WithStatusCode(500));
        using var provider = Build(o =>
        {
            o.MaxRetryAttempts = 0;
            o.CircuitBreakerMinimumThroughput = 2;
            o.CircuitBreakerFailureRatio = 0.5;
            o.CircuitBreakerSamplingDuration = TimeSpan.FromSeconds(30);
            o.CircuitBreakerBreakDuration = TimeSpan.FromSeconds(30);
        });
        await Assert.ThrowsAsync<CarrierUnavailableException>(() => SendAsync(provider, new HttpRequestMessage(HttpMethod.Get, "rates")));
        await Assert.ThrowsAsync<CarrierUnavailableException>(() => SendAsync(provider, new HttpRequestMessage(HttpMethod.Get, "rates")));

        var exception = await Assert.ThrowsAsync<CarrierUnavailableException>(() => SendAsync(provider, new HttpRequestMessage(HttpMethod.Get, "rates")));

        Assert.IsType<Polly.CircuitBreaker.BrokenCircuitException>(exception.InnerException, exactMatch: false);
        Assert.True(exception.IsTransient);
        Assert.Equal(2, _server.LogEntries.Count);
    }

    [Fact]
    public async Task SendAsync_FirstAttemptSlowerThanAttemptTimeout_IsCutAndRetried()
    {
        _server.Given(Request.Create().WithPath("/rates").WithHeader("X-Attempt", "1")).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("{\"slow\":true}").WithDelay(TimeSpan.FromSeconds(3)));
        _server.Given(Request.Create().WithPath("/rates")).AtPriority(2).RespondWith(Response.Create().WithStatusCode(200).WithBody("{\"ok\":true}"));
        using var provider = Build(o => o.AttemptTimeout = TimeSpan.FromMilliseconds(300));

        using var response = await SendAsync(provider, new HttpRequestMessage(HttpMethod.Get, "rates"));

        // The slow first attempt was abandoned: the answer is the retry's.
        Assert.Equal("{\"ok\":true}", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(_attempts >= 2, $"{_attempts} attempt(s)");
    }

    [Fact]
    public async Task SendAsync_EveryAttemptTooSlow_FailsWithTransientUnavailable()
    {
        _server.Given(Request.Create().WithPath("/rates")).RespondWith(Response.Create().WithStatusCode(200).WithDelay(TimeSpan.FromSeconds(3)));
        using var provider = Build(o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(200);
            o.MaxRetryAttempts = 1;
        });

        var exception = await Assert.ThrowsAsync<CarrierUnavailableException>(() => SendAsync(provider, new HttpRequestMessage(HttpMethod.Get, "rates")));

        Assert.IsType<Polly.Timeout.TimeoutRejectedException>(exception.InnerException);
        Assert.Equal(2, _attempts);
    }
}
