namespace Returns.Sdk.Tests.Domain;

public sealed class ReturnReasonTests
{
    [Theory]
    [InlineData("too_small", ReturnFault.Customer, false)]
    [InlineData("too_large", ReturnFault.Customer, false)]
    [InlineData("not_as_described", ReturnFault.Retailer, false)]
    [InlineData("defective", ReturnFault.Retailer, false)]
    [InlineData("damaged_in_transit", ReturnFault.Carrier, false)]
    [InlineData("wrong_item_sent", ReturnFault.Retailer, false)]
    [InlineData("arrived_late", ReturnFault.Retailer, false)]
    [InlineData("changed_mind", ReturnFault.Customer, false)]
    [InlineData("better_price_found", ReturnFault.Customer, false)]
    [InlineData("other", ReturnFault.Customer, true)]
    public void Standard_Code_ExistsWithItsFaultAndCommentRule(string code, ReturnFault fault, bool requiresComment)
    {
        Assert.True(ReturnReasonTaxonomy.Standard.TryGet(code, out var reason));

        Assert.Equal(code, reason.Code);
        Assert.Equal(fault, reason.Fault);
        Assert.Equal(requiresComment, reason.RequiresComment);
        Assert.Contains(reason, ReturnReason.Standard);
    }

    [Fact]
    public void Standard_Reasons_AreTenWithUniqueCodesAndOtherLast()
    {
        var codes = ReturnReason.Standard.Select(r => r.Code).ToList();

        Assert.Equal(10, codes.Count);
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.Same(ReturnReason.Other, ReturnReason.Standard[^1]);
        Assert.Equal(ReturnReason.Standard, ReturnReasonTaxonomy.Standard.Reasons);
        Assert.Single(ReturnReason.Standard, r => r.RequiresComment);
    }

    [Fact]
    public void NamedReasons_MatchTheirFaults()
    {
        Assert.Equal(ReturnFault.Retailer, ReturnReason.Defective.Fault);
        Assert.Equal(ReturnFault.Carrier, ReturnReason.DamagedInTransit.Fault);
        Assert.Equal(ReturnFault.Customer, ReturnReason.ChangedMind.Fault);
        Assert.True(ReturnReason.Other.RequiresComment);
        Assert.False(ReturnReason.ChangedMind.RequiresComment);
    }

    [Theory]
    [InlineData("Too Small")]
    [InlineData("too small")]
    [InlineData("Too_small")]
    [InlineData("too-small")]
    [InlineData("1abc")]
    [InlineData("_abc")]
    [InlineData("")]
    [InlineData("tóo_small")]
    [InlineData("too_small ")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")] // 65 characters
    public void Constructor_NotSnakeCase_ThrowsForCode(string code)
    {
        var exception = Assert.Throws<ArgumentException>(() => new ReturnReason(code, ReturnFault.Customer));

        Assert.Equal("code", exception.ParamName);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("size_2")]
    [InlineData("x__")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")] // 64 characters
    public void Constructor_SnakeCase_IsAccepted(string code)
    {
        Assert.Equal(code, new ReturnReason(code, ReturnFault.Retailer).Code);
    }

    [Fact]
    public void Constructor_NullCodeOrUndefinedFault_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new ReturnReason(null!, ReturnFault.Customer));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReturnReason("lost", (ReturnFault)7));
    }

    [Fact]
    public void With_CustomReasons_AddsThemAfterTheStandardOnes()
    {
        var wrongColour = new ReturnReason("wrong_colour", ReturnFault.Retailer);
        var giftDuplicate = new ReturnReason("duplicate_gift", ReturnFault.Customer, requiresComment: true);

        var taxonomy = ReturnReasonTaxonomy.Standard.With(wrongColour, giftDuplicate);

        Assert.Equal(12, taxonomy.Reasons.Count);
        Assert.Equal(ReturnReason.Standard, taxonomy.Reasons.Take(10));
        Assert.Equal([wrongColour, giftDuplicate], taxonomy.Reasons.Skip(10));
        Assert.True(taxonomy.TryGet("wrong_colour", out var found));
        Assert.Same(wrongColour, found);
        Assert.True(taxonomy.TryGet("defective", out _));
    }

    [Fact]
    public void With_Anything_LeavesStandardUnchanged()
    {
        _ = ReturnReasonTaxonomy.Standard.With(new ReturnReason("wrong_colour", ReturnFault.Retailer));

        Assert.Equal(10, ReturnReasonTaxonomy.Standard.Reasons.Count);
        Assert.False(ReturnReasonTaxonomy.Standard.TryGet("wrong_colour", out _));
    }

    [Fact]
    public void With_Chained_KeepsEveryEarlierReason()
    {
        var taxonomy = ReturnReasonTaxonomy.Standard
            .With(new ReturnReason("wrong_colour", ReturnFault.Retailer))
            .With(new ReturnReason("missing_parts", ReturnFault.Retailer));

        Assert.True(taxonomy.TryGet("wrong_colour", out _));
        Assert.True(taxonomy.TryGet("missing_parts", out _));
        Assert.Throws<ArgumentException>(() => taxonomy.With(new ReturnReason("wrong_colour", ReturnFault.Customer)));
    }

    [Fact]
    public void With_StandardCode_ThrowsNamingTheCode()
    {
        var exception = Assert.Throws<ArgumentException>(
            () => ReturnReasonTaxonomy.Standard.With(new ReturnReason("defective", ReturnFault.Customer)));

        Assert.Contains("'defective'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_SameCodeTwiceInOneCall_Throws()
    {
        Assert.Throws<ArgumentException>(() => ReturnReasonTaxonomy.Standard.With(
            new ReturnReason("wrong_colour", ReturnFault.Retailer),
            new ReturnReason("wrong_colour", ReturnFault.Customer)));
    }

    [Fact]
    public void TryGet_UnknownOrDifferentCase_ReturnsFalse()
    {
        Assert.False(ReturnReasonTaxonomy.Standard.TryGet("lost_in_post", out var reason));
        Assert.Null(reason);
        Assert.False(ReturnReasonTaxonomy.Standard.TryGet("Defective", out _));
    }
}
