namespace Returns.Sdk.Grading;

/// <summary>Where a returned item goes after grading.</summary>
public enum Disposition
{
    /// <summary>Back to stock as new.</summary>
    RestockAsNew,

    /// <summary>Repackaged, then back to stock.</summary>
    RepackageAndRestock,

    /// <summary>Repaired or refurbished, then resold.</summary>
    Refurbish,

    /// <summary>Sold as outlet or second hand.</summary>
    SellAsOutlet,

    /// <summary>Sent back to the vendor or manufacturer.</summary>
    ReturnToVendor,

    /// <summary>Given to charity.</summary>
    Donate,

    /// <summary>Recycled.</summary>
    Recycle,

    /// <summary>Destroyed, e.g. hazardous or hygiene goods.</summary>
    Destroy,
}
