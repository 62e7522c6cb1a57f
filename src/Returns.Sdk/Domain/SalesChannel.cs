namespace Returns.Sdk;

/// <summary>Where an order was sold.</summary>
public enum SalesChannel
{
    /// <summary>The retailer's own web shop or app (a distance contract).</summary>
    Web,

    /// <summary>A physical store.</summary>
    Store,

    /// <summary>A third-party marketplace (a distance contract).</summary>
    Marketplace,
}
