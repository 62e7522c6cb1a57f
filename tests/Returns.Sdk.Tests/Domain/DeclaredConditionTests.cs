namespace Returns.Sdk.Tests.Domain;

public sealed class DeclaredConditionTests
{
    private static readonly DeclaredCondition Opened = new(PackagingState.Opened, UsageLevel.Light);

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void PhotoCount_Negative_Throws(int photos)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Opened with { PhotoCount = photos });

        Assert.Equal(nameof(DeclaredCondition.PhotoCount), exception.ParamName);
    }

    [Fact]
    public void PhotoCount_ZeroOrMore_IsKept()
    {
        Assert.Equal(0, Opened.PhotoCount);
        Assert.Equal(3, (Opened with { PhotoCount = 3 }).PhotoCount);
    }

    [Theory]
    [InlineData("  cracked screen \n", "cracked screen")]
    [InlineData("\tstrap torn", "strap torn")]
    [InlineData("   ", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void DefectDescription_Whitespace_IsTrimmedOrDropped(string? input, string? expected)
    {
        Assert.Equal(expected, (Opened with { DefectDescription = input }).DefectDescription);
    }

    [Fact]
    public void DefectDescription_Over2000Characters_Throws()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(
            () => Opened with { DefectDescription = new string('x', DeclaredCondition.MaxDefectDescriptionLength + 1) });

        Assert.Equal(nameof(DeclaredCondition.DefectDescription), exception.ParamName);
    }

    [Fact]
    public void DefectDescription_Exactly2000Characters_IsAccepted()
    {
        var text = new string('x', 2000);

        Assert.Equal(text, (Opened with { DefectDescription = text }).DefectDescription);
    }

    [Fact]
    public void Constructor_UndefinedEnums_Throw()
    {
        Assert.Equal("packaging", Assert.Throws<ArgumentOutOfRangeException>(
            () => new DeclaredCondition((PackagingState)9, UsageLevel.None)).ParamName);
        Assert.Equal("signsOfUse", Assert.Throws<ArgumentOutOfRangeException>(
            () => new DeclaredCondition(PackagingState.Sealed, (UsageLevel)(-1))).ParamName);
    }
}
