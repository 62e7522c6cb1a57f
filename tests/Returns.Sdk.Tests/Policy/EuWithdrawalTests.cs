using Returns.Sdk.Policy;
using static Returns.Sdk.Tests.Policy.PolicyFixtures;

namespace Returns.Sdk.Tests.Policy;

public sealed class EuWithdrawalTests
{
    private static readonly ReturnPolicy ShortWindowWithExclusions = TestPolicy(v =>
    {
        v["jurisdictions"] = Json("""["eu_withdrawal"]""");
        v["window"] = Json("""{ "days": 7 }""");
        v["exclusions"] = Json("""{ "finalSale": true, "hygiene": true, "personalised": true, "hazardous": true, "giftCards": true, "categories": ["outlet"], "skus": ["SKU-X"] }""");
        v["fees"]!["restocking"] = Json("""[{ "percent": 20 }]""");
        v["refunds"] = Json("""{ "allowed": ["store_credit"] }""");
    });

    // Delivered 4 March; the 14 days end when 18 March ends in Amsterdam.
    private static readonly DateTimeOffset EuDeadline = At("2026-03-19T00:00:00+01:00");

    [Fact]
    public void Evaluate_RetailerWindowShorterThan14Days_EuPeriodApplies()
    {
        var line = Evaluate(ShortWindowWithExclusions, Order(), At("2026-03-15T12:00:00Z")).Lines[0];

        Assert.True(line.IsReturnable);
        Assert.Equal(PolicyDecisionCode.WithinEuWithdrawalPeriod, line.Code);
        Assert.Equal(WindowSource.EuWithdrawal, line.WindowSource);
        Assert.Equal(EuDeadline, line.Deadline);
    }

    [Fact]
    public void Evaluate_AfterEuPeriod_ExpiredAgain()
    {
        Assert.Equal(PolicyDecisionCode.WindowExpired, Evaluate(ShortWindowWithExclusions, Order(), EuDeadline).Lines[0].Code);
    }

    [Theory]
    [InlineData("final_sale")]
    [InlineData("hazardous")]
    [InlineData("category")]
    [InlineData("sku")]
    public void Evaluate_ExclusionsTheDirectiveDoesNotAllow_GiveWayInsideEuPeriod(string kind)
    {
        var product = new ProductAttributes(kind == "category" ? "outlet" : "misc") { FinalSale = kind == "final_sale", Hazardous = kind == "hazardous" };
        var order = Order([Line("1", product: product, sku: kind == "sku" ? "SKU-X" : null)]);

        var line = Evaluate(ShortWindowWithExclusions, order, At("2026-03-10T12:00:00Z")).Lines[0];

        Assert.True(line.IsReturnable, line.Message);
        Assert.Equal(PolicyDecisionCode.WithinEuWithdrawalPeriod, line.Code);
    }

    [Theory]
    [InlineData("personalised", PolicyDecisionCode.Personalised)]
    [InlineData("gift_card", PolicyDecisionCode.GiftCard)]
    public void Evaluate_ExclusionsTheDirectiveAllows_StayExcluded(string kind, PolicyDecisionCode expected)
    {
        var product = new ProductAttributes("misc") { Personalised = kind == "personalised", GiftCard = kind == "gift_card" };

        var line = Evaluate(ShortWindowWithExclusions, Order([Line("1", product: product)]), At("2026-03-10T12:00:00Z")).Lines[0];

        Assert.Equal(expected, line.Code);
    }

    [Theory]
    [InlineData(null, PolicyDecisionCode.SealMustBeUnbroken)]
    [InlineData(PackagingState.Sealed, PolicyDecisionCode.SealMustBeUnbroken)]
    [InlineData(PackagingState.Opened, PolicyDecisionCode.Hygiene)]
    [InlineData(PackagingState.Missing, PolicyDecisionCode.Hygiene)]
    public void Evaluate_Hygiene_ReturnableOnlyWhileSealed(PackagingState? packaging, PolicyDecisionCode expected)
    {
        var order = Order([Line("1", product: new ProductAttributes("cosmetics") { Hygiene = true })]);
        var item = new RequestedReturnLine("1", 1) { Condition = packaging is { } p ? new DeclaredCondition(p, UsageLevel.None) : null };

        Assert.Equal(expected, Evaluate(ShortWindowWithExclusions, order, At("2026-03-10T12:00:00Z"), [item]).Lines[0].Code);
    }

    [Fact]
    public void Evaluate_InsideEuPeriod_NoRestockingFee_AndOriginalPaymentAlwaysAllowed()
    {
        var policy = TestPolicy(v =>
        {
            v["jurisdictions"] = Json("""["eu_withdrawal"]""");
            v["fees"]!["restocking"] = Json("""[{ "percent": 20 }]""");
            v["refunds"] = Json("""{ "allowed": ["store_credit"] }""");
        });

        var inside = Evaluate(policy, Order([Line("1", 100m)]), At("2026-03-10T12:00:00Z")).Lines[0];
        var after = Evaluate(policy, Order([Line("1", 100m)]), At("2026-03-25T12:00:00Z")).Lines[0];

        Assert.Equal((0m, RefundTypes.OriginalPayment | RefundTypes.StoreCredit), (inside.RestockingFee.Amount, inside.RefundTypes));
        Assert.Equal(PolicyDecisionCode.WithinWindow, after.Code);
        Assert.Equal((20m, RefundTypes.StoreCredit), (after.RestockingFee.Amount, after.RefundTypes));
    }

    [Fact]
    public void Evaluate_UndeliveredDistanceSale_WithdrawalStaysOpen()
    {
        var order = Order(undelivered: true);

        var line = Evaluate(ShortWindowWithExclusions, order, At("2026-05-01T12:00:00Z")).Lines[0];

        Assert.Equal(PolicyDecisionCode.WithinEuWithdrawalPeriod, line.Code);
        Assert.Null(line.Deadline);
        Assert.Equal("Returnable under the EU right of withdrawal: the 14 days start at delivery.", line.Message);
    }

    [Theory]
    [InlineData(SalesChannel.Store, "NL")]
    [InlineData(SalesChannel.Web, "US")]
    [InlineData(SalesChannel.Web, "CH")]
    public void Evaluate_StoreSaleOrOutsideEea_NoEuFloor(SalesChannel channel, string country)
    {
        var line = Evaluate(ShortWindowWithExclusions, Order(channel: channel, country: country), At("2026-03-15T12:00:00Z")).Lines[0];

        Assert.Equal(PolicyDecisionCode.WindowExpired, line.Code);
    }

    [Theory]
    [InlineData(SalesChannel.Marketplace, "NO")]
    [InlineData(SalesChannel.Web, "IS")]
    [InlineData(SalesChannel.Web, "FR")]
    public void Evaluate_DistanceSaleWithinEea_EuFloorApplies(SalesChannel channel, string country)
    {
        var line = Evaluate(ShortWindowWithExclusions, Order(channel: channel, country: country), At("2026-03-15T12:00:00Z")).Lines[0];

        Assert.Equal(PolicyDecisionCode.WithinEuWithdrawalPeriod, line.Code);
    }

    [Fact]
    public void Evaluate_WithoutJurisdictionPack_RetailerTermsStand()
    {
        var policy = TestPolicy(v => v["window"] = Json("""{ "days": 7 }"""));

        Assert.Equal(PolicyDecisionCode.WindowExpired, Evaluate(policy, Order(), At("2026-03-15T12:00:00Z")).Lines[0].Code);
    }
}
