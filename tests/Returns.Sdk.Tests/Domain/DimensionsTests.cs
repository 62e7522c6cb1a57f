using FsCheck.Xunit;

namespace Returns.Sdk.Tests.Domain;

public sealed class DimensionsTests
{
    [Theory]
    [InlineData(0, 20, 10, "lengthCm")]
    [InlineData(-1, 20, 10, "lengthCm")]
    [InlineData(1000.01, 20, 10, "lengthCm")]
    [InlineData(30, 0, 10, "widthCm")]
    [InlineData(30, -0.1, 10, "widthCm")]
    [InlineData(30, 1001, 10, "widthCm")]
    [InlineData(30, 20, 0, "heightCm")]
    [InlineData(30, 20, -5, "heightCm")]
    [InlineData(30, 20, 1000.5, "heightCm")]
    public void Constructor_SideOutOfRange_ThrowsNamingTheSide(double length, double width, double height, string parameter)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(
            () => new Dimensions((decimal)length, (decimal)width, (decimal)height));

        Assert.Equal(parameter, exception.ParamName);
    }

    [Fact]
    public void Constructor_SidesAtTheLimits_AreAccepted()
    {
        var box = new Dimensions(Dimensions.MaxSideCentimetres, 0.01m, 1000m);

        Assert.Equal(1000m, box.Longest);
        Assert.Equal(0.01m, box.Shortest);
    }

    [Theory]
    [InlineData(30, 20, 10)]
    [InlineData(10, 20, 30)]
    [InlineData(20, 30, 10)]
    [InlineData(10, 30, 20)]
    [InlineData(20, 10, 30)]
    [InlineData(30, 10, 20)]
    public void Measures_KnownBoxInAnyOrientation_AreTheSame(int length, int width, int height)
    {
        var box = new Dimensions(length, width, height);

        Assert.Equal(30m, box.Longest);
        Assert.Equal(20m, box.Middle);
        Assert.Equal(10m, box.Shortest);
        Assert.Equal(60m, box.Girth);
        Assert.Equal(90m, box.LengthPlusGirth);
        Assert.Equal(6000m, box.VolumeCubicCm);
    }

    [Fact]
    public void Measures_TwoEqualLongSides_MiddleIsTheRepeatedSide()
    {
        var box = new Dimensions(40m, 10m, 40m);

        Assert.Equal(40m, box.Longest);
        Assert.Equal(40m, box.Middle);
        Assert.Equal(10m, box.Shortest);
        Assert.Equal(100m, box.Girth);
        Assert.Equal(140m, box.LengthPlusGirth);
    }

    [Fact]
    public void Measures_Cube_AllSidesEqual()
    {
        var cube = new Dimensions(12.5m, 12.5m, 12.5m);

        Assert.Equal(12.5m, cube.Middle);
        Assert.Equal(50m, cube.Girth);
        Assert.Equal(62.5m, cube.LengthPlusGirth);
    }

    [Fact]
    public void Measures_PostNlMaximumParcel_MatchesPublishedLimit()
    {
        // PostNL's largest domestic parcel in 2018: 1760 x 780 x 580 mm (shared/data/tariffs_postnl_2018.csv).
        var box = new Dimensions(58m, 176m, 78m);

        Assert.Equal(176m, box.Longest);
        Assert.Equal(272m, box.Girth);
        Assert.Equal(448m, box.LengthPlusGirth);
    }

    [Theory]
    [InlineData(10, 20, 30, true)]  // the container itself, rotated
    [InlineData(29, 19, 9, true)]
    [InlineData(5, 30, 5, true)]
    [InlineData(31, 5, 5, false)]  // too long in any rotation
    [InlineData(25, 25, 5, false)] // smaller volume, but two sides exceed the middle side
    [InlineData(11, 11, 11, false)] // shortest side too long
    public void FitsInside_Box30x20x10_ConsidersEveryRotation(int length, int width, int height, bool fits)
    {
        var container = new Dimensions(30m, 20m, 10m);

        Assert.Equal(fits, new Dimensions(length, width, height).FitsInside(container));
    }

    [Fact]
    public void ToString_DecimalSides_FormatsInvariant()
    {
        Assert.Equal("30 x 20.5 x 10 cm", new Dimensions(30m, 20.5m, 10m).ToString());
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool FitsInside_Itself_IsTrue(Dimensions box) => box.FitsInside(box);

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool FitsInside_RotatingEitherBox_GivesTheSameAnswer(Dimensions item, Dimensions container)
    {
        var expected = item.FitsInside(container);
        foreach (var rotatedItem in Rotations(item))
        {
            foreach (var rotatedContainer in Rotations(container))
            {
                if (rotatedItem.FitsInside(rotatedContainer) != expected)
                {
                    return false;
                }
            }
        }

        return true;
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool FitsInside_BothWays_OnlyForTheSameSortedSides(Dimensions a, Dimensions b)
    {
        var sameSorted = a.Longest == b.Longest && a.Middle == b.Middle && a.Shortest == b.Shortest;

        return (a.FitsInside(b) && b.FitsInside(a)) == sameSorted;
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)])]
    public bool Measures_AnyBox_AreOrderedAndConsistent(Dimensions box) =>
        box.Shortest <= box.Middle
        && box.Middle <= box.Longest
        && box.Longest + box.Middle + box.Shortest == box.LengthCm + box.WidthCm + box.HeightCm
        && box.Longest * box.Middle * box.Shortest == box.VolumeCubicCm
        && box.LengthPlusGirth == box.Longest + (2m * box.Middle) + (2m * box.Shortest);

    private static IEnumerable<Dimensions> Rotations(Dimensions d)
    {
        yield return new Dimensions(d.LengthCm, d.WidthCm, d.HeightCm);
        yield return new Dimensions(d.LengthCm, d.HeightCm, d.WidthCm);
        yield return new Dimensions(d.WidthCm, d.LengthCm, d.HeightCm);
        yield return new Dimensions(d.WidthCm, d.HeightCm, d.LengthCm);
        yield return new Dimensions(d.HeightCm, d.LengthCm, d.WidthCm);
        yield return new Dimensions(d.HeightCm, d.WidthCm, d.LengthCm);
    }
}
