using Microsoft.Extensions.Time.Testing;
using Returns.Sdk.Policy;
using static Returns.Sdk.Tests.Policy.PolicyFixtures;

namespace Returns.Sdk.Tests.Policy;

public sealed class ReturnPolicyEngineTests
{
    [Fact]
    public void Evaluate_WithinWindow_ReturnableUntilEndOfLastLocalDay()
    {
        var result = Evaluate(TestPolicy(), Order(), At("2026-04-01T12:00:00+02:00"));

        var line = Assert.Single(result.Lines);
        Assert.True(line.IsReturnable);
        Assert.Equal(PolicyDecisionCode.WithinWindow, line.Code);
        // Delivered 4 March (Amsterdam); 30 days later is 3 April; the window ends when 3 April ends, local time (CEST).
        Assert.Equal(At("2026-04-04T00:00:00+02:00"), line.Deadline);
        Assert.Equal(WindowBasis.Delivery, line.WindowBasis);
        Assert.Equal(new DateOnly(2026, 4, 3), line.LastDay);
        Assert.Equal("Returnable: 30 days from delivery, until the end of 2026-04-03.", line.Message);
    }

    [Fact]
    public void Evaluate_LastInstantOfWindow_StillReturnable_NextInstantExpired()
    {
        var policy = TestPolicy();
        var deadline = At("2026-04-04T00:00:00+02:00");

        Assert.True(Evaluate(policy, Order(), deadline.AddTicks(-1)).Lines[0].IsReturnable);
        var expired = Evaluate(policy, Order(), deadline).Lines[0];
        Assert.False(expired.IsReturnable);
        Assert.Equal(PolicyDecisionCode.WindowExpired, expired.Code);
        Assert.Equal(0, expired.ReturnableQuantity);
    }

    [Fact]
    public void Evaluate_Undelivered_CountsFromOrderDate()
    {
        var result = Evaluate(TestPolicy(), Order(undelivered: true, channel: SalesChannel.Store), At("2026-03-20T12:00:00Z"));

        var line = result.Lines[0];
        Assert.Equal(WindowBasis.OrderDate, line.WindowBasis);
        Assert.Equal(At("2026-04-02T00:00:00+02:00"), line.Deadline);
    }

    [Fact]
    public void Evaluate_UsesInjectedTimeProvider_WhenNoInstantGiven()
    {
        var clock = new FakeTimeProvider(At("2026-03-10T09:00:00Z"));
        var engine = new ReturnPolicyEngine(TestPolicy(), clock);

        Assert.True(engine.Evaluate(Order()).Lines[0].IsReturnable);
        clock.Advance(TimeSpan.FromDays(60));
        var later = engine.Evaluate(Order());
        Assert.Equal(PolicyDecisionCode.WindowExpired, later.Lines[0].Code);
        Assert.Equal(clock.GetUtcNow(), later.EvaluatedAt);
    }

    [Fact]
    public void Evaluate_WindowRules_FirstMatchingRuleWins()
    {
        var policy = TestPolicy(v => v["windowRules"] = Json("""
            [
              { "name": "Electronics", "when": { "categories": ["electronics"] }, "days": 14 },
              { "name": "Gold members", "when": { "customerTiers": ["gold"] }, "days": 90 },
              { "name": "Marketplace", "when": { "channels": ["marketplace"] }, "days": 20 }
            ]
            """));
        var order = Order([Line("tv", product: Product("Electronics")), Line("shirt")], tier: "GOLD");

        var result = Evaluate(policy, order, At("2026-03-10T12:00:00Z"));

        Assert.Equal((14, WindowSource.Rule, "Electronics"), (result.Lines[0].WindowDays, result.Lines[0].WindowSource, result.Lines[0].RuleName));
        Assert.Equal((90, "Gold members"), (result.Lines[1].WindowDays, result.Lines[1].RuleName));
        Assert.Contains("under rule 'Gold members'", result.Lines[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_WindowRuleBySkuAndCountry_AppliesOnlyWhenAllConditionsHold()
    {
        var policy = TestPolicy(v => v["windowRules"] = Json("""[{ "when": { "skus": ["SKU-1"], "countries": ["BE"] }, "days": 100 }]"""));

        Assert.Equal(100, Evaluate(policy, Order(country: "BE"), Delivered).Lines[0].WindowDays);
        Assert.Equal(30, Evaluate(policy, Order(country: "NL"), Delivered).Lines[0].WindowDays);
        Assert.Equal(30, Evaluate(policy, Order([Line("2")], country: "BE"), Delivered).Lines[0].WindowDays);
    }

    [Fact]
    public void Evaluate_SeasonalExtension_ExtendsPurchasesInRangeOnly()
    {
        var policy = TestPolicy(v => v["seasonalExtensions"] = Json("""
            [{ "name": "Holidays", "purchasedFrom": "2026-11-15", "purchasedTo": "2026-12-24", "returnUntil": "2027-01-31" }]
            """));
        var inRange = Order(placed: At("2026-12-01T10:00:00+01:00"), delivered: At("2026-12-03T10:00:00+01:00"), channel: SalesChannel.Store);
        var outOfRange = Order(placed: At("2026-11-01T10:00:00+01:00"), delivered: At("2026-11-03T10:00:00+01:00"), channel: SalesChannel.Store);
        var at = At("2027-01-20T12:00:00Z");

        var extended = Evaluate(policy, inRange, at).Lines[0];
        Assert.Equal(PolicyDecisionCode.WithinSeasonalExtension, extended.Code);
        Assert.Equal(At("2027-02-01T00:00:00+01:00"), extended.Deadline);
        Assert.Equal("Holidays", extended.RuleName);
        Assert.Equal(PolicyDecisionCode.WindowExpired, Evaluate(policy, outOfRange, at).Lines[0].Code);
    }

    [Theory]
    [InlineData("finalSale", PolicyDecisionCode.FinalSale)]
    [InlineData("hygiene", PolicyDecisionCode.Hygiene)]
    [InlineData("personalised", PolicyDecisionCode.Personalised)]
    [InlineData("hazardous", PolicyDecisionCode.Hazardous)]
    [InlineData("giftCards", PolicyDecisionCode.GiftCard)]
    public void Evaluate_ExcludedProductKind_NotReturnable(string exclusion, PolicyDecisionCode expected)
    {
        var policy = TestPolicy(v => v["exclusions"] = new System.Text.Json.Nodes.JsonObject { [exclusion] = true });
        var product = new ProductAttributes("misc")
        {
            FinalSale = exclusion == "finalSale",
            Hygiene = exclusion == "hygiene",
            Personalised = exclusion == "personalised",
            Hazardous = exclusion == "hazardous",
            GiftCard = exclusion == "giftCards",
        };
        // A store order: the EU right of withdrawal does not apply to it.
        var order = Order([Line("1", product: product), Line("2")], channel: SalesChannel.Store);

        var result = Evaluate(policy, order, At("2026-03-10T12:00:00Z"));

        Assert.Equal(expected, result.Lines[0].Code);
        Assert.False(result.Lines[0].IsReturnable);
        Assert.True(result.Lines[1].IsReturnable);
    }

    [Fact]
    public void Evaluate_ExcludedCategoryAndSku_NotReturnable_CategoryCaseInsensitive()
    {
        var policy = TestPolicy(v => v["exclusions"] = Json("""{ "categories": ["food"], "skus": ["SKU-2"] }"""));
        var order = Order([Line("1", product: Product("FOOD")), Line("2"), Line("3")], channel: SalesChannel.Store);

        var result = Evaluate(policy, order, At("2026-03-10T12:00:00Z"));

        Assert.Equal(
            [PolicyDecisionCode.ExcludedCategory, PolicyDecisionCode.ExcludedSku, PolicyDecisionCode.WithinWindow],
            result.Lines.Select(l => l.Code));
    }

    [Fact]
    public void Evaluate_ProductKindNotExcludedByPolicy_IsReturnable()
    {
        var order = Order([Line("1", product: new ProductAttributes("misc") { FinalSale = true, Hazardous = true })]);

        Assert.True(Evaluate(TestPolicy(), order, At("2026-03-10T12:00:00Z")).Lines[0].IsReturnable);
    }

    [Fact]
    public void Evaluate_PartialReturns_ReturnableQuantityIsBoughtMinusReturned()
    {
        var order = Order([Line("1", quantity: 3), Line("2", quantity: 2)]);
        var returned = new Dictionary<string, int> { ["1"] = 1, ["2"] = 2 };

        var result = Evaluate(TestPolicy(), order, At("2026-03-10T12:00:00Z"), returned: returned);

        Assert.Equal(2, result.Lines[0].ReturnableQuantity);
        Assert.Equal(PolicyDecisionCode.NothingLeftToReturn, result.Lines[1].Code);
        Assert.Equal(0, result.Lines[1].ReturnableQuantity);
    }

    [Fact]
    public void Evaluate_RequestAboveReturnable_RejectedWithTheMaximum()
    {
        var order = Order([Line("1", quantity: 3)]);

        var line = Evaluate(TestPolicy(), order, At("2026-03-10T12:00:00Z"), [new RequestedReturnLine("1", 3)], new Dictionary<string, int> { ["1"] = 1 }).Lines[0];

        Assert.False(line.IsReturnable);
        Assert.Equal(PolicyDecisionCode.QuantityExceedsReturnable, line.Code);
        Assert.Equal(2, line.ReturnableQuantity);
        Assert.Equal("Only 2 of the 3 units requested can still be returned.", line.Message);
    }

    [Fact]
    public void Evaluate_UnrequestedLine_IsJudgedButCarriesNoFees()
    {
        var policy = TestPolicy(v => v["fees"]!["restocking"] = Json("""[{ "percent": 10 }]"""));
        var order = Order([Line("1", 100m), Line("2", 100m)], channel: SalesChannel.Store);

        var result = Evaluate(policy, order, At("2026-03-10T12:00:00Z"), [new RequestedReturnLine("1", 1)]);

        Assert.Equal(10m, result.Lines[0].RestockingFee.Amount);
        Assert.True(result.Lines[1].IsReturnable);
        Assert.Equal(0, result.Lines[1].RequestedQuantity);
        Assert.Equal(0m, result.Lines[1].RestockingFee.Amount);
        Assert.Equal(10m, result.RestockingFees.Amount);
    }

    [Fact]
    public void Evaluate_MethodFees_OnlyMethodsThePolicyOffers()
    {
        var result = Evaluate(TestPolicy(), Order(), At("2026-03-10T12:00:00Z"));

        Assert.Equal([ReturnMethod.InStore, ReturnMethod.PostOffice, ReturnMethod.HomePickup], result.MethodFees.Select(f => f.Method));
        Assert.Null(result.FeeFor(ReturnMethod.ParcelLocker));
        Assert.Equal(Money.Of(3.95m, "EUR"), result.FeeFor(ReturnMethod.PostOffice)!.Value.Total);
        Assert.Equal(0m, result.FeeFor(ReturnMethod.InStore)!.Value.Total.Amount);
    }

    [Theory]
    [InlineData("defective", true)]
    [InlineData("damaged_in_transit", true)]
    [InlineData("wrong_item_sent", true)]
    [InlineData("changed_mind", false)]
    [InlineData("too_small", false)]
    public void Evaluate_FeeWaivedForRetailerOrCarrierFault(string reasonCode, bool waived)
    {
        var policy = TestPolicy(v => v["fees"]!["waivedForFaults"] = Json("""["retailer", "carrier"]"""));
        ReturnReasonTaxonomy.Standard.TryGet(reasonCode, out var reason);
        var items = new[] { new RequestedReturnLine("1", 1) { Reason = reason } };

        var fee = Evaluate(policy, Order(), At("2026-03-10T12:00:00Z"), items).FeeFor(ReturnMethod.PostOffice)!.Value;

        Assert.Equal(waived, fee.Waived);
        Assert.Equal(waived ? 0m : 3.95m, fee.Total.Amount);
    }

    [Fact]
    public void Evaluate_FeeWaivedForNamedReason()
    {
        var policy = TestPolicy(v => v["fees"]!["waivedForReasons"] = Json("""["too_small"]"""));
        var items = new[] { new RequestedReturnLine("1", 1) { Reason = ReturnReason.TooSmall } };

        Assert.True(Evaluate(policy, Order(), At("2026-03-10T12:00:00Z"), items).FeesWaived);
    }

    [Fact]
    public void Evaluate_RestockingFee_ByCategory_RoundedPerCurrency_AndCapped()
    {
        var policy = TestPolicy(v =>
        {
            v["fees"]!["restocking"] = Json("""[{ "name": "Electronics", "when": { "categories": ["electronics"] }, "percent": 15 }]""");
            v["fees"]!["cap"] = Json("""{ "EUR": 20 }""");
        });
        var camera = Line("1", 99.99m, quantity: 1, product: Product("electronics")) with { Discount = Money.Of(10m, "EUR") };
        var order = Order([camera, Line("2", 30m)], channel: SalesChannel.Store);

        var result = Evaluate(policy, order, At("2026-03-10T12:00:00Z"));

        // 15 % of 89.99 = 13.4985, rounded half away from zero to 13.50.
        Assert.Equal(13.50m, result.Lines[0].RestockingFee.Amount);
        Assert.Equal(15m, result.Lines[0].RestockingPercent);
        Assert.Equal(0m, result.Lines[1].RestockingFee.Amount);
        var homePickup = result.FeeFor(ReturnMethod.HomePickup)!.Value;
        Assert.Equal(20m, homePickup.Total.Amount);
        Assert.True(homePickup.Capped);
        Assert.Equal(17.45m, result.FeeFor(ReturnMethod.PostOffice)!.Value.Total.Amount);
    }

    [Fact]
    public void Evaluate_RefundRules_FirstMatchOtherwiseDefault()
    {
        var policy = TestPolicy(v => v["refunds"] = Json("""
            {
              "allowed": ["original_payment", "store_credit"],
              "storeCreditBonusPercent": 10,
              "rules": [{ "name": "Outlet", "when": { "categories": ["outlet"] }, "allowed": ["store_credit", "exchange"] }]
            }
            """));
        var order = Order([Line("1", product: Product("outlet")), Line("2")], channel: SalesChannel.Store);

        var result = Evaluate(policy, order, At("2026-03-10T12:00:00Z"));

        Assert.Equal(RefundTypes.StoreCredit | RefundTypes.Exchange, result.Lines[0].RefundTypes);
        Assert.Equal(RefundTypes.OriginalPayment | RefundTypes.StoreCredit, result.Lines[1].RefundTypes);
        Assert.Equal(10m, result.StoreCreditBonusPercent);
    }

    [Fact]
    public void Evaluate_KeepIt_WhenRecoveringCostsMoreThanItIsWorth()
    {
        var policy = TestPolicy(v => v["keepIt"] = Json("""{ "recoveryRatePercent": 50, "maxItemValue": { "EUR": 20 }, "assumedReturnCost": { "EUR": 6 } }"""));
        var at = At("2026-03-10T12:00:00Z");

        // 8.00 item: recovering 4.00 costs 6.00, so the customer keeps it.
        Assert.True(Evaluate(policy, Order([Line("1", 8m)]), at).KeepIt);
        // Two of them are worth 8.00 together: worth sending back.
        Assert.False(Evaluate(policy, Order([Line("1", 8m, quantity: 2)]), at).KeepIt);
        // A cheaper actual return cost flips the decision.
        Assert.False(Evaluate(policy, Order([Line("1", 8m)]), at, cost: Money.Of(3m, "EUR")).KeepIt);
        // Above the item-value ceiling it always comes back.
        Assert.False(Evaluate(policy, Order([Line("1", 25m)]), at, cost: Money.Of(100m, "EUR")).KeepIt);
    }

    [Fact]
    public void Evaluate_PolicyVersionInForceAtOrderDate_IsUsed()
    {
        var json = PolicyJson(_ => { });
        var document = Json(json).AsObject();
        var second = Version(document).DeepClone().AsObject();
        second["version"] = "v2";
        second["effectiveFrom"] = "2026-06-01";
        second["window"] = Json("""{ "days": 100 }""");
        document["versions"]!.AsArray().Add(second);
        var policy = ReturnPolicy.Parse(document.ToJsonString());

        var before = Evaluate(policy, Order(placed: At("2026-05-31T23:59:59+02:00"), delivered: At("2026-06-02T10:00:00+02:00")), At("2026-06-05T00:00:00Z"));
        var after = Evaluate(policy, Order(placed: At("2026-06-01T00:00:00+02:00"), delivered: At("2026-06-02T10:00:00+02:00")), At("2026-06-05T00:00:00Z"));

        Assert.Equal(("v1", 30), (before.PolicyVersion, before.Lines[0].WindowDays));
        Assert.Equal(("v2", 100), (after.PolicyVersion, after.Lines[0].WindowDays));
        Assert.Throws<ReturnsValidationException>(() => policy.VersionFor(At("2025-12-31T00:00:00Z")));
    }

    [Fact]
    public void Evaluate_OrderInCurrencyThePolicyDoesNotCover_Throws()
    {
        var order = new Order("USD-1", SalesChannel.Web, Currency.USD, Placed, new Customer("c"), [new OrderLine("1", "S", 1, Money.Of(10m, "USD"), Product())]);

        var error = Assert.Throws<CurrencyMismatchException>(() => Evaluate(TestPolicy(), order, Delivered));
        Assert.Equal(Currency.USD, error.Actual);
        Assert.Contains("EUR", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_BadRequest_ReportsEveryMistakeByPath()
    {
        var order = Order([Line("1", quantity: 2)]);
        var items = new[]
        {
            new RequestedReturnLine("9", 1),
            new RequestedReturnLine("1", 1) { Reason = ReturnReason.Other },
            new RequestedReturnLine("1", 1),
        };
        var returned = new Dictionary<string, int> { ["1"] = 5, ["x"] = 1 };

        var error = Assert.Throws<ReturnsValidationException>(() => Evaluate(TestPolicy(), order, Delivered, items, returned));

        Assert.Equal(
            ["alreadyReturned['1']", "alreadyReturned['x']", "items[0].lineId", "items[1].comment", "items[2].lineId"],
            error.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Evaluate_EstimatedCostInAnotherCurrency_Throws() =>
        Assert.Throws<CurrencyMismatchException>(() => Evaluate(TestPolicy(), Order(), Delivered, cost: Money.Of(5m, "GBP")));
}
