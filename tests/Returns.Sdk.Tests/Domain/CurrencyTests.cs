namespace Returns.Sdk.Tests.Domain;

public sealed class CurrencyTests
{
    public static TheoryData<string, decimal, decimal> Roundings => new()
    {
        { "EUR", 0.005m, 0.01m },
        { "EUR", -0.005m, -0.01m },
        { "EUR", 0.025m, 0.03m }, // banker's rounding would give 0.02
        { "EUR", 0.0049m, 0.00m },
        { "EUR", 12.344999m, 12.34m },
        { "JPY", 0.5m, 1m },
        { "JPY", -0.5m, -1m },
        { "JPY", 2.5m, 3m }, // banker's rounding would give 2
        { "KWD", 1.0005m, 1.001m },
        { "KWD", -1.0005m, -1.001m },
    };

    [Theory]
    [InlineData("EUR")]
    [InlineData("eur")]
    [InlineData("Eur")]
    [InlineData("eUr")]
    public void FromCode_AnyLetterCase_ReturnsSameUpperCaseCurrency(string code)
    {
        var currency = Currency.FromCode(code);

        Assert.Equal("EUR", currency.Code);
        Assert.Equal(Currency.EUR, currency);
        Assert.Equal(Currency.EUR.GetHashCode(), currency.GetHashCode());
    }

    [Theory]
    [InlineData("JPY", 0)]
    [InlineData("KRW", 0)]
    [InlineData("ISK", 0)]
    [InlineData("EUR", 2)]
    [InlineData("USD", 2)]
    [InlineData("GBP", 2)]
    [InlineData("KWD", 3)]
    [InlineData("BHD", 3)]
    [InlineData("TND", 3)]
    [InlineData("CLF", 4)]
    public void FromCode_KnownCode_HasIsoMinorUnits(string code, int minorUnits)
    {
        Assert.Equal(minorUnits, Currency.FromCode(code).MinorUnits);
    }

    [Theory]
    [InlineData("EUX")]
    [InlineData("")]
    [InlineData("EURO")]
    [InlineData("EU")]
    [InlineData(" EUR")]
    [InlineData("HRK")] // replaced by the euro in 2023; no longer active
    public void FromCode_UnknownCode_ThrowsArgumentExceptionNamingTheCode(string code)
    {
        var exception = Assert.Throws<ArgumentException>(() => Currency.FromCode(code));

        Assert.Equal("code", exception.ParamName);
        Assert.Contains($"'{code}'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromCode_Null_ThrowsArgumentNullExceptionForCode()
    {
        var exception = Assert.Throws<ArgumentNullException>(() => Currency.FromCode(null!));

        Assert.Equal("code", exception.ParamName);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("EUX")]
    [InlineData("EURO")]
    public void TryFromCode_UnknownCode_ReturnsFalseAndDefault(string? code)
    {
        var found = Currency.TryFromCode(code, out var currency);

        Assert.False(found);
        Assert.True(currency.IsDefault);
    }

    [Fact]
    public void KnownCodes_EveryCode_RoundTripsThroughFromCodeInUpperCase()
    {
        var codes = Currency.KnownCodes.ToList();

        Assert.True(codes.Count > 150, $"only {codes.Count} codes known");
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        foreach (var code in codes)
        {
            Assert.Matches("^[A-Z]{3}$", code);
            var currency = Currency.FromCode(code.ToLowerInvariant());
            Assert.Equal(code, currency.Code);
            Assert.InRange(currency.MinorUnits, 0, 4);
        }
    }

    [Theory]
    [MemberData(nameof(Roundings))]
    public void Round_Midpoint_RoundsHalfAwayFromZero(string code, decimal amount, decimal expected)
    {
        Assert.Equal(expected, Currency.FromCode(code).Round(amount));
    }

    [Theory]
    [InlineData("EUR", "1.23", true)]
    [InlineData("EUR", "1.230", true)]
    [InlineData("EUR", "-1.2", true)]
    [InlineData("EUR", "1.235", false)]
    [InlineData("EUR", "0.001", false)]
    [InlineData("JPY", "100", true)]
    [InlineData("JPY", "100.0", true)]
    [InlineData("JPY", "100.5", false)]
    [InlineData("KWD", "1.234", true)]
    [InlineData("KWD", "1.2345", false)]
    public void IsWhole_Amount_TellsWhetherItFitsTheMinorUnits(string code, string amount, bool expected)
    {
        var value = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, Currency.FromCode(code).IsWhole(value));
    }

    [Fact]
    public void IsDefault_DefaultCurrency_IsTrueAndDiffersFromEveryRealCurrency()
    {
        var none = default(Currency);

        Assert.True(none.IsDefault);
        Assert.Equal(string.Empty, none.Code);
        Assert.NotEqual(Currency.EUR, none);
        Assert.False(Currency.EUR.IsDefault);
        Assert.False(Currency.FromCode("JPY").IsDefault);
    }

    [Fact]
    public void Equals_DifferentCodes_AreNotEqual()
    {
        Assert.True(Currency.EUR != Currency.USD);
        Assert.False(Currency.EUR == Currency.GBP);
        Assert.True(Currency.FromCode("usd") == Currency.USD);
    }

    [Fact]
    public void TryFormat_DestinationTooSmall_ReturnsFalse()
    {
        Span<char> small = stackalloc char[2];
        Span<char> enough = stackalloc char[3];

        Assert.False(Currency.EUR.TryFormat(small, out var none, default, null));
        Assert.Equal(0, none);
        Assert.True(Currency.EUR.TryFormat(enough, out var written, default, null));
        Assert.Equal("EUR", enough[..written].ToString());
    }
}
