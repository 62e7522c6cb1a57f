using System.Collections.Frozen;

namespace Returns.Sdk.Carriers;

/// <summary>Where a service collects returns from.</summary>
public sealed class ServiceArea
{
    private readonly FrozenSet<string>? _countries;

    private ServiceArea(FrozenSet<string>? countries) => _countries = countries;

    /// <summary>Everywhere.</summary>
    public static ServiceArea Worldwide { get; } = new(null);

    /// <summary>The countries covered, or <see langword="null"/> for worldwide.</summary>
    public IReadOnlyCollection<string>? Countries => _countries;

    /// <summary>A service area of whole countries.</summary>
    /// <param name="countries">At least one country.</param>
    /// <returns>The area.</returns>
    /// <exception cref="ArgumentException">No country given.</exception>
    public static ServiceArea OfCountries(params IEnumerable<CountryCode> countries)
    {
        ArgumentNullException.ThrowIfNull(countries);
        var set = countries.Select(c => c.Value).ToFrozenSet(StringComparer.Ordinal);
        return set.Count == 0 ? throw new ArgumentException("A service area needs at least one country.", nameof(countries)) : new ServiceArea(set);
    }

    /// <summary>True when the area covers an address.</summary>
    /// <param name="address">The address.</param>
    /// <returns>Whether a return can start there.</returns>
    public bool Covers(Address address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return _countries is null || _countries.Contains(address.Country.Value);
    }
}
