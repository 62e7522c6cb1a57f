using Returns.Sdk.Csv;
using Returns.Sdk.Locations.Internal;

namespace Returns.Sdk.Locations;

/// <summary>
/// The embedded geocoder: a table of postcode centroids (format: <c>docs/formats/postcodes.md</c>). A postcode found
/// as written is located at its centroid; otherwise the longest stored area it starts with (at least
/// <see cref="MinPrefixLength"/> characters) is used, so a table of Dutch four-digit areas places <c>1012 AB</c>.
/// Postcodes are compared upper case without spaces or hyphens. Immutable and thread-safe; lookups do no I/O.
/// </summary>
public sealed class PostcodeCentroidGeocoder : IGeocoder
{
    /// <summary>The shortest stored area a postcode is matched to by prefix.</summary>
    public const int MinPrefixLength = 2;

    // Keyed by the country code followed by the normalised postcode ("NL1012AB"), looked up by span.
    private readonly Dictionary<string, (GeoPoint Location, string Postcode)> _centroids;
    private int _longestPostcode;

    /// <summary>Builds the geocoder from centroids.</summary>
    /// <param name="centroids">The centroids; a country and (normalised) postcode may appear once.</param>
    /// <exception cref="ArgumentException">
    /// A centroid is null, has no country, a blank postcode or one longer than 16 characters, or repeats a country and
    /// postcode.
    /// </exception>
    public PostcodeCentroidGeocoder(IEnumerable<PostcodeCentroid> centroids)
    {
        ArgumentNullException.ThrowIfNull(centroids);
        _centroids = new Dictionary<string, (GeoPoint, string)>(StringComparer.Ordinal);
        foreach (var centroid in centroids)
        {
            if (centroid is null)
            {
                throw new ArgumentException("A centroid is null.", nameof(centroids));
            }

            if (centroid.Country == default)
            {
                throw new ArgumentException($"The centroid of '{centroid.Postcode}' has no country.", nameof(centroids));
            }

            var postcode = Postcodes.Normalize(centroid.Postcode ?? string.Empty);
            if (postcode.Length == 0 || postcode.Length > Postcodes.MaxLength)
            {
                throw new ArgumentException($"The postcode '{centroid.Postcode}' of {centroid.Country} is blank or longer than {Postcodes.MaxLength} characters.", nameof(centroids));
            }

            if (!TryAdd(centroid.Country, postcode, centroid.Location))
            {
                throw new ArgumentException($"The postcode '{postcode}' of {centroid.Country} appears twice.", nameof(centroids));
            }
        }
    }

    // For the CSV reader, which checks every row itself.
    private PostcodeCentroidGeocoder() => _centroids = new Dictionary<string, (GeoPoint, string)>(StringComparer.Ordinal);

    /// <summary>How many postcodes and areas the table holds.</summary>
    public int Count => _centroids.Count;

    /// <summary>Finds where a postcode is, without I/O.</summary>
    /// <param name="country">The postcode's country.</param>
    /// <param name="postcode">The postcode as the customer wrote it; case, spaces and hyphens do not matter.</param>
    /// <returns>The position and precision, or <see langword="null"/> when neither it nor an area it starts with is known.</returns>
    /// <exception cref="ArgumentException">The country is <c>default</c> or the postcode is blank.</exception>
    public GeocodeResult? Geocode(CountryCode country, string postcode)
    {
        if (country == default)
        {
            throw new ArgumentException("A postcode needs a country.", nameof(country));
        }

        ArgumentNullException.ThrowIfNull(postcode);
        var key = postcode.Length <= 128 ? stackalloc char[2 + postcode.Length] : new char[2 + postcode.Length];
        country.Value.CopyTo(key);
        var length = Postcodes.Normalize(postcode, key[2..]);
        if (length == 0)
        {
            throw new ArgumentException("The postcode is blank.", nameof(postcode));
        }

        var lookup = _centroids.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var prefix = Math.Min(length, _longestPostcode); prefix >= MinPrefixLength || prefix == length; prefix--)
        {
            if (lookup.TryGetValue(key[..(2 + prefix)], out var found))
            {
                return new GeocodeResult(found.Location, prefix == length ? GeocodePrecision.Postcode : GeocodePrecision.PostcodePrefix, found.Postcode);
            }
        }

        return null;
    }

    /// <inheritdoc />
    public ValueTask<GeocodeResult?> GeocodeAsync(CountryCode country, string postcode, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Geocode(country, postcode));
    }

    /// <summary>Reads postcode centroids from UTF-8 CSV (format: <c>docs/formats/postcodes.md</c>), streaming.</summary>
    /// <param name="utf8Csv">The CSV with columns <c>country,postcode,latitude,longitude</c>, read to its end and left open.</param>
    /// <param name="options">Error handling and progress; <see cref="CsvReadOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The geocoder and, with <see cref="CsvErrorHandling.SkipAndReport"/>, the errors of skipped rows.</returns>
    /// <exception cref="ReturnsValidationException">
    /// The header is wrong, the text is not UTF-8, or (fail-fast) a row is bad; every error names its source, line,
    /// field number and column name.
    /// </exception>
    public static Task<CsvReadResult<PostcodeCentroidGeocoder>> LoadCsvAsync(Stream utf8Csv, CsvReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Csv);
        options ??= CsvReadOptions.Default;
        return new PostcodeCsvReader(options, options.Source, new PostcodeCentroidGeocoder()).ReadAsync(utf8Csv, cancellationToken);
    }

    /// <summary>Reads postcode centroids from a UTF-8 CSV file, streaming.</summary>
    /// <param name="path">The file's path; it names the source in errors unless <see cref="CsvReadOptions.Source"/> is set.</param>
    /// <param name="options">Error handling and progress; <see cref="CsvReadOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The geocoder and, with <see cref="CsvErrorHandling.SkipAndReport"/>, the errors of skipped rows.</returns>
    /// <exception cref="ReturnsValidationException">The header is wrong, the text is not UTF-8, or (fail-fast) a row is bad.</exception>
    public static async Task<CsvReadResult<PostcodeCentroidGeocoder>> LoadFileAsync(string path, CsvReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= CsvReadOptions.Default;
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            return await new PostcodeCsvReader(options, options.Source ?? path, new PostcodeCentroidGeocoder()).ReadAsync(stream, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Adds a normalised postcode; false when the country already has it.</summary>
    internal bool TryAdd(CountryCode country, string normalizedPostcode, GeoPoint location)
    {
        if (!_centroids.TryAdd(country.Value + normalizedPostcode, (location, normalizedPostcode)))
        {
            return false;
        }

        _longestPostcode = Math.Max(_longestPostcode, normalizedPostcode.Length);
        return true;
    }
}
