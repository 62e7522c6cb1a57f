using Returns.Sdk.Carriers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Returns.Carriers.DhlParcelDe.Tests;

public sealed class ResilienceTests : IDisposable
{
    // Only the timeout tests get a short attempt timeout, so that a busy test machine cannot time the others out.
    private readonly Lazy<DhlTestHost> _impatient = new(() => new DhlTestHost(http =>
    {
        http.AttemptTimeout = TimeSpan.FromMilliseconds(300);
        http.TotalTimeout = TimeSpan.FromSeconds(10);
    }));

    private readonly Lazy<DhlTestHost> _patient = new(() => new DhlTestHost());

    private DhlTestHost Host => _patient.Value;

    public void Dispose()
    {
        if (_impatient.IsValueCreated)
        {
            _impatient.Value.Dispose();
        }

        if (_patient.IsValueCreated)
        {
            _patient.Value.Dispose();
        }
    }

    private static IRequestBuilder Create() => Request.Create().WithPath(DhlTestHost.OrdersPath).UsingPost();

    private static async Task<int> SettledCountAsync(DhlTestHost host, string path, int expectedAtLeast)
    {
        // A delayed answer is logged when the fake server finishes it, after the client gave up.
        for (var i = 0; i < 60 && host.Requests(path).Count < expectedAtLeast; i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        return host.Requests(path).Count;
    }

    [Fact]
    public async Task TrackAsync_429Storm_RetriesThenThrowsRateLimited()
    {
        Host.Server.Given(Request.Create().WithPath(DhlTestHost.TrackingPath).UsingGet().WithParam("trackingNumber", "STORM")).AtPriority(1)
            .RespondWith(DhlTestHost.Json(429, "problem-429.json").WithHeader("Retry-After", "0"));

        var exception = await Assert.ThrowsAsync<CarrierRateLimitedException>(() => Host.Adapter.TrackAsync("STORM", TestContext.Current.CancellationToken));

        Assert.True(exception.IsTransient);
        Assert.Equal(3, Host.Requests(DhlTestHost.TrackingPath).Count);
    }

    [Fact]
    public async Task TrackAsync_SlowerThanAttemptTimeout_IsRetriedThenUnavailable()
    {
        var host = _impatient.Value;
        host.Server.Given(Request.Create().WithPath(DhlTestHost.TrackingPath).UsingGet().WithParam("trackingNumber", "SLOW")).AtPriority(1)
            .RespondWith(DhlTestHost.Json(200, "tracking.json").WithDelay(TimeSpan.FromMilliseconds(900)));

        var exception = await Assert.ThrowsAsync<CarrierUnavailableException>(() => host.Adapter.TrackAsync("SLOW", TestContext.Current.CancellationToken));

        Assert.True(exception.IsTransient);
        Assert.Equal(3, await SettledCountAsync(host, DhlTestHost.TrackingPath, 3));
    }

    [Fact]
    public async Task CreateShipmentAsync_FirstAttemptTimesOut_OutcomeUnknownAndNeverPostsAgainForTheKey()
    {
        var host = _impatient.Value;
        host.Server.Given(Create()).AtPriority(1).RespondWith(DhlTestHost.Json(201, "returns-created.json").WithDelay(TimeSpan.FromMilliseconds(900)));

        var first = await Assert.ThrowsAsync<ShipmentOutcomeUnknownException>(() => host.Adapter.CreateShipmentAsync(DhlTestHost.Shipment("idem-slow"), TestContext.Current.CancellationToken));
        var again = await Assert.ThrowsAsync<ShipmentOutcomeUnknownException>(() => host.Adapter.CreateShipmentAsync(DhlTestHost.Shipment("idem-slow"), TestContext.Current.CancellationToken));

        Assert.Equal("outcome_unknown", first.CarrierErrorCode);
        Assert.IsType<CarrierUnavailableException>(first.InnerException);
        Assert.False(first.IsTransient);
        Assert.Equal("outcome_unknown", again.CarrierErrorCode);
        Assert.Equal(1, await SettledCountAsync(host, DhlTestHost.OrdersPath, 1));
        await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.Single(host.Requests(DhlTestHost.OrdersPath));
    }

    [Fact]
    public async Task CreateShipmentAsync_502_IsNotRetriedNotResentAndOutcomeUnknown()
    {
        Host.Server.Given(Create()).AtPriority(1).RespondWith(Response.Create().WithStatusCode(502));

        var first = await Assert.ThrowsAsync<ShipmentOutcomeUnknownException>(() => Host.Adapter.CreateShipmentAsync(DhlTestHost.Shipment("idem-502"), TestContext.Current.CancellationToken));
        var again = await Assert.ThrowsAsync<ShipmentOutcomeUnknownException>(() => Host.Adapter.CreateShipmentAsync(DhlTestHost.Shipment("idem-502"), TestContext.Current.CancellationToken));

        Assert.Equal("outcome_unknown", first.CarrierErrorCode);
        Assert.Equal(502, first.StatusCode);
        Assert.False(first.IsTransient);
        Assert.Equal("outcome_unknown", again.CarrierErrorCode);
        Assert.Single(Host.Requests(DhlTestHost.OrdersPath));
    }

    [Fact]
    public async Task CreateShipmentAsync_503ThenRetriedByCaller_CreatesExactlyOneLabel()
    {
        Host.Server.Given(Create()).InScenario("busy").WillSetStateTo("recovered").AtPriority(1).RespondWith(Response.Create().WithStatusCode(503));
        Host.Server.Given(Create()).InScenario("busy").WhenStateIs("recovered").AtPriority(1).RespondWith(DhlTestHost.Json(201, "returns-created.json"));

        var refused = await Assert.ThrowsAsync<CarrierUnavailableException>(() => Host.Adapter.CreateShipmentAsync(DhlTestHost.Shipment("idem-503"), TestContext.Current.CancellationToken));
        var shipment = await Host.Adapter.CreateShipmentAsync(DhlTestHost.Shipment("idem-503"), TestContext.Current.CancellationToken);

        Assert.True(refused.IsTransient);
        Assert.Equal(DhlTestHost.ShipmentNo, shipment.TrackingNumber);
        var creates = Host.Requests(DhlTestHost.OrdersPath);
        Assert.Equal(2, creates.Count);
        Assert.Single(creates, e => e.ResponseMessage!.StatusCode is 201);
    }

    [Fact]
    public async Task CreateShipmentAsync_ConcurrentCallsWithOneKey_PostOnce()
    {
        Host.Server.Given(Create()).AtPriority(1).RespondWith(DhlTestHost.Json(201, "returns-created.json").WithDelay(TimeSpan.FromMilliseconds(100)));

        var calls = Enumerable.Range(0, 4).Select(_ => Host.Adapter.CreateShipmentAsync(DhlTestHost.Shipment("idem-race"), TestContext.Current.CancellationToken)).ToList();
        var outcomes = await Task.WhenAll(calls.Select(async c =>
        {
            try
            {
                return (await c).TrackingNumber;
            }
            catch (CarrierException e) when (e.CarrierErrorCode == "create_in_progress" && e.IsTransient)
            {
                return "busy";
            }
        }));

        Assert.Contains(DhlTestHost.ShipmentNo, outcomes);
        Assert.Single(Host.Requests(DhlTestHost.OrdersPath));
    }
}
