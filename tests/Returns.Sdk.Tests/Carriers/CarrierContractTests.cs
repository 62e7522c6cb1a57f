using Returns.Sdk.Carriers;

namespace Returns.Sdk.Tests.Carriers;

public sealed class CarrierContractTests
{
    [Fact]
    public async Task OptionalOperations_NotOverridden_FailWithTypedNotSupported()
    {
        var carrier = ScriptedCarrier.Priced("plain", 1m);
        var shipment = new ReturnShipment("plain", "std", "T1");

        var points = await Assert.ThrowsAsync<CarrierOperationNotSupportedException>(() => carrier.ListDropOffPointsAsync(new DropOffPointQuery(new GeoPoint(52, 5), 5, 10), TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<CarrierOperationNotSupportedException>(() => carrier.CancelShipmentAsync(shipment, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<CarrierOperationNotSupportedException>(() => carrier.TrackAsync("T1", TestContext.Current.CancellationToken));
        var pickup = await Assert.ThrowsAsync<CarrierOperationNotSupportedException>(() => carrier.SchedulePickupAsync(new PickupRequest(shipment, Requests.Nl, new DateOnly(2026, 12, 1)), TestContext.Current.CancellationToken));

        Assert.Equal(("plain", "ListDropOffPointsAsync", false), (points.CarrierId, points.Operation, points.IsTransient));
        Assert.Equal("SchedulePickupAsync", pickup.Operation);
    }

    [Fact]
    public void Capabilities_DuplicateServiceCodes_Rejected() =>
        Assert.Throws<ArgumentException>(() => new CarrierCapabilities([ScriptedCarrier.Standard("a"), ScriptedCarrier.Standard("a")], CarrierFeatures.None));

    [Fact]
    public void Service_WithoutMethodsOrLabelModes_Rejected()
    {
        Assert.Throws<ArgumentException>(() => new CarrierService("s", "S", [], LabelModes.Printed));
        Assert.Throws<ArgumentException>(() => new CarrierService("s", "S", [ReturnMethod.Mailbox], LabelModes.None));
    }

    [Theory]
    [InlineData(10, 60, 40, 30, true, null)]
    [InlineData(31, 60, 40, 30, false, "weighs")]
    [InlineData(10, 121, 40, 30, false, "longest side")]
    [InlineData(10, 100, 80, 70, false, "girth")]
    public void ParcelLimits_Fits_ChecksEachLimit(decimal kg, decimal l, decimal w, decimal h, bool fits, string? reasonPart)
    {
        var limits = new ParcelLimits { MaxWeight = Weight.FromKilograms(30m), MaxLengthCm = 120m, MaxGirthCm = 280m };

        Assert.Equal(fits, limits.Fits(new Parcel(Weight.FromKilograms(kg), new Dimensions(l, w, h)), out var reason));
        if (reasonPart is not null)
        {
            Assert.Contains(reasonPart, reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ServiceArea_CoversOnlyItsCountries()
    {
        var benelux = ServiceArea.OfCountries(CountryCode.Parse("NL"), CountryCode.Parse("BE"), CountryCode.Parse("LU"));

        Assert.True(benelux.Covers(Requests.Nl));
        Assert.False(benelux.Covers(new Address(CountryCode.Parse("DE"), "10115")));
        Assert.True(ServiceArea.Worldwide.Covers(new Address(CountryCode.Parse("NZ"), "6011")));
        Assert.Throws<ArgumentException>(() => ServiceArea.OfCountries());
    }

    [Fact]
    public void Exceptions_CarryTransienceAndDetails()
    {
        Assert.True(new CarrierUnavailableException("c", "503").IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(7), new CarrierRateLimitedException("c", TimeSpan.FromSeconds(7), "429").RetryAfter);
        Assert.False(new InvalidAddressException("c", "postcode", "bad").IsTransient);
        Assert.False(new ParcelOutsideLimitsException("c", "too heavy").IsTransient);
        Assert.IsAssignableFrom<ReturnsException>(new CarrierException("c", "x", false) { StatusCode = 400, CarrierErrorCode = "E1" });
    }

    [Fact]
    public void Parcel_WithoutWeight_Rejected() => Assert.Throws<ArgumentOutOfRangeException>(() => new Parcel(Weight.Zero));
}
