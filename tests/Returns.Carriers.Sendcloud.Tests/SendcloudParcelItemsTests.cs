using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Returns.Carriers.Sendcloud.Internal;
using Returns.Sdk;
using Returns.Sdk.Carriers;

namespace Returns.Carriers.Sendcloud.Tests;

// ShipmentRequest.Items become parcel_items; a return across a customs border needs them complete.
public sealed class SendcloudParcelItemsTests : IDisposable
{
    private const string Announce = "/api/v3/returns/announce-synchronously";

    private static readonly Address Zurich = new(CountryCode.Parse("CH"), "8001") { Name = "Heidi Muster", Line1 = "Bahnhofstrasse 1", City = "Zürich" };

    private static readonly ShipmentItem Shirt = new("T-Shirt XL", 2, Money.Of(12.30m, "EUR"))
    {
        Sku = "TS1234",
        Weight = Weight.FromGrams(400m),
        HsCode = "6205.20",
        OriginCountry = CountryCode.Parse("PT"),
    };

    private readonly SendcloudFake _fake = new();
    private readonly ServiceProvider _provider;

    public SendcloudParcelItemsTests()
    {
        _provider = _fake.BuildProvider();
    }

    private CarrierAdapter Adapter => Assert.Single(_provider.GetServices<CarrierAdapter>());

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _provider.Dispose();
        _fake.Dispose();
    }

    private JsonElement Announced() => JsonDocument.Parse(Assert.Single(_fake.Requests(Announce)).RequestMessage!.Body!).RootElement;

    private static ShipmentRequest FromZurich(params ShipmentItem[] items) => Samples.Shipment() with { From = Zurich, Items = items };

    [Fact]
    public async Task CreateShipmentAsync_Items_AreSentAsDocumentedParcelItems()
    {
        await Adapter.CreateShipmentAsync(Samples.Shipment() with { Items = [Shirt] }, Ct);

        var item = Assert.Single(Announced().GetProperty("parcel_items").EnumerateArray());
        Assert.Equal("T-Shirt XL", item.GetProperty("description").GetString());
        Assert.Equal(2, item.GetProperty("quantity").GetInt32());
        Assert.Equal(0.4m, item.GetProperty("weight").GetProperty("value").GetDecimal());
        Assert.Equal("kg", item.GetProperty("weight").GetProperty("unit").GetString());
        Assert.Equal(12.30m, item.GetProperty("price").GetProperty("value").GetDecimal());
        Assert.Equal("EUR", item.GetProperty("price").GetProperty("currency").GetString());
        Assert.Equal(12.30m, item.GetProperty("value").GetProperty("value").GetDecimal());
        Assert.Equal("EUR", item.GetProperty("value").GetProperty("currency").GetString());
        Assert.Equal("620520", item.GetProperty("hs_code").GetString());
        Assert.Equal("PT", item.GetProperty("origin_country").GetString());
        Assert.Equal("TS1234", item.GetProperty("sku").GetString());
    }

    [Fact]
    public async Task CreateShipmentAsync_DomesticWithoutItems_SendsNoParcelItemsNorCustomsInvoice()
    {
        await Adapter.CreateShipmentAsync(Samples.Shipment(), Ct);

        var body = Announced();
        Assert.False(body.TryGetProperty("parcel_items", out _));
        Assert.False(body.TryGetProperty("customs_invoice_nr", out _));
    }

    [Fact]
    public async Task CreateShipmentAsync_DomesticItemWithoutCustomsData_IsSentWithWhatIsKnown()
    {
        var plain = new ShipmentItem("Scarf", 1, Money.Of(20m, "EUR"));

        await Adapter.CreateShipmentAsync(Samples.Shipment() with { Items = [plain] }, Ct);

        var item = Assert.Single(Announced().GetProperty("parcel_items").EnumerateArray());
        Assert.Equal("Scarf", item.GetProperty("description").GetString());
        Assert.False(item.TryGetProperty("weight", out _));
        Assert.False(item.TryGetProperty("hs_code", out _));
        Assert.False(item.TryGetProperty("origin_country", out _));
    }

    [Fact]
    public async Task CreateShipmentAsync_FromSwitzerland_SendsItemsAndTheOrderAsCustomsInvoice()
    {
        var shipment = await Adapter.CreateShipmentAsync(FromZurich(Shirt), Ct);

        var body = Announced();
        Assert.Equal("CH", body.GetProperty("from_address").GetProperty("country_code").GetString());
        Assert.Equal("620520", Assert.Single(body.GetProperty("parcel_items").EnumerateArray()).GetProperty("hs_code").GetString());
        Assert.Equal("O-1", body.GetProperty("customs_invoice_nr").GetString());
        Assert.Equal(SendcloudFake.TrackingNumber, shipment.TrackingNumber);
    }

    [Fact]
    public async Task CreateShipmentAsync_FromSwitzerlandWithoutOrderNumber_SendsTheRmaAsCustomsInvoice()
    {
        await Adapter.CreateShipmentAsync(FromZurich(Shirt) with { OrderNumbers = [] }, Ct);

        Assert.Equal("RMA-42", Announced().GetProperty("customs_invoice_nr").GetString());
    }

    [Fact]
    public async Task CreateShipmentAsync_FromSwitzerlandWithoutItems_ThrowsCustomsItemsRequiredWithoutACall()
    {
        var exception = await Assert.ThrowsAsync<CarrierException>(() => Adapter.CreateShipmentAsync(FromZurich(), Ct));

        Assert.Equal("customs_items_required", exception.CarrierErrorCode);
        Assert.False(exception.IsTransient);
        Assert.Contains("ShipmentRequest.Items", exception.Message, StringComparison.Ordinal);
        Assert.Empty(_fake.Server.LogEntries);
    }

    public static TheoryData<ShipmentItem, string> IncompleteForCustoms => new()
    {
        { Shirt with { HsCode = null }, "Items[1].HsCode" },
        { Shirt with { OriginCountry = null }, "Items[1].OriginCountry" },
        { Shirt with { Weight = null }, "Items[1].Weight" },
        { Shirt with { Weight = Weight.Zero }, "Items[1].Weight" },
    };

    [Theory]
    [MemberData(nameof(IncompleteForCustoms))]
    public async Task CreateShipmentAsync_FromSwitzerlandWithIncompleteItem_ThrowsCustomsItemsRequiredNamingTheField(ShipmentItem incomplete, string field)
    {
        var exception = await Assert.ThrowsAsync<CarrierException>(() => Adapter.CreateShipmentAsync(FromZurich(Shirt, incomplete), Ct));

        Assert.Equal("customs_items_required", exception.CarrierErrorCode);
        Assert.Contains(field, exception.Message, StringComparison.Ordinal);
        Assert.Empty(_fake.Server.LogEntries);
    }

    [Fact]
    public async Task CreateShipmentAsync_FromSwitzerlandInMixedCurrencies_ThrowsCustomsItemInvalid()
    {
        var inFrancs = new ShipmentItem("Watch strap", 1, Money.Of(30m, "CHF")) { Weight = Weight.FromGrams(50m), HsCode = "911390", OriginCountry = CountryCode.Parse("CH") };

        var exception = await Assert.ThrowsAsync<CarrierException>(() => Adapter.CreateShipmentAsync(FromZurich(Shirt, inFrancs), Ct));

        Assert.Equal("customs_item_invalid", exception.CarrierErrorCode);
        Assert.Contains("Items[1].Value", exception.Message, StringComparison.Ordinal);
        Assert.Empty(_fake.Server.LogEntries);
    }

    [Theory]
    [InlineData("62A520")]
    [InlineData("62052")]
    [InlineData("6205209000123")]
    public async Task CreateShipmentAsync_MalformedHsCode_ThrowsCustomsItemInvalid(string hsCode)
    {
        var exception = await Assert.ThrowsAsync<CarrierException>(() => Adapter.CreateShipmentAsync(Samples.Shipment() with { Items = [Shirt with { HsCode = hsCode }] }, Ct));

        Assert.Equal("customs_item_invalid", exception.CarrierErrorCode);
        Assert.Contains("Items[0].HsCode", exception.Message, StringComparison.Ordinal);
        Assert.Empty(_fake.Server.LogEntries);
    }

    [Theory]
    [InlineData("NL", "NL", false)]
    [InlineData("DE", "NL", false)]
    [InlineData("CH", "NL", true)]
    [InlineData("NO", "DE", true)]
    [InlineData("NL", "GB", true)]
    [InlineData("GB", "GB", false)]
    public void CrossesCustomsBorder_OutsideTheEuCustomsUnion_IsTrue(string from, string to, bool expected) =>
        Assert.Equal(expected, SendcloudParcelItems.CrossesCustomsBorder(new Address(CountryCode.Parse(from), "1000"), new Address(CountryCode.Parse(to), "1000")));
}
