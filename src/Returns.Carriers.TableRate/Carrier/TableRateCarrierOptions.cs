namespace Returns.Carriers.TableRate;

/// <summary>How the table-rate carrier presents itself.</summary>
public sealed class TableRateCarrierOptions
{
    /// <summary>The carrier id among registered adapters; lower-case letters, digits, '-' or '_'.</summary>
    public string CarrierId { get; set; } = "tablerate";

    /// <summary>The name printed on labels.</summary>
    public string DisplayName { get; set; } = "Returns";

    /// <summary>The two upper-case letters that start its tracking numbers.</summary>
    public string TrackingPrefix { get; set; } = "TR";
}
