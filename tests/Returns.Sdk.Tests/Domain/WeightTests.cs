namespace Returns.Sdk.Tests.Domain;

public sealed class WeightTests
{
    [Theory]
    [InlineData("-0.001")]
    [InlineData("-1")]
    [InlineData("1000.001")]
    [InlineData("5000")]
    public void FromKilograms_OutOfRange_ThrowsArgumentOutOfRange(string kilograms)
    {
        var value = decimal.Parse(kilograms, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Throws<ArgumentOutOfRangeException>(() => Weight.FromKilograms(value));
    }

    /// <summary>The documented exception for "above 1000 kg" holds for every decimal, not only for those that survive <c>* 1000</c>.</summary>
    [Theory]
    [InlineData("79228162514264337593543950335")]
    [InlineData("-79228162514264337593543950335")]
    [InlineData("100000000000000000000000000")]
    public void FromKilograms_BeyondDecimalRangeInGrams_ThrowsArgumentOutOfRange(string kilograms)
    {
        var value = decimal.Parse(kilograms, System.Globalization.CultureInfo.InvariantCulture);

        var exception = Record.Exception(() => Weight.FromKilograms(value));

        Assert.IsType<ArgumentOutOfRangeException>(exception);
    }

    [Theory]
    [InlineData("-0.5")]
    [InlineData("1000000.01")]
    public void FromGrams_OutOfRange_ThrowsArgumentOutOfRangeForGrams(string grams)
    {
        var value = decimal.Parse(grams, System.Globalization.CultureInfo.InvariantCulture);

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Weight.FromGrams(value));

        Assert.Equal("grams", exception.ParamName);
    }

    [Fact]
    public void FromKilograms_Bounds_AreAccepted()
    {
        Assert.Equal(0m, Weight.FromKilograms(0m).Grams);
        Assert.Equal(Weight.MaxKilograms, Weight.FromKilograms(Weight.MaxKilograms).Kilograms);
        Assert.Equal(Weight.Zero, Weight.FromGrams(0m));
    }

    [Theory]
    [InlineData("0.9", "900")]
    [InlineData("0.25", "250")]
    [InlineData("1.5", "1500")]
    [InlineData("0.0005", "0.5")]
    public void FromKilograms_ConvertsToGramsAndBack(string kilograms, string grams)
    {
        var kg = decimal.Parse(kilograms, System.Globalization.CultureInfo.InvariantCulture);
        var g = decimal.Parse(grams, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(g, Weight.FromKilograms(kg).Grams);
        Assert.Equal(kg, Weight.FromGrams(g).Kilograms);
        Assert.Equal(Weight.FromKilograms(kg), Weight.FromGrams(g));
    }

    [Fact]
    public void Add_SeveralWeights_SumsGrams()
    {
        var items = new[] { Weight.FromKilograms(0.9m), Weight.FromGrams(200m), Weight.FromGrams(200m), Weight.FromKilograms(0.05m) };

        var total = items.Aggregate(Weight.Zero, (sum, w) => sum + w);

        Assert.Equal(1350m, total.Grams);
        Assert.Equal(1.35m, total.Kilograms);
        Assert.Equal("1.35 kg", total.ToString());
    }

    [Fact]
    public void Multiply_ByCount_ScalesAndChecksTheLimit()
    {
        Assert.Equal(Weight.FromKilograms(0.6m), Weight.FromKilograms(0.2m) * 3);
        Assert.Throws<ArgumentOutOfRangeException>(() => Weight.FromKilograms(600m) * 2);
    }

    /// <summary>
    /// Sums are parcels; a parcel above one tonne is a data error (see <see cref="Weight.MaxKilograms"/>), exactly as
    /// <c>600 kg * 2</c> already is. Fails until <c>operator +</c> validates like <c>operator *</c>.
    /// </summary>
    [Fact]
    public void Add_SumAboveOneTonne_ThrowsLikeMultiply()
    {
        var heavy = Weight.FromKilograms(600m);

        Assert.Throws<ArgumentOutOfRangeException>(() => heavy + heavy);
    }

    [Fact]
    public void CompareTo_OrdersByMass()
    {
        var light = Weight.FromGrams(999m);
        var heavy = Weight.FromKilograms(1m);

        Assert.True(light < heavy);
        Assert.True(heavy >= light);
        Assert.True(light.CompareTo(heavy) < 0);
        Assert.True(Weight.FromKilograms(1.000m) == heavy);
    }

    [Theory]
    [InlineData("1.25", "1.25 kg")]
    [InlineData("0.0005", "0.001 kg")]
    [InlineData("12", "12 kg")]
    public void ToString_AnyWeight_FormatsKilogramsInvariant(string kilograms, string expected)
    {
        var weight = Weight.FromKilograms(decimal.Parse(kilograms, System.Globalization.CultureInfo.InvariantCulture));
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal(expected, weight.ToString());
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }
}
