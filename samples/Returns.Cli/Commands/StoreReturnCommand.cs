using System.CommandLine;
using System.CommandLine.Parsing;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Returns.Cli.Output;
using Returns.Sdk;
using Returns.Sdk.Grading;
using Returns.Sdk.Lifecycle;
using Returns.Sdk.Orders;
using Returns.Sdk.Policy;
using Returns.Sdk.Refunds;
using Returns.Sdk.Serialization;
using Returns.Sdk.StoreReturns;

namespace Returns.Cli.Commands;

/// <summary>
/// <c>returns store-return</c>: a web order handed in at a store, processed by the SDK's <see cref="StoreReturnDesk"/>
/// and kept in a SQLite file, wired the way a store's installation would be (<c>AddReturns().AddSqliteStore(…)
/// .AddReturnPolicy(…).AddReturnLifecycle().AddConditionGrading(…).AddRefunds().AddRefundGateway(…).AddOrderSource(…)
/// .AddStoreReturnDesk(…)</c>).
/// </summary>
internal static class StoreReturnCommand
{
    /// <summary>The store when <c>--store</c> is omitted: a demo store in Amsterdam.</summary>
    public const string DefaultStore = "ST-AMS";

    /// <summary>The associate when <c>--associate</c> is omitted.</summary>
    public const string DefaultAssociate = "demo-associate";

    /// <summary>The warehouse items the store does not keep are sent to; it can carry out every disposition.</summary>
    public const string Warehouse = "WH-NL";

    private const string DemoOrder = "order-web.json";
    private const string DemoPolicy = "policy.json";
    private const string DemoGrading = "grading.json";

    /// <summary>
    /// The clock when the bundled order is used without <c>--at</c>: Thursday 12 November 2026, a week after the demo
    /// order was delivered, so every returnable line (the headphones too, with their 14 days) is inside its window.
    /// </summary>
    public static readonly DateTimeOffset DemoAt = new(2026, 11, 12, 15, 0, 0, TimeSpan.FromHours(1));

    /// <summary>Builds <c>returns store-return</c>.</summary>
    /// <param name="context">Where the command writes and which clock it reads.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var orderOption = new Option<string?>("--order")
        {
            Description = "The number of the web order being returned, e.g. WEB-100234. Required unless --find is given.",
            HelpName = "NUMBER",
        };
        var findOption = new Option<string?>("--find")
        {
            Description = "Only look orders up, by order number, customer e-mail or RMA number (a portal return's QR code), and print them; nothing is processed.",
            HelpName = "QUERY",
        };
        var storeOption = new Option<string>("--store")
        {
            Description = $"The store handling the return; it keeps items it can put back on its shelves as new (restock_as_new). Default: {DefaultStore}.",
            HelpName = "ID",
            DefaultValueFactory = _ => DefaultStore,
        };
        var associateOption = new Option<string>("--associate")
        {
            Description = $"The associate processing the return. Default: {DefaultAssociate}.",
            HelpName = "ID",
            DefaultValueFactory = _ => DefaultAssociate,
        };
        var itemOption = new Option<IReadOnlyList<StoreReturnItem>>("--item")
        {
            Description = "A scanned item, repeat for each: quantity (default 1), the customer's reason (default changed_mind), and the condition found as " +
                "packaging sealed|opened|missing / use none|light|heavy (default sealed/none). Example: SNK-RUN-42:1:too_small:opened/light.",
            HelpName = ScannedItemArgument.Syntax,
            CustomParser = ScannedItemArgument.Parse,
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var resolutionOption = new Option<RefundTypes?>("--resolution")
        {
            Description = "How the customer is paid back: original_payment, store_credit or exchange. Default: exchange with --exchange, else original_payment.",
            HelpName = "original_payment|store_credit|exchange",
            CustomParser = ParseResolution,
        };
        var exchangeOption = new Option<IReadOnlyList<ExchangeArgument>>("--exchange")
        {
            Description = "Another product handed over in exchange, at its current price in the order's currency; repeat for each. " +
                "The difference is paid at the till or refunded. Example: SNK-TRAIL-43:99.95.",
            HelpName = "SKU:PRICE",
            CustomParser = ExchangeArgument.Parse,
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var rmaOption = new Option<RmaNumber?>("--rma")
        {
            Description = "Complete the customer's portal return with this RMA number (from its QR code) instead of starting a new one; scan exactly its items.",
            HelpName = "RMA",
            CustomParser = ParseRma,
        };
        var dryRunOption = new Option<bool>("--dry-run")
        {
            Description = "Only check, grade, route and price the return (the preview an associate confirms); nothing is recorded or paid.",
        };
        var dbOption = CommonOptions.InputFile(
            "--db",
            $"The SQLite file the returns are kept in, created on first use. Default: {Path.Combine("<local application data>", "returns", "returns.db")} ({DefaultDatabasePath() ?? "unknown on this machine"}).");
        dbOption.HelpName = "PATH";
        var keyOption = CommonOptions.IdempotencyKeyOption("this confirmation", "the order, store, items, resolution, exchange products and --rma");
        var orderFileOption = CommonOptions.InputFile(
            "--order-file",
            $"The order document the store's order source holds (JSON, see docs/order.md). Default: the bundled demo order WEB-100234, data/{DemoOrder}.");
        var policyOption = CommonOptions.InputFile(
            "--policy",
            $"The return policy (JSON, see docs/policy.md). Default: data/{DemoPolicy}.");
        var gradingOption = CommonOptions.InputFile(
            "--grading",
            $"The condition-grading rules (JSON, see docs/formats/grading-rules.md). Default: data/{DemoGrading}.");
        var atOption = CommonOptions.Instant(
            $"The instant the clock starts at (policy window, timestamps), ISO 8601 with an offset. Default: now; with the bundled demo order " +
            $"{DemoAt:yyyy-MM-dd'T'HH:mmzzz}, inside its return window.");
        var formatOption = CommonOptions.Format();

        var command = new Command(
            "store-return",
            "Process a web order returned at a store: check it against the policy, grade each item, keep what the store can sell again, " +
            "send the rest to the warehouse, and refund the original payment through the e-commerce platform (a demo platform here, which confirms at once).")
        {
            orderOption,
            findOption,
            storeOption,
            associateOption,
            itemOption,
            resolutionOption,
            exchangeOption,
            rmaOption,
            dryRunOption,
            dbOption,
            keyOption,
            orderFileOption,
            policyOption,
            gradingOption,
            atOption,
            formatOption,
        };
        command.Validators.Add(result =>
        {
            var find = result.GetResult(findOption) is not null;
            if (find == (result.GetResult(orderOption) is not null))
            {
                result.AddError(find
                    ? "Give either --order NUMBER to process a return or --find QUERY to look orders up, not both."
                    : "Give the order being returned with --order NUMBER, or look it up first with --find QUERY (order number, e-mail or RMA).");
                return;
            }

            if (find)
            {
                foreach (var processing in new Option[] { itemOption, resolutionOption, exchangeOption, rmaOption, dryRunOption, keyOption })
                {
                    if (result.GetResult(processing) is not null)
                    {
                        result.AddError($"--find only looks orders up; {processing.Name} belongs to processing a return with --order.");
                    }
                }

                return;
            }

            if (result.GetResult(itemOption) is null)
            {
                result.AddError($"Scan at least one item with --item {ScannedItemArgument.Syntax}.");
            }

            var exchanging = result.GetResult(exchangeOption) is not null;
            // Read from the token: a value its own parser rejected would throw here, and that error is reported already.
            var resolution = result.GetResult(resolutionOption) is { Tokens: [var token] } && SnakeCaseNames.TryParseRefundType(token.Value, out var parsed) ? parsed : (RefundTypes?)null;
            if (exchanging && resolution is { } other && other != RefundTypes.Exchange)
            {
                result.AddError($"--exchange hands over another product, so the resolution is exchange, not {other.ToNames()[0]}.");
            }
            else if (!exchanging && resolution == RefundTypes.Exchange)
            {
                result.AddError("--resolution exchange needs the product handed over: --exchange SKU:PRICE.");
            }
        });

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var format = parseResult.GetValue(formatOption) ?? OutputFormat.Table;
            var orderFile = parseResult.GetValue(orderFileOption);
            var at = parseResult.GetValue(atOption) ?? (orderFile is null ? DemoAt : context.Time.GetUtcNow());
            var dbPath = parseResult.GetValue(dbOption) ?? DefaultDatabasePath();
            if (dbPath is null)
            {
                context.Error.WriteLine("error: this machine has no local application data folder for the returns database; give one with --db PATH.");
                return ExitCodes.UsageError;
            }

            dbPath = Path.GetFullPath(dbPath);
            var document = await OrderDocument.LoadFileAsync(orderFile ?? CommonOptions.BundledFile(DemoOrder), cancellationToken).ConfigureAwait(false);
            var policy = await ReturnPolicy.LoadFileAsync(parseResult.GetValue(policyOption) ?? CommonOptions.BundledFile(DemoPolicy), cancellationToken: cancellationToken).ConfigureAwait(false);
            var grading = await GradingRules.LoadFileAsync(parseResult.GetValue(gradingOption) ?? CommonOptions.BundledFile(DemoGrading), cancellationToken).ConfigureAwait(false);
            var storeId = parseResult.GetRequiredValue(storeOption).Trim();
            var find = parseResult.GetValue(findOption);

            // Looking up and previewing only read: without a database file they read an empty store instead of creating one.
            var databaseExisted = File.Exists(dbPath);
            var writes = find is null && !parseResult.GetValue(dryRunOption);
            using var provider = BuildServices(context, at, document.Order, policy, grading, storeId, writes || databaseExisted ? dbPath : null);
            var desk = provider.GetRequiredService<StoreReturnDesk>();

            if (find is not null)
            {
                var lookup = OrderLookupJson.From(find, await desk.FindAsync(find, cancellationToken).ConfigureAwait(false));
                Write(context, format, lookup);
                return ExitCodes.Success;
            }

            var orders = provider.GetRequiredService<IOrderSource>();
            var typed = (parseResult.GetValue(orderOption) ?? string.Empty).Trim();

            // The order as the platform spells its number, so that a repeated run finds the return it recorded.
            var order = await orders.FindAsync(typed, cancellationToken).ConfigureAwait(false);
            var exchanges = parseResult.GetValue(exchangeOption) ?? [];
            var request = new StoreReturnRequest(order?.Number ?? typed, storeId, parseResult.GetRequiredValue(associateOption).Trim(), parseResult.GetRequiredValue(itemOption))
            {
                Rma = parseResult.GetValue(rmaOption),
                Resolution = parseResult.GetValue(resolutionOption) ?? (exchanges.Count > 0 ? RefundTypes.Exchange : RefundTypes.OriginalPayment),
                ExchangeItems = [.. exchanges.Select(e => ExchangeItem.OtherProduct(e.Sku, 1, new Money(e.UnitPrice, document.Order.Currency)))],
            };
            var key = parseResult.GetValue(keyOption) ?? DeriveKey(request, exchanges);
            var run = new StoreReturnRun(!writes, request.StoreId, request.AssociateId, request.Resolution.ToNames()[0], request.Rma?.Value, at, key, dbPath, writes && !databaseExisted);

            StoreReturnJson result;
            if (!writes)
            {
                var preview = await desk.PreviewAsync(request, cancellationToken).ConfigureAwait(false);
                result = StoreReturnJson.From(preview, order ?? document.Order, run);
            }
            else
            {
                var earlier = await provider.GetRequiredService<IReturnStore>().FindByOrderAsync(request.OrderNumber, cancellationToken).ConfigureAwait(false);
                var repeated = earlier.Any(r => r.StoreHandling?.VisitId == key);
                var receipt = await desk.ProcessAsync(request, new IdempotencyKey(key), cancellationToken).ConfigureAwait(false);
                result = StoreReturnJson.From(receipt, order ?? document.Order, run, repeated);
            }

            Write(context, format, result);
            return ExitCodes.Success;
        });

        return command;
    }

    /// <summary>Where the returns database is kept when <c>--db</c> is omitted: <c>returns/returns.db</c> under the user's local application data folder.</summary>
    /// <returns>The path, or <see langword="null"/> when the machine has no such folder.</returns>
    public static string? DefaultDatabasePath()
    {
        var folder = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return folder.Length == 0 ? null : Path.Combine(folder, "returns", "returns.db");
    }

    /// <summary>
    /// The key a confirmation gets when <c>--key</c> is omitted: a hash of everything that makes it this return, with the
    /// items in a fixed order and spelling, so the same command run again continues (and shows) the return it created.
    /// </summary>
    /// <param name="request">The store return.</param>
    /// <param name="exchanges">The exchange products as given.</param>
    /// <returns>For example <c>store-return-4f0c…</c> (45 characters).</returns>
    public static string DeriveKey(StoreReturnRequest request, IReadOnlyList<ExchangeArgument> exchanges)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(exchanges);
        var parts = new List<string>
        {
            request.OrderNumber.ToUpperInvariant(),
            request.StoreId.ToUpperInvariant(),
            string.Join(',', request.Resolution.ToNames()),
            request.Rma?.Value ?? "-",
        };
        parts.AddRange(request.Items.Select(ScannedItemArgument.Canonical).Order(StringComparer.Ordinal));
        parts.AddRange(exchanges.Select(e => "exchange " + e.ToString().ToUpperInvariant()).Order(StringComparer.Ordinal));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts)));
        return "store-return-" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    private static ServiceProvider BuildServices(CliContext context, DateTimeOffset at, Order order, ReturnPolicy policy, GradingRules grading, string storeId, string? databasePath)
    {
        // The same registration a store's installation makes; the clock starts at --at, the platform is a demo one.
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new ShiftedClock(context.Time, at));
        var builder = DemoServices.AddReturnsOn(services, databasePath);

        builder
            .AddReturnPolicy(policy)
            .AddReturnLifecycle()
            .AddConditionGrading(grading)
            .AddRefunds()
            // A demo e-commerce platform that confirms every refund at once; a store's installation registers its real one.
            .AddRefundGateway(new InMemoryRefundGateway())
            .AddOrderSource(new InMemoryOrderSource(order))
            .AddStoreReturnDesk(o =>
            {
                o.Stores.Add(new WarehouseCapabilities(storeId, [Disposition.RestockAsNew]));
                o.Warehouse = WarehouseCapabilities.Everything(Warehouse);
            });
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        provider.GetRequiredService<IStartupValidator>().Validate();
        return provider;
    }

    private static void Write(CliContext context, OutputFormat format, StoreReturnJson result)
    {
        if (format == OutputFormat.Json)
        {
            JsonOutput.Write(context.Out, result, CliJsonContext.Default.StoreReturnJson);
        }
        else
        {
            StoreReturnTable.Write(context.Console, result);
        }
    }

    private static void Write(CliContext context, OutputFormat format, OrderLookupJson lookup)
    {
        if (format == OutputFormat.Json)
        {
            JsonOutput.Write(context.Out, lookup, CliJsonContext.Default.OrderLookupJson);
        }
        else
        {
            OrderLookupTable.Write(context.Console, lookup);
        }
    }

    private static RefundTypes? ParseResolution(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        if (SnakeCaseNames.TryParseRefundType(text, out var resolution))
        {
            return resolution;
        }

        result.AddError($"'{text}' is not a resolution; use original_payment, store_credit or exchange.");
        return null;
    }

    private static RmaNumber? ParseRma(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        if (RmaNumber.TryParse(text.Trim(), out var rma))
        {
            return rma;
        }

        result.AddError($"'{text}' is not an RMA number; it reads like RMA-K952S-WA04M, with a valid check symbol.");
        return null;
    }

}
