using Returns.Sdk.Parcels;
using Returns.Sdk.Parcels.Internal;

namespace Returns.Sdk.Tests.Parcels;

/// <summary>A retailer's box catalog and products to size parcels with, and a checker for packings.</summary>
internal static class ParcelFixtures
{
    public static readonly ShippingBox Small = new("S", new Dimensions(25m, 18m, 8m), Weight.FromGrams(100m))
    {
        Outer = new Dimensions(26m, 19m, 9m),
        MaxLoad = Weight.FromKilograms(5m),
    };

    public static readonly ShippingBox Medium = new("M", new Dimensions(35m, 25m, 12m), Weight.FromGrams(180m))
    {
        Outer = new Dimensions(36m, 26m, 13m),
        MaxLoad = Weight.FromKilograms(10m),
    };

    public static readonly ShippingBox Large = new("L", new Dimensions(45m, 35m, 20m), Weight.FromGrams(300m))
    {
        MaxLoad = Weight.FromKilograms(20m),
    };

    public static readonly ShippingBox ExtraLarge = new("XL", new Dimensions(60m, 40m, 40m), Weight.FromGrams(550m))
    {
        MaxLoad = Weight.FromKilograms(25m),
    };

    public static readonly ItemSizeDefaults ShoesDefault = new(new Dimensions(33m, 20m, 12m), Weight.FromGrams(900m));

    public static readonly ItemSizeDefaults FallbackDefault = new(new Dimensions(20m, 15m, 5m), Weight.FromGrams(500m));

    /// <summary>Listed largest first on purpose: the catalog sorts.</summary>
    public static BoxCatalog Catalog(bool withDefaults = true) =>
        new(
            [ExtraLarge, Large, Medium, Small],
            withDefaults ? new Dictionary<string, ItemSizeDefaults> { ["shoes"] = ShoesDefault } : null,
            withDefaults ? FallbackDefault : null);

    public static ParcelEstimator Estimator(bool withDefaults = true) => new(Catalog(withDefaults));

    public static ParcelItem Item(string sku, decimal length, decimal width, decimal height, decimal grams, int quantity = 1, string category = "apparel") =>
        new(sku, quantity, new ProductAttributes(category) { Dimensions = new Dimensions(length, width, height), Weight = Weight.FromGrams(grams) });

    public static ParcelItem Unsized(string sku, string category, int quantity = 1) =>
        new(sku, quantity, new ProductAttributes(category));

    /// <summary>The size an item is packed at: its own, else its category's default, else the fallback.</summary>
    public static Dimensions SizeOf(BoxCatalog catalog, ParcelItem item) =>
        item.Product.Dimensions ?? catalog.DefaultsFor(item.Product.Category)!.Dimensions;

    /// <summary>
    /// Why the estimate's packing is invalid, or <see langword="null"/> when every unit of every item is placed once,
    /// at a size no smaller than the item's in some rotation, inside the box, overlapping no other unit.
    /// </summary>
    public static string? PackingViolation(ParcelEstimate estimate, BoxCatalog catalog, IReadOnlyList<ParcelItem> items)
    {
        if (estimate.Box is not { } box)
        {
            return estimate.Placements.Count == 0 ? null : "placements without a box";
        }

        var placements = estimate.Placements;
        var expectedUnits = items.Sum(i => i.Quantity);
        if (placements.Count != expectedUnits)
        {
            return $"{placements.Count} placements for {expectedUnits} units";
        }

        for (var i = 0; i < items.Count; i++)
        {
            var placed = placements.Count(p => p.ItemIndex == i);
            if (placed != items[i].Quantity)
            {
                return $"item {i} placed {placed} times, quantity {items[i].Quantity}";
            }
        }

        foreach (var p in placements)
        {
            if (p.X < 0 || p.Y < 0 || p.Z < 0)
            {
                return $"{p} starts outside the box";
            }

            if (Cm(p.X + p.SizeX) > box.Inner.LengthCm || Cm(p.Y + p.SizeY) > box.Inner.WidthCm || Cm(p.Z + p.SizeZ) > box.Inner.HeightCm)
            {
                return $"{p} ends outside box {box.Id} ({box.Inner})";
            }

            var item = SizeOf(catalog, items[p.ItemIndex]);
            var sides = new[] { Cm(p.SizeX), Cm(p.SizeY), Cm(p.SizeZ) }.Order().ToArray();
            if (sides[2] < item.Longest || sides[1] < item.Middle || sides[0] < item.Shortest)
            {
                return $"{p} is smaller than item {p.ItemIndex} ({item})";
            }
        }

        for (var a = 0; a < placements.Count; a++)
        {
            for (var b = a + 1; b < placements.Count; b++)
            {
                var (p, q) = (placements[a], placements[b]);
                if (p.X < q.X + q.SizeX && q.X < p.X + p.SizeX && p.Y < q.Y + q.SizeY && q.Y < p.Y + p.SizeY && p.Z < q.Z + q.SizeZ && q.Z < p.Z + p.SizeZ)
                {
                    return $"{p} overlaps {q}";
                }
            }
        }

        return null;
    }

    private static decimal Cm(long units) => PackingGrid.ToCm(units);
}
