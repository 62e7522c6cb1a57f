using System.Buffers;
using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using Returns.Sdk.Geo.Internal;

namespace Returns.Sdk.Geo;

/// <summary>
/// An exact spatial index over items with a location: the k nearest items to a point, or every item within a
/// radius, by great-circle distance, anywhere on earth (across the antimeridian, at the poles).
/// </summary>
/// <remarks>
/// <para>
/// Answers are exact: the same items as a brute-force scan over every item, nearest first, items at equal distance
/// in the order they were given. Distances are great-circle kilometres on <see cref="GeoPoint.EarthRadiusKm"/> and
/// agree with <see cref="GeoPoint.DistanceKmTo(GeoPoint)"/> to within 1e-9 km, so a scan with that method gives the
/// same answer up to items whose distances differ by less than that. Points are kept as unit vectors in a k-d tree,
/// so a query among 100,000 points typically looks at a few dozen of them.
/// </para>
/// <para>
/// The index is immutable once built and safe for any number of concurrent queries. A filter is called only for
/// items near enough to make the answer, possibly more than once for the same item, so it should be a cheap, pure
/// predicate; a filter that rejects most items makes a query look at more points.
/// </para>
/// </remarks>
/// <typeparam name="T">The indexed item type, e.g. a drop-off point or a store.</typeparam>
public sealed class GeoIndex<T>
{
    // Candidates for up to this many results live on the stack (16 bytes each); more are rented from the pool.
    private const int StackCandidates = 64;

    private readonly T[] _items;
    private readonly UnitSphereKdTree _tree;

    private GeoIndex(T[] items, UnitSphereKdTree tree)
    {
        _items = items;
        _tree = tree;
        Items = new ReadOnlyCollection<T>(items);
    }

    /// <summary>The number of indexed items.</summary>
    public int Count => _items.Length;

    /// <summary>The indexed items, in the order they were given to <see cref="Build"/>.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>Builds an index over a copy of <paramref name="items"/>.</summary>
    /// <param name="items">The items to index; enumerated once. Later changes to the source do not affect the index.</param>
    /// <param name="locationOf">Where each item is; called once per item while building.</param>
    /// <returns>The index.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> or <paramref name="locationOf"/> is null.</exception>
    [SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "The factory is the type's entry point; T is always inferred from the items.")]
    public static GeoIndex<T> Build(IEnumerable<T> items, Func<T, GeoPoint> locationOf)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(locationOf);

        var copy = items.ToArray();
        var locations = new GeoPoint[copy.Length];
        for (var i = 0; i < copy.Length; i++)
        {
            locations[i] = locationOf(copy[i]);
        }

        return new GeoIndex<T>(copy, UnitSphereKdTree.Build(locations));
    }

    /// <summary>The <paramref name="k"/> items nearest to a point, nearest first.</summary>
    /// <param name="from">The point to measure from.</param>
    /// <param name="k">How many items at most; above zero. Fewer come back when fewer items (pass the filter).</param>
    /// <param name="filter">Only items for which this returns <see langword="true"/>, when given.</param>
    /// <returns>The nearest items with their distances; items at equal distance in the order they were given.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is zero or negative.</exception>
    public IReadOnlyList<GeoNeighbor<T>> Nearest(GeoPoint from, int k, Func<T, bool>? filter = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        return NearestList(from, Math.Min(k, Count), double.PositiveInfinity, filter);
    }

    /// <summary>
    /// Writes the items nearest to a point into <paramref name="destination"/>, nearest first, without allocating.
    /// </summary>
    /// <param name="from">The point to measure from.</param>
    /// <param name="destination">Receives up to <c>destination.Length</c> nearest items; its length is the k.</param>
    /// <param name="filter">Only items for which this returns <see langword="true"/>, when given.</param>
    /// <returns>
    /// How many items were written to the start of <paramref name="destination"/>: its length, or fewer when fewer
    /// items (pass the filter). Zero for an empty destination.
    /// </returns>
    public int Nearest(GeoPoint from, Span<GeoNeighbor<T>> destination, Func<T, bool>? filter = null) =>
        NearestInto(from, destination[..Math.Min(destination.Length, Count)], double.PositiveInfinity, filter);

    /// <summary>Every item within a great-circle distance of a point, nearest first.</summary>
    /// <param name="from">The point to measure from.</param>
    /// <param name="radiusKm">
    /// The distance in kilometres, inclusive: an item counts when its reported distance is at most this. Zero finds
    /// items at the point itself; half the earth's circumference or more finds every item.
    /// </param>
    /// <param name="limit">The nearest this many at most, when given; above zero.</param>
    /// <param name="filter">Only items for which this returns <see langword="true"/>, when given.</param>
    /// <returns>The items with their distances; items at equal distance in the order they were given.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="radiusKm"/> is negative or not a number, or <paramref name="limit"/> is zero or negative.
    /// </exception>
    public IReadOnlyList<GeoNeighbor<T>> WithinRadius(GeoPoint from, double radiusKm, int? limit = null, Func<T, bool>? filter = null)
    {
        if (!(radiusKm >= 0d))
        {
            throw new ArgumentOutOfRangeException(nameof(radiusKm), radiusKm, "The radius must be zero or more kilometres.");
        }

        if (limit is { } requested)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requested, nameof(limit));
        }

        if (Count == 0)
        {
            return [];
        }

        return limit is { } most
            ? NearestList(from, Math.Min(most, Count), radiusKm, filter)
            : AllWithin(from, radiusKm, filter);
    }

    private GeoNeighbor<T>[] NearestList(GeoPoint from, int capacity, double radiusKm, Func<T, bool>? filter)
    {
        if (capacity == 0)
        {
            return [];
        }

        var result = new GeoNeighbor<T>[capacity];
        var found = NearestInto(from, result, radiusKm, filter);
        return found == capacity ? result : result[..found];
    }

    // Writes the answer, nearest first, to the start of `destination` (at most Count long); returns how many.
    private int NearestInto(GeoPoint from, Span<GeoNeighbor<T>> destination, double radiusKm, Func<T, bool>? filter)
    {
        if (destination.IsEmpty)
        {
            return 0;
        }

        Candidate[]? rented = null;
        Span<Candidate> candidates = destination.Length <= StackCandidates
            ? stackalloc Candidate[destination.Length]
            : (rented = ArrayPool<Candidate>.Shared.Rent(destination.Length));
        try
        {
            candidates = candidates[..destination.Length];
            var bound = UnitSphereKdTree.ChordSquaredBound(radiusKm);
            var found = filter is null
                ? _tree.FindNearest(from, candidates, bound, radiusKm, default(AcceptAll))
                : _tree.FindNearest(from, candidates, bound, radiusKm, new ItemPredicate<T>(_items, filter));
            CopyResults(candidates[..found], destination);
            return found;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<Candidate>.Shared.Return(rented);
            }
        }
    }

    private GeoNeighbor<T>[] AllWithin(GeoPoint from, double radiusKm, Func<T, bool>? filter)
    {
        var bound = UnitSphereKdTree.ChordSquaredBound(radiusKm);
        int found;
        var candidates = filter is null
            ? _tree.FindWithin(from, bound, default(AcceptAll), out found)
            : _tree.FindWithin(from, bound, new ItemPredicate<T>(_items, filter), out found);
        try
        {
            var kept = _tree.RankByDistance(from, candidates.AsSpan(0, found), radiusKm);
            var result = new GeoNeighbor<T>[kept];
            CopyResults(candidates.AsSpan(0, kept), result);
            return result;
        }
        finally
        {
            ArrayPool<Candidate>.Shared.Return(candidates);
        }
    }

    private void CopyResults(ReadOnlySpan<Candidate> ranked, Span<GeoNeighbor<T>> destination)
    {
        for (var i = 0; i < ranked.Length; i++)
        {
            destination[i] = new GeoNeighbor<T>(_items[ranked[i].ItemIndex], ranked[i].Distance);
        }
    }
}
