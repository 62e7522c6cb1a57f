using System.CommandLine.Parsing;
using Returns.Sdk;

namespace Returns.Cli.Commands;

/// <summary>A postcode in a country, written on the command line as <c>CC:CODE</c>, e.g. <c>NL:1012 AB</c> or <c>BE:2000</c>.</summary>
/// <param name="Country">The ISO 3166 country.</param>
/// <param name="Postcode">The postcode as given, trimmed.</param>
internal sealed record PostcodeArgument(CountryCode Country, string Postcode)
{
    /// <inheritdoc />
    public override string ToString() => $"{Country}:{Postcode}";

    /// <summary>Parses a <c>CC:CODE</c> token for System.CommandLine, adding an error when it is malformed.</summary>
    /// <param name="result">The option's argument.</param>
    /// <returns>The postcode, or <see langword="null"/> after adding an error.</returns>
    public static PostcodeArgument? Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        if (TryParse(text, out var postcode, out var problem))
        {
            return postcode;
        }

        result.AddError($"'{text}' is not a postcode: {problem} Use CC:CODE with an ISO 3166 country code, e.g. NL:1012AB or BE:2000.");
        return null;
    }

    /// <summary>Parses <c>CC:CODE</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="postcode">The postcode, when valid.</param>
    /// <param name="problem">What is wrong, when not.</param>
    /// <returns>True when valid.</returns>
    public static bool TryParse(string text, out PostcodeArgument? postcode, out string problem)
    {
        postcode = null;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            problem = "there is no ':' between the country and the code.";
            return false;
        }

        var countryText = text[..colon].Trim();
        var code = text[(colon + 1)..].Trim();
        if (!CountryCode.TryParse(countryText.ToUpperInvariant(), out var country))
        {
            problem = $"'{countryText}' is not an ISO 3166 alpha-2 country code.";
            return false;
        }

        if (code.Length is 0 or > 16)
        {
            problem = code.Length == 0 ? "the code is empty." : "the code is longer than 16 characters.";
            return false;
        }

        postcode = new PostcodeArgument(country, code);
        problem = string.Empty;
        return true;
    }
}
