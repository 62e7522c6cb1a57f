using Microsoft.Extensions.Time.Testing;
using Returns.Sdk;
using Returns.Sdk.Carriers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Returns.Carriers.Ups.Tests;

// Errors, retries, timeouts, tokens and exactly-once label purchase.
public sealed class UpsResilienceTests
{
    private const string Ship = "/api/shipments/v2409/ship";
    private const string Recovery = "/api/labels/v1/recovery";
    private const string Token = "/security/v1/oauth/token";
    private static readonly Parcel Parcel = new(Weight.FromKilograms(1.2m), new Dimensions(30m, 20m, 10m));
    private static readonly Address Customer = new(CountryCode.Parse("NL"), "1012 AB") { Name = "Jan Jansen" };
    private static readonly Address Warehouse = new(CountryCode.Parse("NL"), "5928 LZ");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static RateRequest Rate() => new(Parcel, Customer, Warehouse);

    private static ShipmentRequest Shipment(string key = "idem-7") =>
        new(key, "RMA-7", "11", ReturnMethod.PickupPoint, Parcel, Customer, Warehouse) { LabelFormat = LabelDocumentFormat.Gif };

    private static string Track(string number) => "/api/track/v1/details/" + number;

    // Fetches the token and opens the connection with a quick call, so that a short attempt timeout only meets the
    // slow answer under test.
    private static async Task WarmUpAsync(UpsFake ups)
    {
        ups.Answer(Track("1ZWARMUP"), "GET", UpsFake.Json(200, "track.json"));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ups.Adapter.TrackAsync("1ZWARMUP", Ct);
                return;
            }
            catch (CarrierUnavailableException) when (attempt < 10)
            {
                // A loaded machine can be slower than the short attempt timeout on a first, cold call.
            }
        }
    }

    [Fact]
    public async Task QuoteAsync_400OnShipFromPostcode_InvalidAddressWithFieldAndNoCarrierText()
    {
        using var ups = new UpsFake();
        ups.Answer("/api/rating/v2409/Shop", "POST", UpsFake.Json(400, "error-address.json"));

        var exception = await Assert.ThrowsAsync<InvalidAddressException>(() => ups.Adapter.QuoteAsync(Rate(), Ct));

        Assert.Equal("from.postcode", exception.Field);
        Assert.Equal("120802", exception.CarrierErrorCode);
        Assert.Equal(400, exception.StatusCode);
        Assert.False(exception.IsTransient);
        Assert.DoesNotContain("Jan", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("0000 XX", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ups.Server.Url!, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuoteAsync_400NotAboutAnAddress_PermanentCarrierException()
    {
        using var ups = new UpsFake();
        ups.Answer("/api/rating/v2409/Shop", "POST", UpsFake.Json(400, "error-validation.json"));

        var exception = await Assert.ThrowsAsync<CarrierException>(() => ups.Adapter.QuoteAsync(Rate(), Ct));

        Assert.IsNotType<InvalidAddressException>(exception);
        Assert.Equal("120500", exception.CarrierErrorCode);
        Assert.False(exception.IsTransient);
        Assert.DoesNotContain("Jan", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(403, "error-blocked.json", typeof(CarrierUnauthorizedException), false)]
    [InlineData(404, "error-not-found.json", typeof(CarrierException), false)]
    [InlineData(500, "error-server.json", typeof(CarrierUnavailableException), true)]
    public async Task TrackAsync_DocumentedErrorStatus_MapsToTypedException(int status, string fixture, Type expected, bool transient)
    {
        using var ups = new UpsFake();
        ups.Answer(Track("1Z0000000000000001"), "GET", UpsFake.Json(status, fixture));

        var exception = await Assert.ThrowsAnyAsync<CarrierException>(() => ups.Adapter.TrackAsync("1Z0000000000000001", Ct));

        Assert.Equal(expected, exception.GetType());
        Assert.Equal(status, exception.StatusCode);
        Assert.Equal(transient, exception.IsTransient);
        Assert.NotNull(exception.CarrierErrorCode);
    }

    [Fact]
    public async Task TrackAsync_GatewayHtml502_UnavailableWithoutCode()
    {
        using var ups = new UpsFake(http => http.MaxRetryAttempts = 0);
        ups.Answer(Track("1Z0000000000000002"), "GET", Response.Create().WithStatusCode(502).WithHeader("Content-Type", "text/html").WithBody("<html>Bad gateway</html>"));

        var exception = await Assert.ThrowsAsync<CarrierUnavailableException>(() => ups.Adapter.TrackAsync("1Z0000000000000002", Ct));

        Assert.Equal(502, exception.StatusCode);
        Assert.Null(exception.CarrierErrorCode);
    }

    [Fact]
    public async Task QuoteAsync_429WithLongRetryAfter_SurfacesAtOnceWithRetryAfter()
    {
        using var ups = new UpsFake();
        ups.Answer("/api/rating/v2409/Shop", "POST", UpsFake.Json(429, "error-rate-limit.json").WithHeader("Retry-After", "120"));

        var exception = await Assert.ThrowsAsync<CarrierRateLimitedException>(() => ups.Adapter.QuoteAsync(Rate(), Ct));

        Assert.Equal(TimeSpan.FromSeconds(120), exception.RetryAfter);
        Assert.True(exception.IsTransient);
        Assert.Single(ups.Calls("/api/rating/v2409/Shop"));
    }

    [Fact]
    public async Task QuoteAsync_429Storm_RetriedThenRateLimited()
    {
        using var ups = new UpsFake();
        ups.Answer("/api/rating/v2409/Shop", "POST", UpsFake.Json(429, "error-rate-limit.json").WithHeader("Retry-After", "0"));

        var exception = await Assert.ThrowsAsync<CarrierRateLimitedException>(() => ups.Adapter.QuoteAsync(Rate(), Ct));

        Assert.Equal("10429", exception.CarrierErrorCode);
        Assert.Equal(3, ups.Calls("/api/rating/v2409/Shop").Count);
    }

    [Fact]
    public async Task TrackAsync_SlowerThanAttemptTimeout_RetriedThenUnavailable()
    {
        using var ups = new UpsFake(http => http.AttemptTimeout = TimeSpan.FromMilliseconds(400));
        ups.Answer(Track(UpsFake.TrackingNumber), "GET", UpsFake.Json(200, "track.json").WithDelay(TimeSpan.FromSeconds(1)));
        await WarmUpAsync(ups);

        var exception = await Assert.ThrowsAsync<CarrierUnavailableException>(() => ups.Adapter.TrackAsync(UpsFake.TrackingNumber, Ct));

        Assert.True(exception.IsTransient);
        Assert.Equal(3, (await ups.SettledCallsAsync(Track(UpsFake.TrackingNumber), 3)).Count);
    }

    [Fact]
    public async Task CreateShipmentAsync_FirstAttempt503_NotRetriedAndRepeatRecoversInsteadOfBuyingAgain()
    {
        using var ups = new UpsFake();
        ups.Answer(Ship, "POST", UpsFake.Json(503, "error-server.json"));
        ups.Answer(Recovery, "POST", UpsFake.Json(200, "label-recovery.json"));

        await Assert.ThrowsAsync<CarrierUnavailableException>(() => ups.Adapter.CreateShipmentAsync(Shipment(), Ct));
        Assert.Single(ups.Calls(Ship));

        var shipment = await ups.Adapter.CreateShipmentAsync(Shipment(), Ct);

        Assert.Equal(UpsFake.TrackingNumber, shipment.TrackingNumber);
        Assert.Equal(LabelDocumentFormat.Gif, shipment.Label!.Format);
        Assert.Single(ups.Calls(Ship));
        var recovery = ups.Body(Recovery).GetProperty("LabelRecoveryRequest");
        Assert.Equal("idem-7", recovery.GetProperty("ReferenceValues").GetProperty("ReferenceNumber").GetProperty("Value").GetString());
        Assert.Equal(UpsFake.AccountNumber, recovery.GetProperty("ReferenceValues").GetProperty("ShipperNumber").GetString());
        Assert.Equal("GIF", recovery.GetProperty("LabelSpecification").GetProperty("LabelImageFormat").GetProperty("Code").GetString());
    }

    [Fact]
    public async Task CreateShipmentAsync_FirstAttemptTimesOut_OneCreateCallAndRepeatRecovers()
    {
        using var ups = new UpsFake(http => http.AttemptTimeout = TimeSpan.FromMilliseconds(400));
        ups.Answer(Ship, "POST", UpsFake.Json(200, "ship-gif.json").WithDelay(TimeSpan.FromSeconds(1)));
        ups.Answer(Recovery, "POST", UpsFake.Json(200, "label-recovery.json"));
        await WarmUpAsync(ups);

        await Assert.ThrowsAsync<CarrierUnavailableException>(() => ups.Adapter.CreateShipmentAsync(Shipment(), Ct));
        var shipment = await ups.Adapter.CreateShipmentAsync(Shipment(), Ct);

        Assert.Equal(UpsFake.TrackingNumber, shipment.TrackingNumber);
        Assert.Single(await ups.SettledCallsAsync(Ship, 1));
        Assert.Single(ups.Calls(Recovery));
    }

    [Fact]
    public async Task CreateShipmentAsync_RecoveryFindsNothing_BuysOnceMoreAndOnlyThatPurchaseSucceeds()
    {
        using var ups = new UpsFake();
        ups.Server.Given(UpsFake.Api(Ship, "POST")).InScenario("ship").WillSetStateTo("failed-once").AtPriority(10).RespondWith(UpsFake.Json(500, "error-server.json"));
        ups.Server.Given(UpsFake.Api(Ship, "POST")).InScenario("ship").WhenStateIs("failed-once").AtPriority(5).RespondWith(UpsFake.Json(200, "ship-gif.json"));
        ups.Answer(Recovery, "POST", UpsFake.Json(400, "error-recovery-not-found.json"));

        await Assert.ThrowsAsync<CarrierUnavailableException>(() => ups.Adapter.CreateShipmentAsync(Shipment(), Ct));
        var shipment = await ups.Adapter.CreateShipmentAsync(Shipment(), Ct);
        var again = await ups.Adapter.CreateShipmentAsync(Shipment(), Ct);

        Assert.Equal(shipment.TrackingNumber, again.TrackingNumber);
        var calls = ups.Calls(Ship);
        Assert.Equal(2, calls.Count);
        Assert.Equal(1, calls.Count(c => c.ResponseMessage!.StatusCode is 200));
        Assert.Single(ups.Calls(Recovery));
    }

    [Fact]
    public async Task CreateShipmentAsync_RejectedWith400_KeyIsFreeForACorrectedRequest()
    {
        using var ups = new UpsFake();
        ups.Server.Given(UpsFake.Api(Ship, "POST")).InScenario("ship").WillSetStateTo("rejected").AtPriority(10).RespondWith(UpsFake.Json(400, "error-address.json"));
        ups.Server.Given(UpsFake.Api(Ship, "POST")).InScenario("ship").WhenStateIs("rejected").AtPriority(5).RespondWith(UpsFake.Json(200, "ship-gif.json"));

        var rejected = await Assert.ThrowsAsync<InvalidAddressException>(() => ups.Adapter.CreateShipmentAsync(Shipment(), Ct));
        var shipment = await ups.Adapter.CreateShipmentAsync(Shipment(), Ct);

        Assert.Equal("from.postcode", rejected.Field);
        Assert.Equal(UpsFake.TrackingNumber, shipment.TrackingNumber);
        Assert.Empty(ups.Calls(Recovery));
    }

    [Fact]
    public async Task CreateShipmentAsync_LookUpBeforeEveryCreate_RecoversLabelBoughtElsewhere()
    {
        using var ups = new UpsFake(ups: o => o.LookUpBeforeEveryCreate = true);
        ups.Answer(Ship, "POST", UpsFake.Json(200, "ship-gif.json"));
        ups.Answer(Recovery, "POST", UpsFake.Json(200, "label-recovery.json"));

        var shipment = await ups.Adapter.CreateShipmentAsync(Shipment(), Ct);

        Assert.Equal(UpsFake.TrackingNumber, shipment.TrackingNumber);
        Assert.Empty(ups.Calls(Ship));
    }

    [Fact]
    public async Task TrackAsync_TokenRequest_UsesBasicAuthFormBodyAndMerchantId()
    {
        using var ups = new UpsFake();
        ups.Answer(Track(UpsFake.TrackingNumber), "GET", UpsFake.Json(200, "track.json"));

        await ups.Adapter.TrackAsync(UpsFake.TrackingNumber, Ct);

        var call = Assert.Single(ups.Calls(Token)).RequestMessage!;
        Assert.Equal("POST", call.Method);
        var basic = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(UpsFake.ClientId + ":" + UpsFake.ClientSecret));
        Assert.Equal("Basic " + basic, call.Headers!["Authorization"].Single());
        Assert.Equal(UpsFake.AccountNumber, call.Headers!["x-merchant-id"].Single());
        Assert.StartsWith("application/x-www-form-urlencoded", call.Headers!["Content-Type"].Single(), StringComparison.Ordinal);
        Assert.Equal("grant_type=client_credentials", call.Body);
    }

    [Fact]
    public async Task TrackAsync_ExpiresInAsNumber_IsAccepted()
    {
        using var ups = new UpsFake();
        ups.Server.Given(Request.Create().WithPath(Token).UsingPost()).AtPriority(1).RespondWith(UpsFake.Json(200, "token-numeric.json"));
        ups.Answer(Track(UpsFake.TrackingNumber), "GET", UpsFake.Json(200, "track.json"));

        await ups.Adapter.TrackAsync(UpsFake.TrackingNumber, Ct);
        await ups.Adapter.TrackAsync(UpsFake.TrackingNumber, Ct);

        Assert.Single(ups.Calls(Token));
    }

    [Fact]
    public async Task TrackAsync_TokenRefusedBy401_RefreshesOnceAndRetriesOnce()
    {
        using var ups = new UpsFake();
        ups.Server.Given(Request.Create().WithPath(Token).UsingPost()).InScenario("token").WillSetStateTo("second").AtPriority(2).RespondWith(UpsFake.Json(200, "token.json"));
        ups.Server.Given(Request.Create().WithPath(Token).UsingPost()).InScenario("token").WhenStateIs("second").AtPriority(1).RespondWith(UpsFake.Json(200, "token-2.json"));
        ups.Server.Given(UpsFake.Api(Track(UpsFake.TrackingNumber), "GET", "tok-2")).AtPriority(5).RespondWith(UpsFake.Json(200, "track.json"));
        ups.Server.Given(Request.Create().WithPath(Track(UpsFake.TrackingNumber)).UsingGet()).AtPriority(10).RespondWith(UpsFake.Json(401, "error-unauthorized.json"));

        var tracking = await ups.Adapter.TrackAsync(UpsFake.TrackingNumber, Ct);

        Assert.Equal(TrackingStatus.InTransit, tracking.Status);
        Assert.Equal(2, ups.Calls(Token).Count);
        Assert.Equal(2, ups.Calls(Track(UpsFake.TrackingNumber)).Count);
    }

    [Fact]
    public async Task TrackAsync_401Persists_UnauthorizedAfterExactlyOneRefresh()
    {
        using var ups = new UpsFake();
        ups.Answer(Track("FAIL401"), "GET", UpsFake.Json(401, "error-unauthorized.json"));

        var exception = await Assert.ThrowsAsync<CarrierUnauthorizedException>(() => ups.Adapter.TrackAsync("FAIL401", Ct));

        Assert.Equal("250002", exception.CarrierErrorCode);
        Assert.Equal(2, ups.Calls(Token).Count);
        Assert.Equal(2, ups.Calls(Track("FAIL401")).Count);
    }

    [Fact]
    public async Task TrackAsync_TokenEndpointRefuses_UnauthorizedWithoutCallingTheApi()
    {
        using var ups = new UpsFake();
        ups.Server.Given(Request.Create().WithPath(Token).UsingPost()).AtPriority(1).RespondWith(UpsFake.Json(401, "error-unauthorized.json"));

        await Assert.ThrowsAsync<CarrierUnauthorizedException>(() => ups.Adapter.TrackAsync(UpsFake.TrackingNumber, Ct));

        Assert.Single(ups.Calls(Token));
        Assert.Empty(ups.Calls(Track(UpsFake.TrackingNumber)));
    }

    [Fact]
    public async Task TrackAsync_TokenExpiryMidRun_RefreshesBeforeExpiryOnly()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        using var ups = new UpsFake(timeProvider: time);
        ups.Answer(Track(UpsFake.TrackingNumber), "GET", UpsFake.Json(200, "track.json"));

        await ups.Adapter.TrackAsync(UpsFake.TrackingNumber, Ct);
        time.Advance(TimeSpan.FromSeconds(14399) - TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        await ups.Adapter.TrackAsync(UpsFake.TrackingNumber, Ct);
        Assert.Single(ups.Calls(Token));

        time.Advance(TimeSpan.FromSeconds(2));
        await ups.Adapter.TrackAsync(UpsFake.TrackingNumber, Ct);

        Assert.Equal(2, ups.Calls(Token).Count);
        Assert.Equal(3, ups.Calls(Track(UpsFake.TrackingNumber)).Count);
    }

    [Fact]
    public async Task TrackAsync_TwentyConcurrentCallsAfterExpiry_ExactlyOneTokenRequest()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        using var ups = new UpsFake(timeProvider: time);
        ups.Server.Given(Request.Create().WithPath(Token).UsingPost()).AtPriority(1).RespondWith(UpsFake.Json(200, "token.json").WithDelay(TimeSpan.FromMilliseconds(100)));
        ups.Answer(Track(UpsFake.TrackingNumber), "GET", UpsFake.Json(200, "track.json"));
        await ups.Adapter.TrackAsync(UpsFake.TrackingNumber, Ct);
        var before = ups.Calls(Token).Count;
        time.Advance(TimeSpan.FromHours(4));

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => ups.Adapter.TrackAsync(UpsFake.TrackingNumber, Ct), Ct)));

        Assert.Equal(1, before);
        Assert.Equal(1, ups.Calls(Token).Count - before);
        Assert.Equal(21, ups.Calls(Track(UpsFake.TrackingNumber)).Count);
    }
}
