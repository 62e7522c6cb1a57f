using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Returns.Cli.Input;
using Returns.Cli.Output;
using Returns.Sdk;
using Returns.Sdk.Carriers;
using Returns.Sdk.Lifecycle;
using Returns.Sdk.Locations;
using Returns.Sdk.Orders;
using Returns.Sdk.Policy;
using Returns.Sdk.Refunds;
using Returns.Sdk.SelfService;
using Returns.Sdk.Serialization;

namespace Returns.Cli.Commands;

/// <summary>
/// <c>returns create-return</c>: the customer's own return, created through the SDK's <see cref="SelfServiceReturns"/>
/// and kept in the same SQLite file as <c>returns store-return</c>, wired the way a retailer's portal would be
/// (<c>AddReturns().AddSqliteStore(…).AddOrderSource(…).AddReturnPolicy(…).AddReturnLifecycle().AddRefunds()
/// .AddRefundGateway(…).AddTableRateCarrier(…).AddParcelSizing(…).AddLocationCatalog(…).AddGeocoder(…)
/// .AddReturnOptions(…).AddSelfServiceReturns(…)</c>).
/// </summary>
internal static class CreateReturnCommand
{
    /// <summary>The warehouse returns are addressed to, and the id the SDK records for it.</summary>
    public const string WarehouseId = StoreReturnCommand.Warehouse;

    /// <summary>How <c>--item</c> is spelled in help and errors.</summary>
    public const string ItemSyntax = "LINE[:QTY[:REASON[:PACKAGING/USE]]]";

    private const string DemoOrder = "order-web.json";
    private const string DemoPolicy = "policy.json";
    private const string DemoRates = "rates.csv";
    private const string DemoZones = "zones.csv";
    private const string DemoBoxes = "boxes.json";
    private const string DemoPostcodes = "postcodes.csv";
    private const int MaxKeyLength = IdempotencyKey.MaxLength - 10;

    /// <summary>The demo warehouse (the same as <c>returns options</c>): with the customer's country it decides the rate zone.</summary>
    private static readonly Address DemoWarehouse = new(CountryCode.Parse("NL"), "5928 LZ") { Line1 = "Returns, Celsiusweg 1", City = "Venlo" };

    /// <summary>Builds <c>returns create-return</c>.</summary>
    /// <param name="context">Where the command writes and which clock it reads.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var orderFileOption = CommonOptions.InputFile(
            "--order-file",
            $"The order document (JSON, see docs/order.md); its order number is the order returned. Default: the bundled demo order WEB-100234, data/{DemoOrder}.");
        var itemOption = new Option<IReadOnlyList<SelfServiceItem>>("--item")
        {
            Description = "An order line to return, by line id; repeat for each: quantity (default 1), reason (default changed_mind), and the condition " +
                "as packaging sealed|opened|missing / use none|light|heavy (default sealed/none). Example: 1:1:too_small:opened/light.",
            HelpName = ItemSyntax,
            CustomParser = ParseItems,
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var optionOption = new Option<string?>("--option")
        {
            Description = "The option to return with, its key as --quote prints it (e.g. post_office:tablerate:postnl-parcel or in_store). Default: the best-ranked option.",
            HelpName = "KEY",
        };
        var labelOption = new Option<LabelModes?>("--label")
        {
            Description = "How the carrier label is made: printed (a PDF to print), qr (a code the drop-off point prints from) or mailed. Default: the option's preferred mode.",
            HelpName = "printed|qr|mailed",
            CustomParser = ParseLabel,
        };
        var resolutionOption = new Option<RefundTypes?>("--resolution")
        {
            Description = "How the customer is paid back: original_payment or store_credit. Default: original_payment.",
            HelpName = "original_payment|store_credit",
            CustomParser = ParseResolution,
        };
        var atOption = CommonOptions.Coordinates(
            "Where the customer is: latitude,longitude in decimal degrees. Default: the centroid of --postcode, else of the order's shipping postcode.");
        var postcodeOption = new Option<PostcodeArgument?>("--postcode")
        {
            Description = "The customer's postcode as CC:CODE (e.g. NL:1012AB), placed at its centroid from the bundled postcodes; replaces the order's shipping address.",
            HelpName = "CC:CODE",
            CustomParser = PostcodeArgument.Parse,
        };
        var quoteOption = new Option<bool>("--quote")
        {
            Description = "Only print the ranked options with their key, cost to the customer, expected refund and timing; nothing is written.",
        };
        var dbOption = CommonOptions.InputFile(
            "--db",
            $"The SQLite file the returns are kept in (the same as store-return's), created on first use; the label PDF is written next to it as <RMA>.pdf. " +
            $"Default: {Path.Combine("<local application data>", "returns", "returns.db")}.");
        dbOption.HelpName = "PATH";
        var keyOption = new Option<string?>("--key")
        {
            Description = $"The idempotency key of this return, printable ASCII, at most {MaxKeyLength} characters. Default: derived from the order, items, " +
                "option, label mode and resolution, so running the same command again shows the same return.",
            HelpName = "KEY",
        };
        keyOption.Validators.Add(ValidateKey);
        var timeOption = CommonOptions.Instant(
            "--time",
            $"The instant the clock starts at (policy window, opening hours, dates), ISO 8601 with an offset. Default: now; with the bundled demo order " +
            $"{StoreReturnCommand.DemoAt:yyyy-MM-dd'T'HH:mmzzz}, inside its return window.");
        var timeZoneOption = CommonOptions.TimeZone();
        var formatOption = CommonOptions.Format();

        var command = new Command(
            "create-return",
            "Create the customer's own return of a web order: choose the items and a way back (carrier drop-off or in store), get the label or QR code, " +
            "and see the refund to expect. Kept in the same database as store-return, which finds it by its RMA.")
        {
            orderFileOption,
            itemOption,
            optionOption,
            labelOption,
            resolutionOption,
            atOption,
            postcodeOption,
            quoteOption,
            dbOption,
            keyOption,
            timeOption,
            timeZoneOption,
            formatOption,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(itemOption) is null)
            {
                result.AddError($"Choose at least one order line with --item {ItemSyntax}.");
            }

            if (result.GetResult(atOption) is not null && result.GetResult(postcodeOption) is not null)
            {
                result.AddError("Give the customer's position either with --at LAT,LON or with --postcode CC:CODE, not both.");
            }

            if (result.GetResult(quoteOption) is not null)
            {
                foreach (var creating in new Option[] { optionOption, labelOption, keyOption })
                {
                    if (result.GetResult(creating) is not null)
                    {
                        result.AddError($"--quote only lists the options; {creating.Name} belongs to creating the return.");
                    }
                }
            }
        });

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var format = parseResult.GetValue(formatOption) ?? OutputFormat.Table;
            var orderFile = parseResult.GetValue(orderFileOption);
            var at = parseResult.GetValue(timeOption) ?? (orderFile is null ? StoreReturnCommand.DemoAt : context.Time.GetUtcNow());
            var timeZone = CommonOptions.ResolveTimeZone(parseResult, timeZoneOption);
            var dbPath = parseResult.GetValue(dbOption) ?? StoreReturnCommand.DefaultDatabasePath();
            if (dbPath is null)
            {
                context.Error.WriteLine("error: this machine has no local application data folder for the returns database; give one with --db PATH.");
                return ExitCodes.UsageError;
            }

            dbPath = Path.GetFullPath(dbPath);
            var quoteOnly = parseResult.GetValue(quoteOption);
            var databaseExisted = File.Exists(dbPath);
            var document = await OrderDocument.LoadFileAsync(orderFile ?? CommonOptions.BundledFile(DemoOrder), cancellationToken).ConfigureAwait(false);

            // Quoting only reads: without a database file it reads an empty store instead of creating one.
            using var provider = await BuildServicesAsync(context, format, at, timeZone, document.Order, !quoteOnly || databaseExisted ? dbPath : null, cancellationToken).ConfigureAwait(false);
            var customer = await OptionsCommand.PlaceCustomerAsync(
                context,
                document.Order,
                parseResult.GetValue(atOption),
                parseResult.GetValue(postcodeOption),
                provider.GetRequiredService<IGeocoder>(),
                DemoPostcodes,
                cancellationToken).ConfigureAwait(false);
            if (customer is null)
            {
                return ExitCodes.UsageError;
            }

            var request = new SelfServiceRequest(document.Order.Number, parseResult.GetRequiredValue(itemOption))
            {
                CustomerAddress = customer.Address,
                CustomerLocation = customer.Location,
                Resolution = parseResult.GetValue(resolutionOption) ?? RefundTypes.OriginalPayment,
                TimeZone = timeZone,
            };
            var service = provider.GetRequiredService<SelfServiceReturns>();
            var networks = new CarrierNetworks(provider.GetServices<CarrierAdapter>());
            if (quoteOnly)
            {
                var listed = CreateReturnQuoteJson.From(await service.QuoteAsync(request, cancellationToken).ConfigureAwait(false), at, networks, timeZone);
                if (format == OutputFormat.Json)
                {
                    JsonOutput.Write(context.Out, listed, CliJsonContext.Default.CreateReturnQuoteJson);
                }
                else
                {
                    CreateReturnTable.Write(context.Console, listed);
                }

                return ExitCodes.Success;
            }

            var givenOption = parseResult.GetValue(optionOption)?.Trim();
            var labelMode = parseResult.GetValue(labelOption);
            var key = parseResult.GetValue(keyOption) ?? DeriveKey(request, givenOption, labelMode);

            // A run repeated with the same key continues the return it created with the option it chose then: a fresh
            // quote would count that return's units as taken and could rank another option first.
            var earlier = (await provider.GetRequiredService<IReturnStore>().FindByOrderAsync(request.OrderNumber, cancellationToken).ConfigureAwait(false))
                .FirstOrDefault(r => r.ConfirmationKey == key);
            var optionKey = givenOption ?? (earlier is not null && OptionKeyOf(earlier) is { } recorded ? recorded : await BestOptionAsync(service, request, cancellationToken).ConfigureAwait(false));
            if (optionKey is null)
            {
                context.Error.WriteLine($"error: no way to return these items from order {request.OrderNumber} is offered here; see 'returns options' for why.");
                return ExitCodes.UsageError;
            }

            var confirmation = await service.ConfirmAsync(request, optionKey, labelMode, new IdempotencyKey(key), cancellationToken).ConfigureAwait(false);
            var terms = (await service.GetOrderAsync(request.OrderNumber, cancellationToken).ConfigureAwait(false))!.RefundTerms;

            // The label is written only after the return is recorded: a failed run leaves no file for a return that does not exist.
            string? labelFile = null;
            if (confirmation.Label is { } label)
            {
                labelFile = Path.Combine(Path.GetDirectoryName(dbPath)!, confirmation.Return.Rma.Value + ".pdf");
                await File.WriteAllBytesAsync(labelFile, label.Content, cancellationToken).ConfigureAwait(false);
            }

            var timing = terms.Instant ? RefundTiming.AtFirstScan : terms.Timing;
            var result = Describe(confirmation, request, timing, at, networks, timeZone, labelFile, key, new DatabaseJson(dbPath, !databaseExisted), earlier is not null);
            if (format == OutputFormat.Json)
            {
                JsonOutput.Write(context.Out, result, CliJsonContext.Default.CreateReturnJson);
            }
            else
            {
                CreateReturnTable.Write(context.Console, result);
            }

            return ExitCodes.Success;
        });

        return command;
    }

    /// <summary>
    /// The key a return gets when <c>--key</c> is omitted: a hash of the order, the items (in a fixed order and spelling),
    /// the option asked for (<c>best</c> when omitted), the label mode and the resolution, so the same command run again
    /// continues (and shows) the return it created.
    /// </summary>
    /// <param name="request">The self-service request.</param>
    /// <param name="optionKey">The option given with <c>--option</c>; <see langword="null"/> for the best-ranked one.</param>
    /// <param name="labelMode">The label mode asked for, if any.</param>
    /// <returns>For example <c>create-return-4f0c…</c> (46 characters).</returns>
    public static string DeriveKey(SelfServiceRequest request, string? optionKey, LabelModes? labelMode)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parts = new List<string>
        {
            request.OrderNumber.ToUpperInvariant(),
            optionKey ?? "best",
            labelMode is { } mode ? LabelModeNames.Of(mode) ?? "-" : "-",
            string.Join(',', request.Resolution.ToNames()),
        };
        parts.AddRange(request.Items.Select(CanonicalItem).Order(StringComparer.Ordinal));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts)));
        return "create-return-" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    // The key of the option a recorded return was created with, spelled as ReturnOption.Key spells it.
    private static string? OptionKeyOf(ReturnRequest created) => created.Method switch
    {
        null => null,
        { } method when method == ReturnMethod.InStore || created.CarrierId is null => method.ToName(),
        { } method => $"{method.ToName()}:{created.CarrierId}:{created.ServiceCode}",
    };

    private static async Task<string?> BestOptionAsync(SelfServiceReturns service, SelfServiceRequest request, CancellationToken cancellationToken)
    {
        var quote = await service.QuoteAsync(request, cancellationToken).ConfigureAwait(false);
        return quote.Options.Count > 0 ? quote.Options[0].Option.Key : null;
    }

    private static CreateReturnJson Describe(
        SelfServiceConfirmation confirmation,
        SelfServiceRequest request,
        RefundTiming timing,
        DateTimeOffset at,
        CarrierNetworks networks,
        TimeZoneInfo timeZone,
        string? labelFile,
        string key,
        DatabaseJson database,
        bool repeated)
    {
        var option = QuotedOptionJson.From(confirmation.Option, timing, at, networks, timeZone);
        var refund = confirmation.Option.Refund;
        var mode = LabelModeNames.Of(confirmation.LabelMode);
        var returned = confirmation.Return;
        return new CreateReturnJson(
            repeated,
            returned.Rma.Value,
            Names.SnakeCase(returned.State.ToString()),
            request.OrderNumber,
            option,
            request.Resolution.ToNames()[0],
            refund.Currency.Code,
            new ExpectedRefundJson(refund.Total.Amount, refund.ReturnFee.Amount, option.RefundTiming),
            mode,
            labelFile,
            confirmation.QrPayload,
            NextStep(option, mode, labelFile, returned.Rma.Value, confirmation.Option.Option.HandoverDate),
            at,
            key,
            database);
    }

    private static string NextStep(QuotedOptionJson option, string? mode, string? labelFile, string rma, DateOnly handover)
    {
        var place = option.Place is { } nearest ? $"{nearest.Name} ({nearest.OpeningToday} today)" : "the carrier";
        var by = handover.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return mode switch
        {
            null => $"Bring the items to {place} and show the QR code of {rma} at the till.",
            "qr" => $"Pack the items and show the QR code at {place} by {by}; they print the label there.",
            "mailed" => $"Wait for the label in the post, stick it on the parcel and hand it in at {place}.",
            _ => $"Print {labelFile}, stick it on the parcel and hand it in at {place} by {by}.",
        };
    }

    private static async Task<ServiceProvider> BuildServicesAsync(CliContext context, OutputFormat format, DateTimeOffset at, TimeZoneInfo timeZone, Order order, string? databasePath, CancellationToken cancellationToken)
    {
        var files = new InputFiles(context, format);
        var policy = await ReturnPolicy.LoadFileAsync(CommonOptions.BundledFile(DemoPolicy), cancellationToken: cancellationToken).ConfigureAwait(false);
        var rates = await files.RatesAsync(CommonOptions.BundledFile(DemoRates), cancellationToken).ConfigureAwait(false);
        var zones = await files.ZonesAsync(CommonOptions.BundledFile(DemoZones), cancellationToken).ConfigureAwait(false);
        var points = await files.PointsAsync(CommonOptions.BundledFile(PointsCommands.DemoPoints), cancellationToken).ConfigureAwait(false);
        var postcodes = await files.PostcodesAsync(CommonOptions.BundledFile(DemoPostcodes), cancellationToken).ConfigureAwait(false);
        var boxes = await BoxCatalogFile.LoadAsync(CommonOptions.BundledFile(DemoBoxes), cancellationToken).ConfigureAwait(false);

        // The same registration a retailer's portal makes; the clock starts at --time, the platform is a demo one.
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new ShiftedClock(context.Time, at));
        if (databasePath is null)
        {
            services.AddSingleton<IReturnStore>(new InMemoryReturnStore());
        }

        var builder = services.AddReturns();
        if (databasePath is not null)
        {
            builder.AddSqliteStore(o => o.Path = databasePath);
        }

        builder
            .AddOrderSource(new InMemoryOrderSource(order))
            .AddReturnPolicy(policy)
            .AddReturnLifecycle()
            .AddRefunds()
            // A demo e-commerce platform that confirms every refund at once; a retailer registers its real one.
            .AddRefundGateway(new InMemoryRefundGateway())
            .AddTableRateCarrier(rates, zones)
            .AddParcelSizing(options => BoxCatalogFile.CopyTo(boxes, options))
            .AddLocationCatalog(points)
            .AddGeocoder(postcodes)
            .AddReturnOptions(settings =>
            {
                settings.WarehouseCountry = DemoWarehouse.Country.Value;
                settings.WarehousePostcode = DemoWarehouse.Postcode;
            })
            .AddSelfServiceReturns(o =>
            {
                o.WarehouseAddress = DemoWarehouse;
                o.WarehouseId = WarehouseId;
                o.TimeZone = timeZone;
            });
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        provider.GetRequiredService<IStartupValidator>().Validate();
        return provider;
    }

    private static List<SelfServiceItem> ParseItems(ArgumentResult result)
    {
        var items = new List<SelfServiceItem>(result.Tokens.Count);
        for (var i = 0; i < result.Tokens.Count; i++)
        {
            var text = result.Tokens[i].Value;
            if (ScannedItemArgument.TryParse(text, "line id", out var parsed, out var problem))
            {
                items.Add(new SelfServiceItem(parsed.Sku, parsed.Quantity, parsed.ReasonCode) { Condition = parsed.Condition });
            }
            else
            {
                result.AddError($"--item #{i + 1} '{text}': {problem} Write {ItemSyntax}, e.g. 1:1:too_small:opened/light.");
            }
        }

        return items;
    }

    private static string CanonicalItem(SelfServiceItem item) =>
        ScannedItemArgument.Canonical(new Sdk.StoreReturns.StoreReturnItem(item.LineId, item.Quantity, item.ReasonCode, item.Condition ?? new DeclaredCondition(PackagingState.Sealed, UsageLevel.None)));

    private static LabelModes? ParseLabel(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        switch (text)
        {
            case "printed":
                return LabelModes.Printed;
            case "qr":
                return LabelModes.PrinterlessQr;
            case "mailed":
                return LabelModes.Mailed;
            default:
                result.AddError($"'{text}' is not a label mode; use printed, qr or mailed.");
                return null;
        }
    }

    private static RefundTypes? ParseResolution(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        if (SnakeCaseNames.TryParseRefundType(text, out var resolution) && resolution is RefundTypes.OriginalPayment or RefundTypes.StoreCredit)
        {
            return resolution;
        }

        result.AddError($"'{text}' is not a resolution for a customer's own return; use original_payment or store_credit.");
        return null;
    }

    private static void ValidateKey(OptionResult result)
    {
        var key = result.GetValueOrDefault<string?>() ?? string.Empty;
        if (key.Length is 0 or > MaxKeyLength || key.AsSpan().ContainsAnyExceptInRange('!', '~'))
        {
            result.AddError($"--key '{key}' is not an idempotency key: 1 to {MaxKeyLength} printable ASCII characters without spaces.");
        }
    }
}
