using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Time.Testing;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Returns.Sdk.Carriers;

namespace Returns.Carriers.Http.Tests;

public sealed class CarrierHttpErrorsTests
{
    private static HttpResponseMessage Response(HttpStatusCode status) =>
        new(status) { RequestMessage = new HttpRequestMessage(HttpMethod.Post, "https://api.carrier.example/v1/returns?email=jan@example.com") };

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, false)]
    [InlineData(HttpStatusCode.UnprocessableEntity, false)]
    [InlineData(HttpStatusCode.NotFound, false)]
    [InlineData(HttpStatusCode.Conflict, false)]
    [InlineData(HttpStatusCode.RequestTimeout, true)]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.BadGateway, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    public void FromResponse_Status_HasTruthfulTransience(HttpStatusCode status, bool transient)
    {
        using var response = Response(status);

        var exception = CarrierHttpErrors.FromResponse("ups", response, new CarrierErrorInfo("some_code"));

        Assert.Equal(transient, exception.IsTransient);
        Assert.Equal((int)status, exception.StatusCode);
        Assert.Equal("some_code", exception.CarrierErrorCode);
        Assert.Equal("ups", exception.CarrierId);
        Assert.Equal(transient, exception is CarrierUnavailableException);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    public void FromResponse_AuthFailure_IsUnauthorized(HttpStatusCode status)
    {
        using var response = Response(status);

        var exception = Assert.IsType<CarrierUnauthorizedException>(CarrierHttpErrors.FromResponse("ups", response));

        Assert.False(exception.IsTransient);
    }

    [Fact]
    public void FromResponse_400OnAddressField_IsInvalidAddressWithField()
    {
        using var response = Response(HttpStatusCode.BadRequest);

        var exception = Assert.IsType<InvalidAddressException>(CarrierHttpErrors.FromResponse("ups", response, new CarrierErrorInfo("invalid_postcode", "from.postcode", IsAddressField: true)));

        Assert.Equal("from.postcode", exception.Field);
        Assert.Equal("invalid_postcode", exception.CarrierErrorCode);
        Assert.False(exception.IsTransient);
    }

    [Fact]
    public void FromResponse_429WithHttpDate_ComputesRetryAfterFromTheClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.Zero));
        using var response = Response(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(clock.GetUtcNow().AddSeconds(42));

        var exception = Assert.IsType<CarrierRateLimitedException>(CarrierHttpErrors.FromResponse("ups", response, timeProvider: clock));

        Assert.Equal(TimeSpan.FromSeconds(42), exception.RetryAfter);
        Assert.True(exception.IsTransient);
    }

    [Fact]
    public void FromResponse_Message_HoldsNoUrlNoCarrierTextAndNoOddCodes()
    {
        using var response = Response(HttpStatusCode.BadRequest);

        var exception = CarrierHttpErrors.FromResponse("ups", response, new CarrierErrorInfo("Jan Jansen lives at Damstraat 1", "from.line1 = Damstraat 1"));

        Assert.DoesNotContain("example", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Jansen", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Damstraat", exception.Message, StringComparison.Ordinal);
        Assert.Null(exception.CarrierErrorCode);
        Assert.Contains("400", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryMap_PollyAndNetworkFailures_AreUnavailable()
    {
        Assert.True(CarrierHttpErrors.TryMap("ups", new BrokenCircuitException(), CancellationToken.None, out var broken));
        Assert.IsType<CarrierUnavailableException>(broken);
        Assert.True(CarrierHttpErrors.TryMap("ups", new TimeoutRejectedException(), CancellationToken.None, out var timeout));
        Assert.IsType<CarrierUnavailableException>(timeout);
        Assert.True(CarrierHttpErrors.TryMap("ups", new HttpRequestException("refused"), CancellationToken.None, out var network));
        Assert.IsType<CarrierUnavailableException>(network);
        Assert.True(CarrierHttpErrors.TryMap("ups", new TaskCanceledException(), CancellationToken.None, out var lateCancel));
        Assert.IsType<CarrierUnavailableException>(lateCancel);
    }

    [Fact]
    public void TryMap_CallerCancellation_IsNotMapped()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.False(CarrierHttpErrors.TryMap("ups", new OperationCanceledException(cts.Token), cts.Token, out _));
        Assert.False(CarrierHttpErrors.TryMap("ups", new CarrierUnauthorizedException("ups", "no"), CancellationToken.None, out _));
    }
}
