namespace Returns.Sdk.Parcels.Internal;

/// <summary>
/// Whether two units fit a container together, decided exactly: two boxes that do not overlap are apart along at
/// least one axis, so they fit exactly when, in some rotations, both fit the container and their sides along one
/// axis add up to no more than the container's.
/// </summary>
internal static class PairFit
{
    /// <summary>Finds rotations and an axis that put the two units side by side in the container.</summary>
    /// <param name="first">The first unit's sides.</param>
    /// <param name="second">The second unit's sides.</param>
    /// <param name="container">The container's sides.</param>
    /// <param name="firstSize">The first unit's size along X, Y and Z; it sits at the origin.</param>
    /// <param name="secondAt">Where the second unit sits.</param>
    /// <param name="secondSize">The second unit's size along X, Y and Z.</param>
    /// <returns>True when they fit together.</returns>
    public static bool TryFit(Extent first, Extent second, Point3 container, out Point3 firstSize, out Point3 secondAt, out Point3 secondSize)
    {
        Span<Point3> firstRotations = stackalloc Point3[6];
        Span<Point3> secondRotations = stackalloc Point3[6];
        var firstCount = Fitting(first, container, firstRotations);
        var secondCount = Fitting(second, container, secondRotations);
        foreach (var a in firstRotations[..firstCount])
        {
            foreach (var b in secondRotations[..secondCount])
            {
                if (a.Z + b.Z <= container.Z)
                {
                    (firstSize, secondAt, secondSize) = (a, new Point3(0, 0, a.Z), b);
                    return true;
                }

                if (a.Y + b.Y <= container.Y)
                {
                    (firstSize, secondAt, secondSize) = (a, new Point3(0, a.Y, 0), b);
                    return true;
                }

                if (a.X + b.X <= container.X)
                {
                    (firstSize, secondAt, secondSize) = (a, new Point3(a.X, 0, 0), b);
                    return true;
                }
            }
        }

        (firstSize, secondAt, secondSize) = (default, default, default);
        return false;
    }

    /// <summary>Finds a rotation in which one unit fits the container on its own.</summary>
    /// <param name="extent">The unit's sides.</param>
    /// <param name="container">The container's sides.</param>
    /// <param name="size">The unit's size along X, Y and Z; it sits at the origin.</param>
    /// <returns>True when it fits.</returns>
    public static bool TryFitAlone(Extent extent, Point3 container, out Point3 size)
    {
        Span<Point3> rotations = stackalloc Point3[6];
        var found = Fitting(extent, container, rotations) > 0;
        size = found ? rotations[0] : default;
        return found;
    }

    /// <summary>True when two units fit the container together.</summary>
    /// <param name="first">The first unit's sides.</param>
    /// <param name="second">The second unit's sides.</param>
    /// <param name="container">The container's sides.</param>
    /// <returns>Whether they fit.</returns>
    public static bool Fits(Extent first, Extent second, Point3 container) =>
        TryFit(first, second, container, out _, out _, out _);

    // The rotations of a unit that fit the container on their own.
    private static int Fitting(Extent extent, Point3 container, Span<Point3> rotations)
    {
        var count = ExtremePointPacker.Rotations(extent, rotations);
        var kept = 0;
        for (var r = 0; r < count; r++)
        {
            var rotation = rotations[r];
            if (rotation.X <= container.X && rotation.Y <= container.Y && rotation.Z <= container.Z)
            {
                rotations[kept++] = rotation;
            }
        }

        return kept;
    }
}
