using System.CommandLine;
using System.CommandLine.Parsing;
using Microsoft.Extensions.DependencyInjection;
using Returns.Cli.Input;
using Returns.Cli.Output;
using Returns.Sdk;
using Returns.Sdk.Carriers;
using Returns.Sdk.Locations;
using Returns.Sdk.Policy;
using Returns.Sdk.ReturnOptions;
using Returns.Sdk.Serialization;

namespace Returns.Cli.Commands;

/// <summary>
/// <c>returns options</c>: the option engine end to end on files, wired through dependency injection exactly as a
/// retailer's application would (<c>AddReturns().AddTableRateCarrier(…).AddParcelSizing(…).AddLocationCatalog(…)
/// .AddGeocoder(…).AddReturnOptions(…)</c>).
/// </summary>
internal static class OptionsCommand
{
    private const string DemoOrder = "order-web.json";
    private const string DemoPolicy = "policy.json";
    private const string DemoRates = "rates.csv";
    private const string DemoZones = "zones.csv";
    private const string DemoBoxes = "boxes.json";
    private const string DemoPostcodes = "postcodes.csv";

    /// <summary>Where the demo warehouse is: returns travel from the customer to it, so it decides the rate zone.</summary>
    private static readonly PostcodeArgument DemoWarehouse = new(CountryCode.Parse("NL"), "5928 LZ");

    /// <summary>Builds <c>returns options</c>.</summary>
    /// <param name="context">Where the command writes and which clock it reads.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var orderOption = CommonOptions.InputFile(
            "--order",
            $"The order document (JSON, see docs/order.md). Default: the bundled demo order, data/{DemoOrder}.");
        var policyOption = CommonOptions.InputFile(
            "--policy",
            $"The return policy (JSON, see docs/policy.md): which lines may come back and what each method costs the customer. Default: data/{DemoPolicy}.");
        var pointsOption = CommonOptions.InputFile(
            "--points",
            $"Drop-off points and stores (CSV or GeoJSON, see docs/formats/locations.md). Default: data/{PointsCommands.DemoPoints}.");
        var ratesOption = CommonOptions.InputFile(
            "--rates",
            $"The rate card (CSV, see docs/formats/rate-card.md); each service's carrier column names the network whose points take it. Default: data/{DemoRates}.");
        var zonesOption = CommonOptions.InputFile(
            "--zones",
            $"The zone chart of the rate card (CSV, see docs/formats/zones.md). Default: data/{DemoZones}.");
        var boxesOption = CommonOptions.InputFile(
            "--boxes",
            $"The box catalog (JSON shaped like ParcelSizingOptions: boxes, categoryDefaults, fallback). Default: data/{DemoBoxes}.");
        var postcodesOption = CommonOptions.InputFile(
            "--postcodes",
            $"Postcode centroids (CSV: country,postcode,latitude,longitude, see docs/formats/postcodes.md) to place the customer by postcode. Default: data/{DemoPostcodes}.");
        var atOption = CommonOptions.Coordinates(
            "Where the customer is: latitude,longitude in decimal degrees. The order's shipping address still decides the country. " +
            "Default: the centroid of --postcode, else of the order's shipping postcode.");
        var postcodeOption = new Option<PostcodeArgument?>("--postcode")
        {
            Description = "The customer's postcode as CC:CODE (e.g. NL:1012AB, BE:2000), placed at its centroid from --postcodes; replaces the order's shipping address.",
            HelpName = "CC:CODE",
            CustomParser = PostcodeArgument.Parse,
        };
        var strategyOption = new Option<IReturnOptionRanking?>("--strategy")
        {
            Description = $"How to rank: {string.Join(", ", ReturnOptionRankings.All.Select(r => r.Name))}. Default: {ReturnOptionRankings.BalancedName}.",
            HelpName = "STRATEGY",
            CustomParser = ParseStrategy,
        };
        var warehouseOption = new Option<PostcodeArgument?>("--warehouse")
        {
            Description = $"Where returns go, as CC:CODE; with the customer's country it decides the rate zone. Default: {DemoWarehouse}.",
            HelpName = "CC:CODE",
            CustomParser = PostcodeArgument.Parse,
        };
        var timeOption = CommonOptions.Instant("--time", "The instant to judge at (policy window, open now, dates), ISO 8601 with an offset. Default: now.");
        var timeZoneOption = CommonOptions.TimeZone();
        var formatOption = CommonOptions.Format();

        var command = new Command(
            "options",
            "Rank the ways an order's returnable lines can come back: each carrier service and method, and returning in store, " +
            "with cost, fee, nearest place, label and expected arrival; and say why other candidates are not offered.")
        {
            orderOption,
            policyOption,
            pointsOption,
            ratesOption,
            zonesOption,
            boxesOption,
            postcodesOption,
            atOption,
            postcodeOption,
            strategyOption,
            warehouseOption,
            timeOption,
            timeZoneOption,
            formatOption,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(atOption) is not null && result.GetResult(postcodeOption) is not null)
            {
                result.AddError("Give the customer's position either with --at LAT,LON or with --postcode CC:CODE, not both.");
            }
        });

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var format = parseResult.GetValue(formatOption) ?? OutputFormat.Table;
            var files = new InputFiles(context, format);
            var at = parseResult.GetValue(timeOption) ?? context.Time.GetUtcNow();
            var timeZone = CommonOptions.ResolveTimeZone(parseResult, timeZoneOption);
            var warehouse = parseResult.GetValue(warehouseOption) ?? DemoWarehouse;

            var document = await OrderDocument.LoadFileAsync(InputPath(parseResult, orderOption, DemoOrder), cancellationToken).ConfigureAwait(false);
            var policy = await ReturnPolicy.LoadFileAsync(InputPath(parseResult, policyOption, DemoPolicy), cancellationToken: cancellationToken).ConfigureAwait(false);
            var rates = await files.RatesAsync(InputPath(parseResult, ratesOption, DemoRates), cancellationToken).ConfigureAwait(false);
            var zones = await files.ZonesAsync(InputPath(parseResult, zonesOption, DemoZones), cancellationToken).ConfigureAwait(false);
            var points = await files.PointsAsync(InputPath(parseResult, pointsOption, PointsCommands.DemoPoints), cancellationToken).ConfigureAwait(false);
            var postcodesPath = InputPath(parseResult, postcodesOption, DemoPostcodes);
            var postcodes = await files.PostcodesAsync(postcodesPath, cancellationToken).ConfigureAwait(false);
            var boxes = await BoxCatalogFile.LoadAsync(InputPath(parseResult, boxesOption, DemoBoxes), cancellationToken).ConfigureAwait(false);

            // The same registration a retailer's application makes; only the clock is the CLI's (tests pass a fake one).
            var services = new ServiceCollection();
            services.AddSingleton(context.Time);
            services.AddReturns()
                .AddReturnPolicy(policy)
                .AddTableRateCarrier(rates, zones)
                .AddParcelSizing(options => BoxCatalogFile.CopyTo(boxes, options))
                .AddLocationCatalog(points)
                .AddGeocoder(postcodes)
                .AddReturnOptions(settings =>
                {
                    settings.WarehouseCountry = warehouse.Country.Value;
                    settings.WarehousePostcode = warehouse.Postcode;
                });
            using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

            var evaluation = provider.GetRequiredService<ReturnPolicyEngine>().Evaluate(new PolicyEvaluationRequest(document.Order)
            {
                AlreadyReturned = document.AlreadyReturned,
                At = at,
            });

            var customer = await PlaceCustomerAsync(
                context,
                document.Order,
                parseResult.GetValue(atOption),
                parseResult.GetValue(postcodeOption),
                provider.GetRequiredService<IGeocoder>(),
                Path.GetFileName(postcodesPath),
                cancellationToken).ConfigureAwait(false);
            if (customer is null)
            {
                return ExitCodes.UsageError;
            }

            var result = await provider.GetRequiredService<ReturnOptionService>().GetOptionsAsync(
                new ReturnOptionQuery(document.Order, evaluation, customer.Address)
                {
                    CustomerLocation = customer.Location,
                    Ranking = parseResult.GetValue(strategyOption),
                    TimeZone = timeZone,
                    At = at,
                },
                cancellationToken).ConfigureAwait(false);

            var networks = new CarrierNetworks(provider.GetServices<CarrierAdapter>());
            if (format == OutputFormat.Json)
            {
                JsonOutput.Write(context.Out, ReturnOptionsJson.From(result, evaluation.Currency, customer, networks, timeZone), CliJsonContext.Default.ReturnOptionsJson);
            }
            else
            {
                ReturnOptionsTable.Write(context.Console, document.Order, result, customer, networks, timeZone);
            }

            return ExitCodes.Success;
        });

        return command;
    }

    /// <summary>
    /// Places the customer: --at, else coordinates in the address, else the centroid of the postcode; null after
    /// writing an error when that is impossible.
    /// </summary>
    /// <param name="context">Where the error goes.</param>
    /// <param name="order">The order, whose shipping address is the default.</param>
    /// <param name="position">The position given with <c>--at</c>.</param>
    /// <param name="postcode">The postcode given with <c>--postcode</c>.</param>
    /// <param name="geocoder">Places postcodes.</param>
    /// <param name="postcodesFile">The postcode file's name, for the error.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The placement, or <see langword="null"/> after writing an error.</returns>
    internal static async Task<CustomerPlacement?> PlaceCustomerAsync(CliContext context, Order order, GeoPoint? position, PostcodeArgument? postcode, IGeocoder geocoder, string postcodesFile, CancellationToken cancellationToken)
    {
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

    private static string InputPath(ParseResult parseResult, Option<string?> option, string demoFile) =>
        parseResult.GetValue(option) ?? CommonOptions.BundledFile(demoFile);

    private static IReturnOptionRanking? ParseStrategy(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        if (ReturnOptionRankings.All.FirstOrDefault(r => string.Equals(r.Name, text, StringComparison.Ordinal)) is { } ranking)
        {
            return ranking;
        }

        result.AddError($"'{text}' is not a strategy; use one of {string.Join(", ", ReturnOptionRankings.All.Select(r => r.Name))}.");
        return null;
    }
}
