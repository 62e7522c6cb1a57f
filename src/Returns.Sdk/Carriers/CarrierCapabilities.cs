namespace Returns.Sdk.Carriers;

/// <summary>What a carrier adapter declares it can do; the option engine and the conformance kit rely on it.</summary>
public sealed record CarrierCapabilities
{
    /// <summary>Creates a declaration.</summary>
    /// <param name="services">The return services offered; at least one, with unique codes.</param>
    /// <param name="features">The optional operations supported.</param>
    /// <exception cref="ArgumentException">No service, or a code used twice.</exception>
    public CarrierCapabilities(IReadOnlyList<CarrierService> services, CarrierFeatures features)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Count == 0)
        {
            throw new ArgumentException("A carrier offers at least one service.", nameof(services));
        }

        if (services.GroupBy(s => s.Code, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new ArgumentException($"Service code '{duplicate.Key}' is declared twice.", nameof(services));
        }

        Services = [.. services];
        Features = features;
    }

    /// <summary>The return services offered.</summary>
    public IReadOnlyList<CarrierService> Services { get; }

    /// <summary>The optional operations supported.</summary>
    public CarrierFeatures Features { get; }

    /// <summary>True when every given feature is supported.</summary>
    /// <param name="features">The features.</param>
    /// <returns>Whether they are.</returns>
    public bool Supports(CarrierFeatures features) => (Features & features) == features;

    /// <summary>Finds a service by code.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The service, or <see langword="null"/>.</returns>
    public CarrierService? FindService(string code) => Services.FirstOrDefault(s => string.Equals(s.Code, code, StringComparison.Ordinal));
}
