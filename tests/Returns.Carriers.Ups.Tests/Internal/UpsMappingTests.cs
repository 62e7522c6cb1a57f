using System.Text.Json;
using Returns.Carriers.Ups.Internal;
using Returns.Sdk.Carriers;
using Returns.Sdk.Locations;

namespace Returns.Carriers.Ups.Tests.Internal;

public sealed class UpsMappingTests
{
    private static UpsOperatingHours Hours(string hoursType, params UpsDayOfWeek[] days) =>
        new() { StandardHours = [new UpsStandardHours { HoursType = hoursType, DayOfWeek = days }] };

    [Fact]
    public void ToOpeningHours_MilitaryTimesWithoutLeadingZeros_AreReadAsClockTimes()
    {
        var hours = UpsMapping.ToOpeningHours(Hours("10", new UpsDayOfWeek { Day = "2", OpenHours = "930", CloseHours = "1845" }));

        Assert.Equal(OpeningHours.Parse("Mo 09:30-18:45"), hours);
    }

    [Fact]
    public void ToOpeningHours_RegularHoursPreferredOverDropOffHours()
    {
        var hours = UpsMapping.ToOpeningHours(new UpsOperatingHours
        {
            StandardHours =
            [
                new UpsStandardHours { HoursType = "50", DayOfWeek = [new UpsDayOfWeek { Day = "2", OpenHours = "800", CloseHours = "1200" }] },
                new UpsStandardHours { HoursType = "10", DayOfWeek = [new UpsDayOfWeek { Day = "2", OpenHours = "900", CloseHours = "1700" }] },
            ],
        });

        Assert.Equal(OpeningHours.Parse("Mo 09:00-17:00"), hours);
    }

    [Fact]
    public void ToOpeningHours_MidnightCloseOpen24AndClosedDays_AreMapped()
    {
        var hours = UpsMapping.ToOpeningHours(Hours(
            "10",
            new UpsDayOfWeek { Day = "6", OpenHours = "1800", CloseHours = "0" },
            new UpsDayOfWeek { Day = "7", Open24HoursIndicator = string.Empty },
            new UpsDayOfWeek { Day = "1", ClosedIndicator = string.Empty }));

        Assert.Equal(OpeningHours.Parse("Fr 18:00-24:00; Sa 00:00-24:00"), hours);
    }

    [Theory]
    [InlineData("8", "900", "1700")]
    [InlineData("2", "9x0", "1700")]
    [InlineData("2", "900", "1775")]
    public void ToOpeningHours_Undocumented_IsUnknown(string day, string open, string close)
    {
        Assert.Null(UpsMapping.ToOpeningHours(Hours("10", new UpsDayOfWeek { Day = day, OpenHours = open, CloseHours = close })));
    }

    [Fact]
    public void RequestToken_ShortPlainKey_IsKeptAndLongKeyIsAStableHash()
    {
        Assert.Equal("order-42_return-1", UpsMapping.RequestToken("order-42_return-1"));
        var hashed = UpsMapping.RequestToken("a key with spaces that is longer than thirty-two characters");
        Assert.Equal(32, hashed.Length);
        Assert.Matches("^[0-9a-f]{32}$", hashed);
        Assert.Equal(hashed, UpsMapping.RequestToken("a key with spaces that is longer than thirty-two characters"));
        Assert.NotEqual(hashed, UpsMapping.RequestToken("a key with spaces that is longer than thirty-two characterz"));
    }

    [Theory]
    [InlineData("Invalid ShipFrom PostalCode", "from.postcode")]
    [InlineData("Address Validation Error on ShipTo address: city is invalid", "to.city")]
    [InlineData("The Shipper's country code is missing", "shipper.country")]
    public void AddressField_MessageNamingPartyAndPart_IsAnAddressField(string message, string field)
    {
        Assert.Equal((field, true), UpsMapping.AddressField(message));
    }

    [Theory]
    [InlineData("The Package Weight is required")]
    [InlineData("Invalid postal code")]
    [InlineData(null)]
    public void AddressField_Vague_IsNotAnAddressField(string? message)
    {
        Assert.Equal((null, false), UpsMapping.AddressField(message));
    }

    [Theory]
    [InlineData("M", TrackingStatus.LabelCreated)]
    [InlineData("MV", TrackingStatus.Cancelled)]
    [InlineData("P", TrackingStatus.HandedOver)]
    [InlineData("I", TrackingStatus.InTransit)]
    [InlineData("O", TrackingStatus.OutForDelivery)]
    [InlineData("D", TrackingStatus.Delivered)]
    [InlineData("X", TrackingStatus.Exception)]
    [InlineData("RS", TrackingStatus.ReturnedToSender)]
    [InlineData("NA", TrackingStatus.Exception)]
    public void ToStatus_UpsStatusType_MapsToSdkStatus(string type, TrackingStatus expected)
    {
        Assert.Equal(expected, UpsMapping.ToStatus(type));
    }

    [Fact]
    public void ToInstant_WithoutOffset_UsesGmtDateAndTime()
    {
        var at = UpsMapping.ToInstant(new UpsActivity { Date = "20261126", Time = "101500", GmtDate = "20261126", GmtTime = "91500" });

        Assert.Equal(new DateTimeOffset(2026, 11, 26, 9, 15, 0, TimeSpan.Zero), at);
    }

    [Theory]
    [InlineData(52.3731, "52.373100000000")]
    [InlineData(4.8922, "4.8922000000000")]
    [InlineData(-122.4194, "-122.4194000000")]
    public void Coordinate_Any_IsFifteenCharacters(double degrees, string expected)
    {
        Assert.Equal(expected, UpsMapping.Coordinate(degrees));
    }

    [Fact]
    public void Json_NumbersAsStringsAndObjectsAsArrays_AreBothRead()
    {
        const string Body = """{"RateResponse":{"RatedShipment":{"Service":{"Code":"11"},"TotalCharges":{"CurrencyCode":"EUR","MonetaryValue":12.5},"GuaranteedDelivery":{"BusinessDaysInTransit":2}}}}""";

        var response = JsonSerializer.Deserialize(Body, UpsJsonContext.Default.UpsRateResponseBody)!;

        var rated = Assert.Single(response.RateResponse!.RatedShipment!);
        Assert.Equal("12.5", rated.TotalCharges!.MonetaryValue);
        Assert.Equal("2", rated.GuaranteedDelivery!.BusinessDaysInTransit);
    }
}
