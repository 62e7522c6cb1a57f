using Returns.Sdk.Grading;

namespace Returns.Sdk.StoreReturns;

/// <summary>Where items handed in at stores go.</summary>
public sealed class StoreDeskOptions
{
    /// <summary>
    /// What each store can do with returned items itself, by store id; typically <see cref="Disposition.RestockAsNew"/>
    /// (back on its shelves). A store not listed keeps nothing.
    /// </summary>
    public IList<WarehouseCapabilities> Stores { get; } = [];

    /// <summary>Where items a store does not keep are sent. Required.</summary>
    public WarehouseCapabilities? Warehouse { get; set; }
}
