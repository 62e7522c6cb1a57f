using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Returns.Cli.Output;
using Returns.Sdk;
using Returns.Sdk.Lifecycle;

namespace Returns.Cli.Commands;

/// <summary>Options and helpers shared by every command group, so they read and behave the same everywhere.</summary>
internal static class CommonOptions
{
    /// <summary>The time zone "open now" and dates are judged in when <c>--time-zone</c> is omitted: the demo data's.</summary>
    public const string DefaultTimeZoneId = "Europe/Amsterdam";

    private static readonly string[] InstantFormats =
    [
        "yyyy-MM-dd'T'HH:mmzzz",
        "yyyy-MM-dd'T'HH:mm:sszzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm'Z'",
        "yyyy-MM-dd'T'HH:mm:ss'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
    ];

    /// <summary><c>--format table|json</c>; <see langword="null"/> when omitted, which means a table.</summary>
    /// <returns>A new option.</returns>
    public static Option<OutputFormat?> Format() => new("--format", "-f")
    {
        Description = "How to print the result: 'table' for people, 'json' for scripts (indented, uncoloured). Default: table.",
        HelpName = "table|json",
        CustomParser = ParseFormat,
    };

    /// <summary>An option naming an input file; <see langword="null"/> when omitted.</summary>
    /// <param name="name">The option's name, e.g. <c>--policy</c>.</param>
    /// <param name="description">What the file holds and what is used when the option is omitted.</param>
    /// <returns>A new option.</returns>
    public static Option<string?> InputFile(string name, string description)
    {
        var option = new Option<string?>(name)
        {
            Description = description,
            HelpName = "FILE",
        };
        option.AcceptLegalFilePathsOnly();
        return option;
    }

    /// <summary><c>--at INSTANT</c>: an ISO 8601 instant with an offset; <see langword="null"/> when omitted.</summary>
    /// <param name="description">What the instant is used for and what is used when the option is omitted.</param>
    /// <returns>A new option.</returns>
    public static Option<DateTimeOffset?> Instant(string description) => Instant("--at", description);

    /// <summary>An ISO 8601 instant with an offset; <see langword="null"/> when omitted.</summary>
    /// <param name="name">The option's name, e.g. <c>--time</c>.</param>
    /// <param name="description">What the instant is used for and what is used when the option is omitted.</param>
    /// <returns>A new option.</returns>
    public static Option<DateTimeOffset?> Instant(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "INSTANT",
        CustomParser = ParseInstant,
    };

    /// <summary><c>--at LAT,LON</c>: a WGS84 position in decimal degrees; <see langword="null"/> when omitted.</summary>
    /// <param name="description">What the position is used for.</param>
    /// <returns>A new option.</returns>
    public static Option<GeoPoint?> Coordinates(string description) => new("--at")
    {
        Description = description,
        HelpName = "LAT,LON",
        CustomParser = ParseCoordinates,
    };

    /// <summary><c>--time-zone ZONE</c>: an IANA time zone id; <see langword="null"/> when omitted (see <see cref="ResolveTimeZone"/>).</summary>
    /// <returns>A new option.</returns>
    public static Option<TimeZoneInfo?> TimeZone() => new("--time-zone")
    {
        Description = $"The time zone for 'open now' and dates, an IANA id such as Europe/Brussels. Default: {DefaultTimeZoneId}.",
        HelpName = "ZONE",
        CustomParser = ParseTimeZone,
    };

    /// <summary>The time zone asked for, or <see cref="DefaultTimeZoneId"/>.</summary>
    /// <param name="parseResult">The parsed command line.</param>
    /// <param name="option">The <c>--time-zone</c> option.</param>
    /// <returns>The time zone.</returns>
    public static TimeZoneInfo ResolveTimeZone(ParseResult parseResult, Option<TimeZoneInfo?> option) =>
        parseResult.GetValue(option) ?? TimeZoneInfo.FindSystemTimeZoneById(DefaultTimeZoneId);

    /// <summary>The path of a demo file shipped next to the executable, under <c>data/</c>.</summary>
    /// <param name="fileName">The file's name, e.g. <c>policy.json</c>.</param>
    /// <returns>The absolute path.</returns>
    public static string BundledFile(string fileName) => Path.Combine(AppContext.BaseDirectory, "data", fileName);

    /// <summary>A count of 1 or more, e.g. <c>--k 10</c>.</summary>
    /// <param name="name">The option's name.</param>
    /// <param name="description">What is counted.</param>
    /// <param name="defaultValue">The count when the option is omitted.</param>
    /// <returns>A new option.</returns>
    public static Option<int> Count(string name, string description, int defaultValue) => new(name)
    {
        Description = description,
        HelpName = "N",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count) && count >= 1)
            {
                return count;
            }

            result.AddError($"'{text}' is not a count for {name}; it must be a whole number, 1 or more.");
            return defaultValue;
        },
    };

    /// <summary>The longest <c>--key</c>: the SDK derives one key per step from it, with a suffix of up to ten characters.</summary>
    public const int MaxIdempotencyKeyLength = IdempotencyKey.MaxLength - 10;

    /// <summary><c>--key KEY</c>: an idempotency key, 1 to <see cref="MaxIdempotencyKeyLength"/> printable ASCII characters.</summary>
    /// <param name="what">What the key confirms, e.g. <c>this return</c>.</param>
    /// <param name="derivedFrom">What the default key is derived from, e.g. <c>the order, items and option</c>.</param>
    /// <returns>A new option.</returns>
    public static Option<string?> IdempotencyKeyOption(string what, string derivedFrom)
    {
        var option = new Option<string?>("--key")
        {
            Description = $"The idempotency key of {what}, printable ASCII, at most {MaxIdempotencyKeyLength} characters. Default: derived from {derivedFrom}, " +
                "so running the same command again shows the same return and pays or labels nothing twice.",
            HelpName = "KEY",
        };
        option.Validators.Add(result =>
        {
            var key = result.GetValueOrDefault<string?>() ?? string.Empty;
            if (key.Length is 0 or > MaxIdempotencyKeyLength || key.AsSpan().ContainsAnyExceptInRange('!', '~'))
            {
                result.AddError($"--key '{key}' is not an idempotency key: 1 to {MaxIdempotencyKeyLength} printable ASCII characters without spaces.");
            }
        });
        return option;
    }

    private static OutputFormat? ParseFormat(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        switch (text)
        {
            case "table":
                return OutputFormat.Table;
            case "json":
                return OutputFormat.Json;
            default:
                result.AddError($"'{text}' is not an output format; use 'table' or 'json'.");
                return null;
        }
    }

    private static DateTimeOffset? ParseInstant(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        if (DateTimeOffset.TryParseExact(text, InstantFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return instant;
        }

        result.AddError($"'{text}' is not an ISO 8601 instant with an offset; use e.g. 2026-11-20T12:00:00Z or 2026-11-20T13:00:00+01:00.");
        return null;
    }

    private static GeoPoint? ParseCoordinates(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        if (TryParseCoordinates(text, out var point, out var problem))
        {
            return point;
        }

        result.AddError($"'{text}' is not a position: {problem} Use LAT,LON in decimal degrees with a point, e.g. 52.3731,4.8922 (write --at=-33.92,18.42 when the latitude is negative).");
        return null;
    }

    /// <summary>Reads <c>LAT,LON</c>: decimal degrees with a point, latitude first.</summary>
    /// <param name="text">The text.</param>
    /// <param name="point">The position, when valid.</param>
    /// <param name="problem">What is wrong, when not.</param>
    /// <returns>True when valid.</returns>
    public static bool TryParseCoordinates(string text, out GeoPoint point, out string problem)
    {
        point = default;
        var parts = text.Split(',');
        if (parts.Length != 2)
        {
            problem = "expected two numbers separated by a comma.";
            return false;
        }

        const NumberStyles style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;
        if (!double.TryParse(parts[0], style, CultureInfo.InvariantCulture, out var latitude) || !double.TryParse(parts[1], style, CultureInfo.InvariantCulture, out var longitude))
        {
            problem = "the latitude and longitude must be numbers.";
            return false;
        }

        if (latitude is < -90 or > 90)
        {
            problem = "the latitude must be between -90 and 90.";
            return false;
        }

        if (longitude is < -180 or > 180)
        {
            problem = "the longitude must be between -180 and 180.";
            return false;
        }

        point = new GeoPoint(latitude, longitude);
        problem = string.Empty;
        return true;
    }

    private static TimeZoneInfo? ParseTimeZone(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        if (TimeZoneInfo.TryFindSystemTimeZoneById(text, out var zone))
        {
            return zone;
        }

        result.AddError($"'{text}' is not a time zone this system knows; use an IANA id such as Europe/Amsterdam or UTC.");
        return null;
    }
}
