using System.Globalization;
using FsCheck.Xunit;

namespace Returns.Sdk.Tests.Domain;

public sealed class MoneyTests
{
    private static readonly Currency Jpy = Currency.FromCode("JPY");

    [Fact]
    public void Add_SameCurrency_AddsAmounts()
    {
        var sum = Money.Of(12.30m, "EUR") + Money.Of(0.75m, "EUR");

        Assert.Equal(new Money(13.05m, Currency.EUR), sum);
    }

    [Fact]
    public void Subtract_SameCurrency_CanGoNegative()
    {
        var difference = Money.Of(5m, "EUR") - Money.Of(7.5m, "EUR");

        Assert.Equal(-2.5m, difference.Amount);
        Assert.True(difference.IsNegative);
        Assert.Equal(Currency.EUR, difference.Currency);
    }

    [Fact]
    public void Negate_Amount_FlipsSignAndKeepsCurrency()
    {
        var negated = -Money.Of(3.20m, "GBP");

        Assert.Equal(Money.Of(-3.20m, "GBP"), negated);
    }

    [Fact]
    public void Multiply_ByFraction_DoesNotRound()
    {
        var third = Money.Of(10m, "EUR") * (1m / 3m);

        Assert.NotEqual(third.Round().Amount, third.Amount);
        Assert.Equal(3.33m, third.Round().Amount);
    }

    [Fact]
    public void Round_ThreeDecimalsInEuro_RoundsHalfAwayFromZero()
    {
        Assert.Equal(Money.Of(2.35m, "EUR"), Money.Of(2.345m, "EUR").Round());
        Assert.Equal(Money.Of(-2.35m, "EUR"), Money.Of(-2.345m, "EUR").Round());
        Assert.Equal(new Money(3m, Jpy), new Money(2.5m, Jpy).Round());
    }

    [Fact]
    public void Add_DifferentCurrencies_ThrowsCurrencyMismatchWithExpectedAndActual()
    {
        var exception = Assert.Throws<CurrencyMismatchException>(() => Money.Of(1m, "EUR") + Money.Of(1m, "USD"));

        Assert.Equal(Currency.EUR, exception.Expected);
        Assert.Equal(Currency.USD, exception.Actual);
        Assert.Contains("EUR", exception.Message, StringComparison.Ordinal);
        Assert.Contains("USD", exception.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<ReturnsException>(exception);
    }

    [Fact]
    public void Subtract_DifferentCurrencies_ThrowsCurrencyMismatch()
    {
        var exception = Assert.Throws<CurrencyMismatchException>(() => new Money(100m, Jpy) - Money.Of(1m, "EUR"));

        Assert.Equal(Jpy, exception.Expected);
        Assert.Equal(Currency.EUR, exception.Actual);
    }

    [Fact]
    public void Add_DefaultMoneyToEuro_ThrowsCurrencyMismatch()
    {
        Assert.Throws<CurrencyMismatchException>(() => default(Money) + Money.Of(1m, "EUR"));
    }

    [Fact]
    public void CompareTo_DifferentCurrencies_Throws()
    {
        var euro = Money.Of(1m, "EUR");
        var pound = Money.Of(2m, "GBP");

        Assert.Throws<CurrencyMismatchException>(() => euro.CompareTo(pound));
        Assert.Throws<CurrencyMismatchException>(() => euro < pound);
        Assert.Throws<CurrencyMismatchException>(() => euro >= pound);
        Assert.Throws<CurrencyMismatchException>(() => Money.Max(euro, pound));
        Assert.Throws<CurrencyMismatchException>(() => Money.Min(euro, pound));
    }

    [Fact]
    public void CompareTo_SameCurrency_OrdersByAmount()
    {
        var small = Money.Of(1.99m, "EUR");
        var large = Money.Of(2m, "EUR");

        Assert.True(small < large);
        Assert.True(large > small);
        Assert.True(small <= Money.Of(1.990m, "EUR"));
        Assert.Equal(large, Money.Max(small, large));
        Assert.Equal(small, Money.Min(large, small));
    }

    [Fact]
    public void Equals_SameValueDifferentScale_AreEqualWithSameHashCode()
    {
        var a = Money.Of(1.50m, "EUR");
        var b = Money.Of(1.5m, "EUR");

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Single(new HashSet<Money> { a, b });
    }

    [Fact]
    public void Equals_SameAmountDifferentCurrency_AreNotEqual()
    {
        Assert.NotEqual(Money.Of(1m, "EUR"), Money.Of(1m, "USD"));
        Assert.True(Money.Of(1m, "EUR") != Money.Of(1m, "USD"));
    }

    [Fact]
    public void Constructor_DefaultCurrency_ThrowsArgumentException()
    {
        var exception = Assert.Throws<ArgumentException>(() => new Money(1m, default));

        Assert.Equal("currency", exception.ParamName);
    }

    [Fact]
    public void Of_UnknownCode_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => Money.Of(1m, "EUX"));
    }

    [Theory]
    [InlineData("12.3", "EUR", "12.30 EUR")]
    [InlineData("-4.5", "EUR", "-4.50 EUR")]
    [InlineData("1000", "JPY", "1000 JPY")]
    [InlineData("1234567.891", "KWD", "1234567.891 KWD")]
    [InlineData("0", "USD", "0.00 USD")]
    public void ToString_AnyCulture_FormatsInvariantWithMinorUnits(string amount, string code, string expected)
    {
        var money = Money.Of(decimal.Parse(amount, CultureInfo.InvariantCulture), code);
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal(",", CultureInfo.CurrentCulture.NumberFormat.NumberDecimalSeparator);

            Assert.Equal(expected, money.ToString());
            Assert.Equal(expected, $"{money}");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void ToString_MoreDecimalsThanCurrency_ShowsRoundedMinorUnits()
    {
        Assert.Equal("0.01 EUR", Money.Of(0.005m, "EUR").ToString());
        Assert.Equal("1 JPY", new Money(0.5m, Jpy).ToString());
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool AddThenSubtract_SameCurrency_ReturnsOriginal(Money a, decimal factor)
    {
        // b shares a's currency; its size comes from an independent factor, kept small enough not to overflow.
        var b = new Money(decimal.Round(factor % 1_000_000m, 6), a.Currency);

        return (a + b) - b == a && (b + a) == (a + b);
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool Round_AnyAmount_IsIdempotentAndMovesAtMostHalfAMinorUnit(Money money)
    {
        var rounded = money.Round();
        var halfUnit = 0.5m / Pow10(money.Currency.MinorUnits);

        return rounded.Round() == rounded
            && rounded.Currency == money.Currency
            && money.Currency.IsWhole(rounded.Amount)
            && Math.Abs(rounded.Amount - money.Amount) <= halfUnit;
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool Round_Negated_IsNegatedRound(Money money)
    {
        // Half away from zero is symmetric around zero.
        return (-money).Round() == -money.Round();
    }

    [Fact]
    public void Round_EveryKnownCurrency_GivesWholeMinorUnitsWithinHalfAUnit()
    {
        foreach (var code in Currency.KnownCodes)
        {
            var currency = Currency.FromCode(code);
            for (var tenThousandths = -20_000; tenThousandths <= 20_000; tenThousandths += 37)
            {
                var amount = tenThousandths / 10_000m;
                var rounded = currency.Round(amount);
                Assert.True(currency.IsWhole(rounded), $"{amount} {currency} -> {rounded}");
                Assert.True(Math.Abs(rounded - amount) <= 0.5m / Pow10(currency.MinorUnits), $"{amount} {currency} -> {rounded}");
            }
        }
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10m;
        }

        return result;
    }
}
