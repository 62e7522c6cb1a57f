namespace Returns.Sdk.Tests.Domain;

public sealed class OrderLineTests
{
    private static readonly ProductAttributes Apparel = new("apparel");

    private static Money Eur(decimal amount) => new(amount, Currency.EUR);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Constructor_QuantityBelowOne_ThrowsForQuantity(int quantity)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new OrderLine("1", "TEE", quantity, Eur(10m), Apparel));

        Assert.Equal("quantity", exception.ParamName);
    }

    [Fact]
    public void Constructor_NegativeUnitPrice_ThrowsForUnitPrice()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new OrderLine("1", "TEE", 1, Eur(-0.01m), Apparel));

        Assert.Equal("unitPrice", exception.ParamName);
    }

    [Fact]
    public void Constructor_FreeItem_IsAccepted()
    {
        var line = new OrderLine("1", "GIFT-WRAP", 2, Eur(0m), Apparel);

        Assert.True(line.Net.IsZero);
    }

    [Theory]
    [InlineData("", "SKU")]
    [InlineData("  ", "SKU")]
    [InlineData("1", "")]
    [InlineData("1", " ")]
    public void Constructor_BlankIdentifier_ThrowsArgumentException(string lineId, string sku)
    {
        Assert.ThrowsAny<ArgumentException>(() => new OrderLine(lineId, sku, 1, Eur(1m), Apparel));
    }

    [Fact]
    public void Constructor_NoDiscountOrTax_DefaultsToZeroInTheLineCurrency()
    {
        var line = new OrderLine("1", "TEE", 2, Money.Of(500m, "JPY"), Apparel);

        Assert.Equal(Money.Zero(Currency.FromCode("JPY")), line.Discount);
        Assert.Equal(Money.Zero(Currency.FromCode("JPY")), line.Tax);
    }

    [Fact]
    public void Discount_AboveGross_Throws()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(
            () => new OrderLine("1", "TEE", 3, Eur(10m), Apparel) { Discount = Eur(30.01m) });

        Assert.Equal(nameof(OrderLine.Discount), exception.ParamName);
    }

    [Fact]
    public void Discount_EqualToGross_LeavesNothingToPay()
    {
        var line = new OrderLine("1", "TEE", 3, Eur(10m), Apparel) { Discount = Eur(30m) };

        Assert.True(line.Net.IsZero);
        Assert.True(line.NetUnitPrice.IsZero);
    }

    [Fact]
    public void Discount_Negative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OrderLine("1", "TEE", 1, Eur(10m), Apparel) { Discount = Eur(-1m) });
    }

    [Fact]
    public void Discount_OtherCurrency_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => new OrderLine("1", "TEE", 1, Eur(10m), Apparel) { Discount = Money.Of(1m, "USD") });
    }

    [Fact]
    public void Tax_OtherCurrencyOrNegative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OrderLine("1", "TEE", 1, Eur(10m), Apparel) { Tax = Money.Of(1.74m, "GBP") });
        Assert.Throws<ArgumentOutOfRangeException>(() => new OrderLine("1", "TEE", 1, Eur(10m), Apparel) { Tax = Eur(-0.01m) });
    }

    [Fact]
    public void With_DiscountAboveGross_IsValidatedAgain()
    {
        var line = new OrderLine("1", "TEE", 2, Eur(10m), Apparel) { Discount = Eur(5m) };

        Assert.Throws<ArgumentOutOfRangeException>(() => line with { Discount = Eur(20.01m) });
        Assert.Equal(Eur(0m), (line with { Discount = Eur(20m) }).Net);
    }

    [Fact]
    public void Net_DiscountedLine_IsGrossMinusDiscount()
    {
        // The demo order's T-shirts: 3 x 19.95 with 6.00 off the line.
        var line = new OrderLine("2", "TEE-BASIC-M", 3, Eur(19.95m), Apparel) { Discount = Eur(6m), Tax = Eur(9.35m) };

        Assert.Equal(Eur(59.85m), line.Gross);
        Assert.Equal(Eur(53.85m), line.Net);
        Assert.Equal(Eur(17.95m), line.NetUnitPrice.Round());
        Assert.Equal(Eur(9.35m), line.Tax);
    }

    /// <summary>
    /// NetUnitPrice is documented as unrounded, so where Net divides evenly by the quantity it must be exact:
    /// 53.85 / 3 and 107.70 / 6 are both 17.95. Multiplying by a rounded reciprocal (1/3 = 0.33..3, 1/6 = 0.16..67)
    /// gives 17.9499..98 and 17.9500..04 instead, and the second one fails a "unit value at most 17.95" check
    /// (the policy's keep-it limit compares exactly this value).
    /// </summary>
    [Theory]
    [InlineData(3, "6.00")]
    [InlineData(6, "12.00")]
    public void NetUnitPrice_NetDividesEvenly_IsExact(int quantity, string discount)
    {
        var line = new OrderLine("2", "TEE-BASIC-M", quantity, Eur(19.95m), Apparel)
        {
            Discount = Eur(decimal.Parse(discount, System.Globalization.CultureInfo.InvariantCulture)),
        };

        Assert.Equal(17.95m, line.NetUnitPrice.Amount);
        Assert.True(line.NetUnitPrice <= Eur(17.95m), $"{line.NetUnitPrice.Amount} > 17.95");
    }

    [Fact]
    public void NetUnitPrice_NotDivisibleByQuantity_IsUnroundedAndSumsBackToNet()
    {
        var line = new OrderLine("1", "SOCK", 3, Eur(40m), Apparel) { Discount = Eur(20m) };

        var unit = line.NetUnitPrice;

        Assert.Equal(Eur(100m), line.Net);
        Assert.Equal(Eur(33.33m), unit.Round());
        Assert.NotEqual(33.33m, unit.Amount);
        Assert.Equal(Eur(100m), (unit * 3).Round());
    }
}
