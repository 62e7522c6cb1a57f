using System.Text;
using Returns.Sdk.Serialization;

namespace Returns.Sdk.Tests.Serialization;

public sealed class OrderDocumentTests
{
    private static readonly string DemoPath = Path.Combine(AppContext.BaseDirectory, "data", "order-web.json");

    [Fact]
    public void Parse_DemoOrder_LoadsEveryLineAndTheReturnHistory()
    {
        var document = OrderDocument.Parse(File.ReadAllText(DemoPath), "order-web.json");
        var order = document.Order;

        Assert.Equal("WEB-100234", order.Number);
        Assert.Equal(SalesChannel.Web, order.Channel);
        Assert.Equal(Currency.EUR, order.Currency);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 10, 15, 0, TimeSpan.FromHours(1)), order.PlacedAt);
        Assert.Equal(TimeSpan.FromHours(1), order.PlacedAt.Offset);
        Assert.Equal(new DateTimeOffset(2026, 11, 5, 14, 2, 0, TimeSpan.FromHours(1)), order.DeliveredAt);
        Assert.Equal(["1", "2", "3", "4", "5"], order.Lines.Select(l => l.LineId));
        Assert.Equal(new Dictionary<string, int> { ["2"] = 1 }, document.AlreadyReturned);
        Assert.Equal("C-0042", order.Customer.Id);
        Assert.Equal("standard", order.Customer.Tier);
        Assert.Equal(CountryCode.Parse("NL"), order.ShippingAddress!.Country);
        Assert.Equal("1012 AB", order.ShippingAddress.Postcode);
        Assert.True(order.PricesIncludeTax);
        Assert.Equal(Money.Of(4.95m, "EUR"), order.ShippingPaid);
    }

    [Fact]
    public void Parse_DemoOrder_MapsAmountsAndProducts()
    {
        var order = OrderDocument.Parse(File.ReadAllText(DemoPath)).Order;

        var tees = order.FindLine("2")!;
        Assert.Equal(3, tees.Quantity);
        Assert.Equal(Money.Of(6m, "EUR"), tees.Discount);
        Assert.Equal(Money.Of(53.85m, "EUR"), tees.Net);
        Assert.Equal(Money.Of(9.35m, "EUR"), tees.Tax);

        var shoes = order.FindLine("1")!;
        Assert.Equal(Weight.FromKilograms(0.9m), shoes.Product.Weight);
        Assert.Equal(new Dimensions(33m, 22m, 12m), shoes.Product.Dimensions);
        Assert.Equal("shoes", shoes.Product.Category);

        Assert.True(order.FindLine("4")!.Product.FinalSale);
        Assert.True(order.FindLine("5")!.Product.GiftCard);
        Assert.False(order.FindLine("5")!.Product.FinalSale);
        Assert.Null(order.FindLine("2")!.Product.Dimensions);
        Assert.True(order.FindLine("5")!.Tax.IsZero);

        Assert.Collection(
            order.Tenders,
            t =>
            {
                Assert.Equal(TenderKind.Card, t.Kind);
                Assert.Equal(Money.Of(200m, "EUR"), t.Amount);
                Assert.Equal("psp_7Hq2", t.Reference);
            },
            t =>
            {
                Assert.Equal(TenderKind.GiftCard, t.Kind);
                Assert.Equal(Money.Of(49.15m, "EUR"), t.Amount);
                Assert.Null(t.Reference);
            });
    }

    [Fact]
    public async Task LoadFileAsync_DemoOrder_EqualsParsedText()
    {
        var loaded = await OrderDocument.LoadFileAsync(DemoPath, TestContext.Current.CancellationToken);
        var parsed = OrderDocument.Parse(await File.ReadAllTextAsync(DemoPath, TestContext.Current.CancellationToken));

        Assert.Equal(parsed.Order.Lines, loaded.Order.Lines);
        Assert.Equal(parsed.AlreadyReturned, loaded.AlreadyReturned);
        Assert.Equal(parsed.Order.Tenders, loaded.Order.Tenders);
    }

    [Fact]
    public async Task LoadFileAsync_InvalidFile_NamesTheFileInEveryError()
    {
        var path = Path.Combine(Path.GetTempPath(), $"order-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, OrderJson.Valid.With("\"quantity\": 2", "\"quantity\": 0"), TestContext.Current.CancellationToken);
        try
        {
            var exception = await Assert.ThrowsAsync<ReturnsValidationException>(
                () => OrderDocument.LoadFileAsync(path, TestContext.Current.CancellationToken));

            var error = exception.ErrorAt("$.lines[0].quantity");
            Assert.Equal(path, error.Source);
            Assert.StartsWith($"{path}(11,", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// Editors on Windows save UTF-8 with a byte order mark; such a file is still a valid JSON order.
    /// </summary>
    [Fact]
    public async Task LoadFileAsync_Utf8WithByteOrderMark_Loads()
    {
        var path = Path.Combine(Path.GetTempPath(), $"order-bom-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, OrderJson.Valid, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), TestContext.Current.CancellationToken);
        try
        {
            Assert.Equal(0xEF, (await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken))[0]);

            var document = await OrderDocument.LoadFileAsync(path, TestContext.Current.CancellationToken);

            Assert.Equal("T-1", document.Order.Number);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Parse_ValidDocument_MapsOptionalFieldsToDefaults()
    {
        var document = OrderDocument.Parse(OrderJson.Valid);

        Assert.Equal(2, document.Order.Lines.Count);
        Assert.Equal(new Dictionary<string, int> { ["1"] = 1 }, document.AlreadyReturned);
        Assert.Null(document.Order.ShippingAddress);
        Assert.True(document.Order.PricesIncludeTax);
        Assert.True(document.Order.Lines[1].Discount.IsZero);
        Assert.Null(document.Order.Lines[1].Product.Weight);
        Assert.Equal(Money.Of(44.85m, "EUR"), Assert.Single(document.Order.Tenders).Amount);
    }

    [Fact]
    public void Parse_CommentsAndTrailingCommas_AreAccepted()
    {
        var json = OrderJson.Valid
            .With("\"number\": \"T-1\",", "// the shop's order number\n  \"number\": \"T-1\",")
            .With("\"category\": \"socks\" }", "\"category\": \"socks\", }");

        Assert.Equal("T-1", OrderDocument.Parse(json).Order.Number);
    }

    [Fact]
    public void Parse_LowerCaseCurrencyAndMarketplace_AreAccepted()
    {
        var json = OrderJson.Valid.With("\"EUR\"", "\"eur\"").With("\"web\"", "\"marketplace\"");

        var order = OrderDocument.Parse(json).Order;

        Assert.Equal(Currency.EUR, order.Currency);
        Assert.Equal(SalesChannel.Marketplace, order.Channel);
    }

    [Fact]
    public void Parse_WholeYenAndThreeDecimalDinar_AreAccepted()
    {
        var yen = OrderJson.Valid.With("\"EUR\"", "\"JPY\"").With("4.95", "500").With("44.85", "4000")
            .With("19.95", "1980").With("5.00", "500");
        var dinar = OrderJson.Valid.With("\"EUR\"", "\"KWD\"").With("19.95", "19.995");

        Assert.Equal(Money.Of(1980m, "JPY"), OrderDocument.Parse(yen).Order.Lines[0].UnitPrice);
        Assert.Equal(Money.Of(19.995m, "KWD"), OrderDocument.Parse(dinar).Order.Lines[0].UnitPrice);
    }

    [Fact]
    public void Parse_ReturnedQuantityZero_IsNotListedAsReturned()
    {
        var json = OrderJson.Valid.With("\"returnedQuantity\": 1", "\"returnedQuantity\": 0");

        Assert.Empty(OrderDocument.Parse(json).AlreadyReturned);
    }

    [Fact]
    public void Parse_ReturnedQuantityEqualToQuantity_IsAccepted()
    {
        var json = OrderJson.Valid.With("\"returnedQuantity\": 1", "\"returnedQuantity\": 2");

        Assert.Equal(2, OrderDocument.Parse(json).AlreadyReturned["1"]);
    }

    [Fact]
    public void Parse_Utf8Bytes_SameAsText()
    {
        var document = OrderDocument.Parse(Encoding.UTF8.GetBytes(OrderJson.Valid));

        Assert.Equal("T-1", document.Order.Number);
    }
}
