using FsCheck;
using FsCheck.Fluent;
using Returns.Sdk.Policy;
using static Returns.Sdk.Tests.Policy.PolicyFixtures;

namespace Returns.Sdk.Tests.Policy;

public sealed class PolicyPropertyTests
{
    private static readonly ReturnPolicy RichPolicy = TestPolicy(v =>
    {
        v["jurisdictions"] = Json("""["eu_withdrawal"]""");
        v["window"] = Json("""{ "days": 10 }""");
        v["windowRules"] = Json("""
            [
              { "when": { "categories": ["electronics"] }, "days": 3 },
              { "when": { "customerTiers": ["gold"] }, "days": 60 }
            ]
            """);
        v["exclusions"] = Json("""{ "finalSale": true, "hygiene": true, "categories": ["outlet"] }""");
        v["fees"]!["restocking"] = Json("""[{ "when": { "categories": ["electronics"] }, "percent": 25 }, { "percent": 5 }]""");
        v["fees"]!["cap"] = Json("""{ "EUR": 8 }""");
        v["fees"]!["waivedForFaults"] = Json("""["retailer"]""");
    });

    private static readonly string[] Categories = ["apparel", "electronics", "outlet", "shoes"];
    private static readonly string[] Countries = ["NL", "DE", "US", "NO", "CH"];

    private static Gen<(Order Order, Dictionary<string, int> Returned, RequestedReturnLine[] Items, DateTimeOffset At)> Scenarios() =>
        from lineCount in Gen.Choose(1, 6)
        from quantities in Gen.ArrayOf(Gen.Choose(1, 5), lineCount)
        from prices in Gen.ArrayOf(Gen.Choose(0, 50_000), lineCount)
        from categories in Gen.ArrayOf(Gen.Elements(Categories), lineCount)
        from flags in Gen.ArrayOf(Gen.Choose(0, 3), lineCount)
        from returnedShares in Gen.ArrayOf(Gen.Choose(0, 5), lineCount)
        from requestShares in Gen.ArrayOf(Gen.Choose(0, 6), lineCount)
        from channel in Gen.Elements(SalesChannel.Web, SalesChannel.Store, SalesChannel.Marketplace)
        from country in Gen.Elements(Countries)
        from tier in Gen.Elements("gold", "standard")
        from deliveredAfterHours in Gen.Choose(-1, 24 * 10)
        from evaluatedAfterHours in Gen.Choose(0, 24 * 90)
        select Build(quantities, prices, categories, flags, returnedShares, requestShares, channel, country, tier, deliveredAfterHours, evaluatedAfterHours);

    private static (Order, Dictionary<string, int>, RequestedReturnLine[], DateTimeOffset) Build(
        int[] quantities, int[] prices, string[] categories, int[] flags, int[] returnedShares, int[] requestShares,
        SalesChannel channel, string country, string tier, int deliveredAfterHours, int evaluatedAfterHours)
    {
        var lines = new List<OrderLine>();
        var returned = new Dictionary<string, int>();
        var items = new List<RequestedReturnLine>();
        for (var i = 0; i < quantities.Length; i++)
        {
            var id = $"L{i}";
            var product = new ProductAttributes(categories[i]) { FinalSale = flags[i] == 1, Hygiene = flags[i] == 2 };
            lines.Add(Line(id, prices[i] / 100m, quantities[i], product));
            returned[id] = Math.Min(returnedShares[i], quantities[i]);
            if (requestShares[i] > 0)
            {
                items.Add(new RequestedReturnLine(id, requestShares[i]) { Reason = i % 3 == 0 ? ReturnReason.Defective : ReturnReason.ChangedMind });
            }
        }

        var placed = Placed;
        var order = Order(lines, channel, country, placed, deliveredAfterHours < 0 ? null : placed.AddHours(deliveredAfterHours), undelivered: deliveredAfterHours < 0, tier: tier);
        return (order, returned, [.. items], placed.AddHours(evaluatedAfterHours));
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property ReturnableQuantity_NeverExceedsBoughtMinusReturned() =>
        Prop.ForAll(Scenarios().ToArbitrary(), scenario =>
        {
            var result = Evaluate(RichPolicy, scenario.Order, scenario.At, scenario.Items, scenario.Returned);
            return result.Lines.All(d =>
            {
                var line = scenario.Order.FindLine(d.LineId)!;
                var left = line.Quantity - scenario.Returned[d.LineId];
                return d.ReturnableQuantity >= 0 && d.ReturnableQuantity <= left && (!d.IsReturnable || d.RequestedQuantity <= left);
            });
        });

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Fees_NeverNegativeNorAboveCap() =>
        Prop.ForAll(Scenarios().ToArbitrary(), scenario =>
        {
            var result = Evaluate(RichPolicy, scenario.Order, scenario.At, scenario.Items, scenario.Returned);
            return result.MethodFees.All(f => f.Fee.Amount >= 0m && f.Total.Amount >= 0m && f.Total.Amount <= 8m && f.RestockingFees.Amount >= 0m)
                && result.Lines.All(l => l.RestockingFee.Amount >= 0m && l.RestockingFee.Currency.MinorUnits == 2 && decimal.Round(l.RestockingFee.Amount, 2) == l.RestockingFee.Amount);
        });

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property EuWindow_NeverShortened() =>
        Prop.ForAll(Scenarios().ToArbitrary(), scenario =>
        {
            var order = scenario.Order;
            var euDistanceSale = order.Channel != SalesChannel.Store && order.ShippingAddress!.Country.IsEea;
            var euOpen = euDistanceSale && (order.DeliveredAt is null || scenario.At < EndOfEuPeriod(order.DeliveredAt.Value));
            var result = Evaluate(RichPolicy, order, scenario.At, scenario.Items, scenario.Returned);
            return result.Lines.All(d =>
            {
                // Inside the 14 days only nothing-left, hygiene opened and too-many-requested may deny a line.
                var allowedDenial = d.Code is PolicyDecisionCode.NothingLeftToReturn or PolicyDecisionCode.QuantityExceedsReturnable or PolicyDecisionCode.Hygiene;
                return !euOpen || d.IsReturnable || allowedDenial;
            });
        });

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Evaluate_IsDeterministic() =>
        Prop.ForAll(Scenarios().ToArbitrary(), scenario =>
        {
            var first = Evaluate(RichPolicy, scenario.Order, scenario.At, scenario.Items, scenario.Returned);
            var second = Evaluate(RichPolicy, scenario.Order, scenario.At, scenario.Items, scenario.Returned);
            return first.Lines.SequenceEqual(second.Lines) && first.MethodFees.SequenceEqual(second.MethodFees) && first.KeepIt == second.KeepIt;
        });

    // Computed independently of the engine: 14 whole local days after the delivery day, in Amsterdam.
    private static DateTimeOffset EndOfEuPeriod(DateTimeOffset delivered)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        var localDay = TimeZoneInfo.ConvertTime(delivered, zone).Date.AddDays(15);
        return new DateTimeOffset(localDay, zone.GetUtcOffset(localDay));
    }
}
