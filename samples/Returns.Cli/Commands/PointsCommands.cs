using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Returns.Cli.Input;
using Returns.Cli.Output;
using Returns.Sdk;
using Returns.Sdk.Carriers;
using Returns.Sdk.Locations;
using Returns.Sdk.Serialization;

namespace Returns.Cli.Commands;

/// <summary>The <c>points</c> command group: drop-off points and stores near a place.</summary>
internal static class PointsCommands
{
    /// <summary>The bundled demo points: post offices, lockers, pickup points, mailboxes and stores in the Netherlands and Belgium.</summary>
    public const string DemoPoints = "points.csv";

    private const int DefaultCount = 5;

    /// <summary>Builds <c>returns points</c> and its subcommands.</summary>
    /// <param name="context">Where the commands write and which clock they read.</param>
    /// <returns>The command group.</returns>
    public static Command Create(CliContext context)
    {
        var points = new Command("points", "Find post offices, parcel lockers, pickup points, mailboxes and stores.");
        points.Add(Nearest(context));
        return points;
    }

    /// <summary>Parses <c>--kind</c> as point files spell it.</summary>
    /// <param name="result">The option's argument.</param>
    /// <returns>The kind, or <see langword="null"/> after adding an error.</returns>
    public static DropOffKind? ParseKind(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        if (SnakeCaseNames.TryParseDropOffKind(text, out var kind))
        {
            return kind;
        }

        result.AddError($"'{text}' is not a kind of point; use one of {string.Join(", ", SnakeCaseNames.DropOffKinds)}.");
        return null;
    }

    private static Command Nearest(CliContext context)
    {
        var pointsOption = CommonOptions.InputFile(
            "--points",
            $"The points: CSV or GeoJSON (see docs/formats/locations.md). Default: the bundled demo points, data/{DemoPoints}.");
        var atOption = CommonOptions.Coordinates("Where to search from: latitude,longitude in decimal degrees, e.g. 52.3731,4.8922.");
        atOption.Required = true;
        var countOption = CommonOptions.Count("--k", "How many points to list, nearest first.", DefaultCount);
        var kindOption = new Option<DropOffKind?>("--kind")
        {
            Description = $"Only points of this kind: {string.Join(", ", SnakeCaseNames.DropOffKinds)}.",
            HelpName = "KIND",
            CustomParser = ParseKind,
        };
        var carrierOption = new Option<string?>("--carrier")
        {
            Description = "Only points of this carrier network, as the points file spells it (e.g. postnl, dhl, dpd).",
            HelpName = "CARRIER",
        };
        carrierOption.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string?>()))
            {
                result.AddError("--carrier needs a network name such as postnl.");
            }
        });
        var timeOption = CommonOptions.Instant("--time", "The instant 'open now' is judged at, ISO 8601 with an offset. Default: now.");
        var timeZoneOption = CommonOptions.TimeZone();
        var formatOption = CommonOptions.Format();

        var nearest = new Command(
            "nearest",
            "List the points nearest a position (great-circle distance), with their opening hours and whether they are open now.")
        {
            pointsOption,
            atOption,
            countOption,
            kindOption,
            carrierOption,
            timeOption,
            timeZoneOption,
            formatOption,
        };

        nearest.SetAction(async (parseResult, cancellationToken) =>
        {
            var format = parseResult.GetValue(formatOption) ?? OutputFormat.Table;
            var path = parseResult.GetValue(pointsOption) ?? CommonOptions.BundledFile(DemoPoints);
            var at = parseResult.GetValue(atOption)!.Value;
            var count = parseResult.GetValue(countOption);
            var filter = new LocationFilter
            {
                Kind = parseResult.GetValue(kindOption),
                CarrierId = parseResult.GetValue(carrierOption)?.Trim(),
            };
            var now = parseResult.GetValue(timeOption) ?? context.Time.GetUtcNow();
            var timeZone = CommonOptions.ResolveTimeZone(parseResult, timeZoneOption);

            var catalog = await new InputFiles(context, format).PointsAsync(path, cancellationToken).ConfigureAwait(false);
            var found = catalog.Nearest(at, count, filter);

            if (format == OutputFormat.Json)
            {
                NearestPointJson[] json = [.. found.Select((neighbor, i) => NearestPointJson.From(i + 1, neighbor, now, timeZone))];
                JsonOutput.Write(context.Out, json, CliJsonContext.Default.NearestPointJsonArray);
            }
            else
            {
                NearestPointsTable.Write(context.Console, Heading(found.Count, count, filter, at, Path.GetFileName(path), catalog.Count), found, now, timeZone);
            }

            return ExitCodes.Success;
        });

        return nearest;
    }

    private static string Heading(int found, int asked, LocationFilter filter, GeoPoint at, string file, int total)
    {
        var what = string.Join(' ', new[] { filter.CarrierId, filter.Kind?.ToName() }.Where(p => p is not null));
        var shortOf = found < asked ? string.Create(CultureInfo.InvariantCulture, $"; {asked} asked") : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{found} nearest {(what.Length > 0 ? what + " " : string.Empty)}points to {at} (from {file}, {total} points{shortOf})");
    }
}
