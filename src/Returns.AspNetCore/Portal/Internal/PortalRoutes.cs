namespace Returns.AspNetCore.Portal.Internal;

/// <summary>Where the API was mapped, so the portal page and signed label links point at it whatever the mapping order.</summary>
internal sealed class PortalRoutes
{
    private string? _api;

    /// <summary>The API's path prefix, e.g. <c>/api/returns</c>.</summary>
    public string Api => _api ?? throw new InvalidOperationException("The returns API is not mapped; call app.MapReturnsApi(\"/api/returns\") as well as MapReturnsPortal.");

    public void MapApi(string prefix)
    {
        if (_api is not null && _api != prefix)
        {
            throw new InvalidOperationException($"The returns API is mapped at '{_api}' already; map it once.");
        }

        _api = prefix;
    }
}
