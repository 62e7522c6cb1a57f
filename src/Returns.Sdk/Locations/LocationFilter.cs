using Returns.Sdk.Carriers;

namespace Returns.Sdk.Locations;

/// <summary>Which locations of a <see cref="LocationCatalog"/> a query considers; an unset property matches every location.</summary>
public sealed record LocationFilter
{
    /// <summary>Only locations of this kind, when set.</summary>
    public DropOffKind? Kind { get; init; }

    /// <summary>
    /// Only locations of this carrier (ordinal, case-sensitive), when set; <see cref="LocationCatalog.RetailerCarrierId"/>
    /// for the retailer's own stores.
    /// </summary>
    public string? CarrierId { get; init; }
}
