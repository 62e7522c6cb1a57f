using System.CommandLine;
using System.CommandLine.Parsing;
using Microsoft.Extensions.DependencyInjection;
using Returns.Cli.Input;
using Returns.Cli.Output;
using Returns.Sdk.Carriers;
using Returns.Sdk.Locations;
using Returns.Sdk.Policy;
using Returns.Sdk.ReturnOptions;
using Returns.Sdk.Serialization;

namespace Returns.Cli.Commands;

/// <summary>
/// <c>returns options</c>: the option engine end to end on files, wired through dependency injection exactly as a
/// retailer's application would (<c>AddReturns().AddReturnPolicy(…)</c> and the option engine of
/// <see cref="DemoServices.AddOptionEngine"/>).
/// </summary>
internal static class OptionsCommand
{
    /// <summary>Builds <c>returns options</c>.</summary>
    /// <param name="context">Where the command writes and which clock it reads.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var orderOption = CommonOptions.InputFile(
            "--order",
            $"The order document (JSON, see docs/order.md). Default: the bundled demo order, data/{DemoServices.DemoOrder}.");
        var policyOption = CommonOptions.InputFile(
            "--policy",
            $"The return policy (JSON, see docs/policy.md): which lines may come back and what each method costs the customer. Default: data/{DemoServices.DemoPolicy}.");
        var engineInputs = new OptionEngineInputs();
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
            Description = $"Where returns go, as CC:CODE; with the customer's country it decides the rate zone. Default: {DemoServices.DemoWarehouse}.",
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
        };
        foreach (var input in engineInputs.All)
        {
            command.Options.Add(input);
        }

        foreach (var option in new Option[] { atOption, postcodeOption, strategyOption, warehouseOption, timeOption, timeZoneOption, formatOption })
        {
            command.Options.Add(option);
        }

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
            var warehouse = parseResult.GetValue(warehouseOption) ?? DemoServices.DemoWarehouse;

            var document = await OrderDocument.LoadFileAsync(parseResult.GetValue(orderOption) ?? CommonOptions.BundledFile(DemoServices.DemoOrder), cancellationToken).ConfigureAwait(false);
            var policy = await ReturnPolicy.LoadFileAsync(parseResult.GetValue(policyOption) ?? CommonOptions.BundledFile(DemoServices.DemoPolicy), cancellationToken: cancellationToken).ConfigureAwait(false);
            var engine = await engineInputs.LoadAsync(parseResult, files, cancellationToken).ConfigureAwait(false);

            // The same registration a retailer's application makes; only the clock is the CLI's (tests pass a fake one).
            var services = new ServiceCollection();
            services.AddSingleton(context.Time);
            services.AddReturns()
                .AddReturnPolicy(policy)
                .AddOptionEngine(engine, warehouse);
            using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

            var evaluation = provider.GetRequiredService<ReturnPolicyEngine>().Evaluate(new PolicyEvaluationRequest(document.Order)
            {
                AlreadyReturned = document.AlreadyReturned,
                At = at,
            });

            var customer = await DemoServices.PlaceCustomerAsync(
                context,
                document.Order,
                parseResult.GetValue(atOption),
                parseResult.GetValue(postcodeOption),
                provider.GetRequiredService<IGeocoder>(),
                engine.PostcodesFile,
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
