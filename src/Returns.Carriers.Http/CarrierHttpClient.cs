namespace Returns.Carriers.Http;

/// <summary>Names the <see cref="HttpClient"/> each carrier's adapter gets from <see cref="IHttpClientFactory"/>.</summary>
public static class CarrierHttpClient
{
    /// <summary>The name of a carrier's client, e.g. <c>Returns.Carriers.ups</c>.</summary>
    /// <param name="carrierId">The carrier id.</param>
    /// <returns>The client name.</returns>
    public static string NameFor(string carrierId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(carrierId);
        return "Returns.Carriers." + carrierId;
    }

    /// <summary>Creates the carrier's client: its base address and resilience pipeline come from its named options.</summary>
    /// <param name="factory">The factory.</param>
    /// <param name="carrierId">The carrier id.</param>
    /// <returns>A client; cheap to create per call, never dispose the factory's handlers yourself.</returns>
    public static HttpClient CreateCarrierClient(this IHttpClientFactory factory, string carrierId)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.CreateClient(NameFor(carrierId));
    }
}
