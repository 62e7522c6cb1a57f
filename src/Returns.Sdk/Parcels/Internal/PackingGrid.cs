namespace Returns.Sdk.Parcels.Internal;

/// <summary>
/// Packing works on whole micrometres (10⁻⁴ cm) in <see cref="long"/>: exact, and far faster than decimal.
/// Item sides are rounded up and box sides down, so a fit on the grid is a fit in the real sizes.
/// </summary>
internal static class PackingGrid
{
    public const decimal UnitsPerCm = 10_000m;

    /// <summary>Grid units in a cubic centimetre.</summary>
    public const decimal UnitsPerCubicCm = UnitsPerCm * UnitsPerCm * UnitsPerCm;

    public static long ItemSide(decimal cm) => (long)decimal.Ceiling(cm * UnitsPerCm);

    public static long BoxSide(decimal cm) => (long)decimal.Floor(cm * UnitsPerCm);

    public static decimal ToCm(long units) => units / UnitsPerCm;

    public static decimal ToLitres(Int128 volume) => (decimal)volume / UnitsPerCubicCm / 1000m;

    /// <summary>The three sides of an item, on the grid, longest first.</summary>
    public static Extent ItemExtent(Dimensions dimensions) =>
        Extent.Sorted(ItemSide(dimensions.LengthCm), ItemSide(dimensions.WidthCm), ItemSide(dimensions.HeightCm));
}

/// <summary>Three sides on the grid, longest first.</summary>
internal readonly record struct Extent(long Longest, long Middle, long Shortest)
{
    public static Extent Sorted(long a, long b, long c)
    {
        if (a < b)
        {
            (a, b) = (b, a);
        }

        if (b < c)
        {
            (b, c) = (c, b);
        }

        if (a < b)
        {
            (a, b) = (b, a);
        }

        return new Extent(a, b, c);
    }

    public Int128 Volume => (Int128)Longest * Middle * Shortest;

    public bool FitsInside(in Extent container) =>
        Longest <= container.Longest && Middle <= container.Middle && Shortest <= container.Shortest;
}

/// <summary>A box of the catalog on the grid: its inner sides as given (length, width, height) and sorted.</summary>
internal readonly record struct BoxGeometry(long Length, long Width, long Height, Extent Sorted, decimal? MaxLoadGrams, decimal TareGrams)
{
    /// <summary>The inner sides in the box's own axes: length along X, width along Y, height along Z.</summary>
    public Point3 Inner => new(Length, Width, Height);

    public static BoxGeometry Of(ShippingBox box)
    {
        var inner = box.Inner;
        return new BoxGeometry(
            PackingGrid.BoxSide(inner.LengthCm),
            PackingGrid.BoxSide(inner.WidthCm),
            PackingGrid.BoxSide(inner.HeightCm),
            Extent.Sorted(PackingGrid.BoxSide(inner.LengthCm), PackingGrid.BoxSide(inner.WidthCm), PackingGrid.BoxSide(inner.HeightCm)),
            box.MaxLoad?.Grams,
            box.Tare.Grams);
    }
}

/// <summary>
/// Where one unit sits in its box: the corner nearest the box's origin and its size along the box's
/// length (X), width (Y) and height (Z), in grid units.
/// </summary>
internal readonly record struct UnitPlacement(int ItemIndex, long X, long Y, long Z, long SizeX, long SizeY, long SizeZ);
