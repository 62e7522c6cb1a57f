namespace Returns.Sdk.Refunds;

/// <summary>An item the customer takes in exchange for what they return.</summary>
public sealed record ExchangeItem
{
    private ExchangeItem(string sku, int quantity, Money? unitPrice, string? replacesLineId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sku);
        if (quantity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity, $"Exchange item '{sku}': the quantity must be at least 1.");
        }

        if (unitPrice is { IsNegative: true })
        {
            throw new ArgumentOutOfRangeException(nameof(unitPrice), unitPrice, $"Exchange item '{sku}': the unit price must not be negative.");
        }

        Sku = sku;
        Quantity = quantity;
        UnitPrice = unitPrice;
        ReplacesLineId = replacesLineId;
    }

    /// <summary>The SKU handed to the customer.</summary>
    public string Sku { get; }

    /// <summary>How many units.</summary>
    public int Quantity { get; }

    /// <summary>The price of another product; <see langword="null"/> for the same product in another variant.</summary>
    public Money? UnitPrice { get; }

    /// <summary>The returned order line this variant replaces, for a same-product exchange.</summary>
    public string? ReplacesLineId { get; }

    /// <summary>
    /// The same product in another size or colour. It is valued at what the customer paid for the returned units, so
    /// an even swap neither charges nor refunds anything.
    /// </summary>
    /// <param name="replacesLineId">The returned order line.</param>
    /// <param name="sku">The variant's SKU.</param>
    /// <param name="quantity">How many units; at most the units returned of that line.</param>
    /// <returns>The item.</returns>
    public static ExchangeItem SameProduct(string replacesLineId, string sku, int quantity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(replacesLineId);
        return new ExchangeItem(sku, quantity, null, replacesLineId);
    }

    /// <summary>Another product at its current price; the difference is charged or refunded.</summary>
    /// <param name="sku">The product's SKU.</param>
    /// <param name="quantity">How many units.</param>
    /// <param name="unitPrice">Its price per unit, in the order's currency.</param>
    /// <returns>The item.</returns>
    public static ExchangeItem OtherProduct(string sku, int quantity, Money unitPrice) => new(sku, quantity, unitPrice, null);
}
