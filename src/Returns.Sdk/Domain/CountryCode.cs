using System.Diagnostics.CodeAnalysis;
using Returns.Sdk.Internal;

namespace Returns.Sdk;

/// <summary>An assigned ISO 3166-1 alpha-2 country code, upper case.</summary>
public readonly record struct CountryCode
{
    private readonly string? _value;

    private CountryCode(string value) => _value = value;

    /// <summary>The two-letter code.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>True when the country is a member state of the European Union.</summary>
    public bool IsEuMember => _value is not null && Iso3166.IsEuMember(_value);

    /// <summary>True when the country is in the European Economic Area (EU plus Iceland, Liechtenstein, Norway).</summary>
    public bool IsEea => _value is not null && Iso3166.IsEea(_value);

    /// <summary>Parses an ISO 3166-1 alpha-2 code.</summary>
    /// <param name="code">Two letters, case-insensitive.</param>
    /// <returns>The country code.</returns>
    /// <exception cref="ArgumentException">The code is not an assigned ISO 3166-1 alpha-2 code.</exception>
    public static CountryCode Parse(string code) =>
        TryParse(code, out var country)
            ? country
            : throw new ArgumentException($"'{code}' is not an assigned ISO 3166-1 alpha-2 country code.", nameof(code));

    /// <summary>Parses an ISO 3166-1 alpha-2 code.</summary>
    /// <param name="code">Two letters, case-insensitive.</param>
    /// <param name="country">The country, when assigned.</param>
    /// <returns>True when the code is assigned.</returns>
    public static bool TryParse([NotNullWhen(true)] string? code, out CountryCode country)
    {
        if (code is { Length: 2 })
        {
            var upper = code.ToUpperInvariant();
            if (Iso3166.IsAssigned(upper))
            {
                country = new CountryCode(upper);
                return true;
            }
        }

        country = default;
        return false;
    }

    /// <summary>The two-letter code.</summary>
    /// <returns>The code.</returns>
    public override string ToString() => Value;
}
