namespace Returns.Sdk.Parcels;

/// <summary>Units of one product going into the parcel.</summary>
/// <param name="Sku">The stock-keeping unit, named in explanations and errors; not blank.</param>
/// <param name="Quantity">How many units; at least 1.</param>
/// <param name="Product">What the product is: its category, and its size and weight when known.</param>
public sealed record ParcelItem(string Sku, int Quantity, ProductAttributes Product)
{
    /// <summary>The stock-keeping unit; not blank.</summary>
    /// <exception cref="ArgumentException">The SKU is blank.</exception>
    public string Sku
    {
        get;
        init => field = NotBlank(value);
    } = NotBlank(Sku);

    /// <summary>How many units; at least 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The quantity is below 1.</exception>
    public int Quantity
    {
        get;
        init => field = AtLeastOne(value, nameof(Quantity));
    } = AtLeastOne(Quantity, nameof(Quantity));

    /// <summary>What the product is.</summary>
    /// <exception cref="ArgumentNullException">The product is null.</exception>
    public ProductAttributes Product
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(Product));
    } = Product ?? throw new ArgumentNullException(nameof(Product));

    /// <summary>The units of an order line that are coming back.</summary>
    /// <param name="line">The order line.</param>
    /// <param name="quantity">How many of its units are returned; at least 1.</param>
    /// <returns>The item.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The quantity is below 1.</exception>
    public static ParcelItem FromOrderLine(OrderLine line, int quantity)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new ParcelItem(line.Sku, quantity, line.Product);
    }

    private static string NotBlank(string sku)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sku, nameof(Sku));
        return sku;
    }

    private static int AtLeastOne(int quantity, string paramName) =>
        quantity >= 1
            ? quantity
            : throw new ArgumentOutOfRangeException(paramName, quantity, "A parcel item needs at least one unit.");
}
