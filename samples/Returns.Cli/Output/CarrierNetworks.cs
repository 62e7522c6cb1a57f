using Returns.Sdk.Carriers;

namespace Returns.Cli.Output;

/// <summary>
/// Names the carrier network behind an option: the table-rate carrier is one adapter (<c>tablerate</c>) that reaches
/// several networks (<c>postnl</c>, <c>dhl</c>, …), and people and scripts care about the network.
/// </summary>
internal sealed class CarrierNetworks
{
    private readonly Dictionary<string, CarrierAdapter> _adapters;

    /// <summary>Creates the lookup over the registered adapters.</summary>
    /// <param name="adapters">The carriers.</param>
    public CarrierNetworks(IEnumerable<CarrierAdapter> adapters)
    {
        _adapters = adapters.ToDictionary(a => a.CarrierId, StringComparer.Ordinal);
    }

    /// <summary>The network of a service, else the adapter's id.</summary>
    /// <param name="carrierId">The adapter's id; <see langword="null"/> for a return in store.</param>
    /// <param name="serviceCode">The service, when known.</param>
    /// <returns>For example <c>postnl</c>, or <see langword="null"/> when there is no carrier.</returns>
    public string? Of(string? carrierId, string? serviceCode)
    {
        if (carrierId is null)
        {
            return null;
        }

        return serviceCode is not null && _adapters.TryGetValue(carrierId, out var adapter) && adapter.Capabilities.FindService(serviceCode)?.Network is { } network
            ? network
            : carrierId;
    }
}
