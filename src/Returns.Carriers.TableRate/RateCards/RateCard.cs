using Returns.Sdk.Csv;
using System.Globalization;
using Returns.Carriers.TableRate.Internal;
using Returns.Sdk;

namespace Returns.Carriers.TableRate;

/// <summary>
/// A validated, immutable table of prices: per carrier and service, the return methods offered, the dimensional-weight
/// divisor and price bands by zone, weight and size. Read one from CSV with <see cref="LoadFileAsync"/> (format:
/// <c>docs/formats/rate-card.md</c>) or build one with <see cref="Create"/>; rate parcels against it with a
/// <see cref="TableRateEngine"/>.
/// </summary>
public sealed class RateCard
{
    private readonly Dictionary<(string Carrier, string Service), ServiceTable> _tables;

    internal RateCard(ServiceTable[] tables, int bandCount)
    {
        Tables = tables;
        BandCount = bandCount;
        _tables = new Dictionary<(string, string), ServiceTable>(tables.Length);
        foreach (var table in tables)
        {
            _tables.Add((table.Definition.Carrier, table.Definition.Service), table);
        }

        Services = [.. tables.Select(t => t.Definition)];
    }

    /// <summary>A rate card without services.</summary>
    public static RateCard Empty { get; } = new([], 0);

    /// <summary>Every service, in order of first appearance.</summary>
    public IReadOnlyList<RateCardService> Services { get; }

    /// <summary>How many price bands the card holds.</summary>
    public int BandCount { get; }

    internal ServiceTable[] Tables { get; }

    /// <summary>Finds a service by carrier and service name (ordinal, case-sensitive).</summary>
    /// <param name="carrier">The carrier's name.</param>
    /// <param name="service">The service's name.</param>
    /// <returns>The service, or <see langword="null"/>.</returns>
    public RateCardService? FindService(string carrier, string service) => FindTable(carrier, service)?.Definition;

    /// <summary>Builds a rate card from services and checks it as a whole.</summary>
    /// <param name="services">The services; a carrier and service name pair may appear once.</param>
    /// <returns>The rate card, with each service's bands grouped by zone and size limits and sorted by weight.</returns>
    /// <exception cref="ReturnsValidationException">
    /// A value is out of range, or bands conflict; every error's path names the service and band, e.g.
    /// <c>services[1].bands[4].price</c>.
    /// </exception>
    public static RateCard Create(IEnumerable<RateCardService> services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var errors = new List<ValidationError>();
        var builder = new RateCardBuilder();
        var s = -1;
        foreach (var service in services)
        {
            s++;
            var path = string.Create(CultureInfo.InvariantCulture, $"services[{s}]");
            if (service is null)
            {
                errors.Add(new ValidationError(path, "the service is null."));
                continue;
            }

            var before = errors.Count;
            Check(errors, path + ".carrier", RateCardRules.CheckName(service.Carrier, "carrier"));
            Check(errors, path + ".service", RateCardRules.CheckName(service.Service, "service"));
            Check(errors, path + ".methods", RateCardRules.CheckMethods(service.Methods));
            Check(errors, path + ".dimensionalDivisor", RateCardRules.CheckDivisor(service.DimensionalDivisor));
            if (errors.Count > before)
            {
                continue;
            }

            if (builder.ContainsService(service.Carrier, service.Service))
            {
                errors.Add(new ValidationError(path, $"the service {service.Carrier}/{service.Service} is listed twice; list each service once with all its bands."));
                continue;
            }

            if (service.Bands is null || service.Bands.Count == 0)
            {
                errors.Add(new ValidationError(path + ".bands", "a service needs at least one price band."));
                continue;
            }

            var divisor = service.DimensionalDivisor is 0m ? null : service.DimensionalDivisor;
            IReadOnlyList<ReturnMethod> methods = [.. service.Methods];
            for (var b = 0; b < service.Bands.Count; b++)
            {
                var band = service.Bands[b];
                var bandPath = string.Create(CultureInfo.InvariantCulture, $"{path}.bands[{b}]");
                if (band is null)
                {
                    errors.Add(new ValidationError(bandPath, "the band is null."));
                    continue;
                }

                before = errors.Count;
                Check(errors, bandPath + ".zone", RateCardRules.CheckName(band.Zone, "zone"));
                Check(errors, bandPath + ".maxWeight", RateCardRules.CheckMaxWeight(band.MaxWeight.Grams));
                Check(errors, bandPath + ".price", RateCardRules.CheckPrice(band.Price));
                Check(errors, bandPath + ".transitDays", RateCardRules.CheckTransitDays(band.TransitDays));
                var size = band.Size ?? SizeLimits.None;
                Check(errors, bandPath + ".size.maxLengthMm", RateCardRules.CheckLimit(size.MaxLengthMm, "max_length_mm"));
                Check(errors, bandPath + ".size.maxWidthMm", RateCardRules.CheckLimit(size.MaxWidthMm, "max_width_mm"));
                Check(errors, bandPath + ".size.maxHeightMm", RateCardRules.CheckLimit(size.MaxHeightMm, "max_height_mm"));
                Check(errors, bandPath + ".size.maxGirthMm", RateCardRules.CheckLimit(size.MaxGirthMm, "max_girth_mm"));
                Check(errors, bandPath + ".size.maxLengthPlusGirthMm", RateCardRules.CheckLimit(size.MaxLengthPlusGirthMm, "max_length_plus_girth_mm"));
                Check(errors, bandPath + ".size", RateCardRules.CheckBox(size));
                if (errors.Count > before)
                {
                    continue;
                }

                var (_, message) = builder.TryAdd(service.Carrier, service.Service, methods, divisor, Normalize(band));
                Check(errors, bandPath, message);
            }
        }

        return errors.Count > 0 ? throw new ReturnsValidationException(errors) : builder.Build();
    }

    /// <summary>Reads a rate card from UTF-8 CSV (format: <c>docs/formats/rate-card.md</c>), streaming.</summary>
    /// <param name="utf8Csv">The CSV, read to its end and left open.</param>
    /// <param name="options">Error handling, progress and defaults; <see cref="TableRateReadOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rate card and, with <see cref="CsvErrorHandling.SkipAndReport"/>, the errors of skipped rows.</returns>
    /// <exception cref="ReturnsValidationException">
    /// The header is wrong, the text is not UTF-8, or (fail-fast) a row is bad; every error names its source, line, field
    /// number and column name.
    /// </exception>
    public static Task<CsvReadResult<RateCard>> LoadAsync(Stream utf8Csv, TableRateReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Csv);
        options ??= TableRateReadOptions.Default;
        return new RateCardCsvReader(options, options.Source).ReadAsync(utf8Csv, cancellationToken);
    }

    /// <summary>Reads a rate card from a UTF-8 CSV file, streaming.</summary>
    /// <param name="path">The file's path; it names the source in errors unless <see cref="Returns.Sdk.Csv.CsvReadOptions.Source"/> is set.</param>
    /// <param name="options">Error handling, progress and defaults; <see cref="TableRateReadOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rate card and, with <see cref="CsvErrorHandling.SkipAndReport"/>, the errors of skipped rows.</returns>
    /// <exception cref="ReturnsValidationException">The header is wrong, the text is not UTF-8, or (fail-fast) a row is bad.</exception>
    public static async Task<CsvReadResult<RateCard>> LoadFileAsync(string path, TableRateReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= TableRateReadOptions.Default;
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            return await new RateCardCsvReader(options, options.Source ?? path).ReadAsync(stream, cancellationToken).ConfigureAwait(false);
        }
    }

    internal ServiceTable? FindTable(string carrier, string service) =>
        carrier is not null && service is not null && _tables.TryGetValue((carrier, service), out var table) ? table : null;

    private static RateBand Normalize(RateBand band)
    {
        var size = band.Size is null ? SizeLimits.None : band.Size.Normalized();
        return ReferenceEquals(size, band.Size) ? band : band with { Size = size };
    }

    private static void Check(List<ValidationError> errors, string path, string? message)
    {
        if (message is not null)
        {
            errors.Add(new ValidationError(path, message));
        }
    }
}
