using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Returns.Sdk.Carriers;
using WireMock.ResponseBuilders;

namespace Returns.Carriers.Sendcloud.Tests;

// Error bodies as Sendcloud documents them, the resilience pipeline around them, and the exactly-once announcement.
public sealed class SendcloudFailureTests : IDisposable
{
    private const string Announce = "/api/v3/returns/announce-synchronously";
    private readonly SendcloudFake _fake = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _fake.Dispose();

    private static CarrierAdapter Adapter(ServiceProvider provider) => provider.GetServices<CarrierAdapter>().Single();

    private static int Retries(CapturingLoggerProvider logs)
    {
        lock (logs.Messages)
        {
            return logs.Messages.Count(m => m.Contains("attempt failed", StringComparison.Ordinal));
        }
    }

    private static RateRequest Quote() => new(Samples.Parcel, Samples.Customer, Samples.Warehouse);

    [Fact]
    public async Task CreateShipmentAsync_AddressPointer_ThrowsInvalidAddressWithSdkFieldName()
    {
        _fake.Server.Given(SendcloudFake.Api("returns/announce-synchronously", "POST")).AtPriority(1).RespondWith(SendcloudFake.Json(400, "error-address.json"));
        using var provider = _fake.BuildProvider();

        var exception = await Assert.ThrowsAsync<InvalidAddressException>(() => Adapter(provider).CreateShipmentAsync(Samples.Shipment(), Ct));

        Assert.Equal("postcode", exception.Field);
        Assert.Equal("invalid", exception.CarrierErrorCode);
        Assert.Equal(400, exception.StatusCode);
        Assert.False(exception.IsTransient);
        Assert.DoesNotContain("Jan", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("0000", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("http", exception.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task CreateShipmentAsync_LegacyInvalidPostalCode_ThrowsInvalidAddress()
    {
        _fake.Server.Given(SendcloudFake.Api("returns/announce-synchronously", "POST")).AtPriority(1).RespondWith(SendcloudFake.Json(400, "error-legacy.json"));
        using var provider = _fake.BuildProvider();

        var exception = await Assert.ThrowsAsync<InvalidAddressException>(() => Adapter(provider).CreateShipmentAsync(Samples.Shipment(), Ct));

        Assert.Equal("postcode", exception.Field);
        Assert.Equal("invalid_postal_code", exception.CarrierErrorCode);
        Assert.DoesNotContain("Jan", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuoteAsync_PostalCodeFilterPointer_ThrowsInvalidAddress()
    {
        _fake.Server.Given(SendcloudFake.Api("shipping-options", "POST")).AtPriority(1).RespondWith(SendcloudFake.Json(400, "error-quote-postal.json"));
        using var provider = _fake.BuildProvider();

        var exception = await Assert.ThrowsAsync<InvalidAddressException>(() => Adapter(provider).QuoteAsync(Quote(), Ct));

        Assert.Equal("postcode", exception.Field);
    }

    [Theory]
    [InlineData(401, "error-401.json", "authentication_failed")]
    [InlineData(403, "error-403.json", "permission_denied")]
    public async Task QuoteAsync_CredentialsRefused_ThrowsUnauthorized(int status, string fixture, string code)
    {
        _fake.Server.Given(SendcloudFake.Api("shipping-options", "POST")).AtPriority(1).RespondWith(SendcloudFake.Json(status, fixture));
        using var provider = _fake.BuildProvider();

        var exception = await Assert.ThrowsAsync<CarrierUnauthorizedException>(() => Adapter(provider).QuoteAsync(Quote(), Ct));

        Assert.Equal(status, exception.StatusCode);
        Assert.Equal(code, exception.CarrierErrorCode);
        Assert.Single(_fake.Requests("/api/v3/shipping-options"));
    }

    [Fact]
    public async Task AnyCall_WrongSecret_ThrowsUnauthorizedWithoutTheSecret()
    {
        using var provider = _fake.BuildProvider(o => o.SecretKey = "sk-WRONG-1234");

        var exception = await Assert.ThrowsAsync<CarrierUnauthorizedException>(() => Adapter(provider).TrackAsync(SendcloudFake.TrackingNumber, Ct));

        Assert.DoesNotContain("sk-WRONG-1234", exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrackAsync_NotFound_ThrowsPermanentWith404()
    {
        _fake.Server.Given(SendcloudFake.Api("parcels/tracking/NOPE", "GET")).AtPriority(1).RespondWith(SendcloudFake.Json(404, "error-tracking-404.json"));
        using var provider = _fake.BuildProvider();

        var exception = await Assert.ThrowsAsync<CarrierException>(() => Adapter(provider).TrackAsync("NOPE", Ct));

        Assert.Equal(404, exception.StatusCode);
        Assert.False(exception.IsTransient);
        Assert.DoesNotContain("NOPE", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrackAsync_ValidationError_KeepsTypeAndLocation()
    {
        _fake.Server.Given(SendcloudFake.Api("parcels/tracking/TOOLONG", "GET")).AtPriority(1).RespondWith(SendcloudFake.Json(422, "error-tracking-422.json"));
        using var provider = _fake.BuildProvider();

        var exception = await Assert.ThrowsAsync<CarrierException>(() => Adapter(provider).TrackAsync("TOOLONG", Ct));

        Assert.IsNotType<InvalidAddressException>(exception);
        Assert.Equal(422, exception.StatusCode);
        Assert.Equal("string_too_long", exception.CarrierErrorCode);
        Assert.Contains("tracking_number", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuoteAsync_429WithLongRetryAfter_ThrowsRateLimitedAtOnce()
    {
        _fake.Server.Given(SendcloudFake.Api("shipping-options", "POST")).AtPriority(1)
            .RespondWith(SendcloudFake.Json(429, "error-429.json").WithHeader("Retry-After", "120"));
        using var provider = _fake.BuildProvider();

        var exception = await Assert.ThrowsAsync<CarrierRateLimitedException>(() => Adapter(provider).QuoteAsync(Quote(), Ct));

        Assert.Equal(TimeSpan.FromSeconds(120), exception.RetryAfter);
        Assert.Equal("hit_rate_limit", exception.CarrierErrorCode);
        Assert.True(exception.IsTransient);
        Assert.Single(_fake.Requests("/api/v3/shipping-options"));
    }

    [Fact]
    public async Task QuoteAsync_429Storm_IsRetriedThenRateLimited()
    {
        _fake.Server.Given(SendcloudFake.Api("shipping-options", "POST")).AtPriority(1)
            .RespondWith(SendcloudFake.Json(429, "error-429.json").WithHeader("Retry-After", "0"));
        using var provider = _fake.BuildProvider();

        var exception = await Assert.ThrowsAsync<CarrierRateLimitedException>(() => Adapter(provider).QuoteAsync(Quote(), Ct));

        Assert.Equal(TimeSpan.Zero, exception.RetryAfter);
        Assert.Equal(3, _fake.Requests("/api/v3/shipping-options").Count);
    }

    [Fact]
    public async Task TrackAsync_500_IsRetriedThenUnavailable()
    {
        _fake.Server.Given(SendcloudFake.Api("parcels/tracking/BROKEN", "GET")).AtPriority(1).RespondWith(SendcloudFake.Json(500, "error-500.json"));
        using var provider = _fake.BuildProvider();

        var exception = await Assert.ThrowsAsync<CarrierUnavailableException>(() => Adapter(provider).TrackAsync("BROKEN", Ct));

        Assert.Equal(500, exception.StatusCode);
        Assert.Equal("parcel_announcement_error", exception.CarrierErrorCode);
        Assert.Equal(3, _fake.Requests("/api/v3/parcels/tracking/BROKEN").Count);
    }

    [Fact]
    public async Task TrackAsync_AttemptTimesOut_IsRetriedThenUnavailable()
    {
        _fake.Server.Given(SendcloudFake.Api("parcels/tracking/SLOW", "GET")).AtPriority(1)
            .RespondWith(SendcloudFake.Json(200, "tracking.json").WithDelay(TimeSpan.FromMilliseconds(800)));
        var logs = new CapturingLoggerProvider();
        using var provider = _fake.BuildProvider(configureHttp: http => http.AttemptTimeout = TimeSpan.FromMilliseconds(150), logger: logs);

        var exception = await Assert.ThrowsAsync<CarrierUnavailableException>(() => Adapter(provider).TrackAsync("SLOW", Ct));

        Assert.True(exception.IsTransient);
        Assert.Equal(2, Retries(logs)); // The pipeline's own record: WireMock logs an abandoned request only once it has answered.
        Assert.NotEmpty(await _fake.RequestsEventuallyAsync("/api/v3/parcels/tracking/SLOW", 1));
    }

    [Fact]
    public async Task CreateShipmentAsync_AnnouncementTimesOut_IsSentOnceAndOutcomeUnknown()
    {
        _fake.Server.Given(SendcloudFake.Api("returns/announce-synchronously", "POST")).AtPriority(1)
            .RespondWith(SendcloudFake.Json(201, "return-created.json").WithDelay(TimeSpan.FromMilliseconds(800)));
        var logs = new CapturingLoggerProvider();
        using var provider = _fake.BuildProvider(configureHttp: http => http.AttemptTimeout = TimeSpan.FromMilliseconds(150), logger: logs);

        var exception = await Assert.ThrowsAsync<ShipmentOutcomeUnknownException>(() => Adapter(provider).CreateShipmentAsync(Samples.Shipment(), Ct));

        Assert.Equal("outcome_unknown", exception.CarrierErrorCode);
        Assert.False(exception.IsTransient);
        Assert.Equal(SendcloudCarrier.Id, exception.CarrierId);
        Assert.IsType<CarrierUnavailableException>(exception.InnerException);
        Assert.Equal(0, Retries(logs));
        await _fake.RequestsEventuallyAsync(Announce, 1);
        await Task.Delay(300, Ct); // Room for a retry that must not come.
        Assert.Single(_fake.Requests(Announce));
    }

    [Fact]
    public async Task CreateShipmentAsync_Announcement503_IsSentOnceAndUnavailable()
    {
        _fake.Server.Given(SendcloudFake.Api("returns/announce-synchronously", "POST")).AtPriority(1).RespondWith(Response.Create().WithStatusCode(503));
        using var provider = _fake.BuildProvider();

        var exception = await Assert.ThrowsAsync<CarrierUnavailableException>(() => Adapter(provider).CreateShipmentAsync(Samples.Shipment(), Ct));

        Assert.Equal(503, exception.StatusCode);
        Assert.Single(_fake.Requests(Announce));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task CreateShipmentAsync_AnnouncementServerError_IsSentOnceAndOutcomeUnknown(int status)
    {
        _fake.Server.Given(SendcloudFake.Api("returns/announce-synchronously", "POST")).AtPriority(1).RespondWith(Response.Create().WithStatusCode(status));
        using var provider = _fake.BuildProvider();

        var exception = await Assert.ThrowsAsync<ShipmentOutcomeUnknownException>(() => Adapter(provider).CreateShipmentAsync(Samples.Shipment(), Ct));

        Assert.Equal("outcome_unknown", exception.CarrierErrorCode);
        Assert.Equal(status, exception.StatusCode);
        Assert.Single(_fake.Requests(Announce));
    }

    [Fact]
    public async Task CreateShipmentAsync_AnnouncementAnswerUnreadable_OutcomeUnknown()
    {
        _fake.Server.Given(SendcloudFake.Api("returns/announce-synchronously", "POST")).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json").WithBody("{\"return_id\":"));
        using var provider = _fake.BuildProvider();

        var exception = await Assert.ThrowsAsync<ShipmentOutcomeUnknownException>(() => Adapter(provider).CreateShipmentAsync(Samples.Shipment(), Ct));

        Assert.Equal("outcome_unknown", exception.CarrierErrorCode);
        Assert.Empty(_fake.Requests("/api/v3/parcels/67880/documents/label"));
    }

    [Fact]
    public async Task CreateShipmentAsync_AnnouncementRefused_IsNotOutcomeUnknown()
    {
        _fake.Server.Given(SendcloudFake.Api("returns/announce-synchronously", "POST")).AtPriority(1).RespondWith(SendcloudFake.Json(400, "error-external-reference.json"));
        using var provider = _fake.BuildProvider();

        var exception = await Assert.ThrowsAsync<CarrierException>(() => Adapter(provider).CreateShipmentAsync(Samples.Shipment(), Ct));

        Assert.Equal("external_reference_exists", exception.CarrierErrorCode);
    }

    [Fact]
    public async Task CreateShipmentAsync_ConnectionNeverMade_IsUnavailableNotOutcomeUnknown()
    {
        // A loopback port that was just free: the connection is refused before a byte is sent.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var provider = _fake.BuildProvider(o => o.BaseAddress = new Uri($"http://127.0.0.1:{port}/api/v3/"));

        var exception = await Assert.ThrowsAsync<CarrierUnavailableException>(() => Adapter(provider).CreateShipmentAsync(Samples.Shipment(), Ct));

        Assert.True(exception.IsTransient);
    }

    [Fact]
    public async Task CreateShipmentAsync_RetryAfterLabelDownloadFailed_DoesNotAnnounceAgain()
    {
        _fake.Server.Given(SendcloudFake.Api("parcels/67880/documents/label", "GET")).AtPriority(1).InScenario("label").WillSetStateTo("down")
            .RespondWith(Response.Create().WithStatusCode(503));
        _fake.Server.Given(SendcloudFake.Api("parcels/67880/documents/label", "GET")).AtPriority(1).InScenario("label").WhenStateIs("down")
            .RespondWith(Response.Create().WithStatusCode(503));
        using var provider = _fake.BuildProvider(configureHttp: http => http.MaxRetryAttempts = 1);
        var adapter = Adapter(provider);

        await Assert.ThrowsAsync<CarrierUnavailableException>(() => adapter.CreateShipmentAsync(Samples.Shipment("key-7"), Ct));
        _fake.Server.ResetScenario("label");
        _fake.Server.Given(SendcloudFake.Api("parcels/67880/documents/label", "GET")).AtPriority(1).InScenario("label").WhenStateIs("down")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/pdf").WithBody(SendcloudFake.Pdf));
        _fake.Server.SetScenarioState("label", "down");
        var shipment = await adapter.CreateShipmentAsync(Samples.Shipment("key-7"), Ct);

        Assert.Equal(SendcloudFake.TrackingNumber, shipment.TrackingNumber);
        Assert.Equal(SendcloudFake.Pdf, shipment.Label!.Content.ToArray());
        Assert.Single(_fake.Requests(Announce));
    }

    [Fact]
    public async Task CreateShipmentAsync_RetryAfterLostAnswer_SecondAnnouncementRefusedByExternalReference_NoSecondLabel()
    {
        // The first announcement succeeds at Sendcloud but its answer arrives too late; Sendcloud refuses a second
        // return with the same external_reference (the RMA number).
        _fake.Server.Given(SendcloudFake.Api("returns/announce-synchronously", "POST")).AtPriority(1).InScenario("dup").WillSetStateTo("announced")
            .RespondWith(SendcloudFake.Json(201, "return-created.json").WithDelay(TimeSpan.FromMilliseconds(800)));
        _fake.Server.Given(SendcloudFake.Api("returns/announce-synchronously", "POST")).AtPriority(1).InScenario("dup").WhenStateIs("announced")
            .RespondWith(SendcloudFake.Json(400, "error-external-reference.json"));
        using var provider = _fake.BuildProvider(configureHttp: http => http.AttemptTimeout = TimeSpan.FromMilliseconds(150));
        var adapter = Adapter(provider);

        await Assert.ThrowsAsync<ShipmentOutcomeUnknownException>(() => adapter.CreateShipmentAsync(Samples.Shipment("key-9"), Ct));
        await _fake.RequestsEventuallyAsync(Announce, 1);
        var refused = await Assert.ThrowsAsync<CarrierException>(() => adapter.CreateShipmentAsync(Samples.Shipment("key-9"), Ct));

        Assert.False(refused.IsTransient);
        Assert.Equal("external_reference_exists", refused.CarrierErrorCode);
        var announcements = _fake.Requests(Announce);
        Assert.Equal(2, announcements.Count);
        Assert.Single(announcements, e => e.ResponseMessage!.StatusCode is int status && status is >= 200 and < 300);
        Assert.Empty(_fake.Requests("/api/v3/parcels/67880/documents/label"));
    }
}
