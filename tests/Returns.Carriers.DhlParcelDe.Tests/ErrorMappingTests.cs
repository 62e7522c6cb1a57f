using Returns.Carriers.DhlParcelDe.Internal;
using Returns.Sdk;
using Returns.Sdk.Carriers;

namespace Returns.Carriers.DhlParcelDe.Tests;

public sealed class ErrorMappingTests : IDisposable
{
    private readonly DhlTestHost _host = new(http => http.MaxRetryAfter = TimeSpan.FromMilliseconds(50));

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task CreateShipmentAsync_400OnThePostalCode_ThrowsInvalidAddressWithoutDhlsText()
    {
        var from = new Address(CountryCode.Parse("DE"), "0000") { Name = "Erika Mustermann", Line1 = "Hauptstr. 5", City = "Bonn" };

        var exception = await Assert.ThrowsAsync<InvalidAddressException>(() => _host.Adapter.CreateShipmentAsync(DhlTestHost.Shipment("idem-400", from), TestContext.Current.CancellationToken));

        Assert.Equal("shipper.postalCode", exception.Field);
        Assert.Equal(400, exception.StatusCode);
        Assert.False(exception.IsTransient);
        Assert.DoesNotContain("Mustermann", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("0000", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateShipmentAsync_400OnTheReceiverId_ThrowsPermanentWithFieldAndCode()
    {
        var austria = new Address(CountryCode.Parse("AT"), "1010") { Name = "Erika Mustermann", Line1 = "Stephansplatz 1", City = "Wien" };

        var exception = await Assert.ThrowsAsync<CarrierException>(() => _host.Adapter.CreateShipmentAsync(DhlTestHost.Shipment("idem-aut", austria), TestContext.Current.CancellationToken));

        Assert.IsNotType<InvalidAddressException>(exception);
        Assert.Equal("e1001", exception.CarrierErrorCode);
        Assert.Contains("receiverId", exception.Message, StringComparison.Ordinal);
        Assert.False(exception.IsTransient);
    }

    [Theory]
    [InlineData("FAIL401", 401, typeof(CarrierUnauthorizedException), false)]
    [InlineData("FAILKEY", 401, typeof(CarrierUnauthorizedException), false)]
    [InlineData("FAIL403", 403, typeof(CarrierUnauthorizedException), false)]
    [InlineData("FAIL404", 404, typeof(CarrierException), false)]
    [InlineData("FAIL422", 422, typeof(CarrierException), false)]
    [InlineData("FAIL500", 500, typeof(CarrierUnavailableException), true)]
    [InlineData("FAIL503", 503, typeof(CarrierUnavailableException), true)]
    [InlineData("FAILHTML", 502, typeof(CarrierUnavailableException), true)]
    public async Task TrackAsync_DocumentedErrorAnswer_MapsToTypedException(string number, int status, Type type, bool transient)
    {
        var exception = await Assert.ThrowsAnyAsync<CarrierException>(() => _host.Adapter.TrackAsync(number, TestContext.Current.CancellationToken));

        Assert.IsType(type, exception);
        Assert.Equal(status, exception.StatusCode);
        Assert.Equal(transient, exception.IsTransient);
        Assert.Equal(DhlParcelDeCarrier.Id, exception.CarrierId);
        Assert.DoesNotContain(number, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("erika@example.org", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrackAsync_GatewayRefusesTheKey_KeepsTheGatewayErrorCode()
    {
        var exception = await Assert.ThrowsAsync<CarrierUnauthorizedException>(() => _host.Adapter.TrackAsync("FAILKEY", TestContext.Current.CancellationToken));

        Assert.Equal("oauth.v2.InvalidApiKey", exception.CarrierErrorCode);
        Assert.DoesNotContain(DhlTestHost.ApiKey, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrackAsync_429WithRetryAfter_ThrowsRateLimitedWithRetryAfter()
    {
        var exception = await Assert.ThrowsAsync<CarrierRateLimitedException>(() => _host.Adapter.TrackAsync("FAIL429", TestContext.Current.CancellationToken));

        Assert.Equal(TimeSpan.FromSeconds(120), exception.RetryAfter);
        Assert.Equal(429, exception.StatusCode);
        Assert.True(exception.IsTransient);

        // Longer than MaxRetryAfter: surfaced at once instead of waited for.
        Assert.Single(_host.Requests(DhlTestHost.TrackingPath));
    }

    [Theory]
    [InlineData("shipper.addressHouse: must not be blank", "shipper.addressHouse", true)]
    [InlineData("Ungültige Postleitzahl", "shipper.postalCode", true)]
    [InlineData("The city is unknown", "shipper.city", true)]
    [InlineData("receiverId is not configured", "receiverId", false)]
    [InlineData("Bad Request - malformed syntax", null, false)]
    public void Interpret_ValidationDetail_FindsTheFieldWithoutKeepingTheText(string detail, string? field, bool isAddress)
    {
        var info = DhlErrors.Interpret(new DhlProblem { Title = "Bad Request", Status = 400, Detail = detail });

        Assert.Equal(field, info.Field);
        Assert.Equal(isAddress, info.IsAddressField);
    }
}
