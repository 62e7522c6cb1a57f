namespace Returns.Sdk.Parcels.Internal;

/// <summary>One unit to pack: which item it belongs to and its sides on the grid.</summary>
internal readonly record struct PackUnit(int ItemIndex, Extent Extent);

/// <summary>A corner or a size on the grid.</summary>
internal readonly record struct Point3(long X, long Y, long Z);

/// <summary>How the packer picks among the corners and rotations where the next unit fits.</summary>
internal enum PlacementRule
{
    /// <summary>The lowest, then rearmost, then leftmost corner; lying flat and lengthwise first. Fast; good for loose fits.</summary>
    FirstFit,

    /// <summary>The corner and rotation touching the most wall and neighbour area. Slower; good for tight fits.</summary>
    MostContact,
}

/// <summary>
/// A deterministic extreme-point heuristic for placing boxes in a container (after Crainic, Perboli and Tadei's
/// extreme points): units go, in the order given, to a candidate corner where one of their six axis rotations fits,
/// chosen by a <see cref="PlacementRule"/>. Candidate corners are the three far corners of every placed unit and
/// their projections onto the walls and the units below or behind them.
/// </summary>
/// <remarks>
/// Every placement is checked against the container and against every unit already placed, so a success is a
/// valid packing whatever the candidates were. A failure only means this order, rule and set of corners found none.
/// </remarks>
internal static class ExtremePointPacker
{
    /// <summary>How many candidate corners packing <paramref name="unitCount"/> units can hold at once.</summary>
    public static int PointCapacity(int unitCount) => 1 + (9 * unitCount);

    /// <summary>Places every unit in a container.</summary>
    /// <param name="units">The units, in the order to place them.</param>
    /// <param name="container">The container's sides along X, Y and Z (up).</param>
    /// <param name="rule">How to choose among the places a unit fits.</param>
    /// <param name="placements">Receives one placement per unit, in the order of <paramref name="units"/>.</param>
    /// <param name="points">Scratch space of at least <see cref="PointCapacity(int)"/> points.</param>
    /// <returns>True when every unit was placed.</returns>
    public static bool TryPack(ReadOnlySpan<PackUnit> units, Point3 container, PlacementRule rule, Span<UnitPlacement> placements, Span<Point3> points)
    {
        Span<Point3> rotations = stackalloc Point3[6];
        points[0] = default;
        var pointCount = 1;
        for (var k = 0; k < units.Length; k++)
        {
            var rotationCount = Rotations(units[k].Extent, rotations);
            var placed = placements[..k];
            if (!TryChoose(placed, points[..pointCount], rotations[..rotationCount], container, rule, out var chosenPoint, out var size))
            {
                return false;
            }

            var corner = points[chosenPoint];
            var unit = new UnitPlacement(units[k].ItemIndex, corner.X, corner.Y, corner.Z, size.X, size.Y, size.Z);
            placements[k] = unit;
            pointCount = RemoveCovered(points[..pointCount], unit);
            var all = placements[..(k + 1)];

            var right = new Point3(unit.X + unit.SizeX, unit.Y, unit.Z);
            Add(points, ref pointCount, right, all, container);
            Add(points, ref pointCount, right with { Y = ProjectY(all, right) }, all, container);
            Add(points, ref pointCount, right with { Z = ProjectZ(all, right) }, all, container);

            var behind = new Point3(unit.X, unit.Y + unit.SizeY, unit.Z);
            Add(points, ref pointCount, behind, all, container);
            Add(points, ref pointCount, behind with { X = ProjectX(all, behind) }, all, container);
            Add(points, ref pointCount, behind with { Z = ProjectZ(all, behind) }, all, container);

            var above = new Point3(unit.X, unit.Y, unit.Z + unit.SizeZ);
            Add(points, ref pointCount, above, all, container);
            Add(points, ref pointCount, above with { X = ProjectX(all, above) }, all, container);
            Add(points, ref pointCount, above with { Y = ProjectY(all, above) }, all, container);
        }

        return true;
    }

    /// <summary>True when a unit of <paramref name="size"/> at <paramref name="at"/> would share volume with a placed one.</summary>
    public static bool Overlaps(ReadOnlySpan<UnitPlacement> placed, Point3 at, Point3 size)
    {
        // Newest first: a blocked corner is usually blocked by a recent neighbour.
        for (var i = placed.Length - 1; i >= 0; i--)
        {
            var q = placed[i];
            if (at.X < q.X + q.SizeX && q.X < at.X + size.X
                && at.Y < q.Y + q.SizeY && q.Y < at.Y + size.Y
                && at.Z < q.Z + q.SizeZ && q.Z < at.Z + size.Z)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The distinct axis rotations of an extent: lying flat (shortest side up) first, longest side along X first.</summary>
    public static int Rotations(Extent extent, Span<Point3> rotations)
    {
        var (a, b, c) = (extent.Longest, extent.Middle, extent.Shortest);
        rotations[0] = new Point3(a, b, c);
        if (a == b && b == c)
        {
            return 1;
        }

        if (a == b)
        {
            rotations[1] = new Point3(a, c, b);
            rotations[2] = new Point3(c, a, b);
            return 3;
        }

        if (b == c)
        {
            rotations[1] = new Point3(b, a, c);
            rotations[2] = new Point3(b, c, a);
            return 3;
        }

        rotations[1] = new Point3(b, a, c);
        rotations[2] = new Point3(a, c, b);
        rotations[3] = new Point3(c, a, b);
        rotations[4] = new Point3(b, c, a);
        rotations[5] = new Point3(c, b, a);
        return 6;
    }

    private static bool TryChoose(
        ReadOnlySpan<UnitPlacement> placed,
        ReadOnlySpan<Point3> points,
        ReadOnlySpan<Point3> rotations,
        Point3 container,
        PlacementRule rule,
        out int chosenPoint,
        out Point3 size)
    {
        chosenPoint = -1;
        size = default;
        var bestContact = -1L;
        for (var p = 0; p < points.Length; p++)
        {
            var at = points[p];
            foreach (var rotation in rotations)
            {
                if (at.X + rotation.X > container.X || at.Y + rotation.Y > container.Y || at.Z + rotation.Z > container.Z
                    || Overlaps(placed, at, rotation))
                {
                    continue;
                }

                if (rule == PlacementRule.FirstFit)
                {
                    chosenPoint = p;
                    size = rotation;
                    return true;
                }

                // Ties keep the earlier corner and rotation, so the choice is deterministic.
                var contact = Contact(placed, at, rotation, container);
                if (contact > bestContact)
                {
                    bestContact = contact;
                    chosenPoint = p;
                    size = rotation;
                }
            }
        }

        return chosenPoint >= 0;
    }

    // The area a unit at `at` would share with the container's walls and with the faces of placed units.
    private static long Contact(ReadOnlySpan<UnitPlacement> placed, Point3 at, Point3 size, Point3 container)
    {
        var endX = at.X + size.X;
        var endY = at.Y + size.Y;
        var endZ = at.Z + size.Z;
        var contact = 0L;
        contact += ((at.X == 0 ? 1 : 0) + (endX == container.X ? 1 : 0)) * size.Y * size.Z;
        contact += ((at.Y == 0 ? 1 : 0) + (endY == container.Y ? 1 : 0)) * size.X * size.Z;
        contact += ((at.Z == 0 ? 1 : 0) + (endZ == container.Z ? 1 : 0)) * size.X * size.Y;
        foreach (var q in placed)
        {
            var overlapX = Math.Min(endX, q.X + q.SizeX) - Math.Max(at.X, q.X);
            var overlapY = Math.Min(endY, q.Y + q.SizeY) - Math.Max(at.Y, q.Y);
            var overlapZ = Math.Min(endZ, q.Z + q.SizeZ) - Math.Max(at.Z, q.Z);
            if (overlapY > 0 && overlapZ > 0 && (at.X == q.X + q.SizeX || endX == q.X))
            {
                contact += overlapY * overlapZ;
            }

            if (overlapX > 0 && overlapZ > 0 && (at.Y == q.Y + q.SizeY || endY == q.Y))
            {
                contact += overlapX * overlapZ;
            }

            if (overlapX > 0 && overlapY > 0 && (at.Z == q.Z + q.SizeZ || endZ == q.Z))
            {
                contact += overlapX * overlapY;
            }
        }

        return contact;
    }

    // Removes the corners a newly placed unit occupies; no unit of positive size can start inside another.
    private static int RemoveCovered(Span<Point3> points, UnitPlacement unit)
    {
        var kept = 0;
        foreach (var point in points)
        {
            if (!Contains(unit, point))
            {
                points[kept++] = point;
            }
        }

        return kept;
    }

    private static void Add(Span<Point3> points, ref int count, Point3 point, ReadOnlySpan<UnitPlacement> placed, Point3 container)
    {
        if (point.X >= container.X || point.Y >= container.Y || point.Z >= container.Z)
        {
            return;
        }

        foreach (var q in placed)
        {
            if (Contains(q, point))
            {
                return;
            }
        }

        // Kept sorted lowest, then rearmost, then leftmost, so the first corner that fits is the preferred one.
        var index = 0;
        while (index < count && Compare(points[index], point) < 0)
        {
            index++;
        }

        if (index < count && points[index] == point)
        {
            return;
        }

        points[index..count].CopyTo(points[(index + 1)..]);
        points[index] = point;
        count++;
    }

    private static int Compare(Point3 left, Point3 right) =>
        left.Z != right.Z ? left.Z.CompareTo(right.Z)
        : left.Y != right.Y ? left.Y.CompareTo(right.Y)
        : left.X.CompareTo(right.X);

    private static bool Contains(UnitPlacement q, Point3 point) =>
        point.X >= q.X && point.X < q.X + q.SizeX
        && point.Y >= q.Y && point.Y < q.Y + q.SizeY
        && point.Z >= q.Z && point.Z < q.Z + q.SizeZ;

    // The nearest face at or before the point along -X among units whose Y and Z spans hold the point; 0 is the wall.
    private static long ProjectX(ReadOnlySpan<UnitPlacement> placed, Point3 point)
    {
        var x = 0L;
        foreach (var q in placed)
        {
            var face = q.X + q.SizeX;
            if (face <= point.X && face > x && point.Y >= q.Y && point.Y < q.Y + q.SizeY && point.Z >= q.Z && point.Z < q.Z + q.SizeZ)
            {
                x = face;
            }
        }

        return x;
    }

    private static long ProjectY(ReadOnlySpan<UnitPlacement> placed, Point3 point)
    {
        var y = 0L;
        foreach (var q in placed)
        {
            var face = q.Y + q.SizeY;
            if (face <= point.Y && face > y && point.X >= q.X && point.X < q.X + q.SizeX && point.Z >= q.Z && point.Z < q.Z + q.SizeZ)
            {
                y = face;
            }
        }

        return y;
    }

    private static long ProjectZ(ReadOnlySpan<UnitPlacement> placed, Point3 point)
    {
        var z = 0L;
        foreach (var q in placed)
        {
            var face = q.Z + q.SizeZ;
            if (face <= point.Z && face > z && point.X >= q.X && point.X < q.X + q.SizeX && point.Y >= q.Y && point.Y < q.Y + q.SizeY)
            {
                z = face;
            }
        }

        return z;
    }
}
