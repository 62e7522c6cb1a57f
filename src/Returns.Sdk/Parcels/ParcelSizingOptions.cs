namespace Returns.Sdk.Parcels;

/// <summary>
/// The box catalog and unit-size defaults as configuration, e.g. the <c>Returns:Parcels</c> section of
/// <c>appsettings.json</c>. Validated when the host starts; turned into a <see cref="BoxCatalog"/> by
/// <see cref="BoxCatalog.FromOptions(ParcelSizingOptions)"/>.
/// </summary>
public sealed class ParcelSizingOptions
{
    /// <summary>The boxes; at least one, ids unique (case-insensitive). Order does not matter.</summary>
    public IList<ShippingBoxOptions> Boxes { get; } = [];

    /// <summary>Unit sizes by product category (case-insensitive), for products without their own size or weight.</summary>
    public IDictionary<string, ItemSizeOptions> CategoryDefaults { get; } = new Dictionary<string, ItemSizeOptions>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The unit size for products of any category without its own default; none when <see langword="null"/>.</summary>
    public ItemSizeOptions? Fallback { get; set; }
}

/// <summary>One box of the catalog as configuration.</summary>
public sealed class ShippingBoxOptions
{
    /// <summary>The retailer's name for the box, e.g. <c>M</c>; required.</summary>
    public string? Id { get; set; }

    /// <summary>Inner length in cm; above zero, at most 1000.</summary>
    public decimal LengthCm { get; set; }

    /// <summary>Inner width in cm; above zero, at most 1000.</summary>
    public decimal WidthCm { get; set; }

    /// <summary>Inner height in cm; above zero, at most 1000.</summary>
    public decimal HeightCm { get; set; }

    /// <summary>What the empty box and its filling weigh, in grams; zero or more.</summary>
    public decimal TareGrams { get; set; }

    /// <summary>The heaviest contents the box takes, in kg; no limit when unset.</summary>
    public decimal? MaxLoadKg { get; set; }

    /// <summary>Outer length in cm; set all three outer sides or none (then the outer size is the inner size).</summary>
    public decimal? OuterLengthCm { get; set; }

    /// <summary>Outer width in cm; set all three outer sides or none.</summary>
    public decimal? OuterWidthCm { get; set; }

    /// <summary>Outer height in cm; set all three outer sides or none.</summary>
    public decimal? OuterHeightCm { get; set; }
}

/// <summary>The size and weight of one unit as configuration.</summary>
public sealed class ItemSizeOptions
{
    /// <summary>Length in cm; above zero, at most 1000.</summary>
    public decimal LengthCm { get; set; }

    /// <summary>Width in cm; above zero, at most 1000.</summary>
    public decimal WidthCm { get; set; }

    /// <summary>Height in cm; above zero, at most 1000.</summary>
    public decimal HeightCm { get; set; }

    /// <summary>Weight of one unit in grams; above zero.</summary>
    public decimal WeightGrams { get; set; }
}
