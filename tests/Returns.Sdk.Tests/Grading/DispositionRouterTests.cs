using Returns.Sdk.Grading;
using static Returns.Sdk.Tests.Grading.GradingFixtures;

namespace Returns.Sdk.Tests.Grading;

public sealed class DispositionRouterTests
{
    private static readonly DispositionRouter Router = new(Shipped);

    // Every category and grade of the shipped rules, with its preferences best first (a category's own list, else the default's).
    public static TheoryData<string, ConditionGrade, string> ShippedRoutes() => new()
    {
        { "toys", ConditionGrade.A, "restock_as_new" },
        { "toys", ConditionGrade.B, "repackage_and_restock,sell_as_outlet" },
        { "toys", ConditionGrade.C, "sell_as_outlet,donate,recycle" },
        { "toys", ConditionGrade.D, "return_to_vendor,refurbish,recycle" },
        { "toys", ConditionGrade.X, "recycle,destroy" },
        { "apparel", ConditionGrade.A, "restock_as_new" },
        { "apparel", ConditionGrade.B, "repackage_and_restock,sell_as_outlet" },
        { "apparel", ConditionGrade.C, "sell_as_outlet,donate" },
        { "apparel", ConditionGrade.D, "donate,recycle" },
        { "apparel", ConditionGrade.X, "destroy" },
        { "shoes", ConditionGrade.A, "restock_as_new" },
        { "shoes", ConditionGrade.B, "repackage_and_restock,sell_as_outlet" },
        { "shoes", ConditionGrade.C, "sell_as_outlet,donate" },
        { "shoes", ConditionGrade.D, "return_to_vendor,donate,recycle" },
        { "shoes", ConditionGrade.X, "recycle,destroy" },
        { "electronics", ConditionGrade.A, "restock_as_new" },
        { "electronics", ConditionGrade.B, "repackage_and_restock,refurbish,sell_as_outlet" },
        { "electronics", ConditionGrade.C, "refurbish,sell_as_outlet,recycle" },
        { "electronics", ConditionGrade.D, "return_to_vendor,refurbish,recycle" },
        { "electronics", ConditionGrade.X, "recycle" },
        { "cosmetics", ConditionGrade.A, "restock_as_new" },
        { "cosmetics", ConditionGrade.B, "repackage_and_restock,sell_as_outlet" },
        { "cosmetics", ConditionGrade.C, "sell_as_outlet,donate,recycle" },
        { "cosmetics", ConditionGrade.D, "return_to_vendor,destroy" },
        { "cosmetics", ConditionGrade.X, "destroy" },
        { "furniture", ConditionGrade.A, "restock_as_new" },
        { "furniture", ConditionGrade.B, "repackage_and_restock,sell_as_outlet" },
        { "furniture", ConditionGrade.C, "sell_as_outlet,donate" },
        { "furniture", ConditionGrade.D, "refurbish,donate,recycle" },
        { "furniture", ConditionGrade.X, "recycle,destroy" },
    };

    private static Disposition[] Parse(string names) =>
        [.. names.Split(',').Select(n => Enum.Parse<Disposition>(n.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true))];

    [Theory]
    [MemberData(nameof(ShippedRoutes))]
    public void Route_EveryPreference_IsChosenByAWarehouseThatCanDoItButNoneBefore(string category, ConditionGrade grade, string preferences)
    {
        var expected = Parse(preferences);
        Assert.Equal(expected, Shipped.DispositionsFor(grade, category));

        for (var k = 0; k < expected.Length; k++)
        {
            var warehouse = new WarehouseCapabilities("wh-1", expected[k..]);

            var decision = Router.Route(grade, category, warehouse);

            Assert.Equal(expected[k], decision.Disposition);
            Assert.Equal(k == 0 ? DispositionOutcome.Preferred : DispositionOutcome.Fallback, decision.Outcome);
            Assert.Equal(expected, decision.Preferences);
        }
    }

    [Fact]
    public void Route_ShippedRules_EveryDispositionIsSomewhereARoute()
    {
        var used = ShippedRoutes().SelectMany(row => Parse(row.Data.Item3)).ToHashSet();

        Assert.Equal(Enum.GetValues<Disposition>(), used.Order());
    }

    [Fact]
    public void Route_WarehouseThatCannotRefurbish_RoutesUsedElectronicsToOutlet()
    {
        var warehouse = new WarehouseCapabilities("wh-tilburg", [Disposition.RestockAsNew, Disposition.SellAsOutlet, Disposition.Recycle]);

        var decision = Router.Route(ConditionGrade.C, "electronics", warehouse);

        Assert.Equal((Disposition.SellAsOutlet, DispositionOutcome.Fallback, true), (decision.Disposition, decision.Outcome, decision.IsRouted));
        Assert.Equal("Grade C electronics: sell_as_outlet at 'wh-tilburg', which cannot refurbish.", decision.Explanation);
    }

    [Fact]
    public void Route_WarehouseThatCanDoNoneOfThePreferences_ReturnsNoRoute()
    {
        var warehouse = new WarehouseCapabilities("store-12", [Disposition.RestockAsNew]);

        var decision = Router.Route(ConditionGrade.X, "apparel", warehouse);

        Assert.Equal((null, DispositionOutcome.NoRoute, false), (decision.Disposition, decision.Outcome, decision.IsRouted));
        Assert.Equal("store-12", decision.WarehouseId);
        Assert.StartsWith("No route for grade X apparel at 'store-12': it can do none of destroy.", decision.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Route_Assessment_RoutesItsGradeInTheProductsCategory()
    {
        var product = new ProductAttributes("electronics");
        var assessment = new ConditionGrader(Shipped).Grade(new GradingInput(product, Declared(PackagingState.Opened), ReturnReason.ChangedMind));

        var decision = Router.Route(assessment, product, WarehouseCapabilities.Everything("wh-1"));

        Assert.Equal((ConditionGrade.B, Disposition.RepackageAndRestock, DispositionOutcome.Preferred), (decision.Grade, decision.Disposition, decision.Outcome));
        Assert.Equal("Grade B electronics: repackage_and_restock at 'wh-1', the first preference.", decision.Explanation);
    }

    [Fact]
    public void Route_UndefinedGrade_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Router.Route((ConditionGrade)17, "toys", WarehouseCapabilities.Everything("wh-1")));

    [Fact]
    public void WarehouseCapabilities_SameDispositionsInAnyOrder_AreEqual()
    {
        var left = new WarehouseCapabilities("wh-1", [Disposition.Donate, Disposition.Recycle, Disposition.Donate]);
        var right = new WarehouseCapabilities(" wh-1 ", [Disposition.Recycle, Disposition.Donate]);

        Assert.Equal(left, right);
        Assert.Equal([Disposition.Donate, Disposition.Recycle], left.Dispositions);
        Assert.NotEqual(left, new WarehouseCapabilities("wh-1", [Disposition.Donate]));
        Assert.Equal(8, WarehouseCapabilities.Everything("wh-1").Dispositions.Count);
    }

    [Fact]
    public void WarehouseCapabilities_BadArguments_Rejected()
    {
        Assert.Throws<ArgumentException>(() => new WarehouseCapabilities(" ", []));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WarehouseCapabilities("wh-1", [(Disposition)99]));
    }
}
