using Returns.Carriers.TableRate;
using Returns.Cli.Output;
using Returns.Sdk.Csv;
using Returns.Sdk.Locations;

namespace Returns.Cli.Input;

/// <summary>
/// Reads the CSV inputs of the commands with the SDK's loaders, failing on the first bad row (the error names file,
/// line and column) and showing a progress bar for large files on a terminal.
/// </summary>
/// <param name="context">The console, and whether output is redirected.</param>
/// <param name="format">The output format asked for; JSON never gets a progress bar.</param>
internal sealed class InputFiles(CliContext context, OutputFormat format)
{
    /// <summary>Reads drop-off points and stores from a <c>.csv</c> or <c>.geojson</c> file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The catalog.</returns>
    public async Task<LocationCatalog> PointsAsync(string path, CancellationToken cancellationToken)
    {
        var result = await ImportProgress.RunAsync(
            context,
            format,
            path,
            progress => LocationCatalog.LoadFileAsync(path, new CsvReadOptions { Progress = progress }, cancellationToken)).ConfigureAwait(false);
        return result.Value;
    }

    /// <summary>Reads a rate card.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The rate card.</returns>
    public async Task<RateCard> RatesAsync(string path, CancellationToken cancellationToken)
    {
        var result = await ImportProgress.RunAsync(
            context,
            format,
            path,
            progress => RateCard.LoadFileAsync(path, new TableRateReadOptions { Progress = progress }, cancellationToken)).ConfigureAwait(false);
        return result.Value;
    }

    /// <summary>Reads a zone chart.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The zone chart.</returns>
    public async Task<ZoneMap> ZonesAsync(string path, CancellationToken cancellationToken)
    {
        var result = await ImportProgress.RunAsync(
            context,
            format,
            path,
            progress => ZoneMap.LoadFileAsync(path, new TableRateReadOptions { Progress = progress }, cancellationToken)).ConfigureAwait(false);
        return result.Value;
    }

    /// <summary>Reads postcode centroids.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The geocoder.</returns>
    public async Task<PostcodeCentroidGeocoder> PostcodesAsync(string path, CancellationToken cancellationToken)
    {
        var result = await ImportProgress.RunAsync(
            context,
            format,
            path,
            progress => PostcodeCentroidGeocoder.LoadFileAsync(path, new CsvReadOptions { Progress = progress }, cancellationToken)).ConfigureAwait(false);
        return result.Value;
    }
}
