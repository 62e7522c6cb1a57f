using Returns.Sdk.Policy;
using Returns.Sdk.Refunds;
using static Returns.Sdk.Tests.Policy.PolicyFixtures;

namespace Returns.Sdk.Tests.Refunds;

public sealed class RefundTermsPolicyTests
{
    private static readonly DateTimeOffset Now = At("2026-03-10T12:00:00+01:00");

    [Fact]
    public void Evaluate_PolicyWithoutRefundTerms_RefundsAfterInspectionWithTheDefaultTenderOrder()
    {
        var terms = Evaluate(TestPolicy(), Order(), Now).Refunds;

        Assert.Equal(RefundTiming.AfterInspection, terms.Timing);
        Assert.False(terms.Instant);
        Assert.Equal(OriginalShippingRefund.None, terms.OriginalShipping);
        Assert.Equal(RefundCalculator.DefaultTenderOrder, terms.TenderOrder);
        Assert.Equal(RefundTypes.None, terms.Preferred);
    }

    [Fact]
    public void Evaluate_RefundTerms_AreReadAndInstantForTrustedTiersOnly()
    {
        var policy = TestPolicy(v => v["refunds"] = Json("""
            {
              "allowed": ["original_payment", "store_credit"],
              "storeCreditBonusPercent": 10,
              "timing": "at_first_scan",
              "instantForCustomerTiers": ["Gold"],
              "originalShipping": ["whole_order", "retailer_fault"],
              "tenderOrder": ["card", "gift_card"],
              "preferred": "store_credit"
            }
            """));

        var gold = Evaluate(policy, Order(tier: "gold"), Now).Refunds;
        var standard = Evaluate(policy, Order(tier: "standard"), Now).Refunds;

        Assert.Equal(RefundTiming.AtFirstScan, gold.Timing);
        Assert.True(gold.Instant);
        Assert.False(standard.Instant);
        Assert.Equal(OriginalShippingRefund.WholeOrder | OriginalShippingRefund.RetailerFault, gold.OriginalShipping);
        Assert.Equal([TenderKind.Card, TenderKind.GiftCard], gold.TenderOrder);
        Assert.Equal(RefundTypes.StoreCredit, gold.Preferred);
    }

    [Fact]
    public void Evaluate_EuWithdrawalPeriodOpen_RefundsShippingForTheWholeOrder()
    {
        var policy = TestPolicy(v => v["jurisdictions"] = Json("""["eu_withdrawal"]"""));

        Assert.Equal(OriginalShippingRefund.WholeOrder, Evaluate(policy, Order(), Now).Refunds.OriginalShipping);
        Assert.Equal(OriginalShippingRefund.None, Evaluate(policy, Order(), At("2026-04-30T12:00:00+02:00")).Refunds.OriginalShipping);
    }

    [Fact]
    public void Parse_BadRefundTerms_ReportsEachWithPathLineAndColumn()
    {
        var json = PolicyJson(v => v["refunds"] = Json("""
            {
              "timing": "tomorrow",
              "originalShipping": ["always"],
              "tenderOrder": ["card", "card", "coupon"],
              "preferred": "exchange"
            }
            """));

        var ex = Assert.Throws<ReturnsValidationException>(() => ReturnPolicy.Parse(json, "policy.json"));

        Assert.Equal(
            [
                "$.versions[0].refunds.timing",
                "$.versions[0].refunds.originalShipping[0]",
                "$.versions[0].refunds.tenderOrder[1]",
                "$.versions[0].refunds.tenderOrder[2]",
                "$.versions[0].refunds.preferred",
            ],
            ex.Errors.Select(e => e.Path));
        Assert.All(ex.Errors, e => Assert.True(e.Line > 0 && e.Column > 0 && e.Source == "policy.json"));
        Assert.Contains("neither refunds.allowed nor any rule allows it", ex.Errors[4].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromPolicy_TakesFeesAndTermsFromTheEvaluation_AndRefusesADisallowedResolution()
    {
        var policy = TestPolicy(v =>
        {
            v["fees"]!["restocking"] = Json("""[{ "name": "all", "percent": 10 }]""");
            v["refunds"] = Json("""{ "originalShipping": ["retailer_fault"] }""");
        });
        var order = RefundFixtures.WebOrder();
        var evaluation = Evaluate(policy, order, Now, [new RequestedReturnLine("2", 1) { Reason = ReturnReason.Defective }]);

        var request = RefundCalculationRequest.FromPolicy(order, [new RefundItem("2", 1)], evaluation, ReturnMethod.PostOffice, RefundTypes.OriginalPayment, retailerAtFault: true);
        var refund = RefundCalculator.Calculate(request);

        Assert.Equal(RefundFixtures.Eur(3.95m), refund.ReturnFee);
        Assert.Equal(RefundFixtures.Eur(9.00m), refund.RestockingFees); // 10 % of the line's 89.95 net, as the policy rounds it
        Assert.Equal(RefundFixtures.Eur(4.95m), refund.Shipping);
        var ex = Assert.Throws<ReturnsValidationException>(() =>
            RefundCalculationRequest.FromPolicy(order, [new RefundItem("2", 1)], evaluation, ReturnMethod.PostOffice, RefundTypes.StoreCredit, retailerAtFault: true));
        Assert.Equal("resolution", Assert.Single(ex.Errors).Path);
    }
}
