using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Returns.Carriers.TableRate;
using Returns.Cli.Input;
using Returns.Sdk;
using Returns.Sdk.DependencyInjection;
using Returns.Sdk.Lifecycle;
using Returns.Sdk.Locations;
using Returns.Sdk.Parcels;

namespace Returns.Cli.Commands;

/// <summary>
/// The option engine as the commands that rank return options register it (<c>returns options</c> and
/// <c>returns create-return</c>): its input file options, loading them, and the registration a retailer's application
/// makes (<c>AddTableRateCarrier(…).AddParcelSizing(…).AddLocationCatalog(…).AddGeocoder(…).AddReturnOptions(…)</c>).
/// </summary>
internal static class DemoServices
{
    /// <summary>The bundled demo order, the default of every command that reads an order.</summary>
    public const string DemoOrder = "order-web.json";

    /// <summary>The bundled return policy.</summary>
    public const string DemoPolicy = "policy.json";

    /// <summary>Where the demo warehouse is: returns travel from the customer to it, so it decides the rate zone.</summary>
    public static readonly PostcodeArgument DemoWarehouse = new(CountryCode.Parse("NL"), "5928 LZ");

    /// <summary>Registers the option engine on the loaded files: carrier, parcel sizing, places, geocoder and ranking.</summary>
    /// <param name="builder">The returns builder.</param>
    /// <param name="files">The option engine's inputs.</param>
    /// <param name="warehouse">Where returns go; with the customer's country it decides the rate zone.</param>
    /// <returns>The builder.</returns>
    public static IReturnsBuilder AddOptionEngine(this IReturnsBuilder builder, OptionEngineFiles files, PostcodeArgument warehouse)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(warehouse);
        return builder
            .AddTableRateCarrier(files.Rates, files.Zones)
            .AddParcelSizing(options => BoxCatalogFile.CopyTo(files.Boxes, options))
            .AddLocationCatalog(files.Points)
            .AddGeocoder(files.Postcodes)
            .AddReturnOptions(settings =>
            {
                settings.WarehouseCountry = warehouse.Country.Value;
                settings.WarehousePostcode = warehouse.Postcode;
            });
    }

    /// <summary>
    /// Places the customer: <c>--at</c>, else coordinates in the address, else the centroid of the postcode (from
    /// <c>--postcode</c> or the order's shipping address).
    /// </summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="order">The order being returned.</param>
    /// <param name="position">The position given with <c>--at</c>.</param>
    /// <param name="postcode">The postcode given with <c>--postcode</c>; replaces the shipping address.</param>
    /// <param name="geocoder">The postcode centroids.</param>
    /// <param name="postcodesFile">The centroid file's name, for the error.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The placement, or <see langword="null"/> after writing an error when that is impossible.</returns>
    public static async Task<CustomerPlacement?> PlaceCustomerAsync(CliContext context, Order order, GeoPoint? position, PostcodeArgument? postcode, IGeocoder geocoder, string postcodesFile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(geocoder);
        var address = postcode is not null ? new Address(postcode.Country, postcode.Postcode) : order.ShippingAddress;
        if (address is null)
        {
            context.Error.WriteLine($"error: order {order.Number} has no shipping address; give the customer's postcode with --postcode CC:CODE.");
            return null;
        }

        if ((position ?? (postcode is null ? address.Coordinates : null)) is { } known)
        {
            return new CustomerPlacement(address, known, "coordinates", null);
        }

        var source = postcode is not null ? "--postcode" : $"the shipping address of order {order.Number}";
        if (address.Postcode.Length == 0)
        {
            context.Error.WriteLine($"error: {source} has no postcode; give the customer's position with --at LAT,LON or a postcode with --postcode CC:CODE.");
            return null;
        }

        if (await geocoder.GeocodeAsync(address.Country, address.Postcode, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            context.Error.WriteLine(
                $"error: postcode {address.Country}:{address.Postcode} (from {source}) is not in {postcodesFile}, not even a prefix of it; " +
                "check the postcode, give a --postcodes file that has it, or give the position with --at LAT,LON.");
            return null;
        }

        return new CustomerPlacement(address, found.Location, found.Precision == GeocodePrecision.Postcode ? "postcode" : "postcode_prefix", found.MatchedPostcode);
    }

    /// <summary>
    /// <c>AddReturns()</c> on the SQLite file at <paramref name="databasePath"/>, or on an empty in-memory store when it
    /// is <see langword="null"/> (commands that only read do not create a database file).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="databasePath">The SQLite file, or <see langword="null"/>.</param>
    /// <returns>The returns builder.</returns>
    public static IReturnsBuilder AddReturnsOn(IServiceCollection services, string? databasePath)
    {
        if (databasePath is null)
        {
            services.AddSingleton<IReturnStore>(new InMemoryReturnStore());
            return services.AddReturns();
        }

        return services.AddReturns().AddSqliteStore(o => o.Path = databasePath);
    }
}

/// <summary>The option engine's input files as loaded.</summary>
/// <param name="Rates">The rate card.</param>
/// <param name="Zones">The rate card's zone chart.</param>
/// <param name="Points">Drop-off points and stores.</param>
/// <param name="Postcodes">Postcode centroids.</param>
/// <param name="PostcodesFile">The centroid file's name, for errors.</param>
/// <param name="Boxes">The box catalog.</param>
internal sealed record OptionEngineFiles(RateCard Rates, ZoneMap Zones, LocationCatalog Points, PostcodeCentroidGeocoder Postcodes, string PostcodesFile, ParcelSizingOptions Boxes);

/// <summary>
/// The option engine's file options (<c>--points</c>, <c>--rates</c>, <c>--zones</c>, <c>--boxes</c>,
/// <c>--postcodes</c>), each defaulting to the bundled demo file; one set per command.
/// </summary>
internal sealed class OptionEngineInputs
{
    private const string DemoRates = "rates.csv";
    private const string DemoZones = "zones.csv";
    private const string DemoBoxes = "boxes.json";
    private const string DemoPostcodes = "postcodes.csv";

    private readonly Option<string?> _points = CommonOptions.InputFile(
        "--points",
        $"Drop-off points and stores (CSV or GeoJSON, see docs/formats/locations.md). Default: data/{PointsCommands.DemoPoints}.");

    private readonly Option<string?> _rates = CommonOptions.InputFile(
        "--rates",
        $"The rate card (CSV, see docs/formats/rate-card.md); each service's carrier column names the network whose points take it. Default: data/{DemoRates}.");

    private readonly Option<string?> _zones = CommonOptions.InputFile(
        "--zones",
        $"The zone chart of the rate card (CSV, see docs/formats/zones.md). Default: data/{DemoZones}.");

    private readonly Option<string?> _boxes = CommonOptions.InputFile(
        "--boxes",
        $"The box catalog (JSON shaped like ParcelSizingOptions: boxes, categoryDefaults, fallback). Default: data/{DemoBoxes}.");

    private readonly Option<string?> _postcodes = CommonOptions.InputFile(
        "--postcodes",
        $"Postcode centroids (CSV: country,postcode,latitude,longitude, see docs/formats/postcodes.md) to place the customer by postcode. Default: data/{DemoPostcodes}.");

    /// <summary>The options, in the order help lists them.</summary>
    public IEnumerable<Option> All => [_points, _rates, _zones, _boxes, _postcodes];

    /// <summary>Reads every file named, or its bundled default.</summary>
    /// <param name="parseResult">The parsed command line.</param>
    /// <param name="files">Reads CSV files with progress.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <returns>The loaded inputs.</returns>
    public async Task<OptionEngineFiles> LoadAsync(ParseResult parseResult, InputFiles files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(files);
        var rates = await files.RatesAsync(Path(parseResult, _rates, DemoRates), cancellationToken).ConfigureAwait(false);
        var zones = await files.ZonesAsync(Path(parseResult, _zones, DemoZones), cancellationToken).ConfigureAwait(false);
        var points = await files.PointsAsync(Path(parseResult, _points, PointsCommands.DemoPoints), cancellationToken).ConfigureAwait(false);
        var postcodesPath = Path(parseResult, _postcodes, DemoPostcodes);
        var postcodes = await files.PostcodesAsync(postcodesPath, cancellationToken).ConfigureAwait(false);
        var boxes = await BoxCatalogFile.LoadAsync(Path(parseResult, _boxes, DemoBoxes), cancellationToken).ConfigureAwait(false);
        return new OptionEngineFiles(rates, zones, points, postcodes, System.IO.Path.GetFileName(postcodesPath), boxes);
    }

    private static string Path(ParseResult parseResult, Option<string?> option, string demoFile) =>
        parseResult.GetValue(option) ?? CommonOptions.BundledFile(demoFile);

}
