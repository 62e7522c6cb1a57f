using FsCheck;
using FsCheck.Fluent;
using Returns.Sdk.Parcels;

namespace Returns.Sdk.Tests.Parcels;

public sealed class ParcelPropertyTests
{
    /// <summary>A random catalog (1 to 5 boxes, some with a load limit) and a random return over it.</summary>
    public sealed record Scenario(BoxCatalog Catalog, ParcelItem[] Items, ParcelItem Extra)
    {
        public override string ToString() =>
            $"boxes [{string.Join("; ", Catalog.Boxes.Select(b => $"{b.Id} {b.Inner} max {b.MaxLoad}"))}] items [{string.Join("; ", Items.Select(Describe))}] extra {Describe(Extra)}";

        private static string Describe(ParcelItem item) => $"{item.Sku} x{item.Quantity} {item.Product.Dimensions} {item.Product.Weight}";
    }

    private static readonly string[] Categories = ["shoes", "apparel", "toys"];

    private static Gen<Dimensions> Sides(int minTenths, int maxTenths) =>
        from sides in Gen.ArrayOf(Gen.OneOf(Gen.Choose(minTenths, maxTenths), Gen.Choose(minTenths / 10, maxTenths / 10).Select(cm => cm * 10)), 3)
        select new Dimensions(Math.Max(sides[0], 1) / 10m, Math.Max(sides[1], 1) / 10m, Math.Max(sides[2], 1) / 10m);

    private static Gen<ShippingBox> Box(int index) =>
        from inner in Sides(50, 700)
        from tare in Gen.Choose(0, 600)
        from maxLoadKg in Gen.Choose(0, 30)
        select new ShippingBox($"B{index}", inner, Weight.FromGrams(tare)) { MaxLoad = maxLoadKg == 0 ? null : Weight.FromKilograms(maxLoadKg) };

    private static Gen<ParcelItem> Item(int index) =>
        from size in Sides(5, 450)
        from grams in Gen.Choose(0, 4000)
        from quantity in Gen.Frequency((4, Gen.Constant(1)), (2, Gen.Choose(2, 4)), (1, Gen.Choose(5, 12)))
        from sized in Gen.Frequency((5, Gen.Constant(true)), (1, Gen.Constant(false)))
        from category in Gen.Elements(Categories)
        select new ParcelItem($"SKU{index}", quantity, new ProductAttributes(category)
        {
            Dimensions = sized ? size : null,
            Weight = grams == 0 ? null : Weight.FromGrams(grams),
        });

    private static Gen<Scenario> Scenarios() =>
        from boxCount in Gen.Choose(1, 5)
        from boxes in Gen.CollectToArray(Enumerable.Range(0, boxCount), Box)
        from lineCount in Gen.Choose(1, 4)
        from items in Gen.CollectToArray(Enumerable.Range(0, lineCount), Item)
        from extra in Item(lineCount)
        select new Scenario(
            new BoxCatalog(boxes, new Dictionary<string, ItemSizeDefaults> { ["shoes"] = ParcelFixtures.ShoesDefault }, ParcelFixtures.FallbackDefault),
            [.. items],
            extra);

    /// <summary>Returns of up to five units with the extra item, where the estimate promises monotonicity.</summary>
    private static Gen<Scenario> SmallScenarios() =>
        from scenario in Scenarios()
        from extraQuantity in Gen.Choose(1, 2)
        let items = Trim(scenario.Items, ParcelEstimator.MonotonicUpToUnits - extraQuantity)
        select scenario with { Items = items, Extra = scenario.Extra with { Quantity = extraQuantity } };

    private static ParcelItem[] Trim(ParcelItem[] items, int maxUnits)
    {
        var kept = new List<ParcelItem>();
        var left = maxUnits;
        foreach (var item in items)
        {
            if (left > 0)
            {
                kept.Add(item with { Quantity = Math.Min(item.Quantity, left) });
                left -= kept[^1].Quantity;
            }
        }

        return [.. kept];
    }

    private static int Rank(BoxCatalog catalog, ParcelEstimate estimate) =>
        estimate.Box is { } box ? catalog.Boxes.ToList().IndexOf(box) : catalog.Boxes.Count;

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property Estimate_Placements_LieInsideTheBoxWithoutOverlapping() =>
        Prop.ForAll(Scenarios().ToArbitrary(), scenario =>
        {
            var estimate = new ParcelEstimator(scenario.Catalog).Estimate(scenario.Items);
            var violation = ParcelFixtures.PackingViolation(estimate, scenario.Catalog, scenario.Items);
            return (violation is null).Label(violation ?? "valid");
        });

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property Estimate_ChosenBox_HoldsAtLeastTheItemsVolume() =>
        Prop.ForAll(Scenarios().ToArbitrary(), scenario =>
        {
            var estimate = new ParcelEstimator(scenario.Catalog).Estimate(scenario.Items);
            var itemsVolume = scenario.Items.Sum(i => ParcelFixtures.SizeOf(scenario.Catalog, i).VolumeCubicCm * i.Quantity);
            return estimate.Box is null || estimate.Box.Inner.VolumeCubicCm >= itemsVolume;
        });

    [FsCheck.Xunit.Property(MaxTest = 1000)]
    public Property Estimate_AddingAnItemToASmallReturn_NeverChoosesASmallerBox() =>
        Prop.ForAll(SmallScenarios().ToArbitrary(), scenario =>
        {
            var estimator = new ParcelEstimator(scenario.Catalog);
            var before = estimator.Estimate(scenario.Items);
            var after = estimator.Estimate([.. scenario.Items, scenario.Extra]);
            return (Rank(scenario.Catalog, after) >= Rank(scenario.Catalog, before))
                .Label($"{before.Box?.Id ?? "none"} became {after.Box?.Id ?? "none"}");
        });

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Estimate_SameInput_SameOutput() =>
        Prop.ForAll(Scenarios().ToArbitrary(), scenario =>
        {
            var first = new ParcelEstimator(scenario.Catalog).Estimate(scenario.Items);
            var rebuilt = new BoxCatalog(scenario.Catalog.Boxes.Reverse(), scenario.Catalog.CategoryDefaults, scenario.Catalog.Fallback);
            var second = new ParcelEstimator(rebuilt).Estimate(scenario.Items);
            return first.Box == second.Box
                && first.Code == second.Code
                && first.Parcel == second.Parcel
                && first.Explanation == second.Explanation
                && first.SkusSizedByDefault.SequenceEqual(second.SkusSizedByDefault)
                && first.Placements.SequenceEqual(second.Placements);
        });

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Billable_IsNeverBelowTheActualWeight() =>
        Prop.ForAll(
            (from size in Sides(1, 2000)
             from grams in Gen.Choose(1, 30_000)
             from divisor in Gen.Elements(4000, 5000, 6000, 139_000)
             from withSize in Gen.Elements(true, false)
             select (Size: size, Parcel: new Parcel(Weight.FromGrams(grams), withSize ? size : null), Divisor: divisor)).ToArbitrary(),
            input =>
            {
                var billable = DimensionalWeight.Billable(input.Parcel, input.Divisor);
                return billable >= input.Parcel.Weight
                    && (input.Parcel.Dimensions is null || billable >= DimensionalWeight.Of(input.Size, input.Divisor));
            });
}
