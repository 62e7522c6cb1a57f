using Returns.Carriers.Sendcloud.Internal;
using Returns.Sdk;
using Returns.Sdk.Carriers;
using Returns.Sdk.Locations;

namespace Returns.Carriers.Sendcloud.Tests;

public sealed class SendcloudMappingTests
{
    [Theory]
    [InlineData("/from_address/postal_code", "postcode")]
    [InlineData("/to_address/address_line_1", "line1")]
    [InlineData("/data/attributes/to_address/name", "name")]
    [InlineData("/from_address/country_code", "country")]
    [InlineData("/to_postal_code", "postcode")]
    [InlineData("/from_address", "address")]
    [InlineData("/weight/value", null)]
    [InlineData(null, null)]
    public void AddressField_Pointer_MapsToSdkFieldName(string? pointer, string? expected) =>
        Assert.Equal(expected, SendcloudErrors.AddressField(pointer));

    [Fact]
    public void FromError_NonAddressPointer_KeepsDottedPathAndIsNotAnAddress()
    {
        var info = SendcloudErrors.FromError(new ScError { Code = "invalid", Source = new ScErrorSource { Pointer = "/ship_with/shipping_option_code" } });

        Assert.Equal("ship_with.shipping_option_code", info.Field);
        Assert.False(info.IsAddressField);
    }

    [Theory]
    [InlineData("READY_TO_SEND", TrackingStatus.LabelCreated)]
    [InlineData("Announced: not collected", TrackingStatus.LabelCreated)]
    [InlineData("accepted", TrackingStatus.HandedOver)]
    [InlineData("en-route-to-sorting-center", TrackingStatus.InTransit)]
    [InlineData("driver_on_route", TrackingStatus.OutForDelivery)]
    [InlineData("DELIVERED", TrackingStatus.Delivered)]
    [InlineData("cancelled-upstream", TrackingStatus.Cancelled)]
    [InlineData("returned_to_sender", TrackingStatus.ReturnedToSender)]
    [InlineData("address_invalid", TrackingStatus.Exception)]
    [InlineData("", TrackingStatus.Exception)]
    public void Status_SendcloudCode_IsNormalised(string code, TrackingStatus expected) =>
        Assert.Equal(expected, SendcloudMapping.Status(code));

    [Theory]
    [InlineData("locker", null, "x", DropOffKind.ParcelLocker)]
    [InlineData("post_office", null, "x", DropOffKind.PostOffice)]
    [InlineData("servicepoint", "pakketautomaat", "x", DropOffKind.PickupPoint)]
    [InlineData("carrier_depot", null, "x", DropOffKind.PickupPoint)]
    [InlineData("unknown", "packStation", "DHL 123", DropOffKind.ParcelLocker)]
    [InlineData("undefined", null, "PostNL Postkantoor Rokin", DropOffKind.PostOffice)]
    [InlineData(null, null, "Bakkerij de Vries", DropOffKind.PickupPoint)]
    public void Kind_ShopTypeThenNameRules_Decide(string? general, string? shopType, string name, DropOffKind expected) =>
        Assert.Equal(expected, SendcloudMapping.Kind(general, shopType, name));

    [Fact]
    public void OpeningHours_WeekdayIndexZeroIsMonday_MissingDaysAreClosed()
    {
        var hours = SendcloudMapping.OpeningHours(new Dictionary<string, IReadOnlyList<string>?> { ["0"] = ["09:00 - 17:00"], ["6"] = ["10:00 - 12:00"] });

        Assert.Equal(OpeningHours.Parse("Mo 09:00-17:00; Su 10:00-12:00"), hours);
    }

    [Fact]
    public void OpeningHours_Unparseable_IsUnknown() =>
        Assert.Null(SendcloudMapping.OpeningHours(new Dictionary<string, IReadOnlyList<string>?> { ["0"] = ["by appointment"] }));

    [Theory]
    [InlineData("postnl:small/return", "postnl")]
    [InlineData("DPD:return/return", "dpd")]
    [InlineData("sendcloud:letter", "sendcloud")]
    public void Network_ShippingOptionCode_IsTheCarrierPrefix(string code, string network) =>
        Assert.Equal(network, SendcloudMapping.Network(code));

    [Theory]
    [InlineData(2, "kg", 2000)]
    [InlineData(500, "g", 500)]
    [InlineData(1, "lbs", 453.592)]
    public void ToWeight_Units_ConvertToGrams(decimal value, string unit, decimal grams) =>
        Assert.Equal(Weight.FromGrams(grams), SendcloudMapping.ToWeight(value, unit));

    [Fact]
    public void Ledger_KeyOlderThanADay_IsForgotten()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var ledger = new CreatedReturnLedger(time);
        ledger.Record("k", 1, 2);

        Assert.True(ledger.TryGet("k", out var returnId, out var parcelId));
        Assert.Equal((1L, 2L), (returnId, parcelId));
        time.Advance(TimeSpan.FromDays(1));
        Assert.False(ledger.TryGet("k", out _, out _));
    }
}
