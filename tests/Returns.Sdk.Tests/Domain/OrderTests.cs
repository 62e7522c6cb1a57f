namespace Returns.Sdk.Tests.Domain;

public sealed class OrderTests
{
    private static readonly DateTimeOffset PlacedAt = new(2026, 11, 2, 10, 15, 0, TimeSpan.FromHours(1));
    private static readonly Customer Anna = new("C-0042");

    private static OrderLine Line(string id, decimal unitPrice, string currency = "EUR", int quantity = 1) =>
        new(id, "SKU-" + id, quantity, Money.Of(unitPrice, currency), new ProductAttributes("apparel"));

    private static Order NewOrder(params OrderLine[] lines) =>
        new("WEB-1", SalesChannel.Web, Currency.EUR, PlacedAt, Anna, lines);

    [Fact]
    public void Constructor_NoLines_ThrowsForLines()
    {
        var exception = Assert.Throws<ArgumentException>(() => NewOrder());

        Assert.Equal("lines", exception.ParamName);
    }

    [Fact]
    public void Constructor_DuplicateLineIds_ThrowsNamingTheId()
    {
        var exception = Assert.Throws<ArgumentException>(() => NewOrder(Line("1", 10m), Line("2", 5m), Line("1", 7m)));

        Assert.Equal("lines", exception.ParamName);
        Assert.Contains("'1'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_LineIdsDifferingOnlyInCase_AreDistinct()
    {
        var order = NewOrder(Line("a", 10m), Line("A", 5m));

        Assert.Equal(2, order.Lines.Count);
        Assert.Equal(5m, order.FindLine("A")!.UnitPrice.Amount);
    }

    [Fact]
    public void Constructor_LineInAnotherCurrency_ThrowsCurrencyMismatch()
    {
        var exception = Assert.Throws<CurrencyMismatchException>(() => NewOrder(Line("1", 10m), Line("2", 10m, "USD")));

        Assert.Equal(Currency.EUR, exception.Expected);
        Assert.Equal(Currency.USD, exception.Actual);
        Assert.Contains("'2'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NullLine_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => NewOrder(Line("1", 10m), null!));
    }

    [Fact]
    public void Constructor_DefaultCurrency_ThrowsForCurrency()
    {
        var exception = Assert.Throws<ArgumentException>(
            () => new Order("WEB-1", SalesChannel.Web, default, PlacedAt, Anna, [Line("1", 1m)]));

        Assert.Equal("currency", exception.ParamName);
    }

    [Fact]
    public void Constructor_UndefinedChannel_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => new Order("WEB-1", (SalesChannel)42, Currency.EUR, PlacedAt, Anna, [Line("1", 1m)]));
    }

    [Fact]
    public void Constructor_LinesListChangedAfterwards_OrderKeepsItsOwnCopy()
    {
        var lines = new List<OrderLine> { Line("1", 10m) };
        var order = new Order("WEB-1", SalesChannel.Web, Currency.EUR, PlacedAt, Anna, lines);

        lines.Add(Line("2", 20m));
        lines[0] = Line("9", 1m);

        Assert.Single(order.Lines);
        Assert.Equal("1", order.Lines[0].LineId);
    }

    [Fact]
    public void Constructor_Defaults_NoShippingNoTendersPricesIncludeTax()
    {
        var order = NewOrder(Line("1", 10m));

        Assert.Equal(Money.Zero(Currency.EUR), order.ShippingPaid);
        Assert.Empty(order.Tenders);
        Assert.True(order.PricesIncludeTax);
        Assert.Null(order.DeliveredAt);
    }

    [Fact]
    public void DeliveredAt_BeforePlacedAt_Throws()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(
            () => NewOrder(Line("1", 10m)) with { DeliveredAt = PlacedAt.AddSeconds(-1) });

        Assert.Equal(nameof(Order.DeliveredAt), exception.ParamName);
    }

    [Fact]
    public void DeliveredAt_SameInstantInAnotherOffset_IsAccepted()
    {
        // 09:15 UTC is the same instant as 10:15+01:00.
        var order = NewOrder(Line("1", 10m)) with { DeliveredAt = PlacedAt.ToUniversalTime() };

        Assert.Equal(PlacedAt, order.DeliveredAt);
    }

    [Fact]
    public void DeliveredAt_EarlierClockTimeButLaterInstant_IsAccepted()
    {
        // 10:00-05:00 is 15:00 UTC, after 09:15 UTC.
        var delivered = new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.FromHours(-5));

        var order = NewOrder(Line("1", 10m)) with { DeliveredAt = delivered };

        Assert.Equal(delivered, order.DeliveredAt);
    }

    [Fact]
    public void Tenders_AnotherCurrency_ThrowsCurrencyMismatch()
    {
        var exception = Assert.Throws<CurrencyMismatchException>(() => NewOrder(Line("1", 10m)) with
        {
            Tenders = [new Tender(TenderKind.Card, Money.Of(5m, "EUR")), new Tender(TenderKind.GiftCard, Money.Of(5m, "GBP"))],
        });

        Assert.Equal(Currency.EUR, exception.Expected);
        Assert.Equal(Currency.GBP, exception.Actual);
    }

    [Fact]
    public void Tenders_ListChangedAfterwards_OrderKeepsItsOwnCopy()
    {
        var tenders = new List<Tender> { new(TenderKind.Card, Money.Of(10m, "EUR")) };
        var order = NewOrder(Line("1", 10m)) with { Tenders = tenders };

        tenders.Clear();

        Assert.Single(order.Tenders);
    }

    [Fact]
    public void ShippingPaid_AnotherCurrencyOrNegative_Throws()
    {
        var order = NewOrder(Line("1", 10m));

        Assert.Throws<ArgumentOutOfRangeException>(() => order with { ShippingPaid = Money.Of(4.95m, "USD") });
        Assert.Throws<ArgumentOutOfRangeException>(() => order with { ShippingPaid = Money.Of(-4.95m, "EUR") });
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Tender_AmountNotAboveZero_Throws(int amount)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new Tender(TenderKind.Card, Money.Of(amount, "EUR")));

        Assert.Equal("amount", exception.ParamName);
    }

    [Fact]
    public void Tender_UndefinedKind_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Tender((TenderKind)99, Money.Of(1m, "EUR")));
    }

    [Fact]
    public void FindLine_KnownAndUnknownId_FindsOnlyExactMatch()
    {
        var order = NewOrder(Line("1", 10m), Line("2", 20m));

        Assert.Equal(20m, order.FindLine("2")!.UnitPrice.Amount);
        Assert.Null(order.FindLine("3"));
        Assert.Null(order.FindLine(" 2"));
    }

    [Fact]
    public void Address_CountryMissingOrPostcodeTooLong_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Address(default, "1012 AB"));
        Assert.Throws<ArgumentException>(() => new Address(CountryCode.Parse("NL"), new string('9', 17)));
        Assert.Equal("1012 AB", new Address(CountryCode.Parse("nl"), "  1012 AB  ").Postcode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Customer_BlankId_Throws(string id)
    {
        Assert.Throws<ArgumentException>(() => new Customer(id));
    }

    [Fact]
    public void ProductAttributes_Category_IsTrimmedAndRequired()
    {
        Assert.Equal("shoes", new ProductAttributes("  shoes ").Category);
        Assert.Throws<ArgumentException>(() => new ProductAttributes(" "));
    }
}
