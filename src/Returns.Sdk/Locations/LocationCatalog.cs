using System.Buffers;
using System.Collections.ObjectModel;
using Returns.Sdk.Carriers;
using Returns.Sdk.Csv;
using Returns.Sdk.Geo;
using Returns.Sdk.Locations.Internal;

namespace Returns.Sdk.Locations;

/// <summary>
/// The places a customer can take a return to: carriers' post offices, parcel lockers, pickup points and mailboxes,
/// and the retailer's own stores, with exact nearest-first search by great-circle distance. Read one from CSV or
/// GeoJSON (formats: <c>docs/formats/locations.md</c>) or build one from <see cref="DropOffPoint"/>s.
/// </summary>
/// <remarks>
/// The catalog keeps one spatial index over every location and one per carrier and kind, so a filtered query only
/// searches matching locations; a filter on kind or carrier alone merges the matching indexes' answers. Answers are
/// exactly those of a brute-force scan: nearest first, equal distances in catalog order. Immutable and safe for any
/// number of concurrent queries.
/// </remarks>
public sealed class LocationCatalog
{
    /// <summary>The carrier id of the retailer's own stores: what a <c>store</c> row without a carrier gets.</summary>
    public const string RetailerCarrierId = "";

    // Three buffers of this many neighbours (16 bytes each) fit on the stack; larger queries rent from the pool.
    private const int StackNeighbors = 32;

    private readonly DropOffPoint[] _points;
    private readonly Dictionary<string, int> _positions;
    private readonly LocationPartitions _partitions;

    /// <summary>Builds a catalog.</summary>
    /// <param name="locations">
    /// The locations, in the order equal distances are answered in. Their <see cref="DropOffPoint.DistanceKm"/> is
    /// dropped: distances come with each answer.
    /// </param>
    /// <exception cref="ArgumentException">A location is null, or two share an id (ordinal).</exception>
    public LocationCatalog(IEnumerable<DropOffPoint> locations)
    {
        ArgumentNullException.ThrowIfNull(locations);
        var points = locations.ToArray();
        _positions = new Dictionary<string, int>(points.Length, StringComparer.Ordinal);
        for (var i = 0; i < points.Length; i++)
        {
            var point = points[i] ?? throw new ArgumentException($"The location at position {i} is null.", nameof(locations));
            if (!_positions.TryAdd(point.Id, i))
            {
                throw new ArgumentException($"Two locations have the id '{point.Id}' (positions {_positions[point.Id]} and {i}); ids must be unique.", nameof(locations));
            }

            if (point.DistanceKm is not null)
            {
                points[i] = point with { DistanceKm = null };
            }
        }

        _points = points;
        _partitions = new LocationPartitions(points);
        Locations = new ReadOnlyCollection<DropOffPoint>(points);
    }

    // For readers that have already checked ids and set no distances.
    private LocationCatalog(DropOffPoint[] points, Dictionary<string, int> positions)
    {
        _points = points;
        _positions = positions;
        _partitions = new LocationPartitions(points);
        Locations = new ReadOnlyCollection<DropOffPoint>(points);
    }

    /// <summary>A catalog without locations.</summary>
    public static LocationCatalog Empty { get; } = new([], new Dictionary<string, int>(StringComparer.Ordinal));

    /// <summary>How many locations the catalog holds.</summary>
    public int Count => _points.Length;

    /// <summary>Every location, in catalog order.</summary>
    public IReadOnlyList<DropOffPoint> Locations { get; }

    /// <summary>Finds a location by id (ordinal, case-sensitive).</summary>
    /// <param name="id">The location's id.</param>
    /// <returns>The location, or <see langword="null"/>.</returns>
    public DropOffPoint? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _positions.TryGetValue(id, out var position) ? _points[position] : null;
    }

    /// <summary>The <paramref name="k"/> locations nearest to a point, nearest first.</summary>
    /// <param name="from">Where the customer is.</param>
    /// <param name="k">How many at most; above zero.</param>
    /// <param name="filter">Only matching locations, when given.</param>
    /// <returns>The locations with their great-circle distances; equal distances in catalog order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is zero or negative.</exception>
    public IReadOnlyList<GeoNeighbor<DropOffPoint>> Nearest(GeoPoint from, int k, LocationFilter? filter = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        var result = new GeoNeighbor<DropOffPoint>[Math.Min(k, Count)];
        var found = Nearest(from, result, filter);
        return found == result.Length ? result : result[..found];
    }

    /// <summary>
    /// Writes the locations nearest to a point into <paramref name="destination"/>, nearest first, without allocating.
    /// </summary>
    /// <param name="from">Where the customer is.</param>
    /// <param name="destination">Receives up to <c>destination.Length</c> locations; its length is the k.</param>
    /// <param name="filter">Only matching locations, when given.</param>
    /// <returns>How many locations were written to the start of <paramref name="destination"/>.</returns>
    public int Nearest(GeoPoint from, Span<GeoNeighbor<DropOffPoint>> destination, LocationFilter? filter = null)
    {
        var k = Math.Min(destination.Length, Count);
        var partitions = _partitions.Select(filter);
        if (k == 0 || partitions.IsEmpty)
        {
            return 0;
        }

        GeoNeighbor<int>[]? rented = null;
        var buffer = k <= StackNeighbors
            ? stackalloc GeoNeighbor<int>[3 * StackNeighbors]
            : (rented = ArrayPool<GeoNeighbor<int>>.Shared.Rent(3 * k));
        try
        {
            var best = buffer[..k];
            var found = partitions[0].Nearest(from, best);
            if (partitions.Length > 1)
            {
                var candidates = buffer.Slice(k, k);
                var merged = buffer.Slice(2 * k, k);
                for (var p = 1; p < partitions.Length; p++)
                {
                    var count = partitions[p].Nearest(from, candidates);
                    if (count == 0 || (found == k && !IsCloser(candidates[0], best[k - 1])))
                    {
                        continue;
                    }

                    found = Merge(best[..found], candidates[..count], merged);
                    var swap = best;
                    best = merged;
                    merged = swap;
                }
            }

            for (var i = 0; i < found; i++)
            {
                destination[i] = new GeoNeighbor<DropOffPoint>(_points[best[i].Item], best[i].DistanceKm);
            }

            return found;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<GeoNeighbor<int>>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Every location within a great-circle distance of a point, nearest first.</summary>
    /// <param name="from">Where the customer is.</param>
    /// <param name="radiusKm">The distance in kilometres, inclusive; zero or more.</param>
    /// <param name="limit">The nearest this many at most, when given; above zero.</param>
    /// <param name="filter">Only matching locations, when given.</param>
    /// <returns>The locations with their distances; equal distances in catalog order.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="radiusKm"/> is negative or not a number, or <paramref name="limit"/> is zero or negative.
    /// </exception>
    public IReadOnlyList<GeoNeighbor<DropOffPoint>> WithinRadius(GeoPoint from, double radiusKm, int? limit = null, LocationFilter? filter = null)
    {
        if (!(radiusKm >= 0d))
        {
            throw new ArgumentOutOfRangeException(nameof(radiusKm), radiusKm, "The radius must be zero or more kilometres.");
        }

        if (limit is { } most)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(most, nameof(limit));
        }

        var partitions = _partitions.Select(filter);
        var found = new List<GeoNeighbor<int>>();
        foreach (var partition in partitions)
        {
            found.AddRange(partition.WithinRadius(from, radiusKm, limit));
        }

        if (partitions.Length > 1)
        {
            found.Sort(static (a, b) => IsCloser(a, b) ? -1 : IsCloser(b, a) ? 1 : 0);
        }

        var count = limit is { } cap ? Math.Min(cap, found.Count) : found.Count;
        var result = new GeoNeighbor<DropOffPoint>[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = new GeoNeighbor<DropOffPoint>(_points[found[i].Item], found[i].DistanceKm);
        }

        return result;
    }

    /// <summary>Reads a catalog from UTF-8 CSV (format: <c>docs/formats/locations.md</c>), streaming.</summary>
    /// <param name="utf8Csv">The CSV, read to its end and left open.</param>
    /// <param name="options">Error handling and progress; <see cref="CsvReadOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The catalog and, with <see cref="CsvErrorHandling.SkipAndReport"/>, the errors of skipped rows.</returns>
    /// <exception cref="ReturnsValidationException">
    /// The header is wrong, the text is not UTF-8, or (fail-fast) a row is bad; every error names its source, line,
    /// field number and column name.
    /// </exception>
    public static Task<CsvReadResult<LocationCatalog>> LoadCsvAsync(Stream utf8Csv, CsvReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Csv);
        options ??= CsvReadOptions.Default;
        return new LocationCsvReader(options, options.Source).ReadAsync(utf8Csv, cancellationToken);
    }

    /// <summary>
    /// Reads a catalog from a UTF-8 GeoJSON FeatureCollection of Point features (format:
    /// <c>docs/formats/locations.md</c>), streaming one feature at a time.
    /// </summary>
    /// <param name="utf8Json">The GeoJSON, read to its end and left open.</param>
    /// <param name="options">
    /// Error handling and progress (records are features, lines are lines of the JSON text);
    /// <see cref="CsvReadOptions.Default"/> when <see langword="null"/>.
    /// </param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The catalog and, with <see cref="CsvErrorHandling.SkipAndReport"/>, the errors of skipped features.</returns>
    /// <exception cref="ReturnsValidationException">
    /// The JSON is malformed or not a FeatureCollection, or (fail-fast) a feature is bad; every error names its source,
    /// JSON path, line and column (bytes in the line).
    /// </exception>
    public static Task<CsvReadResult<LocationCatalog>> LoadGeoJsonAsync(Stream utf8Json, CsvReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        options ??= CsvReadOptions.Default;
        return new LocationGeoJsonReader(options, options.Source).ReadAsync(utf8Json, cancellationToken);
    }

    /// <summary>
    /// Reads a catalog from a file: CSV for <c>.csv</c>, GeoJSON for <c>.geojson</c> and <c>.json</c> (case-insensitive).
    /// </summary>
    /// <param name="path">The file's path; it names the source in errors unless <see cref="CsvReadOptions.Source"/> is set.</param>
    /// <param name="options">Error handling and progress; <see cref="CsvReadOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The catalog and, with <see cref="CsvErrorHandling.SkipAndReport"/>, the errors of skipped rows.</returns>
    /// <exception cref="ArgumentException">The file's extension is none of those.</exception>
    /// <exception cref="ReturnsValidationException">The file is malformed, or (fail-fast) a row is bad.</exception>
    public static async Task<CsvReadResult<LocationCatalog>> LoadFileAsync(string path, CsvReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var extension = Path.GetExtension(path);
        var isCsv = extension.Equals(".csv", StringComparison.OrdinalIgnoreCase);
        if (!isCsv && !extension.Equals(".geojson", StringComparison.OrdinalIgnoreCase) && !extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"'{path}' is neither .csv nor .geojson/.json; name the file by its format.", nameof(path));
        }

        options ??= CsvReadOptions.Default;
        var source = options.Source ?? path;
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            return isCsv
                ? await new LocationCsvReader(options, source).ReadAsync(stream, cancellationToken).ConfigureAwait(false)
                : await new LocationGeoJsonReader(options, source).ReadAsync(stream, cancellationToken).ConfigureAwait(false);
        }
    }

    internal static LocationCatalog FromChecked(DropOffPoint[] points, Dictionary<string, int> positions) => new(points, positions);

    // Nearer first; at equal distance, earlier in the catalog first.
    private static bool IsCloser(GeoNeighbor<int> a, GeoNeighbor<int> b) =>
        a.DistanceKm < b.DistanceKm || (a.DistanceKm == b.DistanceKm && a.Item < b.Item);

    // Merges two nearest-first runs into `into`, keeping as many as fit; returns how many.
    private static int Merge(ReadOnlySpan<GeoNeighbor<int>> left, ReadOnlySpan<GeoNeighbor<int>> right, Span<GeoNeighbor<int>> into)
    {
        int l = 0, r = 0, n = 0;
        while (n < into.Length && (l < left.Length || r < right.Length))
        {
            into[n++] = r >= right.Length || (l < left.Length && IsCloser(left[l], right[r])) ? left[l++] : right[r++];
        }

        return n;
    }
}
