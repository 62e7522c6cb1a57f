using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Returns.Cli.Output;

namespace Returns.Cli.Commands;

/// <summary>Options and helpers shared by every command group, so they read and behave the same everywhere.</summary>
internal static class CommonOptions
{
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
    public static Option<DateTimeOffset?> Instant(string description) => new("--at")
    {
        Description = description,
        HelpName = "INSTANT",
        CustomParser = ParseInstant,
    };

    /// <summary>The path of a demo file shipped next to the executable, under <c>data/</c>.</summary>
    /// <param name="fileName">The file's name, e.g. <c>policy.json</c>.</param>
    /// <returns>The absolute path.</returns>
    public static string BundledFile(string fileName) => Path.Combine(AppContext.BaseDirectory, "data", fileName);

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
}
