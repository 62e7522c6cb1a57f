using System.Globalization;
using System.Runtime.CompilerServices;
using FsCheck;
using FsCheck.Fluent;
using Returns.Sdk.Parcels.Internal;

namespace Returns.Sdk.Tests.Parcels;

public sealed class PackingInternalsTests
{
    private static Gen<Extent> SmallExtents(int max) =>
        from a in Gen.Choose(1, max)
        from b in Gen.Choose(1, max)
        from c in Gen.Choose(1, max)
        select Extent.Sorted(a, b, c);

    private static Gen<Point3> Containers(int min, int max) =>
        from x in Gen.Choose(min, max)
        from y in Gen.Choose(min, max)
        from z in Gen.Choose(min, max)
        select new Point3(x, y, z);

    private static Point3[] RotationsOf(Extent extent)
    {
        var rotations = new Point3[6];
        return rotations[..ExtremePointPacker.Rotations(extent, rotations)];
    }

    private static bool IsRotationOf(Extent extent, long x, long y, long z) =>
        Extent.Sorted(x, y, z) == extent;

    // With integer sides, a packing exists exactly when one exists at integer positions.
    private static bool BruteForcePair(Extent first, Extent second, Point3 container)
    {
        foreach (var a in RotationsOf(first))
        {
            foreach (var b in RotationsOf(second))
            {
                for (var ax = 0L; ax + a.X <= container.X; ax++)
                {
                    for (var ay = 0L; ay + a.Y <= container.Y; ay++)
                    {
                        for (var az = 0L; az + a.Z <= container.Z; az++)
                        {
                            for (var bx = 0L; bx + b.X <= container.X; bx++)
                            {
                                for (var by = 0L; by + b.Y <= container.Y; by++)
                                {
                                    for (var bz = 0L; bz + b.Z <= container.Z; bz++)
                                    {
                                        var apart = ax + a.X <= bx || bx + b.X <= ax || ay + a.Y <= by || by + b.Y <= ay || az + a.Z <= bz || bz + b.Z <= az;
                                        if (apart)
                                        {
                                            return true;
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }

        return false;
    }

    [FsCheck.Xunit.Property(MaxTest = 400)]
    public Property PairFit_AgreesWithABruteForceSearch() =>
        Prop.ForAll(
            (from first in SmallExtents(6) from second in SmallExtents(6) from container in Containers(1, 8) select (first, second, container)).ToArbitrary(),
            input =>
            {
                var (first, second, container) = input;
                var fits = PairFit.TryFit(first, second, container, out var firstSize, out var secondAt, out var secondSize);
                var witnessValid = !fits
                    || (IsRotationOf(first, firstSize.X, firstSize.Y, firstSize.Z) && IsRotationOf(second, secondSize.X, secondSize.Y, secondSize.Z)
                        && firstSize.X <= container.X && firstSize.Y <= container.Y && firstSize.Z <= container.Z
                        && secondAt.X + secondSize.X <= container.X && secondAt.Y + secondSize.Y <= container.Y && secondAt.Z + secondSize.Z <= container.Z
                        && !ExtremePointPacker.Overlaps([new UnitPlacement(0, 0, 0, 0, firstSize.X, firstSize.Y, firstSize.Z)], secondAt, secondSize));
                return (fits == BruteForcePair(first, second, container)) && witnessValid;
            });

    [FsCheck.Xunit.Property(MaxTest = 400)]
    public Property TryPack_EitherRule_PlacesUnitsInsideWithoutOverlap() =>
        Prop.ForAll(
            (from count in Gen.Choose(1, 25)
             from extents in Gen.ArrayOf(SmallExtents(40), count)
             from container in Containers(20, 80)
             from rule in Gen.Elements(PlacementRule.FirstFit, PlacementRule.MostContact)
             select (extents, container, rule)).ToArbitrary(),
            input =>
            {
                var (extents, container, rule) = input;
                var units = extents.Select((e, i) => new PackUnit(i, e)).ToArray();
                var placements = new UnitPlacement[units.Length];
                var points = new Point3[ExtremePointPacker.PointCapacity(units.Length)];
                if (!ExtremePointPacker.TryPack(units, container, rule, placements, points))
                {
                    return true.Classify(true, "no packing found");
                }

                for (var i = 0; i < placements.Length; i++)
                {
                    var p = placements[i];
                    var at = new Point3(p.X, p.Y, p.Z);
                    var size = new Point3(p.SizeX, p.SizeY, p.SizeZ);
                    if (p.X < 0 || p.Y < 0 || p.Z < 0 || p.X + p.SizeX > container.X || p.Y + p.SizeY > container.Y || p.Z + p.SizeZ > container.Z
                        || !IsRotationOf(extents[p.ItemIndex], p.SizeX, p.SizeY, p.SizeZ)
                        || ExtremePointPacker.Overlaps(placements.AsSpan(0, i), at, size))
                    {
                        return false.Label($"placement {i}: {p}");
                    }
                }

                return true.Classify(true, "packed");
            });

    [Fact]
    public void Rotations_AreDistinctAndFlatFirst()
    {
        Assert.Equal(6, RotationsOf(new Extent(3, 2, 1)).Distinct().Count());
        Assert.Equal(3, RotationsOf(new Extent(2, 2, 1)).Distinct().Count());
        Assert.Equal(3, RotationsOf(new Extent(2, 1, 1)).Distinct().Count());
        Assert.Single(RotationsOf(new Extent(2, 2, 2)));
        Assert.Equal(new Point3(3, 2, 1), RotationsOf(new Extent(3, 2, 1))[0]);
    }

    [Fact]
    public void PackingGrid_RoundsItemsUpAndBoxesDown()
    {
        Assert.Equal(100_001L, PackingGrid.ItemSide(10.00001m));
        Assert.Equal(100_000L, PackingGrid.BoxSide(10.00009m));
        Assert.Equal(new Extent(250_000, 180_000, 80_000), PackingGrid.ItemExtent(new Dimensions(8m, 25m, 18m)));
    }

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property AppendNumber_WritesWhatTheCustomFormatWrites() =>
        Prop.ForAll(
            (from units in Gen.Choose(0, 1_000_000)
             from fraction in Gen.Choose(0, 99_999)
             from scale in Gen.Choose(0, 5)
             from decimals in Gen.Elements(2, 3)
             select (Value: units + decimal.Round(fraction / 100_000m, scale), Decimals: decimals)).ToArbitrary(),
            input =>
            {
                var text = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture);
                ParcelExplanations.AppendNumber(ref text, input.Value, input.Decimals);
                var expected = input.Value.ToString(input.Decimals == 2 ? "0.##" : "0.###", CultureInfo.InvariantCulture);
                var actual = text.ToStringAndClear();
                return (actual == expected).Label($"{actual} != {expected}");
            });
}
