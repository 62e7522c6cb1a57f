using Returns.Sdk.Parcels;
using static Returns.Sdk.Tests.Parcels.ParcelFixtures;

namespace Returns.Sdk.Tests.Parcels;

public sealed class ParcelEstimatorTests
{
    private readonly ParcelEstimator _estimator = Estimator();

    [Fact]
    public void Estimate_SmallItem_ChoosesTheSmallestBox()
    {
        var items = new[] { Item("TEE-1", 22m, 15m, 3m, 250m) };

        var estimate = _estimator.Estimate(items);

        Assert.Equal(ParcelFitCode.Boxed, estimate.Code);
        Assert.Same(Small, estimate.Box);
        Assert.Equal(Small.Outer, estimate.Parcel.Dimensions);
        Assert.Null(PackingViolation(estimate, _estimator.Catalog, items));
    }

    [Fact]
    public void Estimate_ItemLongerThanTheSmallBox_ChoosesTheNextAndSaysWhy()
    {
        var items = new[] { Item("TEE-2", 30m, 20m, 3m, 250m) };

        var estimate = _estimator.Estimate(items);

        Assert.Same(Medium, estimate.Box);
        Assert.Equal(
            "Packed in box M (35 x 25 x 12 cm inside), the smallest that takes the unit: TEE-2 (30 x 20 x 3 cm) does not fit box S in any orientation. "
            + "The parcel weighs 0.43 kg including 0.18 kg of packaging.",
            estimate.Explanation);
    }

    [Fact]
    public void Estimate_LongThinItemGivenAcross_IsRotatedIntoTheSmallBox()
    {
        // As given, 24 cm runs across the box's 18 cm width and 17 cm stands above its 8 cm height.
        var items = new[] { Item("POSTER", 2m, 24m, 17m, 300m) };

        var estimate = _estimator.Estimate(items);

        Assert.Same(Small, estimate.Box);
        var placement = Assert.Single(estimate.Placements);
        Assert.Equal((240_000L, 170_000L, 20_000L), (placement.SizeX, placement.SizeY, placement.SizeZ));
        Assert.Null(PackingViolation(estimate, _estimator.Catalog, items));
    }

    [Fact]
    public void Estimate_UnitsThatOnlyFitSideBySide_AreRotatedNextToEachOther()
    {
        // Two 33 x 20 x 12 boxes fit L (45 x 35 x 20) only with both 20 cm sides along its 45 cm length.
        var items = new[] { Item("BOOT", 33m, 20m, 12m, 1200m, quantity: 2) };

        var estimate = _estimator.Estimate(items);

        Assert.Same(Large, estimate.Box);
        Assert.Equal(2, estimate.Placements.Count);
        Assert.Null(PackingViolation(estimate, _estimator.Catalog, items));
    }

    [Theory]
    [InlineData(1, "M")]
    [InlineData(2, "L")]
    [InlineData(6, "XL")]
    public void Estimate_Quantity_PacksEveryUnit(int quantity, string expectedBox)
    {
        var items = new[] { Item("BOOT", 33m, 20m, 12m, 1000m, quantity) };

        var estimate = _estimator.Estimate(items);

        Assert.Equal(expectedBox, estimate.Box?.Id);
        Assert.Equal(quantity, estimate.Placements.Count);
        Assert.Null(PackingViolation(estimate, _estimator.Catalog, items));
    }

    [Fact]
    public void Estimate_Weight_IsEveryUnitPlusTheBoxTare()
    {
        var items = new[] { Item("SOCK", 10m, 8m, 2m, 60m, quantity: 3), Item("TEE", 22m, 15m, 3m, 250m) };

        var estimate = _estimator.Estimate(items);

        Assert.Same(Small, estimate.Box);
        Assert.Equal(Weight.FromGrams((3 * 60m) + 250m + 100m), estimate.Parcel.Weight);
    }

    [Fact]
    public void Estimate_HeavierThanTheSmallBoxTakes_ChoosesTheNextBox()
    {
        var items = new[] { Item("DUMBBELL", 20m, 10m, 7m, 6000m) };

        var estimate = _estimator.Estimate(items);

        Assert.Same(Medium, estimate.Box);
        Assert.Contains("the items weigh 6 kg, more than box S's 5 kg maximum load", estimate.Explanation, StringComparison.Ordinal);
        Assert.Equal(Weight.FromGrams(6180m), estimate.Parcel.Weight);
    }

    [Fact]
    public void Estimate_WithoutSizeOrWeight_UsesTheCategoryDefault()
    {
        var items = new[] { Unsized("SNEAKER", "Shoes") };

        var estimate = _estimator.Estimate(items);

        Assert.Same(Medium, estimate.Box);
        Assert.Equal(["SNEAKER"], estimate.SkusSizedByDefault);
        Assert.Equal(Weight.FromGrams(900m + 180m), estimate.Parcel.Weight);
        Assert.EndsWith("; defaults were used for the size and weight of SNEAKER ('Shoes' category).", estimate.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_OnlyWeightMissing_DefaultsOnlyTheWeightFromTheFallback()
    {
        var lamp = new ParcelItem("LAMP", 1, new ProductAttributes("lighting") { Dimensions = new Dimensions(24m, 17m, 7m) });
        var items = new[] { lamp, Item("TEE", 22m, 15m, 3m, 250m), Unsized("BAG", "bags") };

        var estimate = _estimator.Estimate(items);

        Assert.Equal(["LAMP", "BAG"], estimate.SkusSizedByDefault);
        Assert.Equal(Weight.FromGrams(500m + 250m + 500m) + estimate.Box!.Tare, estimate.Parcel.Weight);
        Assert.Contains("defaults were used for the weight of LAMP (fallback) and the size and weight of BAG (fallback).", estimate.Explanation, StringComparison.Ordinal);
        Assert.Null(PackingViolation(estimate, _estimator.Catalog, items));
    }

    [Fact]
    public void Estimate_OnlySizeMissing_KeepsTheProductsOwnWeight()
    {
        var boot = new ParcelItem("BOOT", 1, new ProductAttributes("shoes") { Weight = Weight.FromGrams(1500m) });

        var estimate = _estimator.Estimate([boot]);

        Assert.Equal(Weight.FromGrams(1500m + 180m), estimate.Parcel.Weight);
        Assert.Contains("the size of BOOT ('shoes' category)", estimate.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_ZeroWeight_CountsAsUnknown()
    {
        var item = new ParcelItem("GIFT", 1, new ProductAttributes("misc") { Dimensions = new Dimensions(10m, 10m, 5m), Weight = Weight.Zero });

        var estimate = _estimator.Estimate([item]);

        Assert.Equal(FallbackDefault.Weight + Small.Tare, estimate.Parcel.Weight);
        Assert.Equal(["GIFT"], estimate.SkusSizedByDefault);
    }

    [Fact]
    public void Estimate_SameSkuOnTwoLines_IsListedOnce()
    {
        var estimate = _estimator.Estimate([Unsized("BAG", "bags"), Unsized("BAG", "bags")]);

        Assert.Equal(["BAG"], estimate.SkusSizedByDefault);
    }

    [Fact]
    public void Estimate_HazardousItem_MarksTheParcel()
    {
        var battery = new ParcelItem("BATTERY", 1, new ProductAttributes("electronics") { Hazardous = true, Dimensions = new Dimensions(10m, 6m, 3m), Weight = Weight.FromGrams(400m) });

        Assert.True(_estimator.Estimate([battery]).Parcel.ContainsHazardousGoods);
        Assert.False(_estimator.Estimate([Item("TEE", 22m, 15m, 3m, 250m)]).Parcel.ContainsHazardousGoods);
    }

    [Fact]
    public void Estimate_ItemLongerThanEveryBox_IsAResultWithAStackedEstimate()
    {
        var items = new[] { Item("SKI", 170m, 12m, 8m, 3200m), Item("POLE", 120m, 3m, 3m, 400m, quantity: 2) };

        var estimate = _estimator.Estimate(items);

        Assert.Null(estimate.Box);
        Assert.Equal(ParcelFitCode.TooLarge, estimate.Code);
        Assert.Empty(estimate.Placements);
        Assert.Equal(new Dimensions(170m, 12m, 8m + 3m + 3m), estimate.Parcel.Dimensions);
        Assert.Equal(Weight.FromGrams(3200m + 800m), estimate.Parcel.Weight);
        Assert.Equal(
            "No catalog box fits: SKI (170 x 12 x 8 cm) does not fit any box in any orientation (the largest, XL, is 60 x 40 x 40 cm inside). "
            + "The parcel is estimated at 170 x 12 x 14 cm with the units stacked on their smallest side, weighing 4 kg without packaging.",
            estimate.Explanation);
    }

    [Fact]
    public void Estimate_HeavierThanEveryBoxTakes_IsTooHeavy()
    {
        var estimate = _estimator.Estimate([Item("ANVIL", 30m, 15m, 15m, 30_000m)]);

        Assert.Null(estimate.Box);
        Assert.Equal(ParcelFitCode.TooHeavy, estimate.Code);
        Assert.Equal(Weight.FromKilograms(30m), estimate.Parcel.Weight);
        Assert.StartsWith("No catalog box fits: the items weigh 30 kg, more than any box large enough for them takes (at most 25 kg).", estimate.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_MoreRoomThanTheLargestBox_IsTooLargeByVolume()
    {
        var estimate = _estimator.Estimate([Item("CRATE", 50m, 38m, 35m, 2000m, quantity: 2)]);

        Assert.Equal(ParcelFitCode.TooLarge, estimate.Code);
        Assert.StartsWith("No catalog box fits: the units take 133 L, more than the largest box, XL, holds (96 L).", estimate.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_TwoUnitsThatCannotLieSideBySide_SaysSo()
    {
        // Each 41 x 31 x 21 unit fits XL alone and two take less room than XL, but only its 60 cm side takes 41 cm.
        var estimate = _estimator.Estimate([Item("DRUM", 41m, 31m, 21m, 2000m, quantity: 2)]);

        Assert.Equal(ParcelFitCode.TooLarge, estimate.Code);
        Assert.StartsWith("No catalog box fits: two units of DRUM cannot lie side by side in any box that can carry them.", estimate.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_TwoItemsThatCannotLieSideBySide_NamesBoth()
    {
        var estimate = _estimator.Estimate([Item("DRUM", 41m, 31m, 21m, 2000m), Item("TUB", 45m, 22m, 22m, 1000m)]);

        Assert.Null(estimate.Box);
        Assert.StartsWith("No catalog box fits: DRUM and TUB cannot lie side by side in any box that can carry them.", estimate.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_EveryPairFitsButNotAll_SaysNoArrangementWasFound()
    {
        // Any two 5 x 5 x 6 bricks fit a 10 cm cube, and six take 900 of its 1000 cm³, but at most four fit.
        var cube = new ShippingBox("CUBE", new Dimensions(10m, 10m, 10m), Weight.Zero);

        var estimate = new ParcelEstimator(new BoxCatalog([cube])).Estimate([Item("BRICK", 5m, 5m, 6m, 100m, quantity: 6)]);

        Assert.Equal(ParcelFitCode.TooLarge, estimate.Code);
        Assert.StartsWith("No catalog box fits: no arrangement of all 6 units was found in any box that can carry them", estimate.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_MoreThanMaxUnits_IsTooManyUnits()
    {
        var estimate = _estimator.Estimate([Item("SOCK", 10m, 8m, 0.5m, 50m, quantity: ParcelEstimator.MaxUnits + 1)]);

        Assert.Null(estimate.Box);
        Assert.Equal(ParcelFitCode.TooManyUnits, estimate.Code);
        Assert.Equal(new Dimensions(10m, 8m, 100.5m), estimate.Parcel.Dimensions);
        Assert.StartsWith("No catalog box fits: the return has 201 units, more than the 200 that parcel sizing packs.", estimate.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_MaxUnitsOfSmallItems_AreAllPacked()
    {
        var items = new[] { Item("BUTTON", 2m, 2m, 1m, 5m, quantity: ParcelEstimator.MaxUnits) };

        var estimate = _estimator.Estimate(items);

        Assert.Same(Small, estimate.Box);
        Assert.Null(PackingViolation(estimate, _estimator.Catalog, items));
    }

    [Fact]
    public void Estimate_StackTallerThanAnyParcel_HasNoSize()
    {
        var estimate = _estimator.Estimate([Item("PLATE", 30m, 30m, 6m, 100m, quantity: 180)]);

        Assert.Null(estimate.Box);
        Assert.Null(estimate.Parcel.Dimensions);
        Assert.Contains("its size is unknown", estimate.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_NoDimensionsAndNoDefault_ThrowsWithTheItemsPath()
    {
        var estimator = Estimator(withDefaults: false);
        var lamp = new ParcelItem("LAMP-9", 1, new ProductAttributes("lighting") { Weight = Weight.FromGrams(800m) });

        var exception = Assert.Throws<ReturnsValidationException>(() => estimator.Estimate([Item("TEE", 22m, 15m, 3m, 250m), lamp]));

        var error = Assert.Single(exception.Errors);
        Assert.Equal("items[1].product.dimensions", error.Path);
        Assert.Contains("LAMP-9", error.Message, StringComparison.Ordinal);
        Assert.Contains("'lighting'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Fallback", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_SeveralItemsWithoutData_ListsEveryMissingField()
    {
        var estimator = Estimator(withDefaults: false);
        var noWeight = new ParcelItem("MUG", 1, new ProductAttributes("kitchen") { Dimensions = new Dimensions(12m, 9m, 9m) });

        var exception = Assert.Throws<ReturnsValidationException>(() => estimator.Estimate([Unsized("BAG", "bags"), noWeight]));

        Assert.Equal(
            ["items[0].product.dimensions", "items[0].product.weight", "items[1].product.weight"],
            exception.Errors.Select(e => e.Path));
    }

    [Fact]
    public void Estimate_CategoryWithoutDefaultButAFallback_UsesTheFallback()
    {
        var catalog = new BoxCatalog([Small], fallback: FallbackDefault);

        var estimate = new ParcelEstimator(catalog).Estimate([Unsized("BAG", "bags")]);

        Assert.Equal(FallbackDefault.Weight + Small.Tare, estimate.Parcel.Weight);
    }

    [Fact]
    public void Estimate_OverOneTonne_ThrowsValidationForTheItems()
    {
        var exception = Assert.Throws<ReturnsValidationException>(() => _estimator.Estimate([Item("ANVIL", 30m, 15m, 15m, 600_000m, quantity: 2)]));

        Assert.Equal("items", Assert.Single(exception.Errors).Path);
    }

    [Fact]
    public void Estimate_NoItems_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => _estimator.Estimate([]));
        Assert.Throws<ArgumentException>(() => _estimator.Estimate([null!]));
    }

    [Fact]
    public void Estimate_SameInputTwice_GivesEqualResults()
    {
        var items = new[] { Item("BOOT", 33m, 20m, 12m, 1000m, quantity: 3), Item("TEE", 22m, 15m, 3m, 250m, quantity: 2), Unsized("BAG", "bags") };

        var first = _estimator.Estimate(items);
        var second = Estimator().Estimate(items);

        Assert.Equal((first.Box, first.Parcel, first.Explanation), (second.Box, second.Parcel, second.Explanation));
        Assert.Equal(first.Placements, second.Placements);
    }

    [Fact]
    public void ParcelItem_QuantityBelowOne_ThrowsArgumentOutOfRange()
    {
        var product = new ProductAttributes("apparel");

        Assert.Throws<ArgumentOutOfRangeException>(() => new ParcelItem("TEE", 0, product));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParcelItem("TEE", 1, product) with { Quantity = -1 });
        Assert.Throws<ArgumentException>(() => new ParcelItem(" ", 1, product));
    }

    [Fact]
    public void ParcelItem_FromOrderLine_TakesSkuAndProduct()
    {
        var product = new ProductAttributes("shoes");
        var line = new OrderLine("L1", "BOOT-42", 3, new Money(80m, Currency.EUR), product);

        Assert.Equal(new ParcelItem("BOOT-42", 2, product), ParcelItem.FromOrderLine(line, 2));
    }
}
