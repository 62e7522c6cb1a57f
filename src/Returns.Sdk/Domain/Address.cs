namespace Returns.Sdk;

/// <summary>A postal address; personal parts (name, street) are optional and never logged.</summary>
public sealed record Address
{
    /// <summary>Creates an address.</summary>
    /// <param name="country">The country.</param>
    /// <param name="postcode">The postal code, or an empty string where the country has none.</param>
    /// <exception cref="ArgumentException">The country is <c>default</c> or the postcode is too long.</exception>
    public Address(CountryCode country, string postcode)
    {
        if (country == default)
        {
            throw new ArgumentException("An address needs a country.", nameof(country));
        }

        ArgumentNullException.ThrowIfNull(postcode);
        postcode = postcode.Trim();
        if (postcode.Length > 16)
        {
            throw new ArgumentException($"Postcode '{postcode}' is longer than 16 characters.", nameof(postcode));
        }

        Country = country;
        Postcode = postcode;
    }

    /// <summary>The country.</summary>
    public CountryCode Country { get; }

    /// <summary>The postal code as written in the country, trimmed.</summary>
    public string Postcode { get; }

    /// <summary>Recipient or sender name.</summary>
    public string? Name { get; init; }

    /// <summary>Street and house number.</summary>
    public string? Line1 { get; init; }

    /// <summary>Further address detail.</summary>
    public string? Line2 { get; init; }

    /// <summary>City or locality.</summary>
    public string? City { get; init; }

    /// <summary>The position, when known; otherwise a geocoder resolves the postcode.</summary>
    public GeoPoint? Coordinates { get; init; }
}
