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
/// .AddRefundGateway(…)</c>, the option engine of <see cref="DemoServices.AddOptionEngine"/>, and
/// <c>AddSelfServiceReturns(…)</c>).
/// </summary>
internal static class CreateReturnCommand
{
    /// <summary>The warehouse returns are addressed to, and the id the SDK records for it.</summary>
    public const string WarehouseId = StoreReturnCommand.Warehouse;

    /// <summary>How <c>--item</c> is spelled in help and errors.</summary>
    public const string ItemSyntax = "LINE[:QTY[:REASON[:PACKAGING/USE]]]";


    /// <summary>The demo warehouse (the same as <c>returns options</c>): with the customer's country it decides the rate zone.</summary>
    private static readonly Address DemoWarehouse = new(DemoServices.DemoWarehouse.Country, DemoServices.DemoWarehouse.Postcode) { Line1 = "Returns, Celsiusweg 1", City = "Venlo" };

    /// <summary>Builds <c>returns create-return</c>.</summary>
    /// <param name="context">Where the command writes and which clock it reads.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var orderFileOption = CommonOptions.InputFile(
            "--order-file",
            $"The order document (JSON, see docs/order.md); its order number is the order returned. Default: the bundled demo order WEB-100234, data/{DemoServices.DemoOrder}.");
        var policyOption = CommonOptions.InputFile(
            "--policy",
            $"The return policy (JSON, see docs/policy.md): which lines may come back and what each method costs the customer. Default: data/{DemoServices.DemoPolicy}.");
        var engineInputs = new OptionEngineInputs();
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
            Description = "The customer's postcode as CC:CODE (e.g. NL:1012AB), placed at its centroid from --postcodes; replaces the order's shipping address.",
            HelpName = "CC:CODE",
            CustomParser = PostcodeArgument.Parse,
        };
        var quoteOption = new Option<bool>("--quote")
        {
            Description = "Only print the ranked options with their key, cost to the customer, expected refund and timing; nothing is written.",
        };
        var dbOption = CommonOptions.InputFile(
            "--db",
            $"The SQLite file the returns are kept in (the same as store-return's), created on first use. " +
            $"Default: {Path.Combine("<local application data>", "returns", "returns.db")} ({StoreReturnCommand.DefaultDatabasePath() ?? "unknown on this machine"}).");
        dbOption.HelpName = "PATH";
        var labelOutOption = CommonOptions.InputFile(
            "--label-out",
            "Where the printed label is written (its folder is created). Default: <RMA>.pdf in the folder of the database.");
        var keyOption = CommonOptions.IdempotencyKeyOption("this return", "the order, items, option, label mode and resolution");
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
            labelOutOption,
            keyOption,
            timeOption,
            timeZoneOption,
            formatOption,
            policyOption,
        };
        foreach (var input in engineInputs.All)
        {
            command.Options.Add(input);
        }

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
                foreach (var creating in new Option[] { optionOption, labelOption, keyOption, labelOutOption })
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
            var document = await OrderDocument.LoadFileAsync(orderFile ?? CommonOptions.BundledFile(DemoServices.DemoOrder), cancellationToken).ConfigureAwait(false);
            var policy = await ReturnPolicy.LoadFileAsync(parseResult.GetValue(policyOption) ?? CommonOptions.BundledFile(DemoServices.DemoPolicy), cancellationToken: cancellationToken).ConfigureAwait(false);
            var engine = await engineInputs.LoadAsync(parseResult, new InputFiles(context, format), cancellationToken).ConfigureAwait(false);
            var customer = await DemoServices.PlaceCustomerAsync(
                context,
                document.Order,
                parseResult.GetValue(atOption),
                parseResult.GetValue(postcodeOption),
                engine.Postcodes,
                engine.PostcodesFile,
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
            ServiceProvider Services(string? databasePath) => BuildServices(context, at, timeZone, document.Order, policy, engine, databasePath);

            if (quoteOnly)
            {
                // Quoting only reads: without a database file it reads an empty store instead of creating one.
                using var reader = Services(databaseExisted ? dbPath : null);
                var quote = await reader.GetRequiredService<SelfServiceReturns>().QuoteAsync(request, cancellationToken).ConfigureAwait(false);
                var listed = CreateReturnQuoteJson.From(quote, at, new CarrierNetworks(reader.GetServices<CarrierAdapter>()), timeZone);
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
            var key = new IdempotencyKey(parseResult.GetValue(keyOption) ?? DeriveKey(request, givenOption, labelMode));
            if (!databaseExisted)
            {
                // The first return of a new database is made on an empty store first: a request the SDK refuses (an
                // unknown option, a line that may not come back) then leaves no database file behind.
                using var probe = Services(null);
                await ConfirmAsync(probe, request, givenOption, labelMode, key, cancellationToken).ConfigureAwait(false);
            }

            using var provider = Services(dbPath);
            var (confirmation, repeated) = await ConfirmAsync(provider, request, givenOption, labelMode, key, cancellationToken).ConfigureAwait(false);
            var terms = (await provider.GetRequiredService<SelfServiceReturns>().GetOrderAsync(request.OrderNumber, cancellationToken).ConfigureAwait(false))!.RefundTerms;

            // The label is written only after the return is recorded: a refused run leaves no file for a return that does not exist.
            string? labelFile = null;
            if (confirmation.Label is { } label)
            {
                var extension = Path.GetExtension(label.Name) is { Length: > 1 } named ? named : ".pdf";
                labelFile = Path.GetFullPath(parseResult.GetValue(labelOutOption) ?? Path.Combine(Path.GetDirectoryName(dbPath)!, confirmation.Return.Rma.Value + extension));
                await WriteLabelAsync(labelFile, label.Content, cancellationToken).ConfigureAwait(false);
            }

            var timing = terms.Instant ? RefundTiming.AtFirstScan : terms.Timing;
            var networks = new CarrierNetworks(provider.GetServices<CarrierAdapter>());
            var result = Describe(confirmation, request, timing, at, networks, timeZone, labelFile, key.Value, new DatabaseJson(dbPath, !databaseExisted), repeated);
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

    // Confirms the return with the option asked for, else the best-ranked one. A run repeated with the same key finds
    // the return that key created (ReturnRequest.ConfirmationKey) and continues it with the option recorded on it: a
    // fresh ranking would no longer see the units that return took. Whether the return existed before says "repeated".
    private static async Task<(SelfServiceConfirmation Confirmation, bool Repeated)> ConfirmAsync(
        ServiceProvider provider,
        SelfServiceRequest request,
        string? givenOption,
        LabelModes? labelMode,
        IdempotencyKey key,
        CancellationToken cancellationToken)
    {
        var service = provider.GetRequiredService<SelfServiceReturns>();
        var existing = await provider.GetRequiredService<IReturnStore>().FindByOrderAsync(request.OrderNumber, cancellationToken).ConfigureAwait(false);
        var earlier = existing.FirstOrDefault(r => r.ConfirmationKey == key.Value);
        var optionKey = givenOption ?? (earlier is not null ? OptionKeyOf(earlier) : null);
        if (optionKey is null)
        {
            var quote = await service.QuoteAsync(request, cancellationToken).ConfigureAwait(false);
            optionKey = quote.Options.Count > 0
                ? quote.Options[0].Option.Key
                : throw new ReturnsValidationException("option", $"no way to return these items from order {request.OrderNumber} is offered here; 'returns options' says why.");
        }

        var confirmation = await service.ConfirmAsync(request, optionKey, labelMode, key, cancellationToken).ConfigureAwait(false);
        return (confirmation, earlier is not null);
    }

    // The key of the option a recorded return was created with, spelled as ReturnOption.Key spells it.
    private static string? OptionKeyOf(ReturnRequest created) => created.Method switch
    {
        null => null,
        { } method when method == ReturnMethod.InStore || created.CarrierId is null => method.ToName(),
        { } method => $"{method.ToName()}:{created.CarrierId}:{created.ServiceCode}",
    };

    // Writes the label whole or not at all: a reader never sees half a PDF.
    private static async Task WriteLabelAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllBytesAsync(temporary, content, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
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

    private static ServiceProvider BuildServices(CliContext context, DateTimeOffset at, TimeZoneInfo timeZone, Order order, ReturnPolicy policy, OptionEngineFiles engine, string? databasePath)
    {
        // The same registration a retailer's portal makes; the clock starts at --time, the platform is a demo one.
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new ShiftedClock(context.Time, at));
        var builder = DemoServices.AddReturnsOn(services, databasePath);

        builder
            .AddOrderSource(new InMemoryOrderSource(order))
            .AddReturnPolicy(policy)
            .AddReturnLifecycle()
            .AddRefunds()
            // A demo e-commerce platform that confirms every refund at once; a retailer registers its real one.
            .AddRefundGateway(new InMemoryRefundGateway())
            .AddOptionEngine(engine, DemoServices.DemoWarehouse)
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

}
