using System.Text.Json;
using Returns.Sdk;
using Returns.Sdk.Carriers;

namespace Returns.Carriers.DhlParcelDe.Tests;

// Returns from outside the EU customs union carry a CN23 declaration (customsDetails) built from ShipmentRequest.Items.
public sealed class CustomsTests : IDisposable
{
    private static readonly Address Bern = new(CountryCode.Parse("CH"), "3011") { Name = "Heidi Muster", Line1 = "Marktgasse 1", City = "Bern" };

    private static readonly ShipmentItem Shirts = new("Cotton T-shirt", 2, Money.Of(39.80m, "CHF"))
    {
        Sku = "TS-1",
        Weight = Weight.FromGrams(400m),
        HsCode = "6109.10.00",
        OriginCountry = CountryCode.Parse("CN"),
    };

    private static readonly ShipmentItem Jeans = new("Denim jeans", 1, Money.Of(89.90m, "CHF"))
    {
        Weight = Weight.FromGrams(700m),
        HsCode = "62034231",
        OriginCountry = CountryCode.Parse("PT"),
    };

    private readonly DhlTestHost _host = new(configure: o => o.ReceiverIds["GB"] = "gbr");

    public void Dispose() => _host.Dispose();

    private static ShipmentRequest FromBern(string key, params ShipmentItem[] items) => DhlTestHost.Shipment(key, Bern) with { Items = items };

    private Task<ReturnShipment> CreateAsync(ShipmentRequest request) => _host.Adapter.CreateShipmentAsync(request, TestContext.Current.CancellationToken);

    private JsonElement PostedOrder() => JsonDocument.Parse(Assert.Single(_host.Requests(DhlTestHost.OrdersPath)).RequestMessage!.Body!).RootElement;

    [Fact]
    public async Task CreateShipmentAsync_FromSwitzerland_PostsTheItemsAsCustomsDetails()
    {
        await CreateAsync(FromBern("idem-ch-1", Shirts, Jeans));

        var order = PostedOrder();
        Assert.Equal("che", order.GetProperty("receiverId").GetString());
        var items = order.GetProperty("customsDetails").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        var shirts = items[0];
        Assert.Equal("Cotton T-shirt", shirts.GetProperty("itemDescription").GetString());
        Assert.Equal(2, shirts.GetProperty("packagedQuantity").GetInt32());
        Assert.Equal("g", shirts.GetProperty("itemWeight").GetProperty("uom").GetString());
        Assert.Equal(400m, shirts.GetProperty("itemWeight").GetProperty("value").GetDecimal());
        Assert.Equal("CHF", shirts.GetProperty("itemValue").GetProperty("currency").GetString());
        Assert.Equal(39.80m, shirts.GetProperty("itemValue").GetProperty("value").GetDecimal());
        Assert.Equal("61091000", shirts.GetProperty("hsCode").GetString());
        Assert.Equal("CHN", shirts.GetProperty("countryOfOrigin").GetString());
        Assert.Equal("PRT", items[1].GetProperty("countryOfOrigin").GetString());
        Assert.Equal(700m, items[1].GetProperty("itemWeight").GetProperty("value").GetDecimal());
        Assert.False(shirts.TryGetProperty("sku", out _)); // DHL's commodity has no SKU field.
    }

    [Fact]
    public async Task CreateShipmentAsync_NoDeclaredParcelValue_SendsTheItemsTotalAsItemValue()
    {
        await CreateAsync(FromBern("idem-ch-total", Shirts, Jeans));

        var value = PostedOrder().GetProperty("itemValue");
        Assert.Equal("CHF", value.GetProperty("currency").GetString());
        Assert.Equal(129.70m, value.GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task CreateShipmentAsync_DeclaredParcelValue_IsSentRatherThanTheItemsTotal()
    {
        var request = FromBern("idem-ch-declared", Shirts) with { Parcel = DhlTestHost.Parcel with { DeclaredValue = Money.Of(35m, "EUR") } };

        await CreateAsync(request);

        var value = PostedOrder().GetProperty("itemValue");
        Assert.Equal("EUR", value.GetProperty("currency").GetString());
        Assert.Equal(35m, value.GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task CreateShipmentAsync_ItemWithoutHsCodeAndOrigin_LeavesTheOptionalFieldsOut()
    {
        var plain = new ShipmentItem("Wool scarf", 1, Money.Of(25m, "EUR")) { Weight = Weight.FromGrams(150m) };

        await CreateAsync(FromBern("idem-ch-plain", plain));

        var item = Assert.Single(PostedOrder().GetProperty("customsDetails").GetProperty("items").EnumerateArray());
        Assert.False(item.TryGetProperty("hsCode", out _));
        Assert.False(item.TryGetProperty("countryOfOrigin", out _));
        Assert.Equal("EUR", item.GetProperty("itemValue").GetProperty("currency").GetString());
    }

    [Fact]
    public async Task CreateShipmentAsync_LongDescription_IsCutToDhlsFiftyCharacters()
    {
        var item = new ShipmentItem("Organic cotton hooded sweatshirt with zip, navy blue, size XL", 1, Money.Of(59m, "CHF")) { Weight = Weight.FromGrams(650m) };

        await CreateAsync(FromBern("idem-ch-long", item));

        var description = Assert.Single(PostedOrder().GetProperty("customsDetails").GetProperty("items").EnumerateArray()).GetProperty("itemDescription").GetString()!;
        Assert.Equal("Organic cotton hooded sweatshirt with zip, navy bl", description);
        Assert.Equal(50, description.Length);
    }

    [Fact]
    public async Task CreateShipmentAsync_FromTheUkWithAReceiverId_DeclaresCustomsToo()
    {
        var london = new Address(CountryCode.Parse("GB"), "SW1A 1AA") { Name = "Jane Doe", Line1 = "10 Downing Street", City = "London" };
        var item = new ShipmentItem("Leather shoes", 1, Money.Of(120m, "GBP")) { Weight = Weight.FromKilograms(1.1m), OriginCountry = CountryCode.Parse("IT") };

        await CreateAsync(DhlTestHost.Shipment("idem-gb", london) with { Items = [item] });

        var order = PostedOrder();
        Assert.Equal("gbr", order.GetProperty("receiverId").GetString());
        var declared = Assert.Single(order.GetProperty("customsDetails").GetProperty("items").EnumerateArray());
        Assert.Equal("ITA", declared.GetProperty("countryOfOrigin").GetString());
        Assert.Equal(1100m, declared.GetProperty("itemWeight").GetProperty("value").GetDecimal());
        Assert.Equal("GBP", declared.GetProperty("itemValue").GetProperty("currency").GetString());
    }

    [Fact]
    public async Task CreateShipmentAsync_FromInsideTheEu_SendsNoCustomsDetailsEvenWithItems()
    {
        await CreateAsync(DhlTestHost.Shipment("idem-de-items") with { Items = [Shirts] });

        Assert.False(PostedOrder().TryGetProperty("customsDetails", out _));
    }

    [Fact]
    public void Capabilities_SwitzerlandAndUkWithReceiverIds_AreInTheServiceArea()
    {
        var area = Assert.Single(_host.Adapter.Capabilities.Services).Area;

        Assert.True(area.Covers(Bern));
        Assert.True(area.Covers(new Address(CountryCode.Parse("GB"), "SW1A 1AA")));
        Assert.False(area.Covers(new Address(CountryCode.Parse("NO"), "0150")));
    }

    [Fact]
    public async Task CreateShipmentAsync_FromSwitzerlandWithoutItems_ThrowsCustomsItemsRequiredWithoutCallingDhl()
    {
        var exception = await Assert.ThrowsAsync<CarrierException>(() => CreateAsync(FromBern("idem-ch-empty")));

        Assert.Equal("customs_items_required", exception.CarrierErrorCode);
        Assert.False(exception.IsTransient);
        Assert.Contains("ShipmentRequest.Items", exception.Message, StringComparison.Ordinal);
        Assert.Empty(_host.Server.LogEntries);
    }

    [Fact]
    public async Task CreateShipmentAsync_ItemWithoutWeight_ThrowsCustomsItemsRequiredNamingTheField()
    {
        var weightless = new ShipmentItem("Silk tie", 1, Money.Of(45m, "CHF")) { HsCode = "621510" };

        var exception = await Assert.ThrowsAsync<CarrierException>(() => CreateAsync(FromBern("idem-ch-noweight", Shirts, weightless)));

        Assert.Equal("customs_items_required", exception.CarrierErrorCode);
        Assert.False(exception.IsTransient);
        Assert.Contains("Items[1].Weight", exception.Message, StringComparison.Ordinal);
        Assert.Empty(_host.Server.LogEntries);
    }

    public static TheoryData<ShipmentItem, string> UndeclarableItems => new()
    {
        { new ShipmentItem("Wool socks", 3, Money.Of(300m, "NOK")) { Weight = Weight.FromGrams(200m) }, "Items[0].Value" },
        { new ShipmentItem("Wool socks", 3, Money.Of(30m, "CHF")) { Weight = Weight.FromGrams(200m), HsCode = "6115-95" }, "Items[0].HsCode" },
        { new ShipmentItem("Wool socks", 3, Money.Of(30m, "CHF")) { Weight = Weight.FromGrams(200m), HsCode = "61159" }, "Items[0].HsCode" },
        { new ShipmentItem("Wool socks", 3, Money.Of(30m, "CHF")) { Weight = Weight.FromGrams(200m), OriginCountry = CountryCode.Parse("AQ") }, "Items[0].OriginCountry" },
        { new ShipmentItem("Wool socks", 3, Money.Of(30m, "CHF")) { Weight = Weight.FromGrams(0.0001m) }, "Items[0].Weight" },
    };

    [Theory]
    [MemberData(nameof(UndeclarableItems))]
    public async Task CreateShipmentAsync_ItemDhlCannotDeclare_ThrowsCustomsItemInvalidNamingTheField(ShipmentItem item, string field)
    {
        var exception = await Assert.ThrowsAsync<CarrierException>(() => CreateAsync(FromBern("idem-ch-invalid", item)));

        Assert.Equal("customs_item_invalid", exception.CarrierErrorCode);
        Assert.False(exception.IsTransient);
        Assert.Contains(field, exception.Message, StringComparison.Ordinal);
        Assert.Empty(_host.Server.LogEntries);
    }

    [Fact]
    public async Task CreateShipmentAsync_MoreThanTwentyKindsOfItem_ThrowsCustomsItemInvalid()
    {
        var items = Enumerable.Range(1, 21).Select(i => new ShipmentItem($"Item {i}", 1, Money.Of(5m, "CHF")) { Weight = Weight.FromGrams(50m) }).ToArray();

        var exception = await Assert.ThrowsAsync<CarrierException>(() => CreateAsync(FromBern("idem-ch-21", items)));

        Assert.Equal("customs_item_invalid", exception.CarrierErrorCode);
        Assert.Contains("20", exception.Message, StringComparison.Ordinal);
        Assert.Empty(_host.Server.LogEntries);
    }
}
