using Returns.Sdk.Parcels;

namespace Returns.Sdk.Tests.Parcels;

public sealed class DimensionalWeightTests
{
    [Theory]
    [InlineData(40, 30, 20, 5000, 4800)]
    [InlineData(40, 30, 20, 6000, 4000)]
    [InlineData(10, 10, 10, 3000, 334)]
    public void Of_IsVolumeOverDivisorRoundedUpToTheGram(int length, int width, int height, int divisor, int expectedGrams)
    {
        Assert.Equal(Weight.FromGrams(expectedGrams), DimensionalWeight.Of(new Dimensions(length, width, height), divisor));
    }

    [Fact]
    public void Billable_LightBulkyParcel_IsTheDimensionalWeight()
    {
        var parcel = new Parcel(Weight.FromGrams(1200m), new Dimensions(40m, 30m, 20m));

        Assert.Equal(Weight.FromGrams(4800m), DimensionalWeight.Billable(parcel, 5000m));
    }

    [Fact]
    public void Billable_DenseParcel_IsTheActualWeight()
    {
        var parcel = new Parcel(Weight.FromKilograms(9m), new Dimensions(40m, 30m, 20m));

        Assert.Equal(Weight.FromKilograms(9m), DimensionalWeight.Billable(parcel, 5000m));
    }

    [Fact]
    public void Billable_WithoutDimensions_IsTheActualWeight()
    {
        Assert.Equal(Weight.FromGrams(700m), DimensionalWeight.Billable(new Parcel(Weight.FromGrams(700m)), 5000m));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5000)]
    public void Billable_DivisorNotAboveZero_Throws(int divisor)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DimensionalWeight.Billable(new Parcel(Weight.FromGrams(700m)), divisor));
        Assert.Throws<ArgumentOutOfRangeException>(() => DimensionalWeight.Of(new Dimensions(1m, 1m, 1m), divisor));
    }

    [Fact]
    public void Of_AboveOneTonne_IsCappedAtTheLargestWeight()
    {
        Assert.Equal(Weight.FromKilograms(Weight.MaxKilograms), DimensionalWeight.Of(new Dimensions(300m, 300m, 300m), 5000m));
    }
}
