using Returns.Sdk.Parcels;
using static Returns.Sdk.Tests.Parcels.ParcelFixtures;

namespace Returns.Sdk.Tests.Parcels;

public sealed class BoxCatalogTests
{
    [Fact]
    public void Boxes_AreSmallestFirstByVolumeThenTareThenId()
    {
        var cube = new Dimensions(20m, 20m, 20m);
        var catalog = new BoxCatalog(
        [
            new ShippingBox("b", cube, Weight.FromGrams(200m)),
            ExtraLarge,
            new ShippingBox("c", cube, Weight.FromGrams(100m)),
            new ShippingBox("a", cube, Weight.FromGrams(200m)),
            Small,
        ]);

        Assert.Equal(["S", "c", "a", "b", "XL"], catalog.Boxes.Select(b => b.Id));
    }

    [Fact]
    public void Constructor_NoBoxes_Throws()
    {
        Assert.Throws<ArgumentException>(() => new BoxCatalog([]));
    }

    [Fact]
    public void Constructor_IdsDifferingOnlyInCase_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() => new BoxCatalog([Small, new ShippingBox("s", new Dimensions(1m, 1m, 1m), Weight.Zero)]));

        Assert.Contains("'s'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_CategoriesDifferingOnlyInCase_Throws()
    {
        var defaults = new Dictionary<string, ItemSizeDefaults> { ["shoes"] = ShoesDefault, ["SHOES"] = ShoesDefault };

        Assert.Throws<ArgumentException>(() => new BoxCatalog([Small], defaults));
    }

    [Fact]
    public void DefaultsFor_ComparesCategoriesCaseInsensitivelyThenFallsBack()
    {
        var catalog = Catalog();

        Assert.Same(ShoesDefault, catalog.DefaultsFor("SHOES"));
        Assert.Same(FallbackDefault, catalog.DefaultsFor("garden"));
        Assert.Null(Catalog(withDefaults: false).DefaultsFor("shoes"));
    }

    [Fact]
    public void ShippingBox_OuterUnset_IsTheInnerSize()
    {
        var box = new ShippingBox(" M ", new Dimensions(35m, 25m, 12m), Weight.FromGrams(180m));

        Assert.Equal(box.Inner, box.Outer);
        Assert.Equal("M", box.Id);
        Assert.Null(box.MaxLoad);
    }

    [Fact]
    public void ShippingBox_InvalidValues_Throw()
    {
        var inner = new Dimensions(35m, 25m, 12m);

        Assert.Throws<ArgumentException>(() => new ShippingBox(" ", inner, Weight.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ShippingBox("M", default, Weight.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ShippingBox("M", inner, Weight.Zero) { Outer = new Dimensions(34m, 26m, 13m) });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ShippingBox("M", inner, Weight.Zero) { MaxLoad = Weight.Zero });
    }

    [Fact]
    public void ShippingBox_OuterRotatedAgainstInner_IsAccepted()
    {
        var box = new ShippingBox("M", new Dimensions(35m, 25m, 12m), Weight.Zero) { Outer = new Dimensions(13m, 37m, 26m) };

        Assert.Equal(new Dimensions(13m, 37m, 26m), box.Outer);
    }

    [Fact]
    public void ItemSizeDefaults_ZeroWeightOrEmptySize_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ItemSizeDefaults(new Dimensions(1m, 1m, 1m), Weight.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ItemSizeDefaults(default, Weight.FromGrams(1m)));
        Assert.Throws<ArgumentOutOfRangeException>(() => ShoesDefault with { Weight = Weight.Zero });
    }
}
