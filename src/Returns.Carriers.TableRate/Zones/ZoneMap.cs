using Returns.Sdk.Csv;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Returns.Carriers.TableRate.Internal;
using Returns.Sdk;

namespace Returns.Carriers.TableRate;

/// <summary>
/// A zone chart: which zone of a rate card a parcel from an origin to a destination country is in. Read one from CSV
/// with <see cref="LoadFileAsync"/> (format: <c>docs/formats/zones.md</c>) or build one with <see cref="Create"/>.
/// </summary>
/// <remarks>
/// The most specific row wins: one for this origin and destination, then one for any origin and this destination,
/// then this origin's catch-all, then the catch-all for any origin. A chart without an origin column is simply keyed by
/// destination.
/// </remarks>
public sealed class ZoneMap
{
    private const string Any = "*";

    private readonly Dictionary<(string Origin, string Country), ZoneAssignment> _rows;

    internal ZoneMap(ZoneAssignment[] assignments, Dictionary<(string Origin, string Country), ZoneAssignment> rows)
    {
        Assignments = assignments;
        _rows = rows;
        Zones = [.. assignments.Select(a => a.Zone).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>A chart without rows: no country has a zone.</summary>
    public static ZoneMap Empty { get; } = new([], []);

    /// <summary>Every row, in file order.</summary>
    public IReadOnlyList<ZoneAssignment> Assignments { get; }

    /// <summary>The distinct zone names, in order of first appearance.</summary>
    public IReadOnlyList<string> Zones { get; }

    /// <summary>Finds the zone of a parcel from one country to another.</summary>
    /// <param name="origin">Where the parcel is handed in.</param>
    /// <param name="destination">Where it goes.</param>
    /// <param name="zone">The zone, when the chart has one.</param>
    /// <returns>True when a row applies.</returns>
    public bool TryGetZone(CountryCode origin, CountryCode destination, [NotNullWhen(true)] out string? zone)
    {
        var from = origin.Value;
        var to = destination.Value;
        if ((from.Length > 0 && to.Length > 0 && _rows.TryGetValue((from, to), out var row))
            || (to.Length > 0 && _rows.TryGetValue((Any, to), out row))
            || (from.Length > 0 && _rows.TryGetValue((from, Any), out row))
            || _rows.TryGetValue((Any, Any), out row))
        {
            zone = row.Zone;
            return true;
        }

        zone = null;
        return false;
    }

    /// <summary>Builds a zone chart and checks it as a whole.</summary>
    /// <param name="assignments">The rows; a country may appear once per origin, and the catch-all once per origin.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ReturnsValidationException">A zone is empty or a country is assigned twice; paths are <c>assignments[i]</c>.</exception>
    public static ZoneMap Create(IEnumerable<ZoneAssignment> assignments)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        var builder = new ZoneMapBuilder();
        var errors = new List<ValidationError>();
        var i = -1;
        foreach (var assignment in assignments)
        {
            i++;
            var path = string.Create(CultureInfo.InvariantCulture, $"assignments[{i}]");
            if (assignment is null)
            {
                errors.Add(new ValidationError(path, "the row is null."));
            }
            else if (ZoneMapBuilder.CheckZone(assignment.Zone) is { } problem)
            {
                errors.Add(new ValidationError(path + ".zone", problem));
            }
            else if (assignment.Country is { Value.Length: 0 } || assignment.Origin is { Value.Length: 0 })
            {
                errors.Add(new ValidationError(path, "default(CountryCode) is not a country; use null for the catch-all or for any origin."));
            }
            else if (builder.TryAdd(assignment) is { } conflict)
            {
                errors.Add(new ValidationError(path + ".country", conflict));
            }
        }

        return errors.Count > 0 ? throw new ReturnsValidationException(errors) : builder.Build();
    }

    /// <summary>Reads a zone chart from UTF-8 CSV (format: <c>docs/formats/zones.md</c>), streaming.</summary>
    /// <param name="utf8Csv">The CSV, read to its end and left open.</param>
    /// <param name="options">Error handling and progress; <see cref="TableRateReadOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The chart and, with <see cref="CsvErrorHandling.SkipAndReport"/>, the errors of skipped rows.</returns>
    /// <exception cref="ReturnsValidationException">The header is wrong, the text is not UTF-8, or (fail-fast) a row is bad.</exception>
    public static Task<CsvReadResult<ZoneMap>> LoadAsync(Stream utf8Csv, TableRateReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Csv);
        options ??= TableRateReadOptions.Default;
        return new ZoneMapCsvReader(options, options.Source).ReadAsync(utf8Csv, cancellationToken);
    }

    /// <summary>Reads a zone chart from a UTF-8 CSV file, streaming.</summary>
    /// <param name="path">The file's path; it names the source in errors unless <see cref="Returns.Sdk.Csv.CsvReadOptions.Source"/> is set.</param>
    /// <param name="options">Error handling and progress; <see cref="TableRateReadOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The chart and, with <see cref="CsvErrorHandling.SkipAndReport"/>, the errors of skipped rows.</returns>
    /// <exception cref="ReturnsValidationException">The header is wrong, the text is not UTF-8, or (fail-fast) a row is bad.</exception>
    public static async Task<CsvReadResult<ZoneMap>> LoadFileAsync(string path, TableRateReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= TableRateReadOptions.Default;
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            return await new ZoneMapCsvReader(options, options.Source ?? path).ReadAsync(stream, cancellationToken).ConfigureAwait(false);
        }
    }
}
