using System.Buffers;

namespace Returns.Sdk.Geo.Internal;

// An exact nearest-neighbour index on the sphere.
//
// Every point is stored as its unit vector (x, y, z). The straight-line (chord) distance c between two unit vectors
// is 2·sin(θ/2) of the angle θ between them, which rises monotonically with the great-circle distance, so ranking by
// squared chord ranks by great-circle distance. That holds everywhere on the sphere: there is no seam at the
// antimeridian and no singularity at the poles to special-case, unlike latitude/longitude boxes.
//
// The tree is implicit: the points are reordered so that node n covering positions [lo, hi) has its children
// 2n+1 over [lo, mid) and 2n+2 over [mid, hi), mid = lo + (hi - lo) / 2, split at the median of the node's widest
// axis. All leaves sit at the same depth (the first at which no node holds more than the leaf size), so a node's
// range follows from its number and nothing but one bounding box per node is stored: no per-node objects.
//
// Pruning uses the squared distance from the query to a node's bounding box. For any point p in the box each
// per-axis difference |p - q| is at least the box's, and IEEE rounding is monotonic, so the computed box distance
// never exceeds the computed distance of a point inside it: pruning is exact in floating point too, not just on
// paper.
//
// Distances are reported as 2R·asin(c/2) (see DistanceKm), and the answer is defined by that distance and, at equal
// distance, the caller's original order. Ranking by chord agrees with ranking by reported distance except where
// two distances are equal to within rounding (duplicates, points on a ring around the query). So the search keeps
// slack: it prunes only what lies beyond the current k-th chord plus a relative 1e-9, and it remembers the nearest
// point it left out. Only when such a left-out point is within that slack of the k-th (a near tie at the boundary)
// does it collect every point up to the slack and rank them by reported distance and original order. The result is
// exactly what a brute-force scan sorted by (DistanceKm, original position) returns.
internal sealed partial class UnitSphereKdTree
{
    // Leaves end up with between half this and this many points (12 for 100,000 points, 15 for 1,000,000): a leaf's
    // coordinates span a few cache lines, and the tree stays shallow. Measured best among 3 to 24 points per leaf.
    internal const int DefaultLeafSize = 24;

    // Towards the query's antipode both asin(c/2) and haversine lose digits (their arguments approach 1), and they
    // lose different ones: up to 1e-4 km apart right at the antipode. Within about 640 km of it (angle > π - 0.1,
    // c² > 4 - 0.01) the reported distance is therefore GeoPoint.DistanceKmTo itself; elsewhere the two agree to
    // about 1e-10 km. Results that far away are rare (a sparse index, a large k), so the slower formula costs little.
    private const double NearAntipodeChordSquared = 3.99;

    private const int BoxStride = 6;

    // The points in tree order: a leaf scan reads one contiguous run.
    private readonly UnitVector[] _points;

    // Tree position -> the item's position in the caller's order.
    private readonly int[] _itemIndex;

    // The locations as given, in the caller's order (read only near a query's antipode, so never reordered).
    private readonly GeoPoint[] _locations;

    // Per node: min x, min y, min z, max x, max y, max z of the points below it, rounded outwards to float: half the
    // memory (and cache misses) of doubles, and a box that is a little larger still bounds its points exactly.
    private readonly float[] _boxes;

    private readonly int _leafDepth;

    private UnitSphereKdTree(UnitVector[] points, int[] itemIndex, GeoPoint[] locations, float[] boxes, int leafDepth)
    {
        _points = points;
        _itemIndex = itemIndex;
        _locations = locations;
        _boxes = boxes;
        _leafDepth = leafDepth;
    }

    public int Count => _itemIndex.Length;

    // Builds the tree over `locations` (in the caller's order); takes ownership of the array.
    public static UnitSphereKdTree Build(GeoPoint[] locations, int leafSize = DefaultLeafSize)
    {
        var count = locations.Length;
        var points = new UnitVector[count];
        var itemIndex = new int[count];
        for (var i = 0; i < count; i++)
        {
            points[i] = UnitVector.Of(locations[i]);
            itemIndex[i] = i;
        }

        var leafDepth = LeafDepthFor(count, leafSize);
        var boxes = new float[((2 << leafDepth) - 1) * BoxStride];
        new Builder(points, itemIndex, boxes).BuildNode(0, 0, count, leafDepth);
        return new UnitSphereKdTree(points, itemIndex, locations, boxes, leafDepth);
    }

    // A chord-squared bound that keeps every point whose reported distance is at most `radiusKm`, with the same
    // slack as the nearest search; callers then keep exactly the candidates whose distance is within the radius.
    public static double ChordSquaredBound(double radiusKm)
    {
        var angle = radiusKm / GeoPoint.EarthRadiusKm;
        if (angle >= Math.PI)
        {
            return double.PositiveInfinity;
        }

        var chord = 2d * Math.Sin(angle / 2d);
        return WithSlack(chord * chord);
    }

    // Relative 1e-9 is far above the rounding of either formula (about 1e-15) and far below anything measurable
    // (a micrometre at 1 km); the absolute 1e-24 (a chord of 1e-12, 6 µm) covers a bound of zero. Near the antipode,
    // where DistanceKmTo may be off by up to 1e-4 km, 1e-9 of a squared chord of 4 is still hundreds of metres.
    internal static double WithSlack(double chordSquared) => chordSquared + (chordSquared * 1e-9) + 1e-24;

    // The great-circle distance reported for a point whose squared chord from `from` is `chordSquared`: 2R·asin(c/2),
    // a square root and an arcsine instead of haversine's five trigonometric calls, except near the antipode.
    internal static double DistanceKm(double chordSquared, GeoPoint from, GeoPoint to) =>
        chordSquared > NearAntipodeChordSquared ? from.DistanceKmTo(to) : KmFromChordSquared(chordSquared);

    // The distance the index reports between two points, computed the way a query computes it.
    internal static double DistanceKm(GeoPoint from, GeoPoint to) =>
        DistanceKm(UnitVector.Of(to).ChordSquaredTo(UnitVector.Of(from)), from, to);

    // Writes to the start of `best` the up to best.Length points nearest to `from` that the filter accepts, whose
    // chord squared is at most `maxChordSquared` and whose distance is at most `maxKm`, ranked: Distance in
    // kilometres, nearest first, ties by original order. Returns how many.
    public int FindNearest<TFilter>(GeoPoint from, Span<Candidate> best, double maxChordSquared, double maxKm, TFilter filter)
        where TFilter : ICandidateFilter
    {
        if (Count == 0 || best.IsEmpty)
        {
            return 0;
        }

        var search = new NearestSearch<TFilter>(this, UnitVector.Of(from), best, maxChordSquared, filter);
        var found = search.Run();
        if (found < best.Length || !(search.NearestLeftOut <= WithSlack(best[0].Distance)))
        {
            return RankByDistance(from, best[..found], maxKm);
        }

        // A point left out is as near as the k-th to within rounding: rank everything up to the slack exactly.
        var near = FindWithin(from, Math.Min(WithSlack(best[0].Distance), maxChordSquared), filter, out var nearCount);
        try
        {
            var kept = Math.Min(RankByDistance(from, near.AsSpan(0, nearCount), maxKm), best.Length);
            near.AsSpan(0, kept).CopyTo(best);
            return kept;
        }
        finally
        {
            ArrayPool<Candidate>.Shared.Return(near);
        }
    }

    // Every point with chord squared at most `maxChordSquared` that the filter accepts, unranked, in a buffer rented
    // from ArrayPool<Candidate>.Shared that the caller returns; `found` says how many are valid.
    public Candidate[] FindWithin<TFilter>(GeoPoint from, double maxChordSquared, TFilter filter, out int found)
        where TFilter : ICandidateFilter
    {
        var search = new WithinSearch<TFilter>(this, UnitVector.Of(from), maxChordSquared, filter);
        return search.Run(out found);
    }

    // Replaces each candidate's chord with its distance in kilometres, drops those beyond `maxKm`, and sorts nearest
    // first (ties by original order). Returns how many remain.
    public int RankByDistance(GeoPoint from, Span<Candidate> candidates, double maxKm)
    {
        var kept = 0;
        for (var i = 0; i < candidates.Length; i++)
        {
            var candidate = candidates[i];
            // Same as DistanceKm, but the location is read only when it is needed.
            candidate.Distance = candidate.Distance > NearAntipodeChordSquared
                ? from.DistanceKmTo(_locations[candidate.ItemIndex])
                : KmFromChordSquared(candidate.Distance);
            if (candidate.Distance <= maxKm)
            {
                candidates[kept++] = candidate;
            }
        }

        CandidateSorting.SortNearestFirst(candidates[..kept]);
        return kept;
    }

    private static double KmFromChordSquared(double chordSquared) =>
        2d * GeoPoint.EarthRadiusKm * Math.Asin(Math.Sqrt(chordSquared) / 2d);

    // Halving the range at every level gives nodes of floor or ceil of count / 2^depth points, so the first depth
    // whose ceiling fits a leaf makes every node at that depth a leaf.
    internal static int LeafDepthFor(int count, int leafSize)
    {
        var depth = 0;
        while (((count - 1L) >> depth) + 1 > leafSize)
        {
            depth++;
        }

        return depth;
    }

    private static double BoxDistanceSquared(float[] boxes, int node, in UnitVector query)
    {
        // The same operand order as UnitVector.ChordSquaredTo (x, then y, then z), so rounding cannot make a box
        // look farther than a point inside it.
        var box = boxes.AsSpan(node * BoxStride, BoxStride);
        var distance = 0d;
        var below = box[0] - query.X;
        var above = query.X - box[3];
        distance += below > 0d ? below * below : above > 0d ? above * above : 0d;
        below = box[1] - query.Y;
        above = query.Y - box[4];
        distance += below > 0d ? below * below : above > 0d ? above * above : 0d;
        below = box[2] - query.Z;
        above = query.Z - box[5];
        distance += below > 0d ? below * below : above > 0d ? above * above : 0d;
        return distance;
    }
}

