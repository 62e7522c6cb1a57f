using System.Buffers;
using System.Globalization;
using System.Numerics;

namespace Returns.Sdk.Parcels.Internal;

/// <summary>What was taken from defaults for one item.</summary>
[Flags]
internal enum DefaultUse : byte
{
    None = 0,
    Size = 1,
    Weight = 2,
    FromCategory = 4,
}

/// <summary>How far a box got before it was passed over; later stages mean the box came closer to fitting.</summary>
internal enum RejectionStage : byte
{
    /// <summary>A unit is longer than the box in every orientation.</summary>
    Sides,

    /// <summary>The units take more room than the box has.</summary>
    Volume,

    /// <summary>The units weigh more than the box takes.</summary>
    Weight,

    /// <summary>Two units cannot lie side by side in the box.</summary>
    Pair,

    /// <summary>The packing heuristic found no arrangement.</summary>
    Arrangement,
}

/// <summary>One item with its size and weight settled (own data or defaults).</summary>
internal struct ResolvedItem
{
    public Dimensions Dimensions;
    public Extent Extent;
    public decimal UnitGrams;
    public DefaultUse Defaults;
}

/// <summary>Sums over every unit of every item.</summary>
internal struct ItemTotals
{
    public long Units;
    public decimal Grams;
    public bool Hazardous;
    public bool AnyDefault;
}

/// <summary>Why a box was passed over: the stage, and the item (or two) that decided it, or -1.</summary>
internal readonly record struct BoxRejection(int Box, RejectionStage Stage, int Item, int OtherItem);

/// <summary>The work behind <see cref="ParcelEstimator.Estimate"/>.</summary>
internal static class ParcelSizer
{
    public const int MaxUnits = 200;

    /// <summary>Above this many units only the fast rule runs, keeping the cost of a miss bounded.</summary>
    private const int MaxUnitsForContactRule = 40;

    /// <summary>Up to this many units, a box is taken only when every selection of them packs too (see <see cref="EverySelectionPacks"/>).</summary>
    public const int MaxUnitsKeptMonotonic = 5;

    private const decimal MaxGrams = Weight.MaxKilograms * 1000m;

    // (a, b, c): the packer's X runs along box side a (0 length, 1 width, 2 height), Y along b, Z along c.
    private static readonly (int X, int Y, int Z)[] Orientations = [(0, 1, 2), (1, 0, 2), (0, 2, 1), (2, 0, 1), (1, 2, 0), (2, 1, 0)];

    public static ParcelEstimate Estimate(BoxCatalog catalog, IReadOnlyList<ParcelItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            throw new ArgumentException("Give at least one item to size a parcel for.", nameof(items));
        }

        var resolved = ArrayPool<ResolvedItem>.Shared.Rent(items.Count);
        try
        {
            var lines = resolved.AsSpan(0, items.Count);
            var totals = Resolve(catalog, items, lines);
            return totals.Units > MaxUnits
                ? ParcelExplanations.NoFit(catalog, items, lines, totals, ParcelFitCode.TooManyUnits, reason: default, heaviestLoad: null)
                : Search(catalog, items, lines, totals);
        }
        finally
        {
            ArrayPool<ResolvedItem>.Shared.Return(resolved);
        }
    }

    private static ItemTotals Resolve(BoxCatalog catalog, IReadOnlyList<ParcelItem> items, Span<ResolvedItem> lines)
    {
        List<ValidationError>? errors = null;
        var totals = default(ItemTotals);
        for (var i = 0; i < lines.Length; i++)
        {
            var item = items[i] ?? throw new ArgumentException($"items[{i}] is null.", nameof(items));
            var product = item.Product;

            // A zero side or a weight of 0 g is how product feeds usually say "unknown".
            var dimensions = product.Dimensions is { Shortest: > 0m } own ? own : (Dimensions?)null;
            var weight = product.Weight is { } ownWeight && ownWeight > Weight.Zero ? ownWeight : (Weight?)null;
            var use = DefaultUse.None;
            if (dimensions is null || weight is null)
            {
                var defaults = catalog.DefaultsFor(product.Category, out var fromCategory);
                if (defaults is null)
                {
                    errors ??= [];
                    if (dimensions is null)
                    {
                        errors.Add(Missing(i, item, "dimensions"));
                    }

                    if (weight is null)
                    {
                        errors.Add(Missing(i, item, "weight"));
                    }

                    continue;
                }

                use = (dimensions is null ? DefaultUse.Size : DefaultUse.None)
                    | (weight is null ? DefaultUse.Weight : DefaultUse.None)
                    | (fromCategory ? DefaultUse.FromCategory : DefaultUse.None);
                dimensions ??= defaults.Dimensions;
                weight ??= defaults.Weight;
            }

            var size = dimensions.Value;
            lines[i] = new ResolvedItem { Dimensions = size, Extent = PackingGrid.ItemExtent(size), UnitGrams = weight.Value.Grams, Defaults = use };
            totals.Units += item.Quantity;
            totals.Grams += weight.Value.Grams * item.Quantity;
            totals.Hazardous |= product.Hazardous;
            totals.AnyDefault |= use != DefaultUse.None;
        }

        if (errors is not null)
        {
            throw new ReturnsValidationException(errors);
        }

        if (totals.Grams > MaxGrams)
        {
            throw new ReturnsValidationException(
                "items",
                string.Create(CultureInfo.InvariantCulture, $"The items weigh {totals.Grams / 1000m:0.###} kg together, more than the {Weight.MaxKilograms} kg any parcel may weigh; return them in several parcels."));
        }

        return totals;
    }

    private static ValidationError Missing(int index, ParcelItem item, string field)
    {
        var category = item.Product.Category;
        var what = field == "weight" ? "no weight (0 g counts as unknown)" : "no dimensions";
        return new ValidationError(
            $"items[{index}].product.{field}",
            $"SKU '{item.Sku}' has {what}, and there is no default for its category '{category}' nor a fallback. "
            + $"Add a default for '{category}' (ParcelSizingOptions.CategoryDefaults) or a Fallback, or give the product its {field}.");
    }

    private static ParcelEstimate Search(BoxCatalog catalog, IReadOnlyList<ParcelItem> items, ReadOnlySpan<ResolvedItem> lines, in ItemTotals totals)
    {
        var unitCount = (int)totals.Units;
        var pool = ArrayPool<PackUnit>.Shared;
        var byVolume = pool.Rent(unitCount);
        var byLongest = pool.Rent(unitCount);
        var placements = ArrayPool<UnitPlacement>.Shared.Rent(unitCount);
        var points = ArrayPool<Point3>.Shared.Rent(ExtremePointPacker.PointCapacity(unitCount));
        try
        {
            var units = byVolume.AsSpan(0, unitCount);
            var volume = Expand(items, lines, units);
            var sorted = false;
            var geometry = catalog.Geometry;
            var rejection = default(BoxRejection);
            var closest = default(BoxRejection);
            Weight? heaviestLoad = null;
            for (var b = 0; b < geometry.Length; b++)
            {
                var box = geometry[b];
                var found = QuickReject(box, lines, volume, totals.Grams);
                if (found is null)
                {
                    if (!sorted)
                    {
                        SortForPacking(units, byLongest.AsSpan(0, unitCount));
                        sorted = true;
                    }

                    found = Arrange(box, items, lines, units, byLongest.AsSpan(0, unitCount), placements.AsSpan(0, unitCount), points);
                    if (found is null && EverySelectionPacks(box, units, byLongest.AsSpan(0, unitCount), points))
                    {
                        return ParcelExplanations.Boxed(catalog, b, items, lines, totals, rejection, placements.AsSpan(0, unitCount));
                    }

                    found ??= (RejectionStage.Arrangement, -1, -1);
                }

                var (stage, item, other) = found.Value;
                rejection = new BoxRejection(b, stage, item, other);
                if (stage >= closest.Stage)
                {
                    closest = rejection;
                }

                if (stage == RejectionStage.Weight && catalog.Boxes[b].MaxLoad is { } load && (heaviestLoad is null || load > heaviestLoad.Value))
                {
                    heaviestLoad = load;
                }
            }

            // The box that came closest to fitting (the largest at the furthest stage) explains why none does.
            var code = closest.Stage == RejectionStage.Weight ? ParcelFitCode.TooHeavy : ParcelFitCode.TooLarge;
            var reason = closest.Stage == RejectionStage.Sides ? closest with { Item = FirstMisfit(geometry, lines) } : closest;
            return ParcelExplanations.NoFit(catalog, items, lines, totals, code, reason, heaviestLoad);
        }
        finally
        {
            pool.Return(byVolume);
            pool.Return(byLongest);
            ArrayPool<UnitPlacement>.Shared.Return(placements);
            ArrayPool<Point3>.Shared.Return(points);
        }
    }

    private static Int128 Expand(IReadOnlyList<ParcelItem> items, ReadOnlySpan<ResolvedItem> lines, Span<PackUnit> units)
    {
        var volume = Int128.Zero;
        var next = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var quantity = items[i].Quantity;
            var unit = new PackUnit(i, lines[i].Extent);
            units.Slice(next, quantity).Fill(unit);
            next += quantity;
            volume += unit.Extent.Volume * quantity;
        }

        return volume;
    }

    /// <summary>
    /// Cheap, exact reasons a box cannot take the units: a unit too long in every orientation, too little room, or
    /// too much weight. <see langword="null"/> when none applies.
    /// </summary>
    private static (RejectionStage Stage, int Item, int OtherItem)? QuickReject(in BoxGeometry box, ReadOnlySpan<ResolvedItem> lines, Int128 volume, decimal grams)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].Extent.FitsInside(box.Sorted))
            {
                return (RejectionStage.Sides, i, -1);
            }
        }

        if (volume > box.Sorted.Volume)
        {
            return (RejectionStage.Volume, -1, -1);
        }

        if ((box.MaxLoadGrams is { } maxLoad && grams > maxLoad) || grams + box.TareGrams > MaxGrams)
        {
            return (RejectionStage.Weight, -1, -1);
        }

        return null;
    }

    /// <summary>
    /// Finds an arrangement of the units in a box that passed the cheap checks; <see langword="null"/> when
    /// <paramref name="placements"/> holds one, else why not.
    /// </summary>
    private static (RejectionStage Stage, int Item, int OtherItem)? Arrange(
        in BoxGeometry box,
        IReadOnlyList<ParcelItem> items,
        ReadOnlySpan<ResolvedItem> lines,
        ReadOnlySpan<PackUnit> byVolume,
        ReadOnlySpan<PackUnit> byLongest,
        Span<UnitPlacement> placements,
        Span<Point3> points)
    {
        // Most returns fit the first box that passes the cheap checks at the first attempt; try that before anything else.
        var several = byVolume.Length > 2;
        if (several && ExtremePointPacker.TryPack(byVolume, box.Inner, PlacementRule.FirstFit, placements, points))
        {
            return null;
        }

        // Exact for every two units (so for the whole of a return of two), and a reason worth telling.
        var inner = box.Inner;
        for (var i = 0; i < lines.Length; i++)
        {
            for (var j = items[i].Quantity > 1 ? i : i + 1; j < lines.Length; j++)
            {
                if (!PairFit.Fits(lines[i].Extent, lines[j].Extent, inner))
                {
                    return (RejectionStage.Pair, i, j);
                }
            }
        }

        if (!several)
        {
            return TryPackFew(box, byVolume, placements) ? null : (RejectionStage.Pair, 0, 0);
        }

        return TryPack(box, byVolume, byLongest, placements, points, firstAttemptDone: true) ? null : (RejectionStage.Arrangement, -1, -1);
    }

    // The first item (in the caller's order) that fits no box in any orientation, or -1.
    private static int FirstMisfit(BoxGeometry[] geometry, ReadOnlySpan<ResolvedItem> lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var fitsSome = false;
            foreach (var box in geometry)
            {
                fitsSome |= lines[i].Extent.FitsInside(box.Sorted);
            }

            if (!fitsSome)
            {
                return i;
            }
        }

        return -1;
    }

    // Two packing orders, biggest volume first and longest side first: what one order misses the other often finds.
    private static void SortForPacking(Span<PackUnit> byVolume, Span<PackUnit> byLongest)
    {
        byVolume.Sort(static (left, right) =>
        {
            var c = right.Extent.Volume.CompareTo(left.Extent.Volume);
            if (c == 0)
            {
                c = right.Extent.Longest.CompareTo(left.Extent.Longest);
            }

            if (c == 0)
            {
                c = right.Extent.Middle.CompareTo(left.Extent.Middle);
            }

            return c != 0 ? c : left.ItemIndex.CompareTo(right.ItemIndex);
        });
        byVolume.CopyTo(byLongest);
        byLongest.Sort(static (left, right) =>
        {
            var c = right.Extent.Longest.CompareTo(left.Extent.Longest);
            if (c == 0)
            {
                c = right.Extent.Middle.CompareTo(left.Extent.Middle);
            }

            if (c == 0)
            {
                c = right.Extent.Shortest.CompareTo(left.Extent.Shortest);
            }

            return c != 0 ? c : left.ItemIndex.CompareTo(right.ItemIndex);
        });
    }

    /// <summary>
    /// Finds an arrangement: exactly for one or two units, otherwise by the heuristic with each rule, unit order and
    /// distinct way of standing the box (which inner side is up, which runs along X) until one succeeds. On success
    /// <paramref name="placements"/> holds the arrangement in the box's own axes.
    /// </summary>
    private static bool TryPack(
        in BoxGeometry box, ReadOnlySpan<PackUnit> byVolume, ReadOnlySpan<PackUnit> byLongest, Span<UnitPlacement> placements, Span<Point3> points, bool firstAttemptDone = false)
    {
        if (byVolume.Length <= 2)
        {
            return TryPackFew(box, byVolume, placements);
        }

        var sameOrder = byVolume.SequenceEqual(byLongest);
        Span<long> sides = [box.Length, box.Width, box.Height];
        Span<Point3> containers = stackalloc Point3[6];
        Span<int> orientations = stackalloc int[6];
        var distinct = 0;
        for (var o = 0; o < Orientations.Length; o++)
        {
            var (x, y, z) = Orientations[o];
            var container = new Point3(sides[x], sides[y], sides[z]);
            if (!containers[..distinct].Contains(container))
            {
                containers[distinct] = container;
                orientations[distinct++] = o;
            }
        }

        var rules = byVolume.Length <= MaxUnitsForContactRule ? 2 : 1;
        for (var r = 0; r < rules; r++)
        {
            var rule = r == 0 ? PlacementRule.FirstFit : PlacementRule.MostContact;
            for (var o = 0; o < distinct; o++)
            {
                var alreadyTried = firstAttemptDone && r == 0 && o == 0;
                if ((!alreadyTried && ExtremePointPacker.TryPack(byVolume, containers[o], rule, placements, points))
                    || (!sameOrder && ExtremePointPacker.TryPack(byLongest, containers[o], rule, placements, points)))
                {
                    ToBoxAxes(placements, Orientations[orientations[o]]);
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// For returns of up to <see cref="MaxUnitsKeptMonotonic"/> units, a box is taken only when every selection of
    /// three or more of the units packs as well (one or two are decided exactly, and the cheap checks hold for any
    /// selection of units that passed them). Without this the heuristic could miss a selection it finds once one more
    /// unit is added, and returning fewer items would then need a larger box.
    /// </summary>
    private static bool EverySelectionPacks(in BoxGeometry box, ReadOnlySpan<PackUnit> byVolume, ReadOnlySpan<PackUnit> byLongest, Span<Point3> points)
    {
        var count = byVolume.Length;
        if (count < 4 || count > MaxUnitsKeptMonotonic)
        {
            return true;
        }

        Span<PackUnit> selectedByVolume = stackalloc PackUnit[MaxUnitsKeptMonotonic];
        Span<PackUnit> selectedByLongest = stackalloc PackUnit[MaxUnitsKeptMonotonic];
        Span<UnitPlacement> placements = stackalloc UnitPlacement[MaxUnitsKeptMonotonic];
        Span<int> wanted = stackalloc int[MaxUnitsKeptMonotonic];
        var all = (1 << count) - 1;
        for (var mask = 1; mask < all; mask++)
        {
            var size = BitOperations.PopCount((uint)mask);
            if (size < 3 || !Canonical(byVolume, mask))
            {
                continue;
            }

            // The same units in both packing orders: by volume from the mask, by longest side from the counts.
            wanted.Clear();
            var n = 0;
            for (var k = 0; k < count; k++)
            {
                if ((mask & (1 << k)) != 0)
                {
                    selectedByVolume[n++] = byVolume[k];
                    wanted[byVolume[k].ItemIndex]++;
                }
            }

            n = 0;
            foreach (var unit in byLongest)
            {
                if (wanted[unit.ItemIndex] > 0)
                {
                    wanted[unit.ItemIndex]--;
                    selectedByLongest[n++] = unit;
                }
            }

            if (!TryPack(box, selectedByVolume[..size], selectedByLongest[..size], placements[..size], points))
            {
                return false;
            }
        }

        return true;
    }

    // Units of one item sit next to each other in the packing order; taking them first-come makes each selection of
    // items and quantities appear once.
    private static bool Canonical(ReadOnlySpan<PackUnit> units, int mask)
    {
        for (var k = 1; k < units.Length; k++)
        {
            if ((mask & (1 << k)) != 0 && (mask & (1 << (k - 1))) == 0 && units[k].ItemIndex == units[k - 1].ItemIndex)
            {
                return false;
            }
        }

        return true;
    }

    // One unit fits whenever its sides do; two fit exactly when PairFit finds them a place side by side.
    private static bool TryPackFew(in BoxGeometry box, ReadOnlySpan<PackUnit> units, Span<UnitPlacement> placements)
    {
        var first = units[0];
        if (units.Length == 1)
        {
            return PairFit.TryFitAlone(first.Extent, box.Inner, out var only)
                && Place(placements, 0, first, default, only);
        }

        var second = units[1];
        return PairFit.TryFit(first.Extent, second.Extent, box.Inner, out var firstSize, out var secondAt, out var secondSize)
            && Place(placements, 0, first, default, firstSize)
            && Place(placements, 1, second, secondAt, secondSize);
    }

    private static bool Place(Span<UnitPlacement> placements, int index, PackUnit unit, Point3 at, Point3 size)
    {
        placements[index] = new UnitPlacement(unit.ItemIndex, at.X, at.Y, at.Z, size.X, size.Y, size.Z);
        return true;
    }

    private static void ToBoxAxes(Span<UnitPlacement> placements, (int X, int Y, int Z) order)
    {
        if (order == (0, 1, 2))
        {
            return;
        }

        Span<long> at = stackalloc long[3];
        Span<long> size = stackalloc long[3];
        for (var k = 0; k < placements.Length; k++)
        {
            var p = placements[k];
            at[order.X] = p.X;
            at[order.Y] = p.Y;
            at[order.Z] = p.Z;
            size[order.X] = p.SizeX;
            size[order.Y] = p.SizeY;
            size[order.Z] = p.SizeZ;
            placements[k] = new UnitPlacement(p.ItemIndex, at[0], at[1], at[2], size[0], size[1], size[2]);
        }
    }
}
